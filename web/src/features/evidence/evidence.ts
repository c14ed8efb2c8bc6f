// Pure helpers of the evidence pages: sizes, link targets and where they lead, upload queries and
// what to say when an upload is refused.
import type { Problem } from '../../lib/problem';

export const classificationLabels = {
  public: 'Public',
  internal: 'Internal',
  confidential: 'Confidential',
  restricted: 'Restricted',
} as const;
export type Classification = keyof typeof classificationLabels;

export const freshnessLabels = {
  current: 'Current',
  expiring: 'Expiring soon',
  expired: 'Expired',
  no_expiry: 'No expiry',
} as const;

export const actionLabels: Record<string, string> = {
  upload: 'Uploaded',
  upload_duplicate: 'Uploaded again (same content)',
  update: 'Details changed',
  link: 'Linked',
  unlink: 'Unlinked',
  download: 'Downloaded',
  delete: 'Deleted',
};

/** The kinds of record evidence can be linked to, with how their id is written. */
export const targetTypes = [
  { type: 'system', label: 'AI system', hint: 'sys_…' },
  { type: 'soa_entry', label: 'SoA entry (Annex A control)', hint: 'A.6.2.4' },
  { type: 'assessment', label: 'Gap assessment', hint: 'asm_…' },
  { type: 'answer', label: 'Assessment answer', hint: 'asm_…:A.6.2.4' },
  { type: 'catalog_item', label: 'Clause or control', hint: 'iso42001:7.5.3' },
  { type: 'risk', label: 'Risk', hint: 'R-3' },
  { type: 'impact_assessment', label: 'Impact assessment', hint: 'ia_…' },
  { type: 'objective', label: 'Objective', hint: 'obj_…' },
  { type: 'obligation', label: 'Obligation', hint: 'sys_…:art26' },
  { type: 'classification', label: 'EU AI Act classification', hint: 'sys_… (the classified system)' },
] as const;

/** "12.3 KiB" for people. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** Splits "answer:asm_1:A.6.2.4" into its type and the rest. */
export function parseTarget(key: string): { type: string; id: string } {
  const i = key.indexOf(':');
  return i < 0 ? { type: key, id: '' } : { type: key.slice(0, i), id: key.slice(i + 1) };
}

export function targetLabel(type: string): string {
  return targetTypes.find((t) => t.type === type)?.label ?? type;
}

/** The page of a linked record in this UI, if it has one. */
export function targetHref(key: string): string | undefined {
  const { type, id } = parseTarget(key);
  const [first, second] = [id.slice(0, id.indexOf(':')), id.slice(id.indexOf(':') + 1)];
  switch (type) {
    case 'system':
      return `/systems/${encodeURIComponent(id)}`;
    case 'assessment':
      return `/assessments/${encodeURIComponent(id)}`;
    case 'answer':
      return `/assessments/${encodeURIComponent(first)}/answer?item=${encodeURIComponent(second)}`;
    case 'soa_entry':
      return `/soa?q=${encodeURIComponent(id)}`;
    case 'catalog_item':
      return `/catalog/${encodeURIComponent(first)}/${encodeURIComponent(second)}`;
    default:
      return undefined;
  }
}

export interface UploadMeta {
  title?: string;
  description?: string;
  owner?: string;
  classification?: string;
  effective_date?: string;
  expires_on?: string;
}

/** The upload's query string: the file name, the metadata given and the links. */
export function uploadQuery(filename: string, meta: UploadMeta, links: string[]): string {
  const q = new URLSearchParams({ filename });
  for (const [k, v] of Object.entries(meta)) if (v && v.trim()) q.append(k, v.trim());
  for (const l of links) q.append('link', l);
  return `?${q.toString()}`;
}

/** What to tell a person whose upload was refused, by the problem's status. */
export function uploadRefusal(p: Problem, limitHint?: string): string {
  const detail = p.detail ?? p.title;
  switch (p.status) {
    case 413:
      return `The file is too large. ${detail}${limitHint ? ` ${limitHint}` : ''}`;
    case 415:
      return `This kind of file is not accepted. ${detail}`;
    case 422:
      return detail;
    case 403:
      return 'Your role may not upload evidence.';
    default:
      return detail;
  }
}
