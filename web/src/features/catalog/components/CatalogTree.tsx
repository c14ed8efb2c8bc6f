// The catalog as an outline: sections, then items nested under their parents.
import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import type { TreeNode, TreeSection } from '../tree';

interface Props {
  sections: TreeSection[];
  expanded: ReadonlySet<string>;
  selected: string | null;
  onToggle: (key: string) => void;
  /** Query string to keep on item links (the search). */
  search: string;
}

export const nodeKey = (framework: string, id: string) => `${framework}:${id}`;

export function CatalogTree({ sections, expanded, selected, onToggle, search }: Props) {
  return (
    <div className="tree" data-testid="catalog-tree">
      {sections.map((s) => (
        <section key={s.key} className="tree-section" aria-labelledby={`tree-${s.key}`}>
          <h2 id={`tree-${s.key}`} className="tree-section-title">
            {s.title}
          </h2>
          <ul className="tree-list" role="list">
            {s.nodes.map((n) => (
              <Node key={n.item.id} node={n} framework={s.framework} expanded={expanded} selected={selected} onToggle={onToggle} search={search} depth={0} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

interface NodeProps {
  node: TreeNode;
  framework: string;
  expanded: ReadonlySet<string>;
  selected: string | null;
  onToggle: (key: string) => void;
  search: string;
  depth: number;
}

function Node({ node, framework, expanded, selected, onToggle, search, depth }: NodeProps) {
  const key = nodeKey(framework, node.item.id);
  const open = expanded.has(key);
  const isSelected = selected === key;
  const ref = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (isSelected) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [isSelected]);
  const hasChildren = node.children.length > 0;
  const groupId = `tree-children-${key.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
  return (
    <li className="tree-item">
      <div className={`tree-row${isSelected ? ' selected' : ''}`} style={{ paddingLeft: `${depth * 0.9}rem` }}>
        {hasChildren ? (
          <button
            type="button"
            className="tree-toggle"
            aria-expanded={open}
            aria-controls={groupId}
            aria-label={`${open ? 'Collapse' : 'Expand'} ${node.item.id}`}
            onClick={() => onToggle(key)}
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          </button>
        ) : (
          <span className="tree-toggle-spacer" aria-hidden="true" />
        )}
        <Link
          ref={ref}
          to={`/catalog/${encodeURIComponent(framework)}/${encodeURIComponent(node.item.id)}${search}`}
          aria-current={isSelected ? 'page' : undefined}
          className="tree-link"
          data-item-id={node.item.id}
        >
          <span className="tree-id">{node.item.id}</span> <span className="tree-title">{node.item.title}</span>
        </Link>
      </div>
      {hasChildren && open ? (
        <ul className="tree-list" id={groupId} role="list">
          {node.children.map((c) => (
            <Node key={c.item.id} node={c} framework={framework} expanded={expanded} selected={selected} onToggle={onToggle} search={search} depth={depth + 1} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
