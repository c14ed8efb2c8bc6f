import { describe, expect, it } from 'vitest';
import type { CatalogItem } from './api';
import { ancestorsOf, buildTree, sectionsOf } from './tree';

function item(id: string, parent: string | null, kind: CatalogItem['kind'], order: number): CatalogItem {
  return {
    id,
    uid: `iso42001:2023:${id}`,
    framework: 'iso42001',
    kind,
    parent,
    leaf: false,
    title: `Title ${id}`,
    summary: '',
    evidence: [],
    questions: [],
    documented_information: null,
    suggested_action: null,
    tags: [],
    order,
    children: [],
  };
}

const items = [
  item('A.6.2.4', 'A.6.2', 'control', 9),
  item('4', null, 'clause', 1),
  item('4.1', '4', 'clause', 2),
  item('A.6', null, 'annex_a_area', 6),
  item('A.6.2', 'A.6', 'control_objective', 7),
  item('A.6.2.2', 'A.6.2', 'control', 8),
  item('C.2.1', 'C.2', 'ai_objective', 20),
  item('C.3.1', null, 'risk_source', 30),
];

describe('buildTree', () => {
  it('nests by parent, in document order, orphans as roots', () => {
    const roots = buildTree(items);
    expect(roots.map((r) => r.item.id)).toEqual(['4', 'A.6', 'C.2.1', 'C.3.1']);
    const a6 = roots[1];
    expect(a6.children[0].item.id).toBe('A.6.2');
    expect(a6.children[0].children.map((c) => c.item.id)).toEqual(['A.6.2.2', 'A.6.2.4']);
  });
});

describe('sectionsOf', () => {
  it('groups roots by kind into the browser sections', () => {
    const s = sectionsOf('iso42001', 'ISO/IEC 42001:2023', items);
    expect(s.map((x) => x.title)).toEqual(['Clauses 4–10', 'Annex A — controls', 'Annex C — AI objectives', 'Annex C — risk sources']);
    const stages = sectionsOf('iso22989', 'ISO/IEC 22989', [item('inception', null, 'lifecycle_stage', 1)]);
    expect(stages[0].title).toBe('Life-cycle stages (ISO/IEC 22989)');
  });
});

describe('ancestorsOf', () => {
  it('lists the path from the root', () => {
    expect(ancestorsOf(items, 'A.6.2.4')).toEqual(['A.6', 'A.6.2']);
    expect(ancestorsOf(items, '4')).toEqual([]);
    expect(ancestorsOf(items, 'C.2.1')).toEqual([]);
  });
});
