import ts from "#typescript";
import { ruleIds } from "../rules/index.js";
import { isUnreportedFile } from "./engine/facts.js";
import { scriptKindFor } from "./engine/project.js";
import type { RuleId, Severity, UnusedDirective } from "./types.js";

/**
 * Inline directives the CLI honours, with ESLint's syntax and semantics:
 * - `// perf-scan-disable-next-line n-plus-one -- reason` and `// perf-scan-disable-line …` silence one line;
 * - `/* perf-scan-disable n-plus-one *\/` silences from the comment to the matching `/* perf-scan-enable n-plus-one *\/`
 *   or to the end of the file (findings above the comment are still reported);
 * - ESLint's `// eslint-disable-next-line perf-scan/n-plus-one`, `eslint-disable-line` and the block pair
 *   `/* eslint-disable perf-scan/n-plus-one *\/ … /* eslint-enable perf-scan/n-plus-one *\/` work the same way, so one
 *   comment serves the CLI and the ESLint plugin. As in ESLint, `eslint-disable`/`eslint-enable` count only in block
 *   comments; perf-scan's own directives may also be line comments.
 * A directive without a rule list applies to every rule. The list ends at ` -- description` (the justification).
 * perf-scan directives take rule ids bare or prefixed (`n-plus-one`, `perf-scan/n-plus-one`); ESLint directives only
 * prefixed (a bare id is some other plugin's rule).
 *
 * Only real comments count: the file is parsed, and directive-like text in a string, a template literal, a regular
 * expression or JSX text is not a directive.
 *
 * Which directive "suppressed" a finding follows ESLint (apply-disable-directives.js), which is what
 * `--report-unused-disable-directives` reports against: block directives are applied first, and of the disable
 * directives covering a finding only the last one counts as used; line directives count only for findings no block
 * directive covers. So a `perf-scan-disable-next-line` inside a `perf-scan-disable` range of the same rule is
 * reported as unused, as ESLint does.
 */

export interface Suppression {
  /** The comment's justification after ` -- `, if any. */
  reason: string | null;
}

type Tool = "eslint" | "perf-scan";
type Kind = "disable" | "enable" | "disable-line" | "disable-next-line";

/** One directive comment. */
interface DirectiveComment {
  tool: Tool;
  kind: Kind;
  /** As written: `perf-scan-disable-next-line`, `eslint-enable`, … */
  label: string;
  /** 1-based, the comment's start and end. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The rule list as written (quotes removed, duplicates dropped); empty when there is none. */
  names: string[];
  reason: string | null;
}

/** One rule of one comment (ESLint's unit of use): the list `a, b` is two entries. */
interface Entry {
  comment: DirectiveComment;
  /** As written; null for a directive without a rule list. */
  name: string | null;
  /** The perf-scan rule it concerns; null for every rule; undefined for a name perf-scan has no rule for. */
  rule: RuleId | null | undefined;
  /** perf-scan's own to report when unused: not an `eslint-disable`/`eslint-enable` without a list (other plugins' rules). */
  reportable: boolean;
}

