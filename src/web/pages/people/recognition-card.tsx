/** What a person was recognised for: values named in their kudos, from how many people, and the latest ones. */
import { Link } from 'react-router-dom';
import { useRecognition } from '../../api/people-side-queries';
import { Loading } from '../../components/states';
import { plural } from '../../lib/format';
import { useSession } from '../../lib/session';
import { KudosItem } from '../kudos/kudos-page';

export function RecognitionCard({ personId, name }: { personId: string; name: string }) {
  const recognition = useRecognition(personId);
  const { me } = useSession();
  const first = name.split(' ')[0] ?? name;
  return (
    <section className="card recognition-card" aria-labelledby="recognition-heading">
      <div className="card-title-row">
        <h2 id="recognition-heading">Recognised for</h2>
        {me.personId && me.personId !== personId ? (
          <Link to={`/kudos?to=${personId}`} className="button button-small">
            Give {first} kudos
          </Link>
        ) : null}
      </div>
      {recognition.isPending ? (
        <Loading />
      ) : !recognition.data || recognition.data.received === 0 ? (
        <p className="muted small">No kudos yet.</p>
      ) : (
        <>
          <p className="small">
            <strong>{plural(recognition.data.received, 'kudos', 'kudos')}</strong> from{' '}
            {plural(recognition.data.givers, 'person', 'people')}
            {recognition.data.helpedOthers > 0
              ? ` · ${recognition.data.helpedOthers} for helping others`
              : ''}
          </p>
          {recognition.data.byValue.length > 0 ? (
            <ul className="chips value-tally">
              {recognition.data.byValue.map((v) => (
                <li key={v.valueId} className="chip chip-value">
                  {v.name} <span className="chip-count">×{v.count}</span>
                </li>
              ))}
            </ul>
          ) : null}
          <ul className="kudos-feed compact">
            {recognition.data.recent.slice(0, 4).map((k) => (
              <KudosItem key={k.id} kudos={k} hideTo />
            ))}
          </ul>
          {recognition.data.received > 4 ? (
            <Link to={`/kudos`} className="small">
              All kudos →
            </Link>
          ) : null}
        </>
      )}
    </section>
  );
}
