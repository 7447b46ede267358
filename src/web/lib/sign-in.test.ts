import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { organizationChoices, passwordChangedMessage, safeNext } from './sign-in';

describe('safeNext', () => {
  it('follows only same-site paths, never another host or the sign-in page itself', () => {
    expect(safeNext('/projects/1?tab=tasks')).toBe('/projects/1?tab=tasks');
    expect(safeNext('//evil.example/x')).toBe('/');
    expect(safeNext('/\\evil.example/x')).toBe('/'); // browsers read a backslash as a slash
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('/sign-in?next=/x')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});

describe('organizationChoices', () => {
  it('reads the organizations of a 409 that lists them, skipping malformed entries', () => {
    const error = new ApiError(409, 'conflict', 'choose', {
      organizations: [{ id: 'o1', name: 'Acme' }, { id: 2 }, null, { id: 'o2', name: '<b>Beta</b>' }],
    });
    expect(organizationChoices(error)).toEqual([
      { id: 'o1', name: 'Acme' },
      { id: 'o2', name: '<b>Beta</b>' },
    ]);
  });

  it('offers nothing for any other answer', () => {
    expect(organizationChoices(new ApiError(401, 'unauthenticated', 'wrong'))).toEqual([]);
    expect(organizationChoices(new ApiError(409, 'conflict', 'x', { organizations: 'o1' }))).toEqual([]);
    expect(organizationChoices(new Error('network'))).toEqual([]);
  });
});

describe('passwordChangedMessage', () => {
  it('says what the change ended, naming tokens only when there were some', () => {
    expect(passwordChangedMessage(0)).toBe('Password changed; your other sessions were signed out');
    expect(passwordChangedMessage(1)).toMatch(/your API token was revoked$/);
    expect(passwordChangedMessage(3)).toMatch(/your 3 API tokens were revoked$/);
  });
});
