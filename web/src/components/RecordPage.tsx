// The frame of a record's pages: breadcrumbs, the page head with title, badges and actions, the
// flash message a write leaves in the route state, the "could not be loaded" page, and the frame
// of create/edit form pages. Stateless components; the pages keep their data.
import { Fragment, type ReactNode } from 'react';
import { Link, Navigate, useLocation, type NavigateFunction } from 'react-router-dom';
import { Banner, ErrorBanner, Loading } from '../lib/ui';

/** One step of a breadcrumb trail: where it links to and its text. */
export type Crumb = readonly [to: string, label: ReactNode];

/** The trail of links to the pages above this one, then this page's own name (children), if any. */
export function Breadcrumbs({ links, children }: { links: readonly Crumb[]; children?: ReactNode }) {
  return (
    <nav className="breadcrumbs" aria-label="Breadcrumb">
      {links.map(([to, label], i) => (
        <Fragment key={to}>
          {i > 0 ? (
            <>
              {' '}
              <span aria-hidden="true">/</span>{' '}
            </>
          ) : null}
          <Link to={to}>{label}</Link>
        </Fragment>
      ))}
      {children !== undefined ? (
        <>
          {' '}
          <span aria-hidden="true">/</span> {children}
        </>
      ) : null}
    </nav>
  );
}

/** The page shown when a record could not be loaded: the way back and what went wrong. */
export function LoadFailed({ back, error, title }: { back: Crumb; error: unknown; title: string }) {
  return (
    <div className="page">
      <Breadcrumbs links={[back]} />
      <ErrorBanner error={error} title={title} />
    </div>
  );
}

interface PageHeadProps {
  title: ReactNode;
  /** The record's id or key, set in monospace before the title ("R-12"). */
  code?: string;
  titleTestId?: string;
  /** Badges under the title (status, level …). */
  badges?: ReactNode;
  /** A muted line under the title: what the page is for. */
  intro?: ReactNode;
  /** More under the title and badges (a subtitle, a row of facts). */
  below?: ReactNode;
  /** The buttons and links on the right; leave out for none. */
  actions?: ReactNode;
}

/** The head of a record page: title, badges and facts on the left, actions on the right. */
export function PageHead({ title, code, titleTestId, badges, intro, below, actions }: PageHeadProps) {
  return (
    <div className="page-head">
      <div>
        <h1 data-testid={titleTestId}>
          {code !== undefined ? (
            <>
              <span className="mono">{code}</span>{' '}
            </>
          ) : null}
          {title}
        </h1>
        {badges !== undefined ? <div className="head-badges">{badges}</div> : null}
        {intro !== undefined ? <p className="muted">{intro}</p> : null}
        {below}
      </div>
      {actions !== undefined ? <div className="page-actions">{actions}</div> : null}
    </div>
  );
}

/** The message a write left for this page in the route state (`navigate(url, { state: { flash } })`). */
export function useFlash(): string | undefined {
  const location = useLocation();
  return (location.state as { flash?: string } | null)?.flash;
}

/** The success banner showing a flash message, if there is one. */
export function FlashBanner({ message }: { message: string | null | undefined }) {
  return message ? (
    <Banner kind="success" testId="flash">
      {message}
    </Banner>
  ) : null;
}

/** What a record's page shows until the record is there: the spinner, or the page saying it could not be loaded; null once it is. */
export function loadGate(loaded: { loading: boolean; error: unknown; data: unknown }, back: Crumb, failedTitle: string): ReactNode {
  if (loaded.loading && !loaded.data) return <Loading />;
  if (loaded.error || !loaded.data) return <LoadFailed back={back} error={loaded.error} title={failedTitle} />;
  return null;
}

/**
 * What an edit page shows instead of its form: the record's page for a role that cannot write,
 * the spinner while loading, the error when it could not be loaded; null once the record is there.
 */
export function editGate(canWrite: boolean, recordUrl: string, loaded: { loading: boolean; error: unknown; data: unknown }, failedTitle: string): ReactNode {
  if (!canWrite) return <Navigate to={recordUrl} replace />;
  if (loaded.loading && !loaded.data) return <Loading />;
  if (loaded.error || !loaded.data) return <ErrorBanner error={loaded.error} title={failedTitle} />;
  return null;
}

/** The way back to the record after an edit, with a flash saying whether anything was saved. */
export function backToRecord(navigate: NavigateFunction, url: string) {
  return {
    onUnchanged: () => navigate(url, { state: { flash: 'Nothing was changed.' } }),
    onSaved: () => navigate(url, { state: { flash: 'Changes saved.' } }),
  };
}

interface FormPageProps {
  links: readonly Crumb[];
  /** The page's own breadcrumb ("New", "Edit"). */
  current: ReactNode;
  title: ReactNode;
  /** A muted line under the title. */
  intro?: ReactNode;
  /** Banners and the form. */
  children: ReactNode;
  /** The page's classes (`page page-narrow` for short forms). */
  className?: string;
}

/** The frame of a create or edit page: breadcrumbs, title, intro, then the form. */
export function FormPage({ links, current, title, intro, children, className = 'page' }: FormPageProps) {
  return (
    <div className={className}>
      <Breadcrumbs links={links}>{current}</Breadcrumbs>
      <h1>{title}</h1>
      {intro ? <p className="muted">{intro}</p> : null}
      {children}
    </div>
  );
}
