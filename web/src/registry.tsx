// The features of the web UI: each one's side-navigation entry (under the heading of its group, the
// clauses a compliance lead looks under) and its routes inside the logged-in shell, every page
// loaded on first use. Read-only module data.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** The headings of the side navigation, in order: the clauses of the management system a page serves. */
export const navGroups = [
  { id: 'overview', label: 'Overview' },
  { id: 'context', label: 'Context & scope (4)' },
  { id: 'leadership', label: 'Leadership & policy (5)' },
  { id: 'planning', label: 'Planning & risk (6)' },
  { id: 'support', label: 'Support (7)' },
  { id: 'operation', label: 'Operation (8)' },
  { id: 'performance', label: 'Performance & improvement (9–10)' },
  { id: 'admin', label: 'Administration' },
] as const;

/** The id of a heading of the side navigation. */
export type NavGroup = (typeof navGroups)[number]['id'];

/** One entry of the side navigation. */
export interface NavEntry {
  to: string;
  label: string;
  /** The heading it is listed under. */
  group: NavGroup;
  /** Active only on this exact path. */
  end: boolean;
  /** The SVG path of its icon (24×24, stroked). */
  icon: string;
}

/** A route of a feature; `children` render inside the page's outlet. */
export interface PageRoute {
  path?: string;
  index?: boolean;
  page: LazyExoticComponent<ComponentType>;
  children?: PageRoute[];
}

export interface Feature {
  id: string;
  nav?: NavEntry;
  routes: PageRoute[];
}

/** A page component loaded from its module when first shown. */
function page<M>(load: () => Promise<M>, name: keyof M): LazyExoticComponent<ComponentType> {
  return lazy(() => load().then((m) => ({ default: m[name] as ComponentType })));
}

/** The pages of a kind served from its schema, loaded with the first of them shown. */
const kindPages = () => import('./features/kinds');

/** A page of a schema-driven kind, told the kind's URL segment. */
function kindPage(path: string, name: 'KindListPage' | 'KindCreatePage' | 'KindDetailPage' | 'KindEditPage'): LazyExoticComponent<ComponentType> {
  return lazy(() =>
    kindPages().then((m) => {
      const Page = m[name];
      return { default: () => <Page path={path} /> };
    }),
  );
}

/**
 * A record kind the server serves from its fields (GET /api/v1/kinds), as one line: its navigation
 * entry under its group's heading (none when `nav` is null: the kind is reached from another page) and its list, new, detail
 * and edit pages at `/{path}`.
 */
export function recordFeature(path: string, nav: { label: string; icon: string; group: NavGroup } | null): Feature {
  return {
    id: `kind:${path}`,
    ...(nav ? { nav: { to: `/${path}`, label: nav.label, group: nav.group, end: false, icon: nav.icon } } : {}),
    routes: [
      { path, page: kindPage(path, 'KindListPage') },
      { path: `${path}/new`, page: kindPage(path, 'KindCreatePage') },
      { path: `${path}/:id`, page: kindPage(path, 'KindDetailPage') },
      { path: `${path}/:id/edit`, page: kindPage(path, 'KindEditPage') },
    ],
  };
}

const assessmentLayout = () => import('./features/assessments/components/AssessmentLayout');
const impactLayout = () => import('./features/impact/components/ImpactLayout');

