import type { AnchorHTMLAttributes, ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { taskHref } from '../lib/task-link';

type TaskLinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & {
  id: string;
  children: ReactNode;
};

/** A link that opens the task drawer over the current page (Esc closes it). */
export function TaskLink({ id, children, className, ...rest }: TaskLinkProps) {
  const location = useLocation();
  return (
    <Link
      {...rest}
      to={{ pathname: location.pathname, search: taskHref(location.search, id) }}
      className={className ?? 'task-link'}
    >
      {children}
    </Link>
  );
}
