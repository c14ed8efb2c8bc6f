// The AI system inventory (SPEC §3): create, validation, optimistic concurrency, history,
// archive/restore, listing (pages, sorting, filters, search) and CSV import/export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login } from '../lib/server.mjs';
import { client, assertProblem, assertJson, stopServer, parseCsv, assertReadableById } from '../lib/http.mjs';
import { classifyAs } from '../lib/euact.mjs';
import { SYS } from '../lib/paths.mjs';

let srv, c;
const STAGES = ['inception', 'design_and_development', 'verification_and_validation', 'deployment',
  'operation_and_monitoring', 're_evaluation', 'retirement'];
const CLASSES_BY_SEVERITY = ['unclassified', 'minimal', 'transparency', 'high_risk_exempt', 'gpai_model', 'gpai_systemic', 'high_risk', 'prohibited'];
const STATUSES = ['planned', 'active', 'suspended', 'retired'];
const ROLES = ['provider', 'deployer', 'producer'];
const SYSTEM_FIELDS = ['id', 'name', 'purpose', 'intended_use', 'foreseeable_misuse', 'owner', 'organization_role',
  'lifecycle_stage', 'model_type', 'data_sources', 'third_party_components', 'suppliers', 'deployment_context',
  'affected_people', 'human_oversight', 'human_oversight_notes', 'eu_ai_act_class', 'eu_ai_act_basis',
  'eu_ai_act_rationale', 'gpai', 'status', 'scope', 'tags', 'archived', 'version', 'created_at', 'updated_at',
  'created_by', 'updated_by'];
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

before(async () => {
  srv = await startServer();
  c = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
});

after(async () => {
  await stopServer(srv);
});

const q = (params) => new URLSearchParams(params).toString();

async function create(fields) {
  return assertJson(await c('POST', SYS, { json: fields }), 201);
}

/** Number of systems stored in the organization, archived ones included. */
async function count() {
  return assertJson(await c('GET', `${SYS}?archived=all&limit=1`)).total;
}

async function get(id) {
  const r = await c('GET', `${SYS}/${id}`);
  return { body: assertJson(r), etag: r.headers.get('etag') };
}

/** Every page of a list (query object without limit/cursor), walked with `limit`. */
async function walk(params, limit) {
  const pages = [];
  let cursor;
  for (let guard = 0; guard < 500; guard++) {
    const r = await c('GET', `${SYS}?${q({ ...params, limit, ...(cursor ? { cursor } : {}) })}`);
    const page = assertJson(r);
    pages.push(page);
    if (page.next === undefined) return pages;
    assert.equal(typeof page.next, 'string');
    cursor = page.next;
  }
  throw new Error('pagination does not end');
}

async function all(params) {
  const r = assertJson(await c('GET', `${SYS}?${q({ ...params, limit: 500 })}`));
  assert.equal(r.next, undefined);
  assert.equal(r.total, r.items.length);
  return r.items;
}


