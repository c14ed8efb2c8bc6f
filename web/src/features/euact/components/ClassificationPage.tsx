// A system's EU AI Act classification: the current result, the obligations that follow, and
// every earlier version. Empty state with a first "Classify" while there is none.
import { Link, useParams } from 'react-router-dom';
import { Breadcrumbs, FlashBanner, PageHead, useFlash } from '../../../components/RecordPage';
import { useAsync, useTitle } from '../../../lib/hooks';
import { formatDateTime } from '../../../lib/labels';
import { Banner, EmptyState, ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth/components/SessionProvider';
import { getSystem } from '../../systems/api';
import { getClassification, getClassificationHistory } from '../api';
import { ResultClassBadge, ResultView } from './ResultView';

export function ClassificationPage() {
  const { id = '' } = useParams();
  const session = useSession();
  const flash = useFlash();
  const loaded = useAsync(
    async (signal) => {
      const [system, current, history] = await Promise.all([getSystem(id, signal), getClassification(id, signal), getClassificationHistory(id, signal)]);
      return { system: system.system, current, history };
    },
    [id],
  );
  useTitle(loaded.data ? `EU AI Act: ${loaded.data.system.name}` : 'EU AI Act classification');
  if (loaded.loading && !loaded.data) return <Loading />;
  if (loaded.error || !loaded.data) return <ErrorBanner error={loaded.error} title="The classification could not be loaded." />;
  const { system, current, history } = loaded.data;
  const wizard = `/systems/${encodeURIComponent(system.id)}/classification/wizard`;
  const canClassify = session.canWrite && !system.archived;

  return (
    <div className="page" data-testid="classification-page">
      <Breadcrumbs links={[['/systems', 'AI systems'], [`/systems/${encodeURIComponent(system.id)}`, system.name]]}>EU AI Act classification</Breadcrumbs>
      <PageHead
        title="EU AI Act classification"
        below={<p className="muted">{system.name}</p>}
        actions={
          canClassify && current ? (
            <Link className="btn btn-primary" to={wizard}>
              Re-classify
            </Link>
          ) : null
        }
      />
      <FlashBanner message={flash} />
      {system.archived ? <Banner kind="info">This AI system is archived; restore it to classify it again.</Banner> : null}
      {current?.classification.recheck?.needed ? (
        <Banner kind="warning" testId="recheck-banner">
          <strong>Re-check needed.</strong>{' '}
          {current.classification.recheck.questionnaire_version === current.classification.recheck.current_version ? (
            <>The rules changed since this classification was saved: the same answers now give another result. Classify it again to record it.</>
          ) : (
            <>
              This classification was answered with questionnaire version {current.classification.recheck.questionnaire_version || 'unknown'}; the current version is{' '}
              {current.classification.recheck.current_version}.
            </>
          )}
          <ul>
            {current.classification.recheck.changes.map((c) => (
              <li key={c}>{c}</li>
            ))}
            {current.classification.recheck.new_questions.map((nq) => (
              <li key={nq.id} data-new-question={nq.id}>
                New question: {nq.text}
              </li>
            ))}
          </ul>
          {canClassify ? (
            <Link
              to={`${wizard}${current.classification.recheck.new_questions.length ? `?step=${encodeURIComponent(current.classification.recheck.new_questions[0].step)}` : '?step=review'}`}
              data-testid="recheck-link"
            >
              {current.classification.recheck.new_questions.length ? 'Answer the new questions' : 'Review and save again'}
            </Link>
          ) : null}
        </Banner>
      ) : null}

      {!current ? (
        <EmptyState title="Not classified yet" testId="classification-empty">
          <p>
            The questionnaire asks about prohibited practices, EU product law, the high-risk uses of Annex III and their derogations, transparency
            duties and general-purpose AI models. The result names the class, its legal basis, your role and the obligations that follow.
          </p>
          {system.eu_ai_act_class !== 'unclassified' ? (
            <p className="muted small">The inventory says “{system.eu_ai_act_class}” without a questionnaire behind it.</p>
          ) : null}
          {canClassify ? (
            <div className="empty-actions">
              <Link className="btn btn-primary" to={wizard}>
                Classify
              </Link>
            </div>
          ) : null}
        </EmptyState>
      ) : (
        <section className="card" aria-label="Current classification">
          <div className="card-head">
            <h2>Version {current.classification.version}</h2>
            <span className="muted small">
              {formatDateTime(current.classification.classified_at)} by {current.classification.classified_by}
            </span>
          </div>
          {current.classification.note ? <p className="version-note">{current.classification.note}</p> : null}
          <ResultView classification={current.classification} />
        </section>
      )}

      {history.length > 1 ? (
        <section className="card" aria-labelledby="cls-history" data-testid="classification-history">
          <h2 id="cls-history">Earlier versions</h2>
          <ul className="euact-history">
            {history.slice(1).map((h) => (
              <li key={h.version} data-version={h.version}>
                <details>
                  <summary>
                    Version {h.version} · {formatDateTime(h.classified_at)} · {h.classified_by} · <ResultClassBadge value={h.result.class} />{' '}
                    {h.result.basis}
                  </summary>
                  {h.note ? <p className="version-note">{h.note}</p> : null}
                  <ResultView classification={h} showObligations={false} />
                </details>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
