// EU AI Act calls: the classification questionnaire, a system's classification and its saved
// versions, and the obligations register.
import { api, versioned, type WithEtag, ApiError } from '../../lib/api';
import { countRows, fetchAllPages, type ListFilters } from '../../lib/lists';
import type {
  paths, SchemaEuActQuestionnaire as Questionnaire, SchemaEuActQuestion as Question, SchemaEuActCondition as Condition,
  SchemaEuActAnswers as Answers, SchemaClassification as Classification, SchemaClassificationResult as ClassificationResult,
  SchemaObligation as Obligation, SchemaObligationPatch as ObligationPatch, SchemaObligationStatus as ObligationStatus,
  SchemaEuActRole as EuActRole,
} from '../../lib/api-types';

export type { Questionnaire, Question, Condition, Answers, Classification, ClassificationResult, Obligation, ObligationPatch, ObligationStatus, EuActRole };
export type AnswerValue = Answers[string];

/** The register's filters (everything but paging). */
export type ObligationFilters = ListFilters<'/api/v1/obligations'>;

let questionnaire: Promise<Questionnaire> | null = null;

/** The questionnaire (fetched once per page load). */
export function getQuestionnaire(): Promise<Questionnaire> {
  questionnaire ??= api('get', '/api/v1/eu-ai-act/questionnaire').then(
    (r) => r.data,
    (e: unknown) => {
      questionnaire = null;
      throw e;
    },
  );
  return questionnaire;
}

export type Current = WithEtag<'classification', Classification>;

/** The system's classification, or null while it has none (the server answers 404). */
export async function getClassification(systemId: string, signal?: AbortSignal): Promise<Current | null> {
  try {
    const { data, etag } = await api('get', '/api/v1/systems/{id}/classification', { path: { id: systemId }, signal });
    return { classification: data, etag };
  } catch (e) {
    if (e instanceof ApiError && e.status === 404 && /not been classified/.test(e.problem.detail ?? '')) return null;
    throw e;
  }
}

/** Saves a classification; `etag` is the current one's (none for a first classification). */
export function putClassification(systemId: string, answers: Answers, note: string, etag: string | null): Promise<Current> {
  return versioned('classification', api('put', '/api/v1/systems/{id}/classification', {
    path: { id: systemId },
    body: note ? { answers, note } : { answers },
    headers: etag ? { 'If-Match': etag } : {},
  }));
}

/** Every saved version, newest first. */
export async function getClassificationHistory(systemId: string, signal?: AbortSignal): Promise<Classification[]> {
  const path = '/api/v1/systems/{id}/classification/history';
  return (await fetchAllPages<Classification, typeof path>(path, { path: { id: systemId }, signal })).items;
}

export interface ObligationList {
  items: Obligation[];
  total: number;
}

/** Every obligation matching the filters (all pages). */
export function listAllObligations(filters: ObligationFilters, signal?: AbortSignal): Promise<ObligationList> {
  return fetchAllPages<Obligation, '/api/v1/obligations'>('/api/v1/obligations', { query: filters, signal }); // unreadable rows: isUnreadable on the board
}

/** How many obligations match (one item is fetched; `total` counts them all). */
export function countObligations(filters: ObligationFilters, signal?: AbortSignal): Promise<number> {
  return countRows('/api/v1/obligations', { query: filters, signal });
}

export type Recheck = paths['/api/v1/eu-ai-act/rechecks']['get']['responses']['200']['content']['application/json']['items'][number];

/** The systems whose classification needs a re-check (the server's one test), by name. */
export async function listRechecks(signal?: AbortSignal): Promise<Recheck[]> {
  const { data } = await api('get', '/api/v1/eu-ai-act/rechecks', { signal });
  return data.items;
}

/** Saves changed fields of an obligation at the version it was read at. */
export async function updateObligation(o: Obligation, patch: ObligationPatch): Promise<Obligation> {
  const { data } = await api('patch', '/api/v1/obligations/{system_id}/{obligation_id}', {
    path: { system_id: o.system_id, obligation_id: o.obligation_id },
    body: patch,
    headers: { 'If-Match': `"v${o.version}"` },
  });
  return data;
}
