// Routes of the web UI, built from the feature registry. Every page but /login sits inside the
// logged-in shell, and each page's code is loaded when it is first shown.
import { Suspense } from 'react';
import { BrowserRouter, Link, Route, Routes } from 'react-router-dom';
import { LoginPage } from './features/auth/components/LoginPage';
import { SessionProvider } from './features/auth/components/SessionProvider';
import { InvitePage, PasswordResetPage } from './features/people';
import { Layout } from './features/shell/components/Layout';
import { useTitle } from './lib/hooks';
import { EmptyState, Loading } from './lib/ui';
import { features, navSections, type PageRoute } from './registry';

function NotFound() {
  useTitle('Not found');
  return (
    <EmptyState title="Page not found" testId="not-found">
      <p>There is nothing at this address.</p>
      <Link className="btn" to="/">
        Go to the dashboard
      </Link>
    </EmptyState>
  );
}

function routeOf(r: PageRoute, key: string) {
  const Page = r.page;
  const element = <Page />;
  if (r.index) return <Route key={key} index element={element} />;
  return (
    <Route key={key} path={r.path} element={element}>
      {r.children?.map((c, i) => routeOf(c, `${key}.${i}`))}
    </Route>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/invite/:token" element={<InvitePage />} />
            <Route path="/password-reset/:token" element={<PasswordResetPage />} />
            <Route element={<Layout nav={navSections} />}>
              {features.flatMap((f) => f.routes.map((r, i) => routeOf(r, `${f.id}.${i}`)))}
              <Route path="*" element={<NotFound />} />
            </Route>
          </Routes>
        </Suspense>
      </SessionProvider>
    </BrowserRouter>
  );
}
