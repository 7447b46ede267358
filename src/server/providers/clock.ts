/** Time behind an interface so tests can fix "today". */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
export function fixedClock(iso: string): Clock & { set(iso: string): void } {
  let current = new Date(iso);
  return {
    now: () => new Date(current),
    set(next: string) {
      current = new Date(next);
    },
  };
}
export const isoNow = (clock: Clock): string => clock.now().toISOString();
export const today = (clock: Clock): string => clock.now().toISOString().slice(0, 10);
