// The contract every record kind on the record mechanism keeps, run over the risk register, AI
// objectives, impact assessments, EU AI Act obligations, evidence and each field-driven kind that
// GET /api/v1/kinds lists: create/get/update with If-Match (428 / 412), a change that changes
// nothing stores nothing, history with its audit entry (the audit entry of every change), keyset
// paging without duplicates or gaps, each filter, each sort in both directions, unknown and
// misspelt parameters and bad limits (400 naming them), another organization's record (404), a
// viewer's writes (403), an unknown field (422, nothing stored), archive and restore (field-driven
// kinds), and the record in the auditor package. A field-driven kind is covered from its schema
// without a row; any other kind joins with its row in ROWS. Kind test files hold only the rules of
// their kind.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login, aims } from '../lib/server.mjs';
import { client, assertProblem, assertJson, stopServer, memberClients } from '../lib/http.mjs';
import { otherOrgClient } from '../lib/fixture.mjs';
import { unzip } from '../lib/audit.mjs';
import { complete, PRESETS } from '../lib/euact.mjs';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const LINT = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'tools', 'lint-openapi.mjs');
const day = (n) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);
/** Titles that sort in another order than they are made in. */
const title = (what, i) => `Contract ${what} ${String.fromCharCode(70 - i)}${i}`;
let uploads = 0, systems = 0;

/** A member (the caller), a competence and an AIMS role for the kinds that refer to them. */
async function competenceSetup(c) {
  const me = assertJson(await c('GET', '/api/v1/me')).user.id;
  const competence = assertJson(await c('POST', '/api/v1/competences', { json: { name: 'Contract competence', category: 'legal' } }), 201);
  const role = assertJson(await c('POST', '/api/v1/aims-roles', { json: { name: 'Contract role', competence_ids: [competence.id] } }), 201);
  return { me, competence, role };
}

/**
 * One row per kind, by its URL path. Records come from `create(i, ctx)`, a valid create body (i =
 * 0, 1, … gives records that differ in their filter and sort fields), or, for a kind that is not
 * created by a JSON POST, from `seed(c, i, ctx)` (resolving to the record made) with `post(i)` the
 * [query, request options] of its POST if it has one. `setup(c)` runs once, before, and resolves
 * to `ctx`. `key(r)` is the record's id in its URL (default r.id), `packKey(r)` that of a row of
 * its file in the auditor package (default r.id), `missing` an id no record has. `patch` is a
 * valid change, `filters` [name, value, field, mayBeEmpty] examples (field: the member compared,
 * default the name; mayBeEmpty: no record need have the value), `sorts` the sort keys to check,
 * `recordType` its audit log record type, `history` whether it has GET …/{id}/history (default
 * yes), `archive` whether it has archive/restore, `all` the list query that shows every record
 * (archived, retired or deleted ones too).
 */
