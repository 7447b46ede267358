/**
 * Where the installed package lives. The same code runs bundled (dist/cli.js) and from source
 * (tsx src/cli/main.ts), so paths are found by walking up to the folder holding package.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function findPackageRoot(from: string = path.dirname(fileURLToPath(import.meta.url))): string | null {
  let dir = path.resolve(from);
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** The built web app (vite build → dist/web); `isBuilt` is false when its index.html is missing. */
export function findWebDir(root: string | null = findPackageRoot()): {
  dir: string | null;
  isBuilt: boolean;
} {
  if (root === null) return { dir: null, isBuilt: false };
  const dir = path.join(root, 'dist', 'web');
  return { dir, isBuilt: fs.existsSync(path.join(dir, 'index.html')) };
}
