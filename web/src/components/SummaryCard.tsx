// A dashboard card: its head with the title and the link to the full page, the load error and
// spinner, then the card's figures; and one figure (a number with its label, linking to the
// filtered list). Stateless components; each card loads its own data.
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ErrorBanner, Loading } from '../lib/ui';

interface SummaryCardProps {
  /** The heading's id (the card is labelled by it). */
  id: string;
  title: string;
  /** The full page the card summarizes. */
  to: string;
  linkLabel?: string;
  testId: string;
  error: unknown;
  /** True while the first load runs. */
  loading: boolean;
  children: ReactNode;
}

export function SummaryCard({ id, title, to, linkLabel = 'Open →', testId, error, loading, children }: SummaryCardProps) {
  return (
    <section className="card" aria-labelledby={id} data-testid={testId}>
      <div className="card-head">
        <h2 id={id}>{title}</h2>
        <Link to={to}>{linkLabel}</Link>
      </div>
      <ErrorBanner error={error} />
      {loading ? <Loading /> : null}
      {children}
    </section>
  );
}

/** A number with its label (children); a link to the filtered list when `to` is given. */
export function Figure({ to, value, testId, className, children }: { to?: string; value: ReactNode; testId?: string; className?: string; children: ReactNode }) {
  const inner = (
    <>
      <span className="figure-value">{value}</span>
      <span className="figure-label">{children}</span>
    </>
  );
  const cls = className ? `figure ${className}` : 'figure';
  return to ? (
    <Link to={to} className={cls} data-testid={testId}>
      {inner}
    </Link>
  ) : (
    <div className={cls} data-testid={testId}>
      {inner}
    </div>
  );
}