const ROWS = {
  risks: {
    recordType: 'risk',
    create: (i) => ({
      title: title('risk', i), inherent_likelihood: 1 + (i % 3), inherent_impact: 2,
      status: ['open', 'treating', 'closed'][i % 3], treatment: i % 3 === 0 ? null : 'modify', owner: ['Ann', 'Bob'][i % 2],
    }),
    patch: { owner: 'Carla' },
    filters: [['status', 'open'], ['owner', 'bob'], ['treatment', 'modify']],
    sorts: ['number', 'title', 'status', 'owner', 'due_date', 'review_date', 'updated_at'],
  },
  objectives: {
    recordType: 'objective',
    create: (i) => ({
      title: title('objective', i), annex_c_objective: ['C.2.5', 'C.2.8'][i % 2], measure: 'Share of decisions reviewed',
      owner: ['Ann', 'Bob'][i % 2], due_date: day(100 + 10 * (i % 3)), target_value: 0.9, warning_threshold: 0.8,
      status: ['active', 'achieved'][i % 2],
    }),
    patch: { owner: 'Carla' },
    filters: [['owner', 'bob'], ['status', 'active'], ['annex_c_objective', 'C.2.8']],
    sorts: ['key', 'title', 'due_date', 'status', 'derived_status', 'owner', 'updated_at', 'created_at'],
  },
  'impact-assessments': {
    recordType: 'impact_assessment',
    setup: async (c) => ({
      system: assertJson(await c('POST', '/api/v1/systems', { json: { name: 'Contract assessed system', purpose: 'Scores' } }), 201),
    }),
    create: (i, { system }) => ({
      system_id: system.id, title: title('assessment', i), next_review_date: i % 2 ? day(200 + i) : null,
      impacts: [{
        category: 'individual', type: 'harm', affected_party: 'Applicants', description: `Harm ${i}`,
        severity: 1 + (i % 4), likelihood: 1 + (i % 3),
      }],
    }),
    patch: { scope: 'Contract scope' },
    filters: [['status', 'draft'], ['outcome', 'normal']],
    sorts: ['updated_at', 'created_at', 'title', 'ref', 'status', 'outcome', 'next_review_date'],
  },
  obligations: {
    recordType: 'obligation',
    setup: async (c) => ({ questionnaire: assertJson(await c('GET', '/api/v1/eu-ai-act/questionnaire')) }),
    // Obligations follow from a classification: each record is the first obligation of a newly
    // classified AI system.
    seed: async (c, i, { questionnaire }) => {
      systems += 1;
      const name = `${title('chatbot', i)} ${systems}`;
      const sys = assertJson(await c('POST', '/api/v1/systems', { json: { name, purpose: 'Answers customers' } }), 201);
      const answers = complete(questionnaire, PRESETS.chatbot);
      assertJson(await c('PUT', `/api/v1/systems/${sys.id}/classification`, { json: { answers } }), 201);
      return assertJson(await c('GET', `/api/v1/obligations?system=${sys.id}&limit=1&sort=article`)).items[0];
    },
    key: (o) => `${o.system_id}/${o.obligation_id}`,
    packKey: (r) => `${r.parent_id}/${r.id}`,
    missing: 'sys_nope/art26',
    patch: { owner: 'Carla', status: 'in_progress' },
    filters: [['status', 'in_progress'], ['status', 'not_started']],
    sorts: ['applies_from', 'due', 'system', 'article', 'status'],
    history: false,
    all: '&retired=all',
  },
  evidence: {
    recordType: 'evidence',
    // Evidence is uploaded: the file's bytes, its metadata in the query.
    post: (i) => {
      uploads += 1;
      const qs = new URLSearchParams({ filename: `contract-${uploads}.txt`, title: title('evidence', i), owner: ['Ann', 'Bob'][i % 2],
        classification: ['internal', 'public'][i % 2], ...(i % 2 ? { expires_on: day(30 + i) } : {}) });
      const body = Buffer.from(`contract evidence ${uploads} ${'x'.repeat(i)}`);
      return [`?${qs}`, { body, headers: { 'content-type': 'application/octet-stream' } }];
    },
    seed: async (c, i) => {
      const [query, options] = ROWS.evidence.post(i);
      return assertJson(await c('POST', `/api/v1/evidence${query}`, options), 201);
    },
    patch: { owner: 'Carla' },
    filters: [['owner', 'bob'], ['classification', 'internal']],
    sorts: ['uploaded_at', 'title', 'number', 'expires_on', 'effective_date', 'size', 'owner'],
    history: false,
    all: '&deleted=all',
  },
  'context-issues': {
    create: (i) => ({
      title: title('issue', i), origin: ['internal', 'external'][i % 2],
      category: ['legal', 'market', 'ethical'][i % 3], effect: ['risk', 'opportunity', 'both'][i % 3],
      relevance: ['low', 'medium'][i % 2], status: ['open', 'monitored'][i % 2], owner: ['Ann', 'Bob'][i % 2],
      review_date: i % 2 ? `2027-0${1 + i}-15` : null,
    }),
    patch: { owner: 'Carla', relevance: 'high', review_date: '2027-12-01' },
    filters: [['owner', 'bob']],
  },
  'raci-activities': {
    setup: async (c) => ({ me: assertJson(await c('GET', '/api/v1/me')).user.id }),
    create: (i, { me }) => ({
      title: title('activity', i), process: ['risk_management', 'internal_audit'][i % 2], responsible: [me], accountable: [me],
    }),
    patch: { description: 'Carla' },
  },
  'communication-plan': {
    setup: async (c) => ({ me: assertJson(await c('GET', '/api/v1/me')).user.id }),
    create: (i, { me }) => ({
      title: title('plan entry', i), audience: ['internal', 'users'][i % 2], schedule: ['monthly', 'event_driven'][i % 2],
      owner: me, control: ['A.8.2', 'A.8.5'][i % 2], due_on: day(30 + i),
    }),
    patch: { channel: 'Carla' },
  },
  communications: {
    setup: async (c) => ({ me: assertJson(await c('GET', '/api/v1/me')).user.id }),
    create: (i, { me }) => ({ title: title('communication', i), sent_on: day(-i), audience: ['internal', 'users'][i % 2], sent_by: me }),
    patch: { details: 'Carla' },
  },
  'party-requirements': {
    // A requirement names its interested party; one not adopted says why.
    setup: async (c) => ({
      parties: await Promise.all(['Regulator', 'Customers'].map(async (name, i) =>
        assertJson(await c('POST', '/api/v1/interested-parties', { json: { name: `Contract party ${name}`, party_type: ['regulator', 'customer'][i], origin: 'external' } }), 201).id)),
    }),
    create: (i, ctx) => ({
      requirement: title('requirement', i), party_id: ctx.parties[i % 2], adopted: i % 3 !== 2,
      not_adopted_reason: i % 3 === 2 ? 'Out of scope' : null, addressed: ['no', 'partly', 'yes'][i % 3],
      how_addressed: i % 3 ? ['Ann', 'Bob'][i % 2] : null, control_ids: ['A.5.2'], documents: ['Ann', 'Bob'][i % 2],
    }),
    patch: { documents: 'Carla' },
  },
  'climate-determinations': {
    // The next review comes after the decision.
    create: (i) => ({
      decision: title('decision', i), relevant: ['yes', 'no'][i % 2], reasoning: ['Ann', 'Bob'][i % 2],
      decided_by: ['Ann', 'Bob'][i % 2], decided_on: day(-1 - i), review_date: i % 2 ? day(300 + i) : null,
    }),
    patch: { decided_by: 'Carla' },
  },
  documents: {
    create: (i) => ({
      title: title('document', i), type: ['policy', 'procedure', 'plan'][i % 3],
      classification: ['internal', 'public'][i % 2], review_interval_months: 6 + (i % 12),
      next_review_date: i % 2 ? `2027-0${1 + i}-15` : null,
    }),
    patch: { classification: 'confidential', next_review_date: '2027-12-01' },
    filters: [['type', 'policy'], ['classification', 'public']],
  },
  'role-assignments': {
    setup: competenceSetup,
    create: (i, { me, role }) => ({
      person: me, role_id: role.id, from: day(-10 - i), until: i % 2 ? day(100 + i) : null, note: ['Ann', 'Bob'][i % 2],
    }),
  },
  'competence-records': {
    setup: competenceSetup,
    create: (i, { me, competence }) => ({
      person: me, competence_id: competence.id, acquired_by: ['training', 'qualification', 'experience', 'assessment'][i % 4],
      achieved_on: day(-100 - i), expires_on: i % 2 ? day(100 + i) : null, note: ['Ann', 'Bob'][i % 2],
    }),
  },
  'competence-actions': {
    setup: competenceSetup,
    create: (i, { me, competence }) => ({
      person: me, competence_id: competence.id, action_type: ['training', 'mentoring', 'hiring', 'reassignment', 'other'][i % 5],
      due_date: day(30 + i), status: ['open', 'in_progress', 'done', 'cancelled'][i % 4], closes_gap: i % 2 === 0, note: ['Ann', 'Bob'][i % 2],
    }),
  },
  'training-campaigns': {
    setup: competenceSetup,
    create: (i, { me, competence }) => ({
      title: title('campaign', i), competence_ids: [competence.id], audience_member_ids: [me], due_date: day(30 + i),
      recurrence: ['none', 'annual', 'months'][i % 3], recurrence_months: i % 3 === 2 ? 6 : null,
      status: ['planned', 'open', 'closed'][i % 3],
    }),
  },
  incidents: {
    setup: async (c) => ({
      me: assertJson(await c('GET', '/api/v1/me')).user.id,
      system: assertJson(await c('POST', '/api/v1/systems', { json: { name: 'Contract incident system', purpose: 'Scores' } }), 201),
    }),
    create: (i, { me, system }) => ({
      title: title('incident', i), system_id: system.id, occurred_at: new Date(Date.now() - (i + 48) * 3600000).toISOString(),
      became_aware_at: new Date(Date.now() - (i + 24) * 3600000).toISOString(), description: ['Ann', 'Bob'][i % 2],
      severity: ['low', 'medium', 'high', 'critical'][i % 4], status: ['open', 'investigating', 'reported', 'closed'][i % 4],
      owner: me, member_states: ['DE', 'FR, NL'][i % 2],
    }),
    patch: { actions: 'Carla' },
  },
  nonconformities: {
    setup: async (c) => ({ me: assertJson(await c('GET', '/api/v1/me')).user.id }),
    create: (i, { me }) => ({
      title: title('nonconformity', i), description: ['Ann', 'Bob'][i % 2],
      source: ['internal_audit', 'external_audit', 'incident', 'complaint', 'monitoring', 'management_review', 'other'][i % 7],
      requirement: ['9.2.2', 'A.6.2.4'][i % 2], severity: ['major', 'minor'][i % 2], owner: me, opened_on: day(0), due_date: day(30 + i),
    }),
    patch: { description: 'Carla' },
  },
  'corrective-actions': {
    setup: async (c) => {
      const me = assertJson(await c('GET', '/api/v1/me')).user.id;
      const nc = assertJson(await c('POST', '/api/v1/nonconformities', { json: { title: 'Contract NC', description: 'x', source: 'other',
        requirement: '10.2', severity: 'minor', owner: me, opened_on: day(0) } }), 201);
      const contained = assertJson(await c('POST', `/api/v1/nonconformities/${nc.id}/containment`, { json: { action: 'Stopped' }, headers: { 'if-match': '"v1"' } }));
      assertJson(await c('POST', `/api/v1/nonconformities/${nc.id}/cause-analysis`, { json: { method: 'other', analysis: 'a', root_cause: 'b' },
        headers: { 'if-match': `"v${contained.version}"` } }));
      return { me, nc };
    },
    create: (i, { me, nc }) => ({
      title: title('corrective action', i), nc_id: nc.id, owner: me, due_date: day(30 + i),
      status: ['open', 'in_progress', 'done', 'cancelled'][i % 4], done_on: i % 4 === 2 ? day(-1) : null, description: ['Ann', 'Bob'][i % 2],
    }),
    patch: { description: 'Carla' },
  },
  improvements: {
    setup: async (c) => ({ me: assertJson(await c('GET', '/api/v1/me')).user.id }),
    create: (i, { me }) => ({
      title: title('improvement', i), description: ['Ann', 'Bob'][i % 2], owner: me,
      source: ['internal_audit', 'external_audit', 'management_review', 'metrics', 'staff', 'incident', 'other'][i % 7],
      decision: ['proposed', 'accepted', 'rejected', 'implemented'][i % 4], due_date: i % 4 === 2 ? null : day(30 + i),
    }),
    patch: { description: 'Carla' },
  },
  certificates: {
    create: (i) => ({
      certificate_number: title('certificate', i), certification_body: ['Ann', 'Bob'][i % 2], scope_version: 1 + i,
      issued_on: day(-30 - i), expires_on: i % 2 ? day(300 + i) : null, status: ['valid', 'suspended', 'withdrawn'][i % 3],
    }),
    patch: { certification_body: 'Carla' },
  },
  'certification-audits': {
    create: (i) => ({
      title: title('certification audit', i), type: ['stage1', 'stage2', 'surveillance1', 'surveillance2', 'recertification'][i % 5],
      status: ['planned', 'completed'][i % 2], planned_start: day(30 + i), planned_end: day(31 + i),
      actual_start: i % 2 ? day(-10 - i) : null, actual_end: i % 2 ? day(-9 - i) : null, auditors: ['Ann', 'Bob'][i % 2],
    }),
    patch: { auditors: 'Carla' },
  },
  'certification-findings': {
    setup: async (c) => ({
      audit: assertJson(await c('POST', '/api/v1/certification-audits', { json: { title: 'Contract external audit', type: 'stage2', planned_start: day(5) } }), 201),
    }),
    create: (i, { audit }) => ({
      audit_id: audit.id, type: ['major_nc', 'minor_nc', 'observation', 'ofi'][i % 4], requirement: ['6.1.2', 'A.6.2.4'][i % 2],
      description: ['Ann', 'Bob'][i % 2],
    }),
    patch: { description: 'Carla' },
  },
  'review-actions': {
    // A decision of a management review: the review and its owner must exist.
    setup: async (c) => ({
      me: assertJson(await c('GET', '/api/v1/me')).user.id,
      review: assertJson(await c('POST', '/api/v1/management-reviews', { json: { title: 'Contract review', planned_on: day(10) } }), 201),
    }),
    create: (i, { me, review }) => ({
      review_id: review.id, type: ['improvement', 'aims_change', 'resources'][i % 3], title: title('decision', i), owner: me,
      due_date: day(30 + i), status: ['open', 'in_progress', 'done', 'cancelled'][i % 4], description: ['Ann', 'Bob'][i % 2],
    }),
    patch: { description: 'Carla' },
  },
  'internal-audits': {
    setup: async (c) => ({ me: assertJson(await c('GET', '/api/v1/me')).user.id }),
    create: (i, { me }) => ({
      title: title('internal audit', i), objectives: ['Ann', 'Bob'][i % 2], clauses: ['6.1, 8', '9.2'][i % 2], controls: ['A.5.2'],
      lead_auditor: me, planned_start: day(30 + i), planned_end: day(40 + i),
    }),
    patch: { objectives: 'Carla' },
  },
  'audit-findings': {
    setup: async (c) => {
      const me = assertJson(await c('GET', '/api/v1/me')).user.id;
      const audit = assertJson(await c('POST', '/api/v1/internal-audits', { json: { title: 'Contract audit', lead_auditor: me, planned_start: day(5), clauses: '9' } }), 201);
      return { audit };
    },
    create: (i, { audit }) => ({
      audit_id: audit.id, type: ['major_nc', 'minor_nc', 'observation', 'ofi'][i % 4], requirement: ['6.1.2', 'A.6.2.4'][i % 2],
      title: title('finding', i), description: ['Ann', 'Bob'][i % 2],
    }),
    patch: { description: 'Carla' },
  },
  'audit-requests': {
    setup: async (c) => {
      const me = assertJson(await c('GET', '/api/v1/me')).user.id;
      const audit = assertJson(await c('POST', '/api/v1/internal-audits', { json: { title: 'Contract audit', lead_auditor: me, planned_start: day(5), clauses: '9' } }), 201);
      return { me, audit };
    },
    create: (i, { me, audit }) => ({
      audit_id: audit.id, title: title('request', i), request: ['Ann', 'Bob'][i % 2], owner: me, due_date: day(10 + i),
      status: ['open', 'closed'][i % 2],
    }),
    patch: { request: 'Carla' },
  },
};

