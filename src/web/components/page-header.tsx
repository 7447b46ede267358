import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router-dom';

export interface Crumb {
  label: string;
  to?: string;
}

/** The page title (also the document title), optional breadcrumbs and actions on the right. */
export function PageHeader({
  title,
  crumbs,
  actions,
  children,
}: {
  title: ReactNode;
  crumbs?: Crumb[];
  actions?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <header className="page-header">
      {crumbs && crumbs.length > 0 ? (
        <nav className="breadcrumbs" aria-label="Breadcrumbs">
          <ol>
            {crumbs.map((crumb, index) => (
              <li key={`${crumb.label}-${index}`}>
                {crumb.to ? <Link to={crumb.to}>{crumb.label}</Link> : <span>{crumb.label}</span>}
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      <div className="page-header-row">
        <h1>{title}</h1>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </div>
      {children}
    </header>
  );
}

/** Sets the browser tab title while a page is shown. */
export function useDocumentTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Tandem` : 'Tandem';
  }, [title]);
}