function toCsv(rows) {
  return rows.map((r) => r.map((v) => (/[",\r\n]|^ | $/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')).join('\r\n') + '\r\n';
}

const importCsv = (csv, query = '', contentType = 'text/csv') =>
  c('POST', `${SYS}/import${query}`, { body: csv, headers: { 'content-type': contentType } });

// ---- create and validate -----------------------------------------------------------------------

test('POST /systems creates: 201, Location, ETag "v1", defaults filled in', async () => {
  const r = await c('POST', SYS, { json: { name: 'Credit scoring', purpose: 'Scores loan applications', tags: ['finance', 'finance', ' credit '] } });
  const s = assertJson(r, 201);
  for (const f of SYSTEM_FIELDS) assert.ok(f in s, `response lacks ${f}`);
  assert.match(s.id, /\S/);
  assert.equal(r.headers.get('location'), `/api/v1/systems/${s.id}`);
  assert.equal(r.headers.get('etag'), '"v1"');
  assert.equal(s.version, 1);
  assert.equal(s.name, 'Credit scoring');
  assert.equal(s.purpose, 'Scores loan applications');
  assert.deepEqual(s.tags, ['finance', 'credit'], 'tags are trimmed and de-duplicated');
  assert.equal(s.archived, false);
  assert.equal(s.status, 'planned');
  assert.equal(s.lifecycle_stage, 'inception');
  assert.equal(s.eu_ai_act_class, 'unclassified');
  assert.equal(s.organization_role, 'deployer');
  assert.equal(s.human_oversight, 'unspecified');
  assert.equal(s.gpai, false);
  // Scope membership is derived from the scope record: none saved yet, so not placed.
  assert.deepEqual(s.scope, { placement: 'unplaced', reason: '', scope_version: 0, scope_status: null });
  assert.ok(!('in_scope' in s));
  for (const f of ['data_sources', 'third_party_components', 'suppliers', 'affected_people']) assert.deepEqual(s[f], []);
  for (const f of ['intended_use', 'foreseeable_misuse', 'owner', 'model_type', 'deployment_context', 'eu_ai_act_basis']) assert.equal(s[f], '');
  assert.equal(s.created_by, srv.admin.email);
  assert.equal(s.updated_by, srv.admin.email);
  assert.match(s.created_at, RFC3339);
  assert.match(s.updated_at, RFC3339);
  // The Location answers with the same record.
  const got = await c('GET', r.headers.get('location'));
  assert.deepEqual(assertJson(got), s);
  assert.equal(got.headers.get('etag'), '"v1"');
});

test('every field can be set on create', async () => {
  const input = {
    name: 'Full record', purpose: 'All fields', intended_use: 'Use', foreseeable_misuse: 'Misuse', owner: 'Data team',
    organization_role: 'provider', lifecycle_stage: 'deployment', model_type: 'gradient boosting',
    data_sources: ['crm'], third_party_components: ['xgboost'], suppliers: ['Acme Cloud'], deployment_context: 'EU',
    affected_people: ['customers'], human_oversight: 'human_in_the_loop', human_oversight_notes: 'Reviewed',
    // The EU AI Act fields are set by the classification; their current values are accepted.
    eu_ai_act_class: 'unclassified', eu_ai_act_basis: '', eu_ai_act_rationale: '',
    gpai: true, status: 'active', tags: ['x'],
  };
  const s = await create(input);
  for (const [k, v] of Object.entries(input)) assert.deepEqual(s[k], v, k);
});

test('missing required fields answer 422 with field errors for name and purpose; nothing stored', async () => {
  const n = await count();
  let p = assertProblem(await c('POST', SYS, { json: {} }), 422);
  assert.deepEqual((p.errors || []).map((e) => e.field).sort(), ['name', 'purpose'], JSON.stringify(p.errors));
  assert.ok(p.errors.every((e) => typeof e.message === 'string' && e.message.length > 0));
  p = assertProblem(await c('POST', SYS, { json: { name: 'Only a name' } }), 422);
  assert.deepEqual(p.errors.map((e) => e.field), ['purpose']);
  p = assertProblem(await c('POST', SYS, { json: { name: '   ', purpose: 'Blank name' } }), 422);
  assert.deepEqual(p.errors.map((e) => e.field), ['name']);
  p = assertProblem(await c('POST', SYS, { json: { name: 'x'.repeat(201), purpose: 'Too long a name' } }), 422);
  assert.deepEqual(p.errors.map((e) => e.field), ['name']);
  assert.equal(await count(), n);
});

test('unknown and read-only fields answer 422 naming the field', async () => {
  const n = await count();
  for (const field of ['colour', 'risk_score']) {
    const p = assertProblem(await c('POST', SYS, { json: { name: `Unknown ${field}`, purpose: 'p', [field]: 'x' } }), 422);
    assert.deepEqual(p.errors.map((e) => e.field), [field]);
  }
  for (const [field, value] of [['id', 'sys_mine'], ['version', 7], ['archived', true], ['created_at', '2020-01-01T00:00:00Z'], ['created_by', 'someone@else'], ['updated_by', 'x'], ['updated_at', 'x']]) {
    const p = assertProblem(await c('POST', SYS, { json: { name: `Read-only ${field}`, purpose: 'p', [field]: value } }), 422);
    assert.deepEqual(p.errors.map((e) => e.field), [field], `${field}: ${JSON.stringify(p.errors)}`);
  }
  assert.equal(await count(), n);
});

test('in_scope is refused on create, PATCH and import: 422 naming it and pointing to the scope; nothing changes', async () => {
  const n = await count();
  for (const value of [true, false]) {
    const p = assertProblem(await c('POST', SYS, { json: { name: `Flag ${value}`, purpose: 'p', in_scope: value } }), 422);
    assert.deepEqual(p.errors.map((e) => e.field), ['in_scope']);
    assert.match(p.errors[0].message, /scope record/);
    assert.match(p.errors[0].message, /\/scope/);
  }
  // The derived membership is read-only like version.
  const ro = assertProblem(await c('POST', SYS, { json: { name: 'Scope sent', purpose: 'p', scope: { placement: 'in' } } }), 422);
  assert.deepEqual(ro.errors.map((e) => [e.field, e.message]), [['scope', 'is read-only']]);
  assert.equal(await count(), n);

  const s = await create({ name: 'Patched flag', purpose: 'p' });
  const before = await get(s.id);
  for (const json of [{ in_scope: false }, { in_scope: true, owner: 'Someone' }]) {
    const p = assertProblem(await c('PATCH', `${SYS}/${s.id}`, { json, headers: { 'if-match': before.etag } }), 422);
    assert.ok(p.errors.some((e) => e.field === 'in_scope' && /PUT \/api\/v1\/scope/.test(e.message)), JSON.stringify(p.errors));
  }
  assert.deepEqual(await get(s.id), before, 'nothing changed');
  const history = assertJson(await c('GET', `${SYS}/${s.id}/history`)).items;
  assert.equal(history.length, 1);
});

test('wrong enum values and wrong types answer 422 naming the field', async () => {
  const n = await count();
  const bad = {
    lifecycle_stage: 'alpha', eu_ai_act_class: 'high', status: 'deleted', organization_role: 'owner',
    human_oversight: 'sometimes', gpai: 'yes', in_scope: 1, tags: 'one', data_sources: [''], owner: ['x'], purpose: 42,
  };
  for (const [field, value] of Object.entries(bad)) {
    const body = { name: `Bad ${field}`, purpose: 'p', [field]: value };
    const p = assertProblem(await c('POST', SYS, { json: body }), 422);
    assert.deepEqual(p.errors.map((e) => e.field), [field], `${field}=${JSON.stringify(value)}: ${JSON.stringify(p.errors)}`);
  }
  // All problems are reported at once.
  const p = assertProblem(await c('POST', SYS, { json: { name: 'Many', purpose: 'p', status: 'x', gpai: 'x', tags: 3 } }), 422);
  assert.deepEqual(p.errors.map((e) => e.field).sort(), ['gpai', 'status', 'tags']);
  assert.equal(await count(), n);
});

test('a body that is not a JSON object: 415 for another media type, 400 for malformed JSON or a non-object', async () => {
  const n = await count();
  const json = JSON.stringify({ name: 'Wrong type', purpose: 'p' });
  assertProblem(await c('POST', SYS, { body: json, headers: { 'content-type': 'text/plain' } }), 415);
  assertProblem(await c('POST', SYS, { body: json }), 415);
  assertProblem(await c('POST', SYS, { body: '{"name": "Broken", ', headers: { 'content-type': 'application/json' } }), 400);
  assertProblem(await c('POST', SYS, { json: ['name', 'purpose'] }), 400);
  assertProblem(await c('POST', SYS, { json: 'a string' }), 400);
  assert.equal(await count(), n);
  // application/json with parameters is still JSON.
  assertJson(await c('POST', SYS, { body: json, headers: { 'content-type': 'application/json; charset=utf-8' } }), 201);
});

test('a duplicate name (case-insensitive, trimmed) answers 409 and stores nothing', async () => {
  await create({ name: 'Fraud Detector', purpose: 'Flags suspicious payments' });
  const n = await count();
  for (const name of ['Fraud Detector', 'fraud detector', '  FRAUD DETECTOR ']) {
    assertProblem(await c('POST', SYS, { json: { name, purpose: 'Another one' } }), 409);
  }
  assert.equal(await count(), n);
});

test('GET /systems/{id}: 200 with ETag; unknown id 404 problem', async () => {
  await assertReadableById(c, SYS, await create({ name: 'Readable', purpose: 'To be read' }), 'sys_does_not_exist');
});

// ---- change, concurrency, history ----------------------------------------------------------------

test('PATCH needs If-Match (428), refuses a stale one (412) and changes nothing; a good one answers 200 with ETag "v2"', async () => {
  const s = await create({ name: 'Patch target', purpose: 'Original purpose', owner: 'Ana' });
  const path = `${SYS}/${s.id}`;
  assertProblem(await c('PATCH', path, { json: { purpose: 'No If-Match' } }), 428);
  assert.deepEqual((await get(s.id)).body, s);
  assertProblem(await c('PATCH', path, { json: { purpose: 'Stale' }, headers: { 'if-match': '"v7"' } }), 412);
  assertProblem(await c('PATCH', path, { json: { purpose: 'Stale' }, headers: { 'if-match': 'v1' } }), 412);
  assert.deepEqual((await get(s.id)).body, s);

  const r = await c('PATCH', path, { json: { purpose: 'Changed purpose', lifecycle_stage: 'deployment' }, headers: { 'if-match': '"v1"' } });
  const u = assertJson(r);
  assert.equal(r.headers.get('etag'), '"v2"');
  assert.equal(u.version, 2);
  assert.equal(u.purpose, 'Changed purpose');
  assert.equal(u.lifecycle_stage, 'deployment');
  assert.equal(u.owner, 'Ana', 'fields not in the body are kept');
  assert.equal(u.name, 'Patch target');
  assert.equal(u.created_at, s.created_at);
  assert.ok(u.updated_at >= s.updated_at);
  assert.deepEqual((await get(s.id)).body, u);

  // The old ETag is now stale.
  assertProblem(await c('PATCH', path, { json: { purpose: 'Lost update' }, headers: { 'if-match': '"v1"' } }), 412);
  assert.deepEqual((await get(s.id)).body, u);
});

test('PATCH validates like create and changes nothing on error', async () => {
  const s = await create({ name: 'Patch validation', purpose: 'p' });
  const other = await create({ name: 'Taken Name', purpose: 'p' });
  const path = `${SYS}/${s.id}`;
  const im = { 'if-match': '"v1"' };
  let p = assertProblem(await c('PATCH', path, { json: { status: 'gone' }, headers: im }), 422);
  assert.deepEqual(p.errors.map((e) => e.field), ['status']);
  p = assertProblem(await c('PATCH', path, { json: { version: 5 }, headers: im }), 422);
  assert.deepEqual(p.errors.map((e) => e.field), ['version']);
  p = assertProblem(await c('PATCH', path, { json: { name: '' }, headers: im }), 422);
  assert.deepEqual(p.errors.map((e) => e.field), ['name']);
  assertProblem(await c('PATCH', path, { json: { name: 'taken name' }, headers: im }), 409);
  assertProblem(await c('PATCH', path, { body: '{"purpose":"x"}', headers: { ...im, 'content-type': 'text/plain' } }), 415);
  assertProblem(await c('PATCH', path, { body: '{"purpose":', headers: { ...im, 'content-type': 'application/json' } }), 400);
  assert.deepEqual((await get(s.id)).body, s);
  assert.equal((await get(other.id)).body.name, 'Taken Name');
  assertProblem(await c('PATCH', `${SYS}/sys_does_not_exist`, { json: { purpose: 'x' }, headers: im }), 404);
  // Renaming to a different case of its own name is allowed.
  const r = assertJson(await c('PATCH', path, { json: { name: 'PATCH VALIDATION' }, headers: im }));
  assert.equal(r.name, 'PATCH VALIDATION');
});

test('history lists create and update with their field changes, newest first', async () => {
  const s = await create({ name: 'History subject', purpose: 'Before' });
  const path = `${SYS}/${s.id}`;
  assertJson(await c('PATCH', path, { json: { purpose: 'After', status: 'active' }, headers: { 'if-match': '"v1"' } }));
  const h = assertJson(await c('GET', `${path}/history`));
  assert.equal(h.next, undefined);
  assert.deepEqual(h.items.map((e) => [e.version, e.operation]), [[2, 'update'], [1, 'create']]);
  for (const e of h.items) {
    assert.equal(e.actor, srv.admin.email);
    assert.match(e.at, RFC3339);
    assert.ok(Array.isArray(e.changes));
  }
  const upd = Object.fromEntries(h.items[0].changes.map((x) => [x.field, x]));
  assert.deepEqual(Object.keys(upd).sort(), ['purpose', 'status']);
  assert.deepEqual(upd.purpose, { field: 'purpose', from: 'Before', to: 'After' });
  assert.deepEqual(upd.status, { field: 'status', from: 'planned', to: 'active' });
  const crt = Object.fromEntries(h.items[1].changes.map((x) => [x.field, x]));
  assert.equal(crt.name.to, 'History subject');
  assert.equal(crt.purpose.to, 'Before');
  // A PATCH that changes nothing adds no entry.
  assertJson(await c('PATCH', path, { json: { purpose: 'After' }, headers: { 'if-match': '"v2"' } }));
  const h2 = assertJson(await c('GET', `${path}/history`));
  assert.equal(h2.items.length, 2);
  // Pages.
  const p1 = assertJson(await c('GET', `${path}/history?limit=1`));
  assert.deepEqual(p1.items.map((e) => e.version), [2]);
  assert.equal(typeof p1.next, 'string');
  const p2 = assertJson(await c('GET', `${path}/history?limit=1&cursor=${encodeURIComponent(p1.next)}`));
  assert.deepEqual(p2.items.map((e) => e.version), [1]);
  assert.equal(p2.next, undefined);
  assertProblem(await c('GET', `${path}/history?limit=0`), 400);
  assertProblem(await c('GET', `${path}/history?cursor=bogus`), 400);
  assertProblem(await c('GET', `${SYS}/sys_does_not_exist/history`), 404);
});

// ---- archive and restore -------------------------------------------------------------------------

test('archive hides a system from the default list (shown with archived=true/all); restore brings it back', async () => {
  const s = await create({ name: 'Archivable', purpose: 'Will be archived' });
  const path = `${SYS}/${s.id}`;
  const names = async (archived) => (await all({ q: 'archivable', ...(archived ? { archived } : {}) })).map((x) => x.name);

  const r = await c('POST', `${path}/archive`);
  const a = assertJson(r);
  assert.equal(a.archived, true);
  assert.equal(a.version, 2);
  assert.equal(r.headers.get('etag'), '"v2"');
  assert.deepEqual(await names(), []);
  assert.deepEqual(await names('false'), []);
  assert.deepEqual(await names('true'), ['Archivable']);
  assert.deepEqual(await names('all'), ['Archivable']);
  assert.ok((await all({ archived: 'true' })).every((x) => x.archived === true));
  assert.ok((await all({})).every((x) => x.archived === false));
  assert.equal((await get(s.id)).body.archived, true, 'an archived system can still be read');

  // Archiving again changes nothing.
  const again = assertJson(await c('POST', `${path}/archive`));
  assert.equal(again.version, 2);

  const rr = await c('POST', `${path}/restore`);
  const back = assertJson(rr);
  assert.equal(back.archived, false);
  assert.equal(back.version, 3);
  assert.equal(rr.headers.get('etag'), '"v3"');
  assert.deepEqual(await names(), ['Archivable']);
  assert.deepEqual(await names('true'), []);

  const h = assertJson(await c('GET', `${path}/history`));
  assert.deepEqual(h.items.map((e) => e.operation), ['restore', 'archive', 'create']);
  assert.deepEqual(h.items[1].changes, [{ field: 'archived', from: false, to: true }]);

  assertProblem(await c('POST', `${SYS}/sys_does_not_exist/archive`), 404);
  assertProblem(await c('POST', `${SYS}/sys_does_not_exist/restore`), 404);
});

// ---- listing -------------------------------------------------------------------------------------

const PAGE_SYSTEMS = [];

test('list pagination: 25 systems in pages of 10, each exactly once, next absent on the last page', async () => {
  for (let k = 0; k < 25; k++) {
    const i = (k * 7) % 25; // created out of name order
    const s = await create({
      name: `Page ${String(i + 1).padStart(2, '0')}`,
      purpose: `Paged system number ${i + 1}`,
      status: STATUSES[i % 4],
      lifecycle_stage: STAGES[i % 7],
      organization_role: ROLES[i % 3],
      owner: `Owner ${String.fromCharCode(65 + (i % 26))}`,
    });
    // The class comes from a classification (which sets the organization role too).
    const cls = CLASSES_BY_SEVERITY[i % CLASSES_BY_SEVERITY.length];
    if (cls !== 'unclassified') await classifyAs(c, s.id, cls, { roles: [i % 3 === 0 ? 'provider' : 'deployer'] });
    PAGE_SYSTEMS.push((await get(s.id)).body);
  }
  const pages = await walk({ q: 'page' }, 10);
  assert.deepEqual(pages.map((p) => p.items.length), [10, 10, 5]);
  for (const p of pages) assert.equal(p.total, 25);
  assert.ok(pages.slice(0, -1).every((p) => typeof p.next === 'string'));
  assert.ok(!('next' in pages[2]), 'next is absent on the last page');
  const names = pages.flatMap((p) => p.items.map((x) => x.name));
  assert.deepEqual(names, Array.from({ length: 25 }, (_, i) => `Page ${String(i + 1).padStart(2, '0')}`));
  for (const item of pages[0].items) for (const f of SYSTEM_FIELDS) assert.ok(f in item, `list item lacks ${f}`);

  // The whole organization, too: pages agree with one big page.
  const whole = await all({});
  const walked = (await walk({}, 10)).flatMap((p) => p.items.map((x) => x.id));
  assert.deepEqual(walked, whole.map((x) => x.id));
  assert.equal(new Set(walked).size, walked.length);
  // Default page size is 50.
  const d = assertJson(await c('GET', SYS));
  assert.equal(d.items.length, Math.min(50, whole.length));
});

test('sort by name ascending and descending (case-insensitive)', async () => {
  for (const name of ['beta-case', 'Alpha-case', 'gamma-case', 'Delta-case']) await create({ name, purpose: 'sorting' });
  const asc = (await all({ q: '-case', sort: 'name' })).map((x) => x.name);
  assert.deepEqual(asc, ['Alpha-case', 'beta-case', 'Delta-case', 'gamma-case']);
  const desc = (await all({ q: '-case', sort: '-name' })).map((x) => x.name);
  assert.deepEqual(desc, [...asc].reverse());
  const deflt = (await all({ q: '-case' })).map((x) => x.name);
  assert.deepEqual(deflt, asc, 'the default sort is name');
  const pagedDesc = (await walk({ q: 'page', sort: '-name' }, 10)).flatMap((p) => p.items.map((x) => x.name));
  assert.deepEqual(pagedDesc, Array.from({ length: 25 }, (_, i) => `Page ${String(25 - i).padStart(2, '0')}`));
});

test('sort by eu_ai_act_class orders by severity, both ways, and pages through ties exactly once', async () => {
  const rank = (x) => CLASSES_BY_SEVERITY.indexOf(x.eu_ai_act_class);
  const asc = await all({ q: 'page', sort: 'eu_ai_act_class' });
  assert.equal(asc.length, 25);
  for (let i = 1; i < asc.length; i++) assert.ok(rank(asc[i - 1]) <= rank(asc[i]), `ascending order broken at ${i}: ${asc.map((x) => x.eu_ai_act_class)}`);
  const desc = await all({ q: 'page', sort: '-eu_ai_act_class' });
  for (let i = 1; i < desc.length; i++) assert.ok(rank(desc[i - 1]) >= rank(desc[i]), `descending order broken at ${i}`);
  assert.equal(asc[0].eu_ai_act_class, 'unclassified');
  assert.equal(desc[0].eu_ai_act_class, 'prohibited');
  for (const sort of ['eu_ai_act_class', '-eu_ai_act_class', 'status', 'lifecycle_stage', '-owner', 'created_at', '-updated_at']) {
    const ids = (await walk({ q: 'page', sort }, 4)).flatMap((p) => p.items.map((x) => x.id));
    assert.equal(ids.length, 25, `sort=${sort}`);
    assert.equal(new Set(ids).size, 25, `sort=${sort}: a system appears twice`);
    assert.deepEqual(ids, (await all({ q: 'page', sort })).map((x) => x.id), `sort=${sort}: pages differ from one page`);
  }
});

test('filters: status, lifecycle_stage, eu_ai_act_class, organization_role, alone and combined', async () => {
  const pageSet = (pred) => PAGE_SYSTEMS.filter(pred).map((x) => x.name).sort();
  const got = async (params) => {
    const r = assertJson(await c('GET', `${SYS}?${q({ q: 'page', limit: 500, ...params })}`));
    assert.equal(r.total, r.items.length);
    return r.items.map((x) => x.name).sort();
  };
  for (const status of STATUSES) assert.deepEqual(await got({ status }), pageSet((x) => x.status === status), `status=${status}`);
  for (const lifecycle_stage of STAGES)
    assert.deepEqual(await got({ lifecycle_stage }), pageSet((x) => x.lifecycle_stage === lifecycle_stage), `lifecycle_stage=${lifecycle_stage}`);
  for (const eu_ai_act_class of CLASSES_BY_SEVERITY)
    assert.deepEqual(await got({ eu_ai_act_class }), pageSet((x) => x.eu_ai_act_class === eu_ai_act_class), `eu_ai_act_class=${eu_ai_act_class}`);
  for (const organization_role of ROLES)
    assert.deepEqual(await got({ organization_role }), pageSet((x) => x.organization_role === organization_role), `organization_role=${organization_role}`);
  const combo = await got({ status: 'active', organization_role: 'deployer' });
  assert.deepEqual(combo, pageSet((x) => x.status === 'active' && x.organization_role === 'deployer'));
  // Without q the filter still applies to the whole organization.
  const actives = await all({ status: 'active' });
  assert.ok(actives.every((x) => x.status === 'active'));
  assert.ok(pageSet((x) => x.status === 'active').every((n) => actives.some((x) => x.name === n)));
  assert.deepEqual(await got({ status: 'active', lifecycle_stage: 'retirement', eu_ai_act_class: 'prohibited' }),
    pageSet((x) => x.status === 'active' && x.lifecycle_stage === 'retirement' && x.eu_ai_act_class === 'prohibited'));
});

test('q searches name, purpose, owner, model type and tags, case-insensitively', async () => {
  await create({ name: 'Churn model', purpose: 'Predicts which Subscribers leave', owner: 'Growth Squad', model_type: 'Logistic regression', tags: ['retention-kpi'] });
  for (const term of ['churn', 'CHURN MODEL', 'subscribers', 'growth squad', 'logistic', 'retention-kpi']) {
    const names = (await all({ q: term })).map((x) => x.name);
    assert.deepEqual(names, ['Churn model'], `q=${term}`);
  }
  assert.deepEqual(await all({ q: 'no system has this text' }), []);
});

test('q matches % and _ (and backslash) literally, not as wildcards', async () => {
  await create({ name: 'Rate 100% model', purpose: 'percent' });
  await create({ name: 'Rate 1000 model', purpose: 'decoy for percent' });
  await create({ name: 'snake_case_model', purpose: 'underscore' });
  await create({ name: 'snakeXcaseXmodel', purpose: 'decoy for underscore' });
  await create({ name: 'back\\slash model', purpose: 'backslash' });
  await create({ name: 'backslash model', purpose: 'decoy for backslash' });
  const find = async (term) => (await all({ q: term, archived: 'all' })).map((x) => x.name).sort();
  assert.deepEqual(await find('100%'), ['Rate 100% model']);
  assert.deepEqual(await find('%'), ['Rate 100% model']);
  assert.deepEqual(await find('0% m'), ['Rate 100% model']);
  assert.deepEqual(await find('e_c'), ['snake_case_model']);
  assert.deepEqual(await find('_'), ['snake_case_model']);
  assert.deepEqual(await find('snake_'), ['snake_case_model']);
  assert.deepEqual(await find('k\\s'), ['back\\slash model']);
  assert.deepEqual(await find('\\'), ['back\\slash model']);
  assert.deepEqual(await find('%_%'), []);
});

// ---- CSV import and export -----------------------------------------------------------------------

const GOOD_CSV = 'name,purpose,lifecycle_stage,tags,gpai\r\n' +
  'Imported one,First imported system,deployment,alpha; beta,true\r\n' +
  '"Imported two","Second, with a comma",inception,,false\r\n';

test('import: 2 good rows and 1 bad row answer 422 with row errors (header = row 1) and store nothing', async () => {
  const n = await count();
  const csv = 'name,purpose,lifecycle_stage\n' +
    'Atomic one,Good row,deployment\n' +
    'Atomic bad,,not_a_stage\n' +
    'Atomic two,Good row too,inception\n';
  const p = assertProblem(await importCsv(csv), 422);
  assert.ok(Array.isArray(p.errors) && p.errors.length >= 2, JSON.stringify(p.errors));
  assert.ok(p.errors.every((e) => e.row === 3), `every error is on row 3: ${JSON.stringify(p.errors)}`);
  const fields = p.errors.map((e) => e.field).sort();
  assert.deepEqual(fields, ['lifecycle_stage', 'purpose']);
  assert.equal(await count(), n, 'nothing was stored');
  assert.deepEqual(await all({ q: 'atomic', archived: 'all' }), []);

  // A row whose name exists already, or repeats another row's, also fails the whole file.
  await create({ name: 'Existing for import', purpose: 'x' });
  const n2 = await count();
  let p2 = assertProblem(await importCsv('name,purpose\nFresh A,x\nexisting for import,x\n'), 422);
  assert.deepEqual(p2.errors.map((e) => [e.row, e.field]), [[3, 'name']]);
  p2 = assertProblem(await importCsv('name,purpose\nTwin,x\nOther,y\ntwin,z\n'), 422);
  assert.deepEqual(p2.errors.map((e) => [e.row, e.field]), [[4, 'name']]);
  p2 = assertProblem(await importCsv('name,purpose,colour\nX,y,red\n'), 422);
  assert.deepEqual(p2.errors.map((e) => [e.row, e.field]), [[1, 'colour']]);
  p2 = assertProblem(await importCsv('name,purpose\nShort row\n'), 422);
  assert.deepEqual(p2.errors.map((e) => e.row), [2]);
  assert.equal(await count(), n2);
  assert.deepEqual(await all({ q: 'fresh a', archived: 'all' }), []);
});

test('import with dry_run=true answers 200 with the counts and stores nothing', async () => {
  const n = await count();
  const r = assertJson(await importCsv(GOOD_CSV, '?dry_run=true'));
  assert.deepEqual(r, { created: 2, updated: 0, dry_run: true, warnings: [] });
  assert.equal(await count(), n);
  assert.deepEqual(await all({ q: 'imported', archived: 'all' }), []);
  // A dry run reports the same errors as a real import.
  assertProblem(await importCsv('name,purpose\nDry bad,\n', '?dry_run=true'), 422);
  assertProblem(await importCsv(GOOD_CSV, '?dry_run=perhaps'), 400);
});

test('import creates the rows: 200 with the created count', async () => {
  const n = await count();
  const r = assertJson(await importCsv(GOOD_CSV));
  assert.deepEqual(r, { created: 2, updated: 0, dry_run: false, warnings: [] });
  assert.equal(await count(), n + 2);
  const [one, two] = await all({ q: 'imported' });
  assert.equal(one.name, 'Imported one');
  assert.equal(one.lifecycle_stage, 'deployment');
  assert.deepEqual(one.tags, ['alpha', 'beta']);
  assert.equal(one.gpai, true);
  assert.equal(one.status, 'planned', 'columns not in the file take defaults');
  assert.equal(two.purpose, 'Second, with a comma');
  assert.deepEqual(two.tags, []);
  const h = assertJson(await c('GET', `${SYS}/${one.id}/history`));
  assert.deepEqual(h.items.map((e) => e.operation), ['import']);
  // Importing the same file again: the names are taken now.
  assertProblem(await importCsv(GOOD_CSV), 422);
  assert.equal(await count(), n + 2);
});

test('import with the wrong content type answers 415', async () => {
  const n = await count();
  assertProblem(await importCsv(GOOD_CSV, '', 'application/json'), 415);
  assertProblem(await importCsv(JSON.stringify([{ name: 'x', purpose: 'y' }]), '', 'application/json'), 415);
  assertProblem(await importCsv(GOOD_CSV, '', 'application/x-www-form-urlencoded'), 415);
  assertProblem(await c('POST', `${SYS}/import`, { body: GOOD_CSV, headers: { 'content-type': '' } }), 415);
  assert.equal(await count(), n);
});

test('export: text/csv attachment with a header row (id,name,purpose,...) and one row per listed system', async () => {
  const r = await c('GET', `${SYS}/export`);
  assert.equal(r.status, 200, r.text);
  assert.match(r.ct, /^text\/csv(;|$)/);
  assert.match(r.headers.get('content-disposition') || '', /^attachment(;|$)/);
  assert.match(r.headers.get('content-disposition') || '', /filename=/);
  const rows = parseCsv(r.text);
  const header = rows[0];
  assert.deepEqual(header.slice(0, 3), ['id', 'name', 'purpose']);
  for (const f of SYSTEM_FIELDS) assert.ok(header.includes(f), `the header lacks ${f}`);
  const active = await all({});
  assert.equal(rows.length - 1, active.length, 'one row per non-archived system');
  const ids = rows.slice(1).map((row) => row[0]);
  assert.deepEqual(ids, active.map((x) => x.id), 'rows follow the list order');
  assert.ok(rows.slice(1).every((row) => row.length === header.length));
  // Filters apply to the export as they do to the list.
  const only = parseCsv((await c('GET', `${SYS}/export?${q({ q: 'page', status: 'active' })}`)).text);
  assert.deepEqual(only.slice(1).map((row) => row[header.indexOf('status')]).filter((s) => s !== 'active'), []);
  assert.equal(only.length - 1, PAGE_SYSTEMS.filter((x) => x.status === 'active').length);
  assertProblem(await c('GET', `${SYS}/export?sort=colour`), 400);
});

test('export guards formula-looking cells with a leading apostrophe', async () => {
  const s = await create({ name: "=cmd|' /C calc'!A0", purpose: '+SUM(1;2)', owner: '@owner', model_type: '-1+2', tags: ['=tag'] });
  const rows = parseCsv((await c('GET', `${SYS}/export`)).text);
  const header = rows[0];
  const row = rows.find((x) => x[0] === s.id);
  assert.ok(row, 'the system is exported');
  const cell = (f) => row[header.indexOf(f)];
  assert.equal(cell('name'), "'=cmd|' /C calc'!A0");
  assert.equal(cell('purpose'), "'+SUM(1;2)");
  assert.equal(cell('owner'), "'@owner");
  assert.equal(cell('model_type'), "'-1+2");
  assert.equal(cell('tags'), "'=tag");
  for (const row2 of rows.slice(1))
    for (const v of row2) assert.ok(!/^[=+\-@\t\r]/.test(v), `an unguarded formula cell: ${JSON.stringify(v)}`);
});

test('re-importing an export with ids updates those systems (and an unchanged export changes nothing)', async () => {
  const exported = (await c('GET', `${SYS}/export`)).text;
  const n = await count();
  // Unchanged: the round trip is exact (formula guards, lists, commas and quotes included).
  assert.deepEqual(assertJson(await importCsv(exported)), { created: 0, updated: 0, dry_run: false, warnings: [] });
  assert.equal(await count(), n);

  const rows = parseCsv(exported);
  const header = rows[0];
  const iName = header.indexOf('name'), iPurpose = header.indexOf('purpose'), iStatus = header.indexOf('status');
  const targets = rows.slice(1).filter((row) => row[iName] === 'Imported one' || row[iName] === 'Imported two');
  assert.equal(targets.length, 2);
  for (const row of targets) { row[iPurpose] = `${row[iName]} (revised)`; row[iStatus] = 'active'; }
  const before = Object.fromEntries(await Promise.all(targets.map(async (row) => [row[0], (await get(row[0])).body])));
  const r = assertJson(await importCsv(toCsv([header, ...targets])));
  assert.deepEqual(r, { created: 0, updated: 2, dry_run: false, warnings: [] });
  assert.equal(await count(), n);
  for (const row of targets) {
    const { body, etag } = await get(row[0]);
    assert.equal(body.purpose, `${row[iName]} (revised)`);
    assert.equal(body.status, 'active');
    assert.equal(body.version, before[row[0]].version + 1);
    assert.equal(etag, `"v${body.version}"`);
    assert.deepEqual(body.tags, before[row[0]].tags);
    const h = assertJson(await c('GET', `${SYS}/${row[0]}/history`));
    assert.equal(h.items[0].operation, 'import');
    assert.deepEqual(h.items[0].changes.map((x) => x.field).sort(), ['purpose', 'status']);
  }
  // An id that is not in the organization fails the whole file.
  const bad = toCsv([['id', 'name', 'purpose'], [targets[0][0], 'Imported one', 'third revision'], ['sys_unknown', 'Ghost', 'x']]);
  const p = assertProblem(await importCsv(bad), 422);
  assert.deepEqual(p.errors.map((e) => [e.row, e.field]), [[3, 'id']]);
  assert.equal((await get(targets[0][0])).body.purpose, 'Imported one (revised)');
});

test('bad sort, limit, cursor or filter values answer 400 problem with field errors', async () => {
  const cases = [
    [{ sort: 'colour' }, 'sort'], [{ sort: '--name' }, 'sort'], [{ sort: '' }, 'sort'],
    [{ limit: '0' }, 'limit'], [{ limit: '501' }, 'limit'], [{ limit: 'lots' }, 'limit'], [{ limit: '-5' }, 'limit'], [{ limit: '10abc' }, 'limit'],
    [{ cursor: 'garbage' }, 'cursor'], [{ cursor: 'eyJrIjoibmFtZSJ9' }, 'cursor'],
    [{ status: 'deleted' }, 'status'], [{ lifecycle_stage: 'alpha' }, 'lifecycle_stage'],
    [{ eu_ai_act_class: 'high' }, 'eu_ai_act_class'], [{ organization_role: 'owner' }, 'organization_role'],
    [{ archived: 'maybe' }, 'archived'], [{ q: 'x'.repeat(201) }, 'q'],
  ];
  // Every case is tried, so that one failure report names all the wrong answers.
  const wrong = [];
  for (const [params, field] of cases) {
    try {
      const p = assertProblem(await c('GET', `${SYS}?${q(params)}`), 400);
      assert.ok(p.errors?.some((e) => e.field === field), `no error for field ${field}: ${JSON.stringify(p.errors)}`);
    } catch (e) {
      wrong.push(`GET ${SYS}?${q(params)}: ${e.message.split('\n')[0].replace(/^GET \S+: /, '')}`);
    }
  }
  assert.deepEqual(wrong, []);
  // A cursor belongs to its sort order.
  const first = assertJson(await c('GET', `${SYS}?${q({ q: 'page', limit: 5, sort: 'name' })}`));
  const p = assertProblem(await c('GET', `${SYS}?${q({ q: 'page', limit: 5, sort: '-name', cursor: first.next })}`), 400);
  assert.ok(p.errors?.some((e) => e.field === 'cursor'));
});