/**
 * The row of a field-driven kind from its schema (GET /api/v1/kinds), with what ROWS says of it:
 * a create body filling every field (an enum with its default, else its values by turn), a patch
 * of its first text field after the title, every filter with each of its values, every sort, and
 * archive/restore. A kind whose rules refuse such a body gets a row in ROWS with `create`.
 */
function kindRow(k, row = {}) {
  const text = k.fields.find((f) => f.type === 'text' && f.name !== 'title') ?? k.fields.find((f) => f.type === 'long_text');
  const create = (i) => {
    const body = {};
    for (const f of k.fields) {
      if (f.name === 'title') body[f.name] = title(k.noun, i);
      else if (f.type === 'text' || f.type === 'long_text') body[f.name] = ['Ann', 'Bob'][i % 2];
      else if (f.type === 'enum') body[f.name] = f.default ?? f.values[i % f.values.length].value;
      else if (f.type === 'date') body[f.name] = day(30 + i);
      else if (f.type === 'integer') body[f.name] = f.min + (i % (f.max - f.min + 1));
      else if (f.type === 'boolean') body[f.name] = i % 2 === 0;
    }
    return body;
  };
  const filters = [...(row.filters ?? [])];
  // Each value of each filter of the schema; records need not have every value.
  for (const f of k.filters) for (const v of f.values || []) filters.push([f.name, v.value, f.name, true]);
  return {
    create, patch: { [text.name]: 'Carla' }, ...row, path: k.path, recordType: k.kind, filters,
    sorts: k.sorts.map((s) => s.name), schema: k, archive: true, all: '&archived=all',
  };
}

