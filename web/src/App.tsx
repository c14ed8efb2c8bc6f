// Routes of the web UI. Every page but /login sits inside the logged-in shell.
import { BrowserRouter, Link, Route, Routes } from 'react-router-dom';
import { AssessmentCreatePage } from './features/assessments/components/AssessmentCreatePage';
import { AssessmentIndex, AssessmentLayout } from './features/assessments/components/AssessmentLayout';
import { AssessmentsListPage } from './features/assessments/components/AssessmentsListPage';
import { ComparePage } from './features/assessments/components/ComparePage';
import { GuidedPage } from './features/assessments/components/GuidedPage';
import { ResultsPage } from './features/assessments/components/ResultsPage';
import { RoadmapPage } from './features/assessments/components/RoadmapPage';
import { AuditPage } from './features/audit/components/AuditPage';
import { LoginPage } from './features/auth/components/LoginPage';
import { ObjectiveCreatePage } from './features/objectives/components/ObjectiveCreatePage';
import { ObjectiveDetailPage } from './features/objectives/components/ObjectiveDetailPage';
import { ObjectiveEditPage } from './features/objectives/components/ObjectiveEditPage';
import { ObjectivesListPage } from './features/objectives/components/ObjectivesListPage';
import { SessionProvider } from './features/auth/components/SessionProvider';
import { CatalogPage } from './features/catalog/components/CatalogPage';
import { DashboardPage } from './features/dashboard/components/DashboardPage';
import { FriaPage } from './features/impact/components/FriaPage';
import { HistoryPage as ImpactHistoryPage } from './features/impact/components/HistoryPage';
import { ImpactCreatePage } from './features/impact/components/ImpactCreatePage';
import { ImpactFormPage } from './features/impact/components/ImpactFormPage';
import { ImpactLayout } from './features/impact/components/ImpactLayout';
import { ImpactListPage } from './features/impact/components/ImpactListPage';
import { ImpactSettingsPage } from './features/impact/components/ImpactSettingsPage';
import { VersionPage as ImpactVersionPage } from './features/impact/components/VersionPage';
import { VersionsPage as ImpactVersionsPage } from './features/impact/components/VersionsPage';
import { ClassificationPage } from './features/euact/components/ClassificationPage';
import { ClassificationWizard } from './features/euact/components/ClassificationWizard';
import { ObligationsBoard } from './features/euact/components/ObligationsBoard';
import { EvidenceDetailPage } from './features/evidence/components/EvidenceDetailPage';
import { EvidenceListPage } from './features/evidence/components/EvidenceListPage';
import { Layout } from './features/shell/components/Layout';
import { OrgSettingsPage } from './features/org/components/OrgSettingsPage';
import { ImportPage } from './features/systems/components/ImportPage';
import { SystemCreatePage } from './features/systems/components/SystemCreatePage';
import { SystemDetailPage } from './features/systems/components/SystemDetailPage';
import { SystemEditPage } from './features/systems/components/SystemEditPage';
import { SoaDiffPage } from './features/soa/components/SoaDiffPage';
import { SoaPage } from './features/soa/components/SoaPage';
import { SoaVersionPage } from './features/soa/components/SoaVersionPage';
import { SoaVersionsPage } from './features/soa/components/SoaVersionsPage';
import { SystemsListPage } from './features/systems/components/SystemsListPage';
import { CriteriaPage } from './features/risks/components/CriteriaPage';
import { RiskCreatePage } from './features/risks/components/RiskCreatePage';
import { RiskDetailPage } from './features/risks/components/RiskDetailPage';
import { RiskEditPage } from './features/risks/components/RiskEditPage';
import { RisksListPage } from './features/risks/components/RisksListPage';
import { useTitle } from './lib/hooks';
import { EmptyState } from './lib/ui';

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

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route element={<Layout />}>
            <Route index element={<DashboardPage />} />
            <Route path="catalog/:framework?/:itemId?" element={<CatalogPage />} />
            <Route path="systems" element={<SystemsListPage />} />
            <Route path="systems/new" element={<SystemCreatePage />} />
            <Route path="systems/import" element={<ImportPage />} />
            <Route path="systems/:id" element={<SystemDetailPage />} />
            <Route path="systems/:id/edit" element={<SystemEditPage />} />
            <Route path="assessments" element={<AssessmentsListPage />} />
            <Route path="assessments/new" element={<AssessmentCreatePage />} />
            <Route path="assessments/:id" element={<AssessmentLayout />}>
              <Route index element={<AssessmentIndex />} />
              <Route path="answer" element={<GuidedPage />} />
              <Route path="results" element={<ResultsPage />} />
              <Route path="roadmap" element={<RoadmapPage />} />
              <Route path="compare" element={<ComparePage />} />
            </Route>
            <Route path="soa" element={<SoaPage />} />
            <Route path="soa/versions" element={<SoaVersionsPage />} />
            <Route path="soa/versions/:n" element={<SoaVersionPage />} />
            <Route path="soa/diff" element={<SoaDiffPage />} />
            <Route path="impact" element={<ImpactListPage />} />
            <Route path="impact/new" element={<ImpactCreatePage />} />
            <Route path="impact/settings" element={<ImpactSettingsPage />} />
            <Route path="impact/:id" element={<ImpactLayout />}>
              <Route index element={<ImpactFormPage />} />
              <Route path="fria" element={<FriaPage />} />
              <Route path="versions" element={<ImpactVersionsPage />} />
              <Route path="versions/:n" element={<ImpactVersionPage />} />
              <Route path="history" element={<ImpactHistoryPage />} />
            </Route>
            <Route path="objectives" element={<ObjectivesListPage />} />
            <Route path="objectives/new" element={<ObjectiveCreatePage />} />
            <Route path="objectives/:id" element={<ObjectiveDetailPage />} />
            <Route path="objectives/:id/edit" element={<ObjectiveEditPage />} />
            <Route path="risks" element={<RisksListPage />} />
            <Route path="risks/new" element={<RiskCreatePage />} />
            <Route path="risks/:id" element={<RiskDetailPage />} />
            <Route path="risks/:id/edit" element={<RiskEditPage />} />
            <Route path="risk-criteria" element={<CriteriaPage />} />
            <Route path="systems/:id/classification" element={<ClassificationPage />} />
            <Route path="systems/:id/classification/wizard" element={<ClassificationWizard />} />
            <Route path="obligations" element={<ObligationsBoard />} />
            <Route path="evidence" element={<EvidenceListPage />} />
            <Route path="evidence/:id" element={<EvidenceDetailPage />} />
            <Route path="audit" element={<AuditPage />} />
            <Route path="settings" element={<OrgSettingsPage />} />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}
