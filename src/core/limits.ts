/** Bounds on input, in one place so the API, the CLI and the web forms agree. */
export const limits = {
  nameLength: 200,
  textLength: 10_000,
  maxHours: 100_000,
  maxMoney: 1_000_000_000,
  /**
   * A goal's metric (start, target, current, check-in values): any real-world count or amount fits,
   * and the difference of two such values stays far from overflowing to Infinity.
   */
  maxMetric: 1_000_000_000_000,
  /** Display order of pillars and values; the column is a 32-bit integer on PostgreSQL. */
  maxPosition: 10_000,
  /** The furthest a list may be paged (PostgreSQL's OFFSET is 64-bit; no list here comes close). */
  maxOffset: 10_000_000,
  /**
   * One task's estimate (five working years). Larger ones made every forecast simulate years of
   * days per task; a project's budget in hours may be larger (maxHours).
   */
  maxTaskHours: 10_000,
  /**
   * The dates a person may enter. A planned end in year 9999 made every view of the plan walk 8,000
   * years of days (25 s for one budget page); stored dates outside are still read.
   */
  firstDate: '2000-01-01',
  lastDate: '2099-12-31',
  pageSizeDefault: 50,
  /** Default page of the small catalogues (skills, teams, clients, pillars) that pickers read whole. */
  pageSizeDefaultLarge: 200,
  pageSizeMax: 500,
  passwordMin: 10,
  passwordMax: 200,
  listItems: 50,
  sessionDays: 14,
  /** Accounts one email may hold across organizations (sign-in checks the password against each). */
  accountsPerEmail: 10,
} as const;
