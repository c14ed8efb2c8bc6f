import { matchPath } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { features, navEntries, navGroups, navSections, recordFeature, type PageRoute } from './registry';

function paths(routes: PageRoute[], prefix = ''): string[] {
  return routes.flatMap((r) => {
    if (r.index) return [`${prefix || ''}/(index)`];
    const here = `${prefix}/${r.path ?? ''}`;
    return [here, ...paths(r.children ?? [], here)];
  });
}

describe('feature registry', () => {
  it('lists each feature once and each route path once', () => {
    const ids = features.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    const all = features.flatMap((f) => paths(f.routes));
    expect(all.filter((p, i) => all.indexOf(p) !== i)).toEqual([]);
  });

  it('has a route behind every navigation entry, in the order of the side navigation', () => {
    const all = features.flatMap((f) => paths(f.routes)).map((p) => p.replace(/\/\(index\)$/, '') || '/');
    for (const n of navEntries) expect(all.some((p) => matchPath({ path: p, end: true }, n.to)), n.to).toBe(true);
    expect(navEntries.map((n) => n.label)).toEqual([
      'Dashboard',
      'Catalog',
      'AI systems',
      'AIMS scope',
      'Context issues',
      'Interested parties',
      'Party requirements',
      'Legal requirements',
      'RACI activities',
      'RACI matrix',
      'Documents',
      'AIMS roles',
      'Role assignments',
      'Statement of Applicability',
      'AI objectives',
      'Risks',
      'EU AI Act obligations',
      'Communication plan',
      'Communication log',
      'Competence',
      'Competences',
      'Competence records',
      'Training',
      'Evidence',
      'AI impact',
      'AI incidents',
      'Assessments',
      'Nonconformities',
      'Corrective actions',
      'Improvements',
      'Certification',
      'Management review',
      'Actions',
      'Internal audits',
      'Audit programme',
      'Audit log',
      'Settings',
      'People',
      'Webhooks',
    ]);
  });

  it('lists every entry under the heading its feature names, the headings in clause order', () => {
    expect(navSections.map((s) => s.label)).toEqual([
      'Overview',
      'Context & scope (4)',
      'Leadership & policy (5)',
      'Planning & risk (6)',
      'Support (7)',
      'Operation (8)',
      'Performance & improvement (9–10)',
      'Administration',
    ]);
    for (const s of navSections) for (const e of s.entries) expect(e.group, e.label).toBe(s.id);
    const withNav = features.flatMap((f) => (f.nav ? [f.nav] : []));
    expect(navEntries).toHaveLength(withNav.length);
    expect(navGroups.map((g) => g.id)).toEqual(expect.arrayContaining(withNav.map((n) => n.group)));
    const labelsOf = (id: string) => navSections.find((s) => s.id === id)?.entries.map((e) => e.label);
    expect(labelsOf('context')).toContain('Legal requirements');
    expect(labelsOf('leadership')).toContain('Documents');
    expect(labelsOf('support')).toContain('Training');
  });

  it('nests the tab pages of an assessment and of an impact assessment under their layout', () => {
    const nested = features.flatMap((f) => f.routes).filter((r) => r.children?.length);
    expect(nested.map((r) => r.path)).toEqual(['assessments/:id', 'impact/:id']);
  });

  it('gives a schema-driven kind its navigation entry and its four pages from one line', () => {
    const f = recordFeature('context-issues', { label: 'Context issues', group: 'context', icon: 'M0 0' });
    expect(f.nav).toEqual({ to: '/context-issues', label: 'Context issues', group: 'context', end: false, icon: 'M0 0' });
    expect(f.routes.map((r) => r.path)).toEqual(['context-issues', 'context-issues/new', 'context-issues/:id', 'context-issues/:id/edit']);
    expect(features.some((x) => x.id === 'kind:context-issues')).toBe(true);
  });
});