const PW = 'record contract password';
let srv, c, viewer, other, kinds, rowsUnderTest;

before(async () => {
  srv = await startServer();
  c = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
  ({ viewer } = await memberClients(srv, ['viewer'], PW));
  other = await otherOrgClient(srv, PW);
  kinds = assertJson(await c('GET', '/api/v1/kinds')).items;
  rowsUnderTest = [];
  const fieldDriven = new Set(kinds.map((k) => k.path));
  for (const [path, row] of Object.entries(ROWS)) {
    if (fieldDriven.has(path)) continue;
    rowsUnderTest.push({ path, key: (r) => r.id, missing: 'NOPE-1', history: true, archive: false, all: '', ...row });
  }
  for (const k of kinds) rowsUnderTest.push({ key: (r) => r.id, missing: 'NOPE-1', history: true, ...kindRow(k, ROWS[k.path]) });
  for (const row of rowsUnderTest) row.ctx = row.setup ? await row.setup(c) : {};
});
after(() => stopServer(srv));

/** The rows under test: every kind of ROWS and every field-driven kind of GET /api/v1/kinds. */
const rows = () => rowsUnderTest;

async function listAll(row, q = '') {
  return assertJson(await c('GET', `/api/v1/${row.path}?limit=500${q}`));
}

/** `who`'s POST of a new record of the row (undefined if the kind has no POST). */
function postAs(who, row, i, extra = {}) {
  if (row.create) return who('POST', `/api/v1/${row.path}`, { json: { ...row.create(i, row.ctx), ...extra } });
  if (!row.post) return undefined;
  const [query, options] = row.post(i);
  return who('POST', `/api/v1/${row.path}${query}`, options);
}