export const features: Feature[] = [
  {
    id: 'dashboard',
    nav: { to: '/', label: 'Dashboard', group: 'overview', end: true, icon: 'M3 13h8V3H3v10zm0 8h8v-6H3v6zm10 0h8V11h-8v10zm0-18v6h8V3h-8z' },
    routes: [{ index: true, page: page(() => import('./features/dashboard/components/DashboardPage'), 'DashboardPage') }],
  },
  {
    id: 'catalog',
    nav: { to: '/catalog', label: 'Catalog', group: 'overview', end: false, icon: 'M4 4h6a3 3 0 013 3v13a2 2 0 00-2-2H4V4zm16 0h-6a3 3 0 00-3 3v13a2 2 0 012-2h7V4z' },
    routes: [{ path: 'catalog/:framework?/:itemId?', page: page(() => import('./features/catalog/components/CatalogPage'), 'CatalogPage') }],
  },
  {
    id: 'systems',
    nav: { to: '/systems', label: 'AI systems', group: 'context', end: false, icon: 'M4 5h16v10H4zM8 19h8M12 15v4' },
    routes: [
      { path: 'systems', page: page(() => import('./features/systems/components/SystemsListPage'), 'SystemsListPage') },
      { path: 'systems/new', page: page(() => import('./features/systems/components/SystemCreatePage'), 'SystemCreatePage') },
      { path: 'systems/import', page: page(() => import('./features/systems/components/ImportPage'), 'ImportPage') },
      { path: 'systems/:id', page: page(() => import('./features/systems/components/SystemDetailPage'), 'SystemDetailPage') },
      { path: 'systems/:id/edit', page: page(() => import('./features/systems/components/SystemEditPage'), 'SystemEditPage') },
    ],
  },
  {
    id: 'scope',
    nav: { to: '/scope', label: 'AIMS scope', group: 'context', end: false, icon: 'M12 3a9 9 0 100 18 9 9 0 000-18zm0 4a5 5 0 100 10 5 5 0 000-10zm0 4a1 1 0 100 2 1 1 0 000-2z' },
    routes: [{ path: 'scope', page: page(() => import('./features/scope/components/ScopePage'), 'ScopePage') }],
  },
  recordFeature('context-issues', { label: 'Context issues', group: 'context', icon: 'M12 3a9 9 0 100 18 9 9 0 000-18zM3.6 9h16.8M3.6 15h16.8M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z' }),
  recordFeature('raci-activities', { label: 'RACI activities', group: 'leadership', icon: 'M4 6h16M4 12h16M4 18h16M9 4v16M15 4v16' }),
  {
    id: 'raci',
    nav: { to: '/raci', label: 'RACI matrix', group: 'leadership', end: false, icon: 'M3 3h18v18H3zM3 9h18M9 3v18' },
    routes: [{ path: 'raci', page: page(() => import('./features/raci/components/RaciMatrixPage'), 'RaciMatrixPage') }],
  },
  recordFeature('communication-plan', { label: 'Communication plan', group: 'support', icon: 'M4 5h16v11H8l-4 4z' }),
  recordFeature('communications', { label: 'Communication log', group: 'support', icon: 'M4 4h16v16H4zM8 8h8M8 12h8M8 16h5' }),
  recordFeature('interested-parties', { label: 'Interested parties', group: 'context', icon: 'M9 11a4 4 0 100-8 4 4 0 000 8zM3 21v-2a5 5 0 015-5h2a5 5 0 015 5v2M17 11a3 3 0 100-6M21 21v-2a4 4 0 00-3-3.9' }),
  recordFeature('party-requirements', { label: 'Party requirements', group: 'context', icon: 'M9 5h10M9 12h10M9 19h10M4 5h.01M4 12h.01M4 19h.01' }),
  recordFeature('legal-requirements', { label: 'Legal requirements', group: 'context', icon: 'M12 3v18M5 21h14M5 7h14M5 7l-3 7a3 3 0 006 0zM19 7l-3 7a3 3 0 006 0z' }),
  recordFeature('climate-determinations', null),
  {
    id: 'documents',
    nav: { to: '/documents', label: 'Documents', group: 'leadership', end: false, icon: 'M6 2h9l5 5v15H6zM14 2v6h6M9 13h8M9 17h8' },
    routes: [
      { path: 'documents', page: kindPage('documents', 'KindListPage') },
      { path: 'documents/new', page: kindPage('documents', 'KindCreatePage') },
      { path: 'documents/acknowledgements', page: page(() => import('./features/documents'), 'MyAcknowledgementsPage') },
      { path: 'documents/:id', page: page(() => import('./features/documents'), 'DocumentPage') },
      { path: 'documents/:id/edit', page: kindPage('documents', 'KindEditPage') },
    ],
  },
  {
    id: 'competence',
    nav: { to: '/competence', label: 'Competence', group: 'support', end: false, icon: 'M12 3l9 5-9 5-9-5 9-5zM6 10.5V16c0 1.7 2.7 3 6 3s6-1.3 6-3v-5.5M21 8v6' },
    routes: [
      { path: 'competence', page: page(() => import('./features/competence/components/CompetenceMatrixPage'), 'CompetenceMatrixPage') },
      { path: 'training-campaigns/:id/completions', page: page(() => import('./features/competence/components/CompletionsPage'), 'CompletionsPage') },
    ],
  },
  recordFeature('aims-roles', { label: 'AIMS roles', group: 'leadership', icon: 'M12 12a4 4 0 100-8 4 4 0 000 8zM4 21a8 8 0 0116 0' }),
  recordFeature('role-assignments', { label: 'Role assignments', group: 'leadership', icon: 'M9 11a4 4 0 100-8 4 4 0 000 8zM2 21a7 7 0 0114 0M17 8l2 2 4-4' }),
  recordFeature('competences', { label: 'Competences', group: 'support', icon: 'M12 2l2.9 6.9L22 10l-5.5 4.7L18 22l-6-3.6L6 22l1.5-7.3L2 10l7.1-1.1z' }),
  recordFeature('competence-records', { label: 'Competence records', group: 'support', icon: 'M6 3h12v18l-6-4-6 4zM9 8h6M9 12h6' }),
  recordFeature('training-campaigns', { label: 'Training', group: 'support', icon: 'M4 5h16v11H4zM8 20h8M12 16v4M9 9l2 2 4-4' }),
  recordFeature('competence-actions', null),  // linked from the competence matrix
  {
    id: 'assessments',
    nav: {
      to: '/assessments',
      label: 'Assessments',
      group: 'performance',
      end: false,
      icon: 'M10 6h10M10 12h10M10 18h10M3.5 6l1.5 1.5L8 4.5M3.5 12l1.5 1.5L8 10.5M3.5 18l1.5 1.5L8 16.5',
    },
    routes: [
      { path: 'assessments', page: page(() => import('./features/assessments/components/AssessmentsListPage'), 'AssessmentsListPage') },
      { path: 'assessments/new', page: page(() => import('./features/assessments/components/AssessmentCreatePage'), 'AssessmentCreatePage') },
      {
        path: 'assessments/:id',
        page: page(assessmentLayout, 'AssessmentLayout'),
        children: [
          { index: true, page: page(assessmentLayout, 'AssessmentIndex') },
          { path: 'answer', page: page(() => import('./features/assessments/components/GuidedPage'), 'GuidedPage') },
          { path: 'results', page: page(() => import('./features/assessments/components/ResultsPage'), 'ResultsPage') },
          { path: 'roadmap', page: page(() => import('./features/assessments/components/RoadmapPage'), 'RoadmapPage') },
          { path: 'compare', page: page(() => import('./features/assessments/components/ComparePage'), 'ComparePage') },
        ],
      },
      { path: 'assessments/:id/report', page: page(() => import('./features/assessments/components/ReportPage'), 'ReportPage') },
    ],
  },
  {
    id: 'soa',
    nav: { to: '/soa', label: 'Statement of Applicability', group: 'planning', end: false, icon: 'M6 3h9l4 4v14H6zM14 3v5h5M9 14l2 2 4-4' },
    routes: [
      { path: 'soa', page: page(() => import('./features/soa/components/SoaPage'), 'SoaPage') },
      { path: 'soa/versions', page: page(() => import('./features/soa/components/SoaVersionsPage'), 'SoaVersionsPage') },
      { path: 'soa/versions/:n', page: page(() => import('./features/soa/components/SoaVersionPage'), 'SoaVersionPage') },
      { path: 'soa/diff', page: page(() => import('./features/soa/components/SoaDiffPage'), 'SoaDiffPage') },
    ],
  },
  {
    id: 'impact',
    nav: { to: '/impact', label: 'AI impact', group: 'operation', end: false, icon: 'M12 3l8 4v5c0 5-3.5 8-8 9-4.5-1-8-4-8-9V7zM9 12l2 2 4-4' },
    routes: [
      { path: 'impact', page: page(() => import('./features/impact/components/ImpactListPage'), 'ImpactListPage') },
      { path: 'impact/new', page: page(() => import('./features/impact/components/ImpactCreatePage'), 'ImpactCreatePage') },
      { path: 'impact/settings', page: page(() => import('./features/impact/components/ImpactSettingsPage'), 'ImpactSettingsPage') },
      {
        path: 'impact/:id',
        page: page(impactLayout, 'ImpactLayout'),
        children: [
          { index: true, page: page(() => import('./features/impact/components/ImpactFormPage'), 'ImpactFormPage') },
          { path: 'fria', page: page(() => import('./features/impact/components/FriaPage'), 'FriaPage') },
          { path: 'versions', page: page(() => import('./features/impact/components/VersionsPage'), 'VersionsPage') },
          { path: 'versions/:n', page: page(() => import('./features/impact/components/VersionPage'), 'VersionPage') },
          { path: 'history', page: page(() => import('./features/impact/components/HistoryPage'), 'HistoryPage') },
        ],
      },
    ],
  },
  {
    id: 'objectives',
    nav: {
      to: '/objectives',
      label: 'AI objectives',
      group: 'planning',
      end: false,
      icon: 'M12 21a9 9 0 100-18 9 9 0 000 18zM12 16a4 4 0 100-8 4 4 0 000 8zM12 12l7-7',
    },
    routes: [
      { path: 'objectives', page: page(() => import('./features/objectives/components/ObjectivesListPage'), 'ObjectivesListPage') },
      { path: 'objectives/new', page: page(() => import('./features/objectives/components/ObjectiveCreatePage'), 'ObjectiveCreatePage') },
      { path: 'objectives/:id', page: page(() => import('./features/objectives/components/ObjectiveDetailPage'), 'ObjectiveDetailPage') },
      { path: 'objectives/:id/edit', page: page(() => import('./features/objectives/components/ObjectiveEditPage'), 'ObjectiveEditPage') },
    ],
  },
  {
    id: 'risks',
    nav: { to: '/risks', label: 'Risks', group: 'planning', end: false, icon: 'M12 3l9 16H3L12 3zM12 10v4M12 17h.01' },
    routes: [
      { path: 'risks', page: page(() => import('./features/risks/components/RisksListPage'), 'RisksListPage') },
      { path: 'risks/new', page: page(() => import('./features/risks/components/RiskCreatePage'), 'RiskCreatePage') },
      { path: 'risks/:id', page: page(() => import('./features/risks/components/RiskDetailPage'), 'RiskDetailPage') },
      { path: 'risks/:id/edit', page: page(() => import('./features/risks/components/RiskEditPage'), 'RiskEditPage') },
      { path: 'risk-criteria', page: page(() => import('./features/risks/components/CriteriaPage'), 'CriteriaPage') },
    ],
  },
  {
    id: 'euact',
    nav: {
      to: '/obligations',
      label: 'EU AI Act obligations',
      group: 'planning',
      end: false,
      icon: 'M12 3l8 4v5c0 4.5-3.4 8.3-8 9-4.6-.7-8-4.5-8-9V7zM9 12l2 2 4-4',
    },
    routes: [
      { path: 'systems/:id/classification', page: page(() => import('./features/euact/components/ClassificationPage'), 'ClassificationPage') },
      {
        path: 'systems/:id/classification/wizard',
        page: page(() => import('./features/euact/components/ClassificationWizard'), 'ClassificationWizard'),
      },
      { path: 'obligations', page: page(() => import('./features/euact/components/ObligationsBoard'), 'ObligationsBoard') },
    ],
  },
  {
    id: 'evidence',
    nav: { to: '/evidence', label: 'Evidence', group: 'support', end: false, icon: 'M4 7h6l2 2h8v10H4zM12 13v4M10 15l2-2 2 2' },
    routes: [
      { path: 'evidence', page: page(() => import('./features/evidence/components/EvidenceListPage'), 'EvidenceListPage') },
      { path: 'evidence/:id', page: page(() => import('./features/evidence/components/EvidenceDetailPage'), 'EvidenceDetailPage') },
    ],
  },
  {
    id: 'audit',
    nav: { to: '/audit', label: 'Audit log', group: 'admin', end: false, icon: 'M12 3l8 3v6c0 4.5-3.4 8.3-8 9-4.6-.7-8-4.5-8-9V6l8-3zM8.5 12l2.5 2.5 4.5-4.5' },
    routes: [{ path: 'audit', page: page(() => import('./features/audit/components/AuditPage'), 'AuditPage') }],
  },
  {
    id: 'org',
    nav: {
      to: '/settings',
      label: 'Settings',
      group: 'admin',
      end: false,
      icon: 'M12 15a3 3 0 100-6 3 3 0 000 6zM4 12h2M18 12h2M12 4v2M12 18v2M6.3 6.3l1.4 1.4M16.3 16.3l1.4 1.4M6.3 17.7l1.4-1.4M16.3 7.7l1.4-1.4',
    },
    routes: [{ path: 'settings', page: page(() => import('./features/org/components/OrgSettingsPage'), 'OrgSettingsPage') }],
  },
  {
    id: 'people',
    nav: { to: '/people', label: 'People', group: 'admin', end: false, icon: 'M9 11a4 4 0 100-8 4 4 0 000 8zM2 21v-1a6 6 0 0112 0v1M16 3.1a4 4 0 010 7.8M22 21v-1a6 6 0 00-4-5.7' },
    routes: [
      { path: 'people', page: page(() => import('./features/people/components/PeoplePage'), 'PeoplePage') },
      { path: 'account', page: page(() => import('./features/people/components/AccountPage'), 'AccountPage') },
    ],
  },
  { id: 'snapshots', routes: [{ path: 'snapshots/:id', page: page(() => import('./features/snapshots'), 'SnapshotPage') }] },
  {
    id: 'incidents',
    nav: { to: '/incidents', label: 'AI incidents', group: 'operation', end: false, icon: 'M12 3l10 18H2zM12 10v5M12 18h.01' },
    routes: [
      { path: 'incidents', page: page(() => import('./features/incidents'), 'IncidentsListPage') },
      { path: 'incidents/new', page: kindPage('incidents', 'KindCreatePage') },
      { path: 'incidents/clocks', page: page(() => import('./features/incidents'), 'ClocksBoardPage') },
      { path: 'incidents/:id', page: page(() => import('./features/incidents'), 'IncidentPage') },
      { path: 'incidents/:id/edit', page: kindPage('incidents', 'KindEditPage') },
    ],
  },
  {
    id: 'nonconformities',
    nav: { to: '/nonconformities', label: 'Nonconformities', group: 'performance', end: false, icon: 'M12 3a9 9 0 100 18 9 9 0 000-18zM12 7v6M12 16h.01' },
    routes: [
      { path: 'nonconformities', page: page(() => import('./features/nonconformity'), 'NcListPage') },
      { path: 'nonconformities/new', page: page(() => import('./features/nonconformity'), 'NcCreatePage') },
      { path: 'nonconformities/:id', page: page(() => import('./features/nonconformity'), 'NcPage') },
      { path: 'nonconformities/:id/edit', page: kindPage('nonconformities', 'KindEditPage') },
    ],
  },
  recordFeature('corrective-actions', { label: 'Corrective actions', group: 'performance', icon: 'M4 12l5 5L20 6' }),
  recordFeature('improvements', { label: 'Improvements', group: 'performance', icon: 'M12 2v6M12 16v6M4.9 4.9l4.2 4.2M14.9 14.9l4.2 4.2M2 12h6M16 12h6' }),
  {
    id: 'certification',
    nav: { to: '/certification', label: 'Certification', group: 'performance', end: false, icon: 'M12 2l3 6 6 .9-4.5 4.2L17.6 20 12 16.9 6.4 20l1.1-6.9L3 8.9 9 8z' },
    routes: [
      { path: 'certification', page: page(() => import('./features/certification'), 'CertificationPage') },
      { path: 'certification/readiness', page: page(() => import('./features/certification'), 'ReadinessPage') },
      { path: 'certification/evidence', page: page(() => import('./features/certification'), 'EvidenceIndexPage') },
    ],
  },
  recordFeature('certificates', null),  // reached from the certification page
  recordFeature('certification-audits', null),
  recordFeature('certification-findings', null),
  {
    id: 'management-review',
    nav: { to: '/management-reviews', label: 'Management review', group: 'performance', end: false, icon: 'M4 4h16v12H8l-4 4zM8 9h8M8 12h5' },
    routes: [
      { path: 'management-reviews', page: kindPage('management-reviews', 'KindListPage') },
      { path: 'management-reviews/new', page: kindPage('management-reviews', 'KindCreatePage') },
      { path: 'management-reviews/:id', page: page(() => import('./features/management-review'), 'ReviewPage') },
      { path: 'management-reviews/:id/edit', page: kindPage('management-reviews', 'KindEditPage') },
    ],
  },
  recordFeature('review-actions', null),  // linked from a management review's page
  {
    id: 'actions',
    nav: { to: '/actions', label: 'Actions', group: 'performance', end: false, icon: 'M9 11l3 3 8-8M20 12v7H4V5h11' },
    routes: [{ path: 'actions', page: page(() => import('./features/actions'), 'ActionsListPage') }],
  },
  {
    id: 'internal-audit',
    nav: { to: '/internal-audits', label: 'Internal audits', group: 'performance', end: false, icon: 'M9 5h6M9 3h6v4H9zM7 5H5v16h14V5h-2M9 12l2 2 4-4' },
    routes: [
      { path: 'internal-audits', page: kindPage('internal-audits', 'KindListPage') },
      { path: 'internal-audits/new', page: kindPage('internal-audits', 'KindCreatePage') },
      { path: 'internal-audits/:id', page: page(() => import('./features/internal-audit'), 'AuditPage') },
      { path: 'internal-audits/:id/edit', page: kindPage('internal-audits', 'KindEditPage') },
    ],
  },
  {
    id: 'audit-programme',
    nav: { to: '/audit-programme', label: 'Audit programme', group: 'performance', end: false, icon: 'M3 5h18v16H3zM3 10h18M8 3v4M16 3v4M7 14h4M7 17h7' },
    routes: [{ path: 'audit-programme', page: page(() => import('./features/internal-audit'), 'CoveragePage') }],
  },
  recordFeature('audit-findings', null),
  recordFeature('audit-requests', null),
  {
    id: 'webhooks',
    nav: { to: '/webhooks', label: 'Webhooks', group: 'admin', end: false, icon: 'M4 12h4l3-8 4 16 3-8h2' },
    routes: [{ path: 'webhooks', page: page(() => import('./features/notifications'), 'WebhooksPage') }],
  },
];

/** A heading of the side navigation and its entries, in the order of the features. */
export interface NavSection {
  id: NavGroup;
  label: string;
  entries: NavEntry[];
}

/** The side navigation: its headings in order, each with its entries (a heading without any is left out). */
export const navSections: NavSection[] = navGroups
  .map((g) => ({ id: g.id, label: g.label, entries: features.flatMap((f) => (f.nav?.group === g.id ? [f.nav] : [])) }))
  .filter((g) => g.entries.length > 0);

/** The side navigation's entries, in order. */
export const navEntries: NavEntry[] = navSections.flatMap((g) => g.entries);
