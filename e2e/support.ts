/**
 * Browser-test support: starts the built server (`node dist/cli.js serve`) on a free port with a fresh
 * data directory and the demo organization, reads the demo sign-ins it prints, and launches Debian's
 * Chromium through playwright-core (no downloaded browsers).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { freePort } from '../src/test/free-port';

export const root = path.resolve(import.meta.dirname, '..');
export const artifacts = path.join(root, 'e2e', 'artifacts');

export interface SignIn {
  email: string;
  password: string;
}

export interface Server {
  url: string;
  dataDir: string;
  signIns: Record<'owner' | 'leader' | 'manager' | 'member', SignIn>;
  output(): string;
  stop(): Promise<void>;
}

export async function startServer(extraArgs: string[] = []): Promise<Server> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-e2e-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['dist/cli.js', 'serve', ...extraArgs], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      TANDEM_DATA_DIR: dataDir,
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (!/listening on/i.test(output)) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`server did not start within 90 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const signIns = {} as Server['signIns'];
  for (const match of output.matchAll(/^demo sign-in \((\w+)\): (\S+) (\S+)$/gm)) {
    signIns[match[1] as keyof Server['signIns']] = { email: match[2]!, password: match[3]! };
  }
  return {
    url,
    dataDir,
    signIns,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<{ browser: Browser; close(): Promise<void> }> {
  // playwright's launch() gives every browser a fresh temporary profile (user-data dir) of its own
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    async close() {
      await browser.close();
    },
  };
}

export async function signIn(page: Page, server: Server, who: SignIn): Promise<void> {
  await page.goto(`${server.url}/`);
  await page.getByLabel(/email/i).fill(who.email);
  await page.getByLabel(/password/i).fill(who.password);
  await page.getByRole('button', { name: /sign in/i }).click();
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(artifacts, { recursive: true });
  const file = path.join(artifacts, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/**
 * A file's server (the built app on a fresh data directory with its demo organization) and browser,
 * started before its tests and stopped after them.
 */
export function serverAndBrowser(extraArgs: string[] = []): {
  readonly server: Server;
  readonly browser: Browser;
} {
  let server: Server | undefined;
  let launched: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  beforeAll(async () => {
    server = await startServer(extraArgs);
    launched = await launchBrowser();
  });
  afterAll(async () => {
    await launched?.close();
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error('the server starts in beforeAll');
      return server;
    },
    get browser() {
      if (!launched) throw new Error('the browser starts in beforeAll');
      return launched.browser;
    },
  };
}
