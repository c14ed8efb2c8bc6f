// The incidents register (the kinds' list page) with the way to the clocks board above it.
import { Link } from 'react-router-dom';
import { KindListPage } from '../../kinds';

export function IncidentsListPage() {
  return (
    <>
      <div className="page page-actions" data-testid="incidents-board-link">
        <Link className="btn" to="/incidents/clocks">Reporting clocks board</Link>
      </div>
      <KindListPage path="incidents" />
    </>
  );
}
