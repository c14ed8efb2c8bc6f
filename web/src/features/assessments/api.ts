// Gap assessment calls (SPEC §4): assessments, answers, results, comparison and the roadmap.
import { api, downloadFile, type Schemas } from '../../lib/api';
import { fetchAllPages } from '../../lib/lists';
import { getItem, type CatalogItem } from '../catalog';

export type Assessment = Schemas['Assessment'];
export type AssessmentInput = Schemas['AssessmentInput'];
export type AssessmentPatch = Schemas['AssessmentPatch'];
export type Answer = Schemas['Answer'];
export type AnswerInput = Schemas['AnswerInput'];
export type AssessmentResults = Schemas['AssessmentResults'];
export type GroupScore = Schemas['GroupScore'];
export type Gap = Schemas['Gap'];
export type AssessmentComparison = Schemas['AssessmentComparison'];
export type Roadmap = Schemas['Roadmap'];
export type RoadmapAction = Schemas['RoadmapAction'];
export type RoadmapActionPatch = Schemas['RoadmapActionPatch'];
export type RoadmapInput = Schemas['RoadmapInput'];
export type MaturityLevel = Schemas['MaturityLevel'];

/** The If-Match value for a record at `version` (the server's ETags are `"v<version>"`). */
export function etagOf(version: number): string {
  return `"v${version}"`;
}

/** Every assessment of the organization, newest first (following `next` to the last page). */
export async function listAssessments(signal?: AbortSignal): Promise<Assessment[]> {
  return (await fetchAllPages<Assessment, '/api/v1/assessments'>('/api/v1/assessments', { signal })).items;
}

/** The newest assessment, if there is one. */
export async function latestAssessment(signal?: AbortSignal): Promise<Assessment | null> {
  const { data } = await api('get', '/api/v1/assessments', { query: { limit: 1 }, signal });
  return data.items[0] ?? null;
}

export interface VersionedAssessment {
  assessment: Assessment;
  etag: string | null;
}

export async function getAssessment(id: string, signal?: AbortSignal): Promise<VersionedAssessment> {
  const { data, etag } = await api('get', '/api/v1/assessments/{id}', { path: { id }, signal });
  return { assessment: data, etag };
}

export async function createAssessment(input: AssessmentInput): Promise<Assessment> {
  const { data } = await api('post', '/api/v1/assessments', { body: input });
  return data;
}

export async function updateAssessment(id: string, patch: AssessmentPatch, etag: string): Promise<VersionedAssessment> {
  const { data, etag: next } = await api('patch', '/api/v1/assessments/{id}', { path: { id }, body: patch, headers: { 'If-Match': etag } });
  return { assessment: data, etag: next };
}

export interface AnswerList {
  items: Answer[];
  answered: number;
  total: number;
}

export async function listAnswers(id: string, signal?: AbortSignal): Promise<AnswerList> {
  const { data } = await api('get', '/api/v1/assessments/{id}/answers', { path: { id }, signal });
  return data;
}

export async function putAnswer(id: string, itemId: string, input: AnswerInput): Promise<Answer> {
  const { data } = await api('put', '/api/v1/assessments/{id}/answers/{item_id}', { path: { id, item_id: itemId }, body: input });
  return data;
}

export async function getResults(id: string, signal?: AbortSignal): Promise<AssessmentResults> {
  const { data } = await api('get', '/api/v1/assessments/{id}/results', { path: { id }, signal });
  return data;
}

export async function compareAssessments(id: string, otherId: string, signal?: AbortSignal): Promise<AssessmentComparison> {
  const { data } = await api('get', '/api/v1/assessments/{id}/compare/{other_id}', { path: { id, other_id: otherId }, signal });
  return data;
}

export async function getRoadmap(id: string, signal?: AbortSignal): Promise<Roadmap> {
  const { data } = await api('get', '/api/v1/assessments/{id}/roadmap', { path: { id }, signal });
  return data;
}

export async function generateRoadmap(id: string, input: RoadmapInput): Promise<Roadmap> {
  const { data } = await api('post', '/api/v1/assessments/{id}/roadmap', { path: { id }, body: input });
  return data;
}

export async function updateAction(id: string, actionId: string, patch: RoadmapActionPatch, version: number): Promise<RoadmapAction> {
  const { data } = await api('patch', '/api/v1/assessments/{id}/roadmap/actions/{action_id}', {
    path: { id, action_id: actionId },
    body: patch,
    headers: { 'If-Match': etagOf(version) },
  });
  return data;
}

let levels: Promise<MaturityLevel[]> | null = null;

/** The maturity scale 0–5 (fetched once per page load). */
export function getMaturityLevels(): Promise<MaturityLevel[]> {
  if (!levels) {
    levels = api('get', '/api/v1/catalog/maturity-levels').then(
      (r) => r.data.items.slice().sort((a, b) => a.level - b.level),
      (e: unknown) => {
        levels = null;
        throw e;
      },
    );
  }
  return levels;
}

const guidance = new Map<string, Promise<CatalogItem>>();

/**
 * The catalog guidance of an ISO/IEC 42001 item, fetched once per page load. The guided mode asks
 * for the next item ahead of time, so moving on never waits for it.
 */
export function getGuidance(itemId: string): Promise<CatalogItem> {
  let p = guidance.get(itemId);
  if (!p) {
    p = getItem('iso42001', itemId);
    guidance.set(itemId, p);
    p.catch(() => guidance.delete(itemId));
  }
  return p;
}

/** Downloads the assessment report as a PDF. */
export function downloadReport(id: string): Promise<void> {
  return downloadFile('/api/v1/assessments/{id}/report', { format: 'pdf' }, 'assessment-report.pdf', { id });
}

export type AssessmentReport = Schemas['AssessmentReport'];

/** The report model the printable page renders (the same model as the HTML page and the PDF of the API). */
export async function getReport(id: string, signal?: AbortSignal): Promise<AssessmentReport> {
  const { data } = await api('get', '/api/v1/assessments/{id}/report', { path: { id }, query: { format: 'json' }, signal });
  return data as AssessmentReport;
}