async function makeRecords(row, n) {
  const made = [];
  for (let i = 0; i < n; i++) made.push(row.seed ? await row.seed(c, i, row.ctx) : assertJson(await postAs(c, row, i), 201));
  return made;
}

/** Asserts that `read` has every member of `made` with the same value (a read may add derived ones). */
function assertHolds(read, made, what) {
  for (const [k, v] of Object.entries(made)) assert.deepEqual(read[k], v, `${what} (${k})`);
}

/** The audit log entries appended since `from` (the checkpoint size before). */
async function entriesSince(from) {
  return assertJson(await c('GET', `/api/v1/audit/entries?from=${from}&limit=500`)).items;
}
const checkpointSize = async () => assertJson(await c('GET', '/api/v1/audit/checkpoint')).size;

test('GET /api/v1/kinds describes every field-driven kind; a viewer may not write', async () => {
  assert.ok(kinds.length >= 1);
  const ci = kinds.find((k) => k.kind === 'context_issue');
  assert.equal(ci.path, 'context-issues');
  assert.equal(ci.can_write, true);
  const seen = assertJson(await viewer('GET', '/api/v1/kinds')).items.find((k) => k.kind === 'context_issue');
  assert.equal(seen.can_write, false);
  assertProblem(await c('POST', '/api/v1/kinds', { json: {}, contract: false }), 405);
});

