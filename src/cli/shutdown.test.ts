/**
 * `tandem serve` stops gracefully on SIGTERM: a real process (src/test/processes.ts) with a request in
 * flight whose body the test sends slowly, so the request is provably running when the signal comes.
 */
import { once } from 'node:events';
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../test/free-port';
import { killAll, tandem, tempDir, type Run } from '../test/processes';

afterAll(killAll);

/** Sends the headers and the first bytes of a POST, and resolves with the socket and what to send next. */
async function startSlowPost(port: number, path: string, payload: unknown) {
  const body = JSON.stringify(payload);
  const socket = net.connect(port, '127.0.0.1');
  await once(socket, 'connect');
  let answer = '';
  socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
  const ended = once(socket, 'close');
  socket.write(
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`,
  );
  return {
    finish: async () => {
      socket.write(body.slice(10));
      await ended;
      return answer;
    },
    answer: () => answer,
    ended,
  };
}

const isRefused = async (port: number) =>
  fetch(`http://127.0.0.1:${port}/api/health`).then(
    () => false,
    () => true,
  );

/** The JSON log lines (pino) the process wrote. */
const logLines = (run: Run) =>
  run
    .stdout()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { msg: string; reqId?: string; level: number });

describe('tandem serve stops gracefully', () => {
  it('on SIGTERM takes no new connections, finishes the request in flight, closes the database and exits 0', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const run = tandem(['serve', '--port', String(port), '--no-demo'], dataDir, { TANDEM_LOG_LEVEL: 'info' });
    await run.waitFor(/Tandem is listening on/, 45_000);

    // first-run setup (a write), in flight: the server has its headers, not yet its whole body
    const setup = await startSlowPost(port, '/api/setup', {
      organizationName: 'Stopping Ltd',
      ownerName: 'Ada',
      email: 'ada@stopping.test',
      password: 'long-enough-password',
    });
    await run.waitFor(/"url":"\/api\/setup".*"msg":"incoming request"/, 10_000);
    run.child.kill('SIGTERM');
    await run.waitFor(/Stopping Tandem \(SIGTERM\)/, 10_000);
    await expect.poll(() => isRefused(port), { timeout: 10_000 }).toBe(true);
    expect(run.child.exitCode).toBeNull(); // still waiting for the request

    const answer = await setup.finish(); // resolves when the server has closed the connection
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(await run.exited(20_000)).toBe(0);
    expect(run.stdout()).toMatch(/Tandem stopped\./);

    // every log line of the request carries its id, the id the answer echoes in x-request-id
    const requestId = /\r\nx-request-id: ([0-9a-f-]{36})\r\n/i.exec(answer)?.[1];
    expect(requestId).toBeDefined();
    const lines = logLines(run).filter((line) => line.reqId === requestId);
    expect(lines.map((line) => line.msg)).toEqual(['incoming request', 'request completed']);
    expect(logLines(run).filter((line) => /request/.test(line.msg) && !line.reqId)).toEqual([]);

    // the write was committed and the database closed cleanly: the next start finds the organization
    const again = tandem(['serve', '--port', String(port), '--no-demo'], dataDir);
    await again.waitFor(/Tandem is listening on/, 45_000);
    const status = await fetch(`http://127.0.0.1:${port}/api/setup`);
    expect(await status.json()).toEqual({ needsSetup: false });
    again.child.kill('SIGTERM');
    expect(await again.exited(20_000)).toBe(0);
  }, 120_000);

  it('stops within TANDEM_SHUTDOWN_SECONDS even when a request never finishes', async () => {
    const port = await freePort();
    const run = tandem(['serve', '--port', String(port), '--no-demo'], tempDir(), {
      TANDEM_LOG_LEVEL: 'info',
      TANDEM_SHUTDOWN_SECONDS: '1',
    });
    await run.waitFor(/Tandem is listening on/, 45_000);
    const stuck = await startSlowPost(port, '/api/setup', { organizationName: 'Never sent' });
    await run.waitFor(/"url":"\/api\/setup".*"msg":"incoming request"/, 10_000);
    const signalled = Date.now();
    run.child.kill('SIGTERM');
    expect(await run.exited(15_000)).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(10_000);
    expect(run.stderr()).toMatch(/Requests still running after 1 s: closing their connections\./);
    await stuck.ended;
  }, 90_000);
});
