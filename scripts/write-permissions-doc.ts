import fs from 'node:fs';
import { renderPeoplePermissionsDoc } from '../src/server/http/people-permissions-doc';
import { renderPermissionsDoc } from '../src/server/http/permissions-doc';

fs.writeFileSync(new URL('../docs/permissions.md', import.meta.url), renderPermissionsDoc());
fs.writeFileSync(new URL('../docs/people-permissions.md', import.meta.url), renderPeoplePermissionsDoc());
console.log('wrote docs/permissions.md and docs/people-permissions.md');
