import fs from 'node:fs';
import { renderPermissionsDoc } from '../src/server/http/permissions-doc';

fs.writeFileSync(new URL('../docs/permissions.md', import.meta.url), renderPermissionsDoc());
console.log('wrote docs/permissions.md');
