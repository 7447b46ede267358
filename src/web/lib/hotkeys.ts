/** Keyboard shortcuts that ignore keys typed into fields. */
import { useEffect, useRef } from 'react';

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'range', 'reset'].includes(type);
  }
  return false;
}

/**
 * Single keys and two-key sequences ("g h"). Handlers receive the event; modifier combinations are
 * left to the browser. Disabled while a drawer (dialog) is open unless `inDialogs` is set.
 */
export function useHotkeys(
  bindings: Record<string, (event: KeyboardEvent) => void>,
  inDialogs = false,
): void {
  const latest = useRef(bindings);
  useEffect(() => {
    latest.current = bindings;
  });
  useEffect(() => {
    let prefix: string | null = null;
    let prefixTimer = 0;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTypingTarget(event.target)) return;
      if (!inDialogs && document.body.classList.contains('has-drawer')) return;
      const key = event.key;
      const map = latest.current;
      if (prefix) {
        const combo = `${prefix} ${key}`;
        prefix = null;
        window.clearTimeout(prefixTimer);
        const handler = map[combo];
        if (handler) {
          event.preventDefault();
          handler(event);
          return;
        }
      }
      if (Object.keys(map).some((k) => k.startsWith(`${key} `))) {
        prefix = key;
        prefixTimer = window.setTimeout(() => (prefix = null), 1200);
        return;
      }
      const handler = map[key];
      if (handler) {
        event.preventDefault();
        handler(event);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      window.clearTimeout(prefixTimer);
    };
  }, [inDialogs]);
}
