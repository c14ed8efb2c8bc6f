// AI objective calls (SPEC §6, ISO/IEC 42001 clause 6.2): objectives, their readings, history and summary.
import { api, historyCall, recordCalls, type Schemas, type WithEtag } from '../../lib/api';
import { fetchAllPages, fetchPage, type ListFilters, type ListSort, type ListPage } from '../../lib/lists';
import type {
  SchemaObjective as Objective, SchemaObjectiveInput as ObjectiveInput, SchemaObjectivePatch as ObjectivePatch,
  SchemaObjectivePlan as ObjectivePlan, SchemaObjectiveReading as ObjectiveReading,
  SchemaObjectiveReadingAdded as ObjectiveReadingAdded, SchemaObjectiveHistoryEntry as ObjectiveHistoryEntry,
  SchemaObjectivesSummary as ObjectivesSummary, SchemaDerivedStatus as DerivedStatus, SchemaObjectiveStatus as ObjectiveStatus,
  SchemaObjectiveDirection as ObjectiveDirection, SchemaObjectiveFrequency as ObjectiveFrequency,
} from '../../lib/api-types';

export type {
  Objective, ObjectiveInput, ObjectivePatch, ObjectivePlan, ObjectiveReading, ObjectiveReadingAdded, ObjectiveHistoryEntry,
  ObjectivesSummary, DerivedStatus, ObjectiveStatus, ObjectiveDirection, ObjectiveFrequency,
};

export type ObjectiveSort = ListSort<'/api/v1/objectives'>;
/** The list filters (everything but paging), as they appear in the page URL. */
export type ObjectiveFilters = ListFilters<'/api/v1/objectives'>;

export const filterKeys = ['q', 'system_id', 'status', 'derived_status', 'owner', 'annex_c_objective', 'overdue', 'sort'] as const;

export type ObjectivePage = ListPage<Objective>;

export async function listObjectives(filters: ObjectiveFilters, cursor: string | undefined, limit: number, signal?: AbortSignal): Promise<ObjectivePage> {
  return fetchPage<Objective, '/api/v1/objectives'>('/api/v1/objectives', { query: { ...filters, cursor, limit }, signal });
}

export async function getSummary(signal?: AbortSignal): Promise<ObjectivesSummary> {
  const { data } = await api('get', '/api/v1/objectives/summary', { signal });
  return data;
}

export type Versioned = WithEtag<'objective', Objective>;

/** One objective read, created or changed under If-Match. */
export const { get: getObjective, create: createObjective, update: updateObjective } = recordCalls('objective', '/api/v1/objectives', '/api/v1/objectives/{id}');

/** Every reading of an objective, oldest first (following `next` to the end). */
export async function listAllReadings(id: string, signal?: AbortSignal): Promise<ObjectiveReading[]> {
  const path = '/api/v1/objectives/{id}/readings';
  return (await fetchAllPages<ObjectiveReading, typeof path>(path, { path: { id }, signal })).items; // unreadable rows: isUnreadable in the table
}

export async function addReading(id: string, reading: Schemas['ObjectiveReadingInput']): Promise<ObjectiveReadingAdded> {
  const { data } = await api('post', '/api/v1/objectives/{id}/readings', { path: { id }, body: reading });
  return data;
}

export async function deleteReading(id: string, readingId: string): Promise<void> {
  await api('delete', '/api/v1/objectives/{id}/readings/{reading_id}', { path: { id, reading_id: readingId } });
}

/** The record's change history, newest first. */
export const getHistory = historyCall('/api/v1/objectives/{id}/history');
