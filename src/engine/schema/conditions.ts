// What a query asks of one table, whichever syntax it was read from (ORM options, a query-builder chain, SQL).

export interface Conditions {
  /** `field = …`, `field IN (…)`. */
  equality: string[];
  /** `>`, `<`, between. */
  range: string[];
  /** `field IS [NOT] NULL`: an index serves it, but a soft-delete `deletedAt: null` matches nearly every row. */
  nullChecks: string[];
  /** ORDER BY fields, in order. */
  sort: string[];
  /** The query has a row limit (take/limit), which makes a sort-only lookup an index question. */
  limited: boolean;
  /** Conditions no index question can be asked of (`contains`, `not`, `Like`, a relation filter): the sort alone is not judged then. */
  unjudged: boolean;
  /**
   * A condition this cannot read (a JSON path, `LIKE`, a function of the column): it may be the selective one, served
   * by an expression or partial index, so the lookup is not judged at all.
   */
  opaqueFilter: boolean;
}

export function noConditions(): Conditions {
  return { equality: [], range: [], nullChecks: [], sort: [], limited: false, unjudged: false, opaqueFilter: false };
}
