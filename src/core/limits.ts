/** Bounds on input, in one place so the API, the CLI and the web forms agree. */
export const limits = {
  nameLength: 200,
  textLength: 10_000,
  maxHours: 100_000,
  maxMoney: 1_000_000_000,
  pageSizeDefault: 50,
  /** Default page of the small catalogues (skills, teams, clients, pillars) that pickers read whole. */
  pageSizeDefaultLarge: 200,
  pageSizeMax: 500,
  passwordMin: 10,
  passwordMax: 200,
  listItems: 50,
  sessionDays: 14,
  loginAttemptsPerWindow: 10,
  loginWindowSeconds: 300,
} as const;
