import fs from 'node:fs';
import { format } from 'prettier';
import { expect, it } from 'vitest';
import { renderPermissionsDoc } from './permissions-doc';

it('docs/permissions.md matches the permission table (npm run docs:permissions regenerates it)', async () => {
  const doc = fs.readFileSync(new URL('../../../docs/permissions.md', import.meta.url), 'utf8');
  expect(doc).toBe(
    await format(renderPermissionsDoc(), { parser: 'markdown', printWidth: 110, proseWrap: 'preserve' }),
  );
});
