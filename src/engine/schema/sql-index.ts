// Indexes and unique keys in SQL text that migrations run (`queryRunner.query(…)`, `queryInterface.sequelize.query(…)`).
// Only the statements that create an index are read; everything else in the text is ignored.

/** An index statement's table and columns, by database names; `columns` stops before the first expression. */
export interface SqlIndex {
  table: string;
  columns: string[];
  unique: boolean;
  name: string | null;
  /** Offset of the statement in the text. */
  offset: number;
}

const IDENTIFIER = String.raw`(?:"[^"]+"|\x60[^\x60]+\x60|\[[^\]]+\]|[A-Za-z_][\w$]*)`;
const QUALIFIED = String.raw`${IDENTIFIER}(?:\s*\.\s*${IDENTIFIER})?`;

const CREATE_INDEX = new RegExp(
  String.raw`\bCREATE\s+(UNIQUE\s+)?(?:CLUSTERED\s+|NONCLUSTERED\s+)?INDEX\s+(?:CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(${QUALIFIED}\s+)?ON\s+(?:ONLY\s+)?(${QUALIFIED})\s*(?:USING\s+\w+\s*)?\(`,
  "gi",
);
// An EXCLUDE constraint (`EXCLUDE USING GIST ("CollectiveId" WITH =, period WITH &&)`) is backed by an index too.
const ADD_KEY = new RegExp(String.raw`\bALTER\s+TABLE\s+(?:ONLY\s+)?(?:IF\s+EXISTS\s+)?(${QUALIFIED})\s+ADD\s+(?:CONSTRAINT\s+(${IDENTIFIER})\s+)?(UNIQUE|PRIMARY\s+KEY|EXCLUDE(?:\s+USING\s+\w+)?)(?:\s+(?:INDEX|KEY))?\s*(${IDENTIFIER}\s*)?\(`, "gi");

const DROP_INDEX = new RegExp(String.raw`\bDROP\s+INDEX\s+(?:CONCURRENTLY\s+)?(?:IF\s+EXISTS\s+)?(${QUALIFIED})|\bALTER\s+TABLE\s+${QUALIFIED}\s+DROP\s+(?:INDEX|KEY|CONSTRAINT)\s+(?:IF\s+EXISTS\s+)?(${IDENTIFIER})`, "gi");

/** The names of the indexes a SQL text drops (`DROP INDEX "x"`, `ALTER TABLE t DROP INDEX x`), with their offsets. */
export function droppedIndexesInSql(sql: string): { name: string; offset: number }[] {
  return [...sql.matchAll(DROP_INDEX)].map((match) => ({ name: unquote((match[1] ?? match[2])!), offset: match.index }));
}

export function unquote(name: string): string {
  const last = name.trim().split(/\s*\.\s*(?=(?:[^"]*"[^"]*")*[^"]*$)/).pop() ?? name;
  return last.replace(/^["`[]|["`\]]$/g, "");
}

/** The text between the parenthesis at `open` and its match, or null when it is not closed. */
function parenthesised(text: string, open: number): string | null {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && --depth === 0) return text.slice(open + 1, i);
  }
  return null;
}

/** `"merchant_id", created_at DESC, lower(email)` → `["merchant_id", "created_at"]`: an expression ends the usable prefix. */
function columnList(list: string): string[] {
  const columns: string[] = [];
  let depth = 0;
  let current = "";
  const parts: string[] = [];
  for (const char of list) {
    if (char === "(") depth++;
    if (char === ")") depth--;
    if (char === "," && depth === 0) {
      parts.push(current);
      current = "";
    } else current += char;
  }
  parts.push(current);
  for (const part of parts) {
    const match = new RegExp(String.raw`^\s*(${IDENTIFIER})(?:\s*\(\s*\d+\s*\))?(?:\s+(?:ASC|DESC|NULLS\s+(?:FIRST|LAST)|COLLATE\s+\S+|\w+_ops|WITH\s+\S+))*\s*$`, "i").exec(part);
    if (!match) break;
    columns.push(unquote(match[1]!));
  }
  return columns;
}

/** Every CREATE INDEX and ADD UNIQUE / PRIMARY KEY in a SQL text. */
export function indexesInSql(sql: string): SqlIndex[] {
  const found: SqlIndex[] = [];
  for (const match of sql.matchAll(CREATE_INDEX)) {
    const list = parenthesised(sql, match.index + match[0].length - 1);
    if (list === null) continue;
    const columns = columnList(list);
    if (columns.length > 0) found.push({ table: unquote(match[3]!), columns, unique: Boolean(match[1]), name: match[2] ? unquote(match[2]) : null, offset: match.index });
  }
  for (const match of sql.matchAll(ADD_KEY)) {
    const list = parenthesised(sql, match.index + match[0].length - 1);
    if (list === null) continue;
    const columns = columnList(list);
    if (columns.length > 0) found.push({ table: unquote(match[1]!), columns, unique: !/^EXCLUDE/i.test(match[3]!), name: match[2] ? unquote(match[2]) : null, offset: match.index });
  }
  return found.sort((a, b) => a.offset - b.offset);
}
