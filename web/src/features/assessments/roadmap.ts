// The roadmap table's pure logic.
import type { RoadmapAction, RoadmapActionPatch } from './api';

type Editable = Pick<RoadmapAction, 'owner' | 'effort' | 'status' | 'start_date' | 'target_date'>;

/** The PATCH body carrying only what differs from the stored action (owners trimmed). */
export function actionPatch(stored: RoadmapAction, edited: Editable): RoadmapActionPatch {
  const out: RoadmapActionPatch = {};
  if (edited.owner.trim() !== stored.owner) out.owner = edited.owner.trim();
  if (edited.effort !== stored.effort) out.effort = edited.effort;
  if (edited.status !== stored.status) out.status = edited.status;
  if (edited.start_date && edited.start_date !== stored.start_date) out.start_date = edited.start_date;
  if (edited.target_date && edited.target_date !== stored.target_date) out.target_date = edited.target_date;
  return out;
}

/** The action's title without the item id it may start with (the id is shown beside it). */
export function actionTitle(a: Pick<RoadmapAction, 'item_id' | 'title'>): string {
  const prefix = `${a.item_id} `;
  return a.title.startsWith(prefix) ? a.title.slice(prefix.length) : a.title;
}