const KNOWN_RULES: ReadonlySet<string> = new Set(ruleIds);
/** Cheap test before parsing: no file without one of these words has a directive. */
const MAYBE_DIRECTIVE = /(?:eslint|perf-scan)-(?:disable|enable)/;
/** A comment opener followed by a directive label; each hit is confirmed to be a real comment on the syntax tree. */
const CANDIDATE = /\/[/*]\s*(?:eslint|perf-scan)-(?:disable|enable)/g;
/** The label at the start of a comment's text, as ESLint's `directivesPattern` reads it (longest first). */
const LABEL = /^(eslint|perf-scan)-(disable-next-line|disable-line|disable|enable)(?=\s|$)/;

/** The directives of one file and which of them silenced something. */
class FileDirectives {
  /** `disable`/`enable` entries in source order. */
  readonly block: Entry[] = [];
  /** `disable-line`/`disable-next-line` entries by the line they apply to, in source order. */
  readonly byLine = new Map<number, Entry[]>();
  readonly all: Entry[] = [];
  readonly used = new Set<Entry>();

  constructor(comments: DirectiveComment[]) {
    for (const comment of comments) {
      for (const entry of entriesOf(comment)) {
        this.all.push(entry);
        if (comment.kind === "disable" || comment.kind === "enable") {
          this.block.push(entry);
        } else {
          // ESLint: next-line means the line after the comment's last line.
          const target = comment.kind === "disable-line" ? comment.line : comment.endLine + 1;
          const list = this.byLine.get(target) ?? [];
          list.push(entry);
          this.byLine.set(target, list);
        }
      }
    }
  }

  /** The entry that silences `ruleId` at a 1-based position (ESLint's choice, see the top of the file) and the reason to show. */
  resolve(line: number, column: number, ruleId: RuleId): { entry: Entry; reason: string | null } | null {
    const applies = (entry: Entry) => entry.rule === null || entry.rule === ruleId;
    let open: Entry[] = [];
    for (const entry of this.block) {
      const { comment } = entry;
      if (comment.line > line || (comment.line === line && comment.column > column)) break;
      if (!applies(entry)) continue;
      if (comment.kind === "disable") open.push(entry);
      else open = [];
    }
    const onLine = (this.byLine.get(line) ?? []).filter(applies);
    // Among line directives for the same line ESLint's stable sort puts a `-line` comment after the `-next-line`
    // one above it, so the `-line` one is the last and counts as used.
    const ordered = [...onLine.filter((e) => e.comment.kind === "disable-next-line"), ...onLine.filter((e) => e.comment.kind === "disable-line")];
    const chosen = open.length > 0 ? open : ordered;
    const entry = chosen.at(-1);
    if (!entry) return null;
    // The justification: the used directive's, else the nearest other one that covers the finding and gives one.
    const reason = entry.comment.reason ?? [...open, ...ordered].reverse().find((e) => e.comment.reason !== null)?.comment.reason ?? null;
    return { entry, reason };
  }

  /** ESLint's `collectUsedEnableDirectives`: an enable is used when a disable before it (of its rule, or of every rule) is still open. */
  private usedEnables(): Set<Entry> {
    // By rule; a name perf-scan has no rule for matches only itself.
    const key = (entry: Entry) => (entry.rule === undefined ? `?${entry.name}` : entry.rule);
    const pending = new Map<string | null, Entry>();
    const used = new Set<Entry>();
    for (let index = this.block.length - 1; index >= 0; index--) {
      const entry = this.block[index]!;
      if (entry.comment.kind === "enable") {
        if (entry.rule === null) pending.clear();
        pending.set(key(entry), entry);
        continue;
      }
      if (pending.size === 0) continue;
      if (entry.rule === null) {
        for (const enable of pending.values()) used.add(enable);
        pending.clear();
      } else {
        const enable = pending.get(key(entry)) ?? pending.get(null);
        if (enable) used.add(enable);
      }
    }
    return used;
  }

  /** Unused entries, grouped into ESLint's messages: one per comment when its whole list is unused, else one per rule. */
  unused(ignored: (entry: Entry) => boolean): { comment: DirectiveComment; names: string[] }[] {
    const usedEnables = this.usedEnables();
    const unused = this.all.filter(
      (entry) => entry.reportable && !ignored(entry) && (entry.comment.kind === "enable" ? !usedEnables.has(entry) : !this.used.has(entry)),
    );
    const byComment = new Map<DirectiveComment, Entry[]>();
    for (const entry of unused) byComment.set(entry.comment, [...(byComment.get(entry.comment) ?? []), entry]);
    const reports: { comment: DirectiveComment; names: string[] }[] = [];
    for (const [comment, entries] of byComment) {
      const names = entries.map((entry) => entry.name).filter((name): name is string => name !== null);
      const remaining = comment.names.filter((name) => !names.includes(name));
      if (remaining.length === 0) reports.push({ comment, names });
      else for (const name of names) reports.push({ comment, names: [name] });
    }
    return reports;
  }
}

function entriesOf(comment: DirectiveComment): Entry[] {
  if (comment.names.length === 0) return [{ comment, name: null, rule: null, reportable: comment.tool === "perf-scan" }];
  const entries: Entry[] = [];
  for (const name of comment.names) {
    const prefixed = name.startsWith("perf-scan/") ? name.slice("perf-scan/".length) : null;
    // In an ESLint directive only `perf-scan/<id>` is ours; anything else belongs to ESLint or another plugin.
    const id = comment.tool === "eslint" ? prefixed : (prefixed ?? name);
    if (id === null) continue;
    entries.push({ comment, name, rule: KNOWN_RULES.has(id) ? (id as RuleId) : undefined, reportable: true });
  }
  return entries;
}

/** The directive a comment's text holds, parsed as ESLint's ConfigCommentParser does, or null. */
function directiveOf(raw: string, start: ts.LineAndCharacter, end: ts.LineAndCharacter): DirectiveComment | null {
  const block = raw.startsWith("/*");
  const value = block ? raw.slice(2, raw.endsWith("*/") && raw.length >= 4 ? -2 : undefined) : raw.slice(2);
  const divider = /\s-{2,}\s/.exec(value);
  const directivePart = (divider ? value.slice(0, divider.index) : value).trim();
  const justification = divider ? value.slice(divider.index + divider[0].length).trim() : "";
  const match = LABEL.exec(directivePart);
  if (!match) return null;
  const tool = match[1] as Tool;
  const kind = match[2] as Kind;
  // ESLint reads `eslint-disable`/`eslint-enable` only in block comments, and rejects a `-line` directive that spans lines.
  if (!block && tool === "eslint" && (kind === "disable" || kind === "enable")) return null;
  if (kind === "disable-line" && start.line !== end.line) return null;
  const names: string[] = [];
  for (const item of directivePart.slice(match[0].length).split(",")) {
    const name = item.trim().replace(/^(["']?)(.*)\1$/s, "$2");
    if (name !== "" && !names.includes(name)) names.push(name);
  }
  return {
    tool,
    kind,
    label: match[0],
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    names,
    reason: justification || null,
  };
}

/**
 * The end of the comment starting at `pos`, or null when `pos` is not the start of a comment (it is inside a string,
 * a template, a regular expression, JSX text or another comment). Walks down the syntax tree to the node holding
 * `pos`: between the children of a node there are only punctuation, keywords and trivia (every literal is a child
 * node), so a comment opener there is a real comment; inside a token only its leading trivia holds comments.
 */
function commentEndAt(sourceFile: ts.SourceFile, pos: number): number | null {
  const text = sourceFile.text;
  let node: ts.Node = sourceFile;
  for (;;) {
    const children: ts.Node[] = [];
    ts.forEachChild(node, (child) => {
      children.push(child);
    });
    const holder = children.find((child) => child.pos <= pos && pos < child.end);
    if (!holder) {
      const gapStart = Math.max(node.pos, ...children.filter((child) => child.end <= pos).map((child) => child.end));
      const gapEnd = Math.min(node.end, ...children.filter((child) => child.pos > pos).map((child) => child.pos));
      return commentInGap(text, gapStart, gapEnd, pos);
    }
    if (ts.isToken(holder)) {
      if (pos >= holder.getStart(sourceFile)) return null; // inside the token's own text
      // Comments on the previous token's line are its "trailing" ranges, the ones after a line break "leading".
      const ranges = [...(ts.getTrailingCommentRanges(text, holder.pos) ?? []), ...(ts.getLeadingCommentRanges(text, holder.pos) ?? [])];
      const range = ranges.find((comment) => comment.pos === pos);
      return range ? range.end : null;
    }
    node = holder;
  }
}

/** Comments in text that holds only trivia, punctuation and keywords: a `//` or `/*` there always opens a comment. */
function commentInGap(text: string, from: number, to: number, pos: number): number | null {
  let index = from;
  if (index === 0 && text.startsWith("#!")) index = lineEnd(text, 0);
  while (index < to && index <= pos) {
    if (text[index] === "/" && text[index + 1] === "/") {
      const end = lineEnd(text, index);
      if (index === pos) return end;
      index = end;
    } else if (text[index] === "/" && text[index + 1] === "*") {
      const close = text.indexOf("*/", index + 2);
      const end = close === -1 ? text.length : close + 2;
      if (index === pos) return end;
      index = end;
    } else {
      index++;
    }
  }
  return null;
}

function lineEnd(text: string, from: number): number {
  const lineBreak = /[\n\r\u2028\u2029]/g;
  lineBreak.lastIndex = from;
  return lineBreak.exec(text)?.index ?? text.length;
}

/** The directive comments of a parsed file, in source order. */
function directiveComments(sourceFile: ts.SourceFile): DirectiveComment[] {
  const text = sourceFile.text;
  if (!MAYBE_DIRECTIVE.test(text)) return [];
  const comments: DirectiveComment[] = [];
  for (const candidate of text.matchAll(CANDIDATE)) {
    const end = commentEndAt(sourceFile, candidate.index);
    if (end === null) continue;
    const directive = directiveOf(text.slice(candidate.index, end), sourceFile.getLineAndCharacterOfPosition(candidate.index), sourceFile.getLineAndCharacterOfPosition(end));
    if (directive) comments.push(directive);
  }
  return comments;
}

function parse(fileName: string, text: string): ts.SourceFile | null {
  try {
    return ts.createSourceFile(fileName, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, scriptKindFor(fileName));
  } catch {
    return null; // too deeply nested for the parser: the engine skips such a file too
  }
}

export interface UnusedDirectivesInput {
  /** The files this run reports on (scan root relative `relPath`); test and non-runtime files are left out here. */
  files: readonly { absPath: string; relPath: string; text: string }[];
  /** The rules that ran to completion. Directives naming another rule are not judged (this run could not know). */
  rulesRun: readonly RuleId[];
  severity: Severity;
  /** Files that could not be analysed (relative paths): their findings are unknown, so are their directives' uses. */
  unanalysed?: readonly string[];
  /** The tree the engine already parsed for a file, so that it is not parsed twice. */
  sourceFileOf?: (absPath: string) => ts.SourceFile | undefined;
}

/**
 * Inline directives for one scan: which directive silences a finding, and afterwards which directives silenced
 * nothing (`--report-unused-disable-directives`). One instance per scan; files are keyed by absolute path.
 */
export class InlineDirectives {
  private readonly files = new Map<string, FileDirectives>();

  /** The directive that silences `ruleId` at a 1-based position of a parsed file, or null; remembered as used. */
  suppressionAt(sourceFile: ts.SourceFile, line: number, column: number, ruleId: RuleId): Suppression | null {
    let file = this.files.get(sourceFile.fileName);
    if (!file) this.files.set(sourceFile.fileName, (file = new FileDirectives(directiveComments(sourceFile))));
    const found = file.resolve(line, column, ruleId);
    if (!found) return null;
    file.used.add(found.entry);
    return { reason: found.reason };
  }

  /**
   * The directives of `files` that silenced nothing in this scan, as ESLint reports them: "Unused perf-scan-disable
   * directive (no problems were reported from 'n-plus-one')." — per rule when only part of a list is unused.
   * Never reported: directives in files nothing is reported in (tests, scripts, …: see `isUnreportedFile`) or that
   * could not be analysed; directives naming a rule that did not run; a directive without a rule list when any rule
   * did not run; `eslint-disable`/`eslint-enable` without a list or naming only other plugins' rules.
   */
  unused(input: UnusedDirectivesInput): UnusedDirective[] {
    const ran = new Set(input.rulesRun);
    const everyRuleRan = ruleIds.every((id) => ran.has(id));
    const unanalysed = new Set(input.unanalysed ?? []);
    const ignored = (entry: Entry) => (entry.rule === null ? !everyRuleRan : entry.rule !== undefined && !ran.has(entry.rule));
    const reports: UnusedDirective[] = [];
    for (const { absPath, relPath, text } of input.files) {
      if (isUnreportedFile(relPath) || unanalysed.has(relPath) || !MAYBE_DIRECTIVE.test(text)) continue;
      let file = this.files.get(absPath);
      if (!file) {
        // No finding was looked up in this file, so none of its directives was used.
        const sourceFile = input.sourceFileOf?.(absPath) ?? parse(absPath, text);
        if (!sourceFile) continue;
        file = new FileDirectives(directiveComments(sourceFile));
      }
      for (const { comment, names } of file.unused(ignored)) {
        reports.push({
          file: relPath,
          line: comment.line,
          column: comment.column,
          endLine: comment.endLine,
          endColumn: comment.endColumn,
          directive: comment.label,
          rules: names,
          message: messageOf(comment, names),
          severity: input.severity,
        });
      }
    }
    return reports.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  }
}

/** ESLint's wording, with the directive's own prefix. */
function messageOf(comment: DirectiveComment, names: string[]): string {
  const quoted = names.map((name) => `'${name}'`);
  const description = quoted.length <= 2 ? quoted.join(" or ") : `${quoted.slice(0, -1).join(", ")}, or ${quoted.at(-1)}`;
  const message =
    comment.kind === "enable"
      ? `Unused ${comment.tool}-enable directive (no matching ${comment.tool}-disable directives were found${description ? ` for ${description}` : ""}).`
      : `Unused ${comment.tool}-disable directive (no problems were reported${description ? ` from ${description}` : ""}).`;
  // A typo cannot ever be used: say so, or the user looks for the finding that went away.
  const unknown = names.map((name) => name.replace(/^perf-scan\//, "")).filter((id) => !KNOWN_RULES.has(id));
  return unknown.length === 0 ? message : `${message} perf-scan has no rule ${unknown.map((id) => `'${id}'`).join(" or ")}.`;
}

/**
 * The directive that silences `ruleId` on a 1-based line (and column, default 1) of a file's text, or null. For
 * callers without a scan; the scan itself uses `InlineDirectives`, which also records what was used.
 */
export function suppressionAt(source: string | readonly string[], line: number, ruleId: RuleId, column = 1, fileName = "file.ts"): Suppression | null {
  const text = typeof source === "string" ? source : source.join("\n");
  const sourceFile = parse(fileName, text);
  if (!sourceFile) return null;
  return new InlineDirectives().suppressionAt(sourceFile, line, column, ruleId);
}

export function isSuppressed(source: string | readonly string[], line: number, ruleId: RuleId, column = 1): boolean {
  return suppressionAt(source, line, ruleId, column) !== null;
}
