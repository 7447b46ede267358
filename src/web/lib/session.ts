/**
 * The signed-in account and what its role allows, as the server answered it in `me.can` (the table
 * lives in src/core/roles.ts; the web app never evaluates it). What the account may do with one record
 * is that record's own `can`.
 */
import type { Action } from '../../core/roles';
import type { Me } from '../api/client';
import { useMe } from '../api/queries';

export interface Session {
  me: Me;
  can: (action: Action) => boolean;
  /** Is this person profile the signed-in user's own? */
  isMe: (personId: string | null | undefined) => boolean;
}

/** Only for components under the signed-in shell, which renders nothing until `me` is known. */
export function useSession(): Session {
  const { data } = useMe();
  if (!data) throw new Error('useSession is used outside the signed-in app');
  const me = data;
  return {
    me,
    can: (action) => me.can[action],
    isMe: (personId) => Boolean(personId) && personId === me.personId,
  };
}
