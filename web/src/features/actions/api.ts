// The action tracker's call: one page of GET /api/v1/actions (docs/actions.md).
import { fetchPage, type ListFilters, type ListPage } from '../../lib/lists';
import type { Schemas } from '../../lib/api';

export type ActionItem = Schemas['ActionItem'];
export type ActionFilters = ListFilters<'/api/v1/actions'>;

/** The query parameters the page keeps in its URL. */
export const actionFilterKeys = ['mine', 'owner', 'status', 'overdue', 'source', 'due_before', 'q', 'sort'] as const;

export interface ActionPage extends ListPage<ActionItem> {
  today: string;
}

export async function listActions(filters: ActionFilters, cursor: string | undefined, limit: number, signal?: AbortSignal): Promise<ActionPage> {
  return (await fetchPage<ActionItem, '/api/v1/actions'>('/api/v1/actions', { query: { ...filters, cursor, limit }, signal })) as ActionPage;
}

/** The words of a normalized status. */
export const actionStatusLabels: Record<string, string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  cancelled: 'Cancelled',
};

/** The sources, as the filter offers them. */
export const actionSourceLabels: Record<string, string> = {
  corrective_action: 'Corrective actions',
  review_action: 'Management review actions',
  audit_request: 'Audit requests',
  nonconformity: 'Nonconformities',
  improvement: 'Improvements',
  competence_action: 'Competence actions',
  risk: 'Risk treatments',
  obligation: 'EU AI Act obligations',
  roadmap_action: 'Roadmap actions',
};

/** Whose actions the page shows when its URL does not say: an admin sees everyone's, others their own. */
export function defaultMine(role: string | undefined): 'true' | 'false' {
  return role === 'admin' ? 'false' : 'true';
}
