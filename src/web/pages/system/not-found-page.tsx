import { Link, useLocation } from 'react-router-dom';
import { useDocumentTitle } from '../../components/page-header';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  const location = useLocation();
  return (
    <div className="page narrow">
      <div className="state state-error">
        <p className="state-title">There is no page at {location.pathname}</p>
        <p>The link may be old or mistyped. These are the places Tandem has:</p>
        <ul className="link-list">
          <li>
            <Link to="/">Home</Link> — your work and what needs attention
          </li>
          <li>
            <Link to="/strategy">Strategy</Link> — vision, pillars, objectives and key results
          </li>
          <li>
            <Link to="/projects">Projects</Link> — plans, boards and timelines
          </li>
          <li>
            <Link to="/people">People</Link> — profiles, skills and teams
          </li>
        </ul>
      </div>
    </div>
  );
}
