/**
 * The first-start demo's sign-ins, kept in `<dataDir>/demo-sign-ins.txt` (mode 0600) so a restart can
 * print them again: the passwords are random per installation and the database only has their hashes.
 */
import fs from 'node:fs';
import path from 'node:path';

export const signInFileName = 'demo-sign-ins.txt';

export function signInFile(dataDir: string): string {
  return path.join(dataDir, signInFileName);
}

export function formatSignIn(signIn: { role: string; email: string; password: string }): string {
  return `demo sign-in (${signIn.role}): ${signIn.email} ${signIn.password}`;
}

export function writeSignIns(file: string, lines: readonly string[]): void {
  fs.writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600); // the mode above only applies when the file is new
}

/** The saved lines, or null when there is no file. */
export function readSignIns(file: string): string[] | null {
  if (!fs.existsSync(file)) return null;
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}