test('create, get and update with If-Match; a change that changes nothing stores nothing; history and its audit entry', async () => {
  for (const row of rows()) {
    const base = `/api/v1/${row.path}`;
    let made;
    if (row.seed) made = await row.seed(c, 0, row.ctx);
    else {
      const r = await postAs(c, row, 0);
      made = assertJson(r, 201);
      assert.equal(r.headers.get('etag'), `"v${made.version}"`, row.path);
      assert.equal(r.headers.get('location'), `${base}/${made.id}`);
    }
    const at = `${base}/${row.key(made)}`;
    const v = made.version;
    const got = await c('GET', at);
    assertHolds(assertJson(got), made, `${row.path}: GET answers the record made`);
    assert.equal(got.headers.get('etag'), `"v${v}"`);
    assertProblem(await c('PATCH', at, { json: row.patch }), 428);
    assertProblem(await c('PATCH', at, { json: row.patch, headers: { 'if-match': `"v${v + 7}"` } }), 412);
    assertHolds(assertJson(await c('GET', at)), made, `${row.path}: nothing changed`);
    const from = await checkpointSize();
    const up = await c('PATCH', at, { json: row.patch, headers: { 'if-match': `"v${v}"` } });
    const changed = assertJson(up);
    assert.equal(changed.version, v + 1);
    assert.equal(up.headers.get('etag'), `"v${v + 1}"`);
    for (const [k, val] of Object.entries(row.patch)) assert.equal(changed[k], val, `${row.path}: ${k}`);
    const logged = (await entriesSince(from)).filter((e) => e.record_type === row.recordType && e.op === 'update');
    assert.equal(logged.length, 1, `${row.path}: the change has one audit entry`);
    assert.ok([made.id, row.key(made)].includes(logged[0].record_id), `${row.path}: entry of ${logged[0].record_id}`);
    const logSize = await checkpointSize();
    const same = assertJson(await c('PATCH', at, { json: row.patch, headers: { 'if-match': `"v${v + 1}"` } }));
    assert.equal(same.version, v + 1, `${row.path}: a change that changes nothing stores nothing`);
    assert.equal(await checkpointSize(), logSize, `${row.path}: nor logs anything`);
    assertProblem(await c('GET', `${base}/${row.missing}`), 404);
    if (!row.history) continue;
    const hist = assertJson(await c('GET', `${at}/history`));
    assert.deepEqual(hist.items.map((h) => h.operation), ['update', 'create']);
    assert.ok(hist.items[0].changes.some((ch) => ch.field === Object.keys(row.patch)[0]));
    assert.equal(hist.items[0].audit_seq, logged[0].seq, `${row.path}: the history row points at the change's entry`);
    assertProblem(await c('GET', `${at}/history?limit=0`), 400);
    assertProblem(await c('GET', `${base}/${row.missing}/history`), 404);
    assertProblem(await c('GET', `${base}/${row.missing}/history?limit=0`), 404);
  }
});

