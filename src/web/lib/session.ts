/** The signed-in account and what its role allows (the table lives in src/core/roles.ts). */
import { can, type Action } from '../../core/roles';
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
    can: (action) => can(me.role, action),
    isMe: (personId) => Boolean(personId) && personId === me.personId,
  };
}
