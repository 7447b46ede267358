import fs from 'node:fs';
import { format } from 'prettier';
import { expect, it } from 'vitest';
import { renderPeoplePermissionsDoc } from './people-permissions-doc';

it('docs/people-permissions.md matches the people-side permission table (npm run docs:permissions regenerates it)', async () => {
  const doc = fs.readFileSync(new URL('../../../docs/people-permissions.md', import.meta.url), 'utf8');
  expect(doc).toBe(
    await format(renderPeoplePermissionsDoc(), {
      parser: 'markdown',
      printWidth: 110,
      proseWrap: 'preserve',
    }),
  );
});