test('lists page with the cursor without duplicates or gaps, in every sort and both directions', async () => {
  for (const row of rows()) {
    await makeRecords(row, 7);
    const all = await listAll(row);
    assert.ok(all.total >= 7);
    assert.equal(all.items.length, all.total);
    for (const sort of row.sorts) {
      for (const s of [sort, `-${sort}`]) {
        const whole = (await listAll(row, `&sort=${s}`)).items.map(row.key);
        const paged = [];
        let next;
        do {
          const page = assertJson(await c('GET', `/api/v1/${row.path}?limit=3&sort=${s}${next ? `&cursor=${encodeURIComponent(next)}` : ''}`));
          assert.ok(page.items.length <= 3);
          assert.equal(page.total, all.total);
          paged.push(...page.items.map(row.key));
          next = page.next;
        } while (next);
        assert.deepEqual(paged, whole, `${row.path} sort=${s}: the pages are the whole list`);
        assert.equal(new Set(paged).size, all.total, `${row.path} sort=${s}: no duplicates, no gaps`);
      }
      const up = (await listAll(row, `&sort=${sort}`)).items.map(row.key);
      const down = (await listAll(row, `&sort=-${sort}`)).items.map(row.key);
      assert.deepEqual(down, [...up].reverse(), `${row.path}: sort=-${sort} is sort=${sort} reversed`);
    }
    if (row.sorts.includes('title')) {
      const titles = (await listAll(row, '&sort=title')).items.map((r) => r.title.toLowerCase());
      assert.deepEqual(titles, [...titles].sort(), `${row.path}: sort=title orders by title`);
    }
    assertProblem(await c('GET', `/api/v1/${row.path}?sort=-nope`), 400);
    const [one, two] = row.sorts;
    const cur = assertJson(await c('GET', `/api/v1/${row.path}?limit=1&sort=${one}`)).next;
    const p = assertProblem(await c('GET', `/api/v1/${row.path}?limit=1&sort=${two}&cursor=${encodeURIComponent(cur)}`), 400);
    assert.deepEqual(p.errors.map((e) => e.field), ['cursor'], `${row.path}: a cursor belongs to its sort`);
  }
});

test('each filter keeps the records with its value; unknown parameters and bad limits are a 400 naming them', async () => {
  for (const row of rows()) {
    const all = await listAll(row);
    for (const [name, value, field = name, mayBeEmpty = false] of row.filters) {
      const got = await listAll(row, `&${name}=${encodeURIComponent(value)}`);
      const want = all.items.filter((r) => String(r[field] ?? '').toLowerCase() === value.toLowerCase()).map(row.key);
      assert.ok(want.length > 0 || mayBeEmpty, `${row.path} ${name}=${value} keeps some record`);
      assert.deepEqual(got.items.map(row.key).sort(), want.sort(), `${row.path} ${name}=${value}`);
      assert.equal(got.total, want.length);
    }
    for (const q of ['statsu=open', 'sort_by=title', 'Limit=2']) {
      const p = assertProblem(await c('GET', `/api/v1/${row.path}?${q}`), 400);
      assert.deepEqual(p.errors.map((e) => e.field), [q.split('=')[0]], `${row.path}?${q}`);
    }
    for (const limit of ['0', '501', 'abc']) {
      const p = assertProblem(await c('GET', `/api/v1/${row.path}?limit=${limit}`), 400);
      assert.deepEqual(p.errors.map((e) => e.field), ['limit']);
    }
    if (row.schema) {
      for (const f of row.schema.filters.filter((x) => x.values))
        assertProblem(await c('GET', `/api/v1/${row.path}?${f.name}=not-a-value`), 400);
    }
    assert.deepEqual(await listAll(row), all, `${row.path}: the refused lists changed nothing`);
  }
});

test("another organization's records are 404 to it; a viewer may read but not write; an unknown field is a 422 that stores nothing", async () => {
  for (const row of rows()) {
    const base = `/api/v1/${row.path}`;
    const [made] = await makeRecords(row, 1);
    const at = `${base}/${row.key(made)}`;
    const ifMatch = { 'if-match': `"v${made.version}"` };
    const before = await listAll(row, row.all);
    const size = await checkpointSize();
    assertProblem(await other('GET', at), 404);
    assertProblem(await other('PATCH', at, { json: row.patch, headers: ifMatch }), 404);
    if (row.history) assertProblem(await other('GET', `${at}/history`), 404);
    assert.ok(!assertJson(await other('GET', base)).items.some((r) => row.key(r) === row.key(made)));
    assertJson(await viewer('GET', at));
    const viewerPost = postAs(viewer, row, 0);
    if (viewerPost) assertProblem(await viewerPost, 403);
    assertProblem(await viewer('PATCH', at, { json: row.patch, headers: ifMatch }), 403);
    if (row.create) {
      const p = assertProblem(await postAs(c, row, 0, { colour: 'red' }), 422);
      assert.ok(p.errors.some((e) => e.field === 'colour'), JSON.stringify(p.errors));
    }
    const q = assertProblem(await c('PATCH', at, { json: { colour: 'red' }, headers: ifMatch }), 422);
    assert.ok(q.errors.some((e) => e.field === 'colour'));
    if (row.archive) {
      assertProblem(await viewer('POST', `${at}/archive`, { headers: ifMatch }), 403);
      assertProblem(await other('POST', `${at}/archive`, { headers: ifMatch }), 404);
    }
    assert.deepEqual(await listAll(row, row.all), before, `${row.path}: nothing was stored`);
    assert.equal(await checkpointSize(), size, `${row.path}: nothing was logged`);
  }
});

