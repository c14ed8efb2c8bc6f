// Builds the catalog browser's tree from a framework's flat item list. Pure; tested in tree.test.ts.
import type { CatalogItem, CatalogKind } from './api';

export interface TreeNode {
  item: CatalogItem;
  children: TreeNode[];
}

export interface TreeSection {
  key: string;
  title: string;
  framework: string;
  nodes: TreeNode[];
}

/** Top-level groups of the tree, by the kind of their root items, in the order they are shown. */
const groups: { key: string; title: string; kinds: CatalogKind[] }[] = [
  { key: 'clauses', title: 'Clauses 4–10', kinds: ['clause'] },
  { key: 'annex-a', title: 'Annex A — controls', kinds: ['annex_a_area', 'control_objective', 'control'] },
  { key: 'annex-c-objectives', title: 'Annex C — AI objectives', kinds: ['ai_objective'] },
  { key: 'annex-c-risk-sources', title: 'Annex C — risk sources', kinds: ['risk_source'] },
  { key: 'lifecycle', title: 'Life-cycle stages', kinds: ['lifecycle_stage'] },
];

const byOrder = (a: TreeNode, b: TreeNode) => a.item.order - b.item.order || a.item.id.localeCompare(b.item.id, undefined, { numeric: true });

/** Nests items under their parents; items whose parent is absent become roots. Siblings keep document order. */
export function buildTree(items: readonly CatalogItem[]): TreeNode[] {
  const nodes = new Map<string, TreeNode>();
  for (const item of items) nodes.set(item.id, { item, children: [] });
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.item.parent ? nodes.get(node.item.parent) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const sortDeep = (list: TreeNode[]) => {
    list.sort(byOrder);
    for (const n of list) sortDeep(n.children);
  };
  sortDeep(roots);
  return roots;
}

/** The tree of one framework split into the sections the browser shows. */
export function sectionsOf(framework: string, frameworkTitle: string, items: readonly CatalogItem[]): TreeSection[] {
  const roots = buildTree(items);
  const out: TreeSection[] = [];
  const used = new Set<TreeNode>();
  for (const g of groups) {
    const nodes = roots.filter((n) => g.kinds.includes(n.item.kind));
    nodes.forEach((n) => used.add(n));
    if (nodes.length) out.push({ key: `${framework}:${g.key}`, title: g.key === 'lifecycle' ? `${g.title} (${frameworkTitle})` : g.title, framework, nodes });
  }
  const rest = roots.filter((n) => !used.has(n));
  if (rest.length) out.push({ key: `${framework}:other`, title: frameworkTitle, framework, nodes: rest });
  return out;
}

/** Ids from the root down to (not including) `id`, following `parent`. */
export function ancestorsOf(items: readonly CatalogItem[], id: string): string[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const out: string[] = [];
  const seen = new Set<string>([id]);
  let parent = byId.get(id)?.parent ?? null;
  while (parent && byId.has(parent) && !seen.has(parent)) {
    out.unshift(parent);
    seen.add(parent);
    parent = byId.get(parent)?.parent ?? null;
  }
  return out;
}
