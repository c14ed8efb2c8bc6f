// The overview of one AI system: what is missing for it first, then one card per part (its
// classification, risks, impact assessments, objectives, evidence (the evidence panel), records of
// other kinds and recent history), each linking to its list filtered to the system.
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { euAiActClassLabels, formatDateTime, labelOf } from '../../../lib/labels';
import { EvidencePanel } from '../../evidence';
import { type OverviewItem, type SystemOverview } from '../api';
import { RolesOf } from './RolesOf';
import { ScopeOf } from './ScopeOf';

function Card({ id, title, to, children }: { id: string; title: string; to: string; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={`overview-${id}`} data-testid={`overview-${id}`}>
      <h2 id={`overview-${id}`}>
        <Link to={to}>{title}</Link>
      </h2>
      {children}
    </section>
  );
}

function Items({ items, to }: { items: OverviewItem[]; to: (it: OverviewItem) => string }) {
  if (items.length === 0) return null;
  return (
    <ul className="overview-items">
      {items.map((it) => (
        <li key={it.id}>
          <Link to={to(it)}>{[it.number, it.title ?? it.name].filter(Boolean).join(' ')}</Link>
        </li>
      ))}
    </ul>
  );
}

function Counts({ counts }: { counts: Record<string, number> }) {
  const shown = Object.entries(counts).filter(([, n]) => n > 0);
  if (shown.length === 0) return null;
  return <p className="muted">{shown.map(([s, n]) => `${n} ${s.replace(/_/g, ' ')}`).join(' · ')}</p>;
}

export function OverviewTab({ systemId, overview: o }: { systemId: string; overview: SystemOverview }) {
  const sid = encodeURIComponent(systemId);
  const n = (x: number, one: string, many: string) => `${x} ${x === 1 ? one : many}`;
  return (
    <div className="detail-groups" data-testid="system-overview">
      <section className="card" aria-labelledby="overview-missing" data-testid="overview-missing">
        <h2 id="overview-missing">What is missing</h2>
        {o.missing.length === 0 ? (
          <p className="muted">Nothing missing</p>
        ) : (
          <ul className="overview-missing">
            {o.missing.map((m) => (
              <li key={m.code} data-code={m.code}>
                <Link to={m.link}>{m.sentence}</Link>
              </li>
            ))}
          </ul>
        )}
        <p data-testid="overview-scope">
          <ScopeOf scope={o.scope} testId="overview-scope-link" />
        </p>
      </section>

      <Card id="classification" title="EU AI Act classification" to={`/systems/${sid}/classification`}>
        <p>
          {o.classification.classified ? labelOf(euAiActClassLabels, o.classification.class) : 'Not classified yet'}
          {o.classification.recheck_needed ? ' — needs a re-check' : ''}
        </p>
        <p>
          Roles: <RolesOf roles={o.classification.classified ? o.classification.roles : null} />
        </p>
        <p>
          <Link to={`/obligations?system=${sid}`}>{n(o.classification.obligations.total, 'obligation', 'obligations')}</Link>
        </p>
        <Counts counts={o.classification.obligations.by_status} />
      </Card>

      <Card id="risks" title="Risks" to={`/risks?system_id=${sid}`}>
        <p>
          {n(o.risks.total, 'risk', 'risks')}
          {o.risks.highest_residual ? `; highest residual: ${o.risks.highest_residual.level.name}` : ''}
        </p>
        <Counts counts={o.risks.by_status} />
        <Items items={o.risks.items} to={(r) => `/risks/${encodeURIComponent(r.id)}`} />
      </Card>

      <Card id="impact" title="Impact assessments" to={`/impact?system_id=${sid}`}>
        <p>
          {n(o.impact_assessments.total, 'assessment', 'assessments')}, {o.impact_assessments.approved} approved
          {o.impact_assessments.reassessment_due > 0 ? `, ${o.impact_assessments.reassessment_due} due for re-assessment` : ''}
        </p>
        {o.impact_assessments.latest ? (
          <Items items={[o.impact_assessments.latest]} to={(r) => `/impact/${encodeURIComponent(r.id)}`} />
        ) : null}
      </Card>

      <Card id="objectives" title="Objectives" to={`/objectives?system_id=${sid}`}>
        <p>
          {n(o.objectives.total, 'objective', 'objectives')}
          {o.objectives.off_track > 0 ? `, ${o.objectives.off_track} off track` : ''}
        </p>
        <Items items={o.objectives.items} to={(r) => `/objectives/${encodeURIComponent(r.id)}`} />
      </Card>

      <EvidencePanel target={`system:${systemId}`} what="this AI system" />

      {o.records.map((r) => {
        const path = `/${r.kind.replace(/_/g, '-')}s`;
        return (
          <Card key={`${r.kind}-${r.field}`} id={`records-${r.kind}`} title={`${r.title} records`} to={`${path}?${r.field}=${sid}`}>
            <p>{r.total}</p>
            <Items items={r.items} to={(it) => `${path}/${encodeURIComponent(it.id)}`} />
          </Card>
        );
      })}

      <Card id="history" title="Recent changes" to={`/systems/${sid}?tab=history`}>
        {o.history.length === 0 ? (
          <p className="muted">No changes yet</p>
        ) : (
          <ul className="overview-items">
            {o.history.map((h, i) => (
              <li key={i}>
                {formatDateTime(h.at)} — {h.operation} by {h.actor}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
