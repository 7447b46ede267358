/** Bad command-line input: the CLI prints the message and exits with code 2 (no stack trace). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Parses a whole number in [min, max] from a flag or environment value, or throws a UsageError. */
export function parseWholeNumber(raw: string, label: string, min: number, max: number): number {
  const value = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`${label} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}
