/** Shared helpers of the benchmark harnesses: argument parsing, file listing, CSV. */
import fs from 'node:fs';
import path from 'node:path';

export type Args = Record<string, string>;

export function parseArgs(argv: string[], known: string[]): Args {
  const out: Args = {};
  for (let x = 0; x < argv.length; x++) {
    const a = argv[x]!;
    if (!a.startsWith('--')) throw new Error(`Unexpected argument ${a}`);
    const eq = a.indexOf('=');
    const key = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (!known.includes(key))
      throw new Error(`Unknown option --${key} (known: ${known.map((k) => `--${k}`).join(' ')})`);
    const value = eq > 0 ? a.slice(eq + 1) : argv[++x];
    if (value === undefined) throw new Error(`--${key} needs a value`);
    out[key] = value;
  }
  return out;
}

export function numberArg(args: Args, key: string): number | undefined {
  const v = args[key];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${key} needs a non-negative number, not ${v}`);
  return n;
}

/** Files with the extension in `dir`, in natural order (j301_2 before j301_10). */
export function listFiles(dir: string, ext: string): string[] {
  const collator = new Intl.Collator('en', { numeric: true });
  return fs
    .readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith(ext))
    .sort((a, b) => collator.compare(a, b))
    .map((f) => path.join(dir, f));
}

export function writeCsv(file: string, header: string[], rows: (string | number)[][]): void {
  const esc = (v: string | number): string => {
    const s = String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  fs.writeFileSync(file, [header, ...rows].map((r) => r.map(esc).join(',')).join('\n') + '\n');
}

export function mean(xs: number[]): number {
  return xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length;
}