test('archive and restore need If-Match; an archived record leaves the list, refuses changes and comes back', async () => {
  const archiving = rows().filter((r) => r.archive);
  assert.ok(archiving.length >= 1, 'a kind with archive and restore');
  for (const row of archiving) {
    const base = `/api/v1/${row.path}`;
    const [made] = await makeRecords(row, 1);
    assertProblem(await c('POST', `${base}/${made.id}/archive`), 428);
    assertProblem(await c('POST', `${base}/${made.id}/archive`, { headers: { 'if-match': '"v9"' } }), 412);
    const r = await c('POST', `${base}/${made.id}/archive`, { headers: { 'if-match': '"v1"' } });
    const archived = assertJson(r);
    assert.equal(archived.archived, true);
    assert.equal(r.headers.get('etag'), '"v2"');
    assert.ok(!(await listAll(row)).items.some((x) => x.id === made.id), 'left out of the default list');
    assert.ok((await listAll(row, '&archived=true')).items.every((x) => x.archived));
    assert.ok((await listAll(row, '&archived=true')).items.some((x) => x.id === made.id));
    assert.ok((await listAll(row, '&archived=all')).items.some((x) => x.id === made.id));
    assertProblem(await c('GET', `${base}?archived=maybe`), 400);
    assertProblem(await c('PATCH', `${base}/${made.id}`, { json: row.patch, headers: { 'if-match': '"v2"' } }), 409);
    assertProblem(await c('POST', `${base}/${made.id}/archive`, { headers: { 'if-match': '"v2"' } }), 409);
    const restored = assertJson(await c('POST', `${base}/${made.id}/restore`, { headers: { 'if-match': '"v2"' } }));
    assert.equal(restored.archived, false);
    assert.equal(restored.version, 3);
    assert.ok((await listAll(row)).items.some((x) => x.id === made.id));
    const ops = assertJson(await c('GET', `${base}/${made.id}/history`)).items.map((h) => h.operation);
    assert.deepEqual(ops, ['restore', 'archive', 'create']);
  }
});

test('every record is in the auditor package, in records/<record type>.json', async () => {
  const res = await fetch(`${srv.url}/api/v1/audit/pack`, { headers: { cookie: (await login(srv.url, srv.admin.email, srv.admin.password)).cookie } });
  assert.equal(res.status, 200);
  const files = Object.fromEntries(unzip(Buffer.from(await res.arrayBuffer())).map((e) => [e.name, e.data.toString()]));
  for (const row of rows()) {
    const name = `records/${row.recordType}.json`;
    assert.ok(files[name], `the package has ${name}`);
    const ids = JSON.parse(files[name]).map(row.packKey ?? ((r) => r.id)).sort();
    const all = (await listAll(row, row.all)).items.map(row.key).sort();
    assert.deepEqual(ids, all, `${name} holds every ${row.recordType}`);
  }
});

test('the served OpenAPI document, with the paths of every field-driven kind, is valid OpenAPI 3.1 (as api/openapi.yaml is linted)', async () => {
  const doc = assertJson(await c('GET', '/api/v1/openapi.json'));
  for (const k of kinds) {
    for (const p of ['', '/{id}', '/{id}/history', '/{id}/archive', '/{id}/restore'])
      assert.ok(doc.paths[`/api/v1/${k.path}${p}`], `${k.path}${p} is in the served document`);
    const filters = doc.paths[`/api/v1/${k.path}`].get.parameters.map((x) => x.name).filter(Boolean);
    for (const f of k.filters) assert.ok(filters.includes(f.name), `the filter ${f.name} is documented`);
  }
  const link = doc.components.schemas.EvidenceLink.properties.target_type.enum;
  for (const k of kinds) assert.ok(link.includes(k.kind), `${k.kind} is a documented link target type`);
  const dir = mkdtempSync(join(tmpdir(), 'aims-openapi-'));
  try {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(doc));
    const r = spawnSync(process.execPath, [LINT, file], { encoding: 'utf8' });
    assert.equal(r.status, 0, `lint-openapi: ${r.stdout}${r.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
