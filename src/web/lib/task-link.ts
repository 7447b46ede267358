/** Tasks open in a drawer over whatever page is shown: `?task=<id>` on the current URL. */
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

export const TASK_PARAM = 'task';

export function useOpenTask(): (taskId: string) => void {
  const [, setParams] = useSearchParams();
  return useCallback(
    (taskId: string) =>
      setParams((params) => {
        const next = new URLSearchParams(params);
        next.set(TASK_PARAM, taskId);
        return next;
      }),
    [setParams],
  );
}

/** The href that opens a task's drawer on the current page (for real links: middle-click, copy). */
export function taskHref(search: string, taskId: string): string {
  const params = new URLSearchParams(search);
  params.set(TASK_PARAM, taskId);
  return `?${params.toString()}`;
}
