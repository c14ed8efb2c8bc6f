// The Statement of Applicability (SPEC §5): the working copy of the 38 Annex A controls, edits
// under If-Match and the server's rules, the answer of the latest completed assessment, approval into
// immutable numbered versions, diffs, CSV/JSON export, roles and tenant isolation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login, aims } from '../lib/server.mjs';
import { client, assertProblem, assertJson, stopServer, memberClients, parseCsv, setSegregation } from '../lib/http.mjs';
import { ASM, SOA } from '../lib/paths.mjs';

const PW = 'soa role password';
const PW_OTHER = 'other organization password';
const ROLES = ['viewer', 'auditor', 'contributor', 'manager'];
const ENTRY_FIELDS = ['control_id', 'title', 'area_id', 'applicable', 'justification', 'reasons', 'implementation_status', 'owner',
  'evidence_refs', 'policy_refs', 'latest_answer', 'version'];
const EDITABLE = ['applicable', 'justification', 'reasons', 'implementation_status', 'owner', 'evidence_refs', 'policy_refs', 'notes'];
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

let srv, c;
const as = {};
let controls; // catalog controls in document order

before(async () => {
  srv = await startServer();
  c = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
  Object.assign(as, await memberClients(srv, ROLES, PW));
  // The admin approves the entries it edits here; segregation of duties has its own tests.
  await setSegregation(c, { soa_approval: false });
  controls = assertJson(await c('GET', '/api/v1/catalog/frameworks/iso42001/items?kind=control&limit=500')).items;
  assert.equal(controls.length, 38);
});

after(async () => {
  await stopServer(srv);
});

// ---- helpers -----------------------------------------------------------------------------------

async function soa(who = c) {
  return assertJson(await who('GET', SOA));
}

async function entry(id, who = c) {
  return (await soa(who)).items.find((e) => e.control_id === id);
}

const etagOf = async (id, who = c) => `"v${(await entry(id, who)).version}"`;

const patch = (id, json, ifMatch, who = c) =>
  who('PATCH', `${SOA}/entries/${encodeURIComponent(id)}`, { json, headers: ifMatch === undefined ? {} : { 'if-match': ifMatch } });

/** Patches with the entry's current ETag and expects 200. */
/** Uploads a small text file as evidence titled `title` (its id links it). */
async function evidence(title) {
  const qs = new URLSearchParams({ filename: 'evidence.txt', title });
  return assertJson(await c('POST', `/api/v1/evidence?${qs}`, { body: Buffer.from(`${title}\n`), headers: { 'content-type': 'application/octet-stream' } }), 201);
}

async function edit(id, json, who = c) {
  const r = await patch(id, json, await etagOf(id, who), who);
  return assertJson(r);
}

async function versions(who = c) {
  return assertJson(await who('GET', `${SOA}/versions`)).items;
}

async function approve(note, who = c) {
  const r = await who('POST', `${SOA}/versions`, { json: note === undefined ? {} : { note } });
  const v = assertJson(r, 201);
  assert.equal(r.headers.get('location'), `${SOA}/versions/${v.number}`);
  return v;
}

/** The working copy and the approved versions (for "nothing changed" checks). */
async function snapshot(who = c) {
  const vs = await versions(who);
  const full = [];
  for (const v of vs) full.push(assertJson(await who('GET', `${SOA}/versions/${v.number}`)));
  return { working: await soa(who), versions: vs, full };
}

function summaryOf(items) {
  const s = { applicable: 0, excluded: 0, not_started: 0, planned: 0, partial: 0, implemented: 0 };
  for (const e of items) {
    if (!e.applicable) { s.excluded++; continue; }
    s.applicable++;
    s[e.implementation_status]++;
  }
  return s;
}

function assertFields(p, fields, what = '') {
  assert.ok(Array.isArray(p.errors), `${what}: problem has no errors array`);
  assert.deepEqual([...new Set(p.errors.map((e) => e.field))].sort(), [...fields].sort(), `${what}: ${JSON.stringify(p.errors)}`);
  assert.ok(p.errors.every((e) => typeof e.message === 'string' && e.message.length > 0), `${what}: empty message`);
}

/** The field changes between two entry lists, as the diff should report them. */
function changesBetween(left, right) {
  const before = Object.fromEntries(left.map((e) => [e.control_id, e]));
  const out = [];
  for (const e of right)
    for (const f of EDITABLE)
      if (JSON.stringify(before[e.control_id][f]) !== JSON.stringify(e[f]))
        out.push({ control_id: e.control_id, field: f, from: before[e.control_id][f], to: e[f] });
  return sortChanges(out);
}

const sortChanges = (l) => [...l].sort((a, b) => `${a.control_id} ${a.field}`.localeCompare(`${b.control_id} ${b.field}`));


async function assessment(fields) {
  return assertJson(await c('POST', ASM, { json: fields }), 201);
}

async function answer(id, item, json) {
  return assertJson(await c('PUT', `${ASM}/${id}/answers/${item}`, { json }));
}

async function complete(a) {
  const r = await c('GET', `${ASM}/${a.id}`);
  assertJson(r);
  return assertJson(await c('PATCH', `${ASM}/${a.id}`, { json: { status: 'completed' }, headers: { 'if-match': r.headers.get('etag') } }));
}

// ---- the working copy --------------------------------------------------------------------------

test('GET /soa: 38 entries in catalog order (A.2.2 … A.10.4) with defaults and a summary', async () => {
  const s = await soa();
  assert.equal(s.items.length, 38);
  assert.deepEqual(s.items.map((e) => e.control_id), controls.map((i) => i.id));
  assert.equal(s.items[0].control_id, 'A.2.2');
  assert.equal(s.items.at(-1).control_id, 'A.10.4');
  for (const e of s.items) {
    for (const f of ENTRY_FIELDS) assert.ok(f in e, `${e.control_id} lacks ${f}`);
    const ci = controls.find((i) => i.id === e.control_id);
    assert.equal(e.title, ci.title);
    assert.equal(e.area_id, e.control_id.split('.').slice(0, 2).join('.'));
    assert.equal(e.applicable, true);
    assert.equal(e.justification, '');
    assert.deepEqual(e.reasons, []);
    assert.equal(e.implementation_status, 'not_started');
    assert.equal(e.owner, '');
    assert.deepEqual(e.evidence_refs, []);
    assert.deepEqual(e.policy_refs, []);
    assert.equal(e.latest_answer, null);
    assert.equal(e.version, 0);
  }
  assert.deepEqual(s.summary, { applicable: 38, excluded: 0, not_started: 38, planned: 0, partial: 0, implemented: 0 });
  assert.equal(s.latest_version, null);
  assert.deepEqual(await versions(), []);
});

test('PATCH an entry needs If-Match ("v0" first), 428 without, 412 when stale; valid edits answer ETag "v1", "v2"', async () => {
  const before = await soa();
  assertProblem(await patch('A.2.2', { owner: 'No If-Match' }), 428);
  assertProblem(await patch('A.2.2', { owner: 'Stale' }, '"v1"'), 412);
  assertProblem(await patch('A.2.2', { owner: 'Stale' }, 'v0'), 412);
  assert.deepEqual(await soa(), before);

  let r = await patch('A.2.2', { owner: 'CISO', reasons: ['risk_treatment', 'legal_requirement'], implementation_status: 'planned' }, '"v0"');
  let e = assertJson(r);
  assert.equal(r.headers.get('etag'), '"v1"');
  assert.equal(e.version, 1);
  assert.equal(e.control_id, 'A.2.2');
  assert.equal(e.owner, 'CISO');
  assert.deepEqual(e.reasons, ['risk_treatment', 'legal_requirement']);
  assert.equal(e.implementation_status, 'planned');
  assert.equal(e.applicable, true);
  assert.equal(e.updated_by, srv.admin.email);
  assert.match(e.updated_at, RFC3339);
  assert.deepEqual(await entry('A.2.2'), e);

  r = await patch('A.2.2', { implementation_status: 'partial' }, '"v1"');
  e = assertJson(r);
  assert.equal(r.headers.get('etag'), '"v2"');
  assert.equal(e.version, 2);
  assert.equal(e.owner, 'CISO', 'fields not sent are kept');
  assert.equal(e.implementation_status, 'partial');
  const now = await soa();
  assertProblem(await patch('A.2.2', { owner: 'Lost update' }, '"v1"'), 412);
  assert.deepEqual(await soa(), now);
  assert.deepEqual(now.summary, { applicable: 38, excluded: 0, not_started: 37, planned: 0, partial: 1, implemented: 0 });
});

test('an exclusion without a justification answers 422 on justification and stores nothing', async () => {
  const before = await soa();
  for (const body of [{ applicable: false }, { applicable: false, justification: '' }, { applicable: false, justification: '   ' }]) {
    const p = assertProblem(await patch('A.3.2', body, '"v0"'), 422);
    assertFields(p, ['justification'], JSON.stringify(body));
  }
  assert.deepEqual(await soa(), before, 'nothing stored');

  const e = await edit('A.3.2', { applicable: false, justification: 'No employees: roles are covered by the group', reasons: ['business_requirement'] });
  assert.equal(e.applicable, false);
  assert.equal(e.version, 1);
  assert.equal((await soa()).summary.excluded, 1);
  // The rule holds for the entry as stored: the justification cannot be removed while excluded.
  const mid = await soa();
  assertFields(assertProblem(await patch('A.3.2', { justification: '' }, '"v1"'), 422), ['justification'], 'clearing the justification');
  assert.deepEqual(await soa(), mid);
  const back = await edit('A.3.2', { applicable: true });
  assert.equal(back.applicable, true);
  assert.equal(back.justification, 'No employees: roles are covered by the group', 'justification kept on re-inclusion');
});

test('implemented without an evidence or policy reference answers 422 on implementation_status and stores nothing', async () => {
  const before = await soa();
  for (const body of [{ implementation_status: 'implemented' }, { implementation_status: 'implemented', evidence: [], policy_refs: [] }]) {
    assertFields(assertProblem(await patch('A.4.2', body, '"v0"'), 422), ['implementation_status'], JSON.stringify(body));
  }
  // Both rules broken at once: both reported.
  assertFields(assertProblem(await patch('A.4.2', { applicable: false, implementation_status: 'implemented' }, '"v0"'), 422),
    ['justification', 'implementation_status'], 'both rules');
  assert.deepEqual(await soa(), before, 'nothing stored');

  let e = await edit('A.4.2', { implementation_status: 'implemented', policy_refs: ['POL-7 Resource register'] });
  assert.equal(e.implementation_status, 'implemented');
  assert.deepEqual(e.policy_refs, ['POL-7 Resource register']);
  const mid = await soa();
  assertFields(assertProblem(await patch('A.4.2', { policy_refs: [] }, '"v1"'), 422), ['implementation_status'], 'removing the last reference');
  assert.deepEqual(await soa(), mid);
  const ev = await evidence('Resources wiki export');
  e = await edit('A.4.2', { policy_refs: [], evidence: [ev.id] });
  assert.deepEqual(e.evidence_refs, [`${ev.number} Resources wiki export`]);
  assert.equal((await soa()).summary.implemented, 1);
});

test('other invalid edits answer 422 naming the field; unknown controls 404; bodies that are not JSON 415/400', async () => {
  const before = await soa();
  for (const [body, field] of [
    [{ colour: 'red' }, 'colour'], [{ control_id: 'A.2.3' }, 'control_id'], [{ title: 'x' }, 'title'], [{ version: 5 }, 'version'],
    [{ latest_answer: null }, 'latest_answer'], [{ area_id: 'A.3' }, 'area_id'], [{ applicable: 'no' }, 'applicable'],
    [{ reasons: ['because'] }, 'reasons'], [{ reasons: 'risk_treatment' }, 'reasons'], [{ implementation_status: 'done' }, 'implementation_status'],
    [{ evidence_refs: [''] }, 'evidence_refs'], [{ policy_refs: 'POL-1' }, 'policy_refs'], [{ owner: 'x'.repeat(201) }, 'owner'],
    [{ justification: 'x'.repeat(4001) }, 'justification'],
  ]) {
    assertFields(assertProblem(await patch('A.5.2', body, '"v0"'), 422), [field], JSON.stringify(body));
  }
  for (const id of ['A.99', 'A.2', 'A.6.1', '4.1', 'C.2.1', 'nope'])
    assertProblem(await patch(id, { owner: 'x' }, '"v0"'), 404);
  assertProblem(await c('PATCH', `${SOA}/entries/A.5.2`, { body: '{"owner":"x"}', headers: { 'content-type': 'text/plain', 'if-match': '"v0"' } }), 415);
  assertProblem(await c('PATCH', `${SOA}/entries/A.5.2`, { body: '{"owner":', headers: { 'content-type': 'application/json', 'if-match': '"v0"' } }), 400);
  assert.deepEqual(await soa(), before);
});

test('latest_answer comes from the latest completed assessment (by date, then creation), never a draft', async () => {
  const x = await assessment({ name: 'January review', approach: 'annex_a', assessment_date: '2026-01-10' });
  const y = await assessment({ name: 'March review', approach: 'both', assessment_date: '2026-03-01' });
  await answer(x.id, 'A.2.3', { maturity: 2 });
  await answer(x.id, 'A.4.3', { maturity: 1 });
  await answer(y.id, 'A.2.3', { maturity: 4 });
  await answer(y.id, 'A.4.3', { skipped: true });
  await answer(y.id, 'A.5.3', { not_applicable: true, justification: 'No impact assessments in scope' });
  const la = (s, id) => s.items.find((e) => e.control_id === id).latest_answer;
  const ref = (a, maturity, na = false) => ({ assessment_id: a.id, assessment_name: a.name, assessment_date: a.assessment_date, maturity, not_applicable: na });

  let s = await soa();
  assert.equal(s.answers_from, null, 'drafts are no source');
  assert.equal(la(s, 'A.2.3'), null);
  await complete(x);
  s = await soa();
  assert.deepEqual(la(s, 'A.2.3'), ref(x, 2));
  assert.deepEqual(la(s, 'A.4.3'), ref(x, 1));
  await complete(y);
  s = await soa();
  assert.deepEqual(s.answers_from, { assessment_id: y.id, name: y.name, assessment_date: y.assessment_date });
  assert.deepEqual(la(s, 'A.2.3'), ref(y, 4), 'March beats January');
  assert.equal(la(s, 'A.4.3'), null, 'a skipped answer is no answer, and only the one source counts');
  assert.deepEqual(la(s, 'A.5.3'), ref(y, null, true));
  assert.equal(s.items.filter((e) => e.latest_answer !== null).length, 2);
  // latest_answer is not an edit: versions unchanged.
  assert.equal(s.items.find((e) => e.control_id === 'A.2.3').version, 0);
  // A later-created completed one on the same date wins the tie.
  const v = await assessment({ name: 'March second look', approach: 'annex_a', assessment_date: '2026-03-01' });
  await answer(v.id, 'A.2.3', { maturity: 5 });
  await complete(v);
  assert.deepEqual(la(await soa(), 'A.2.3'), ref(v, 5));
});

// ---- versions ----------------------------------------------------------------------------------

test('approve answers 201 with number 1, then 2; versions list newest first; GET version n', async () => {
  const working = await soa();
  const v1 = await approve('First approval by the board');
  assert.equal(v1.number, 1);
  assert.equal(v1.approved_by, srv.admin.email);
  assert.match(v1.approved_at, RFC3339);
  assert.equal(v1.note, 'First approval by the board');
  assert.deepEqual(v1.items, working.items, 'the version is the working copy at approval');
  assert.deepEqual(v1.summary, working.summary);
  assert.deepEqual(v1.summary, summaryOf(v1.items));
  assert.equal((await soa()).latest_version, 1);

  const v2 = await approve();
  assert.equal(v2.number, 2);
  assert.equal(v2.note, '');
  assert.equal((await soa()).latest_version, 2);
  const list = await versions();
  assert.deepEqual(list.map((v) => v.number), [2, 1]);
  for (const v of list) {
    assert.ok(!('items' in v), 'the list carries summaries only');
    for (const f of ['number', 'approved_by', 'approved_at', 'note', 'summary']) assert.ok(f in v, `version ${v.number} lacks ${f}`);
  }
  const { items: _i1, ...s1 } = v1;
  assert.deepEqual(list[1], s1);
  assert.deepEqual(assertJson(await c('GET', `${SOA}/versions/1`)), v1);
  assert.deepEqual(assertJson(await c('GET', `${SOA}/versions/2`)), v2);

  assertProblem(await c('GET', `${SOA}/versions/99`), 404);
  for (const n of ['0', '-1', 'abc', '1.5']) assertProblem(await c('GET', `${SOA}/versions/${n}`), 400);
  const n = (await versions()).length;
  assertFields(assertProblem(await c('POST', `${SOA}/versions`, { json: { note: 'x'.repeat(2001) } }), 422), ['note'], 'long note');
  assertFields(assertProblem(await c('POST', `${SOA}/versions`, { json: { number: 7 } }), 422), ['number'], 'unknown field');
  assertProblem(await c('POST', `${SOA}/versions`, { json: ['note'] }), 400);
  assert.equal((await versions()).length, n);
});

test('an approved version never changes after later edits and answers', async () => {
  const v = await approve('Before the changes');
  const listed = (await versions()).find((x) => x.number === v.number);
  await edit('A.2.4', { owner: 'Policy team', implementation_status: 'partial' });
  await edit('A.3.3', { applicable: false, justification: 'Whistleblowing handled by the parent company' });
  await edit('A.2.2', { owner: 'Chief risk officer' });
  const a = await assessment({ name: 'After approval', approach: 'annex_a', assessment_date: '2027-01-01' });
  await answer(a.id, 'A.2.4', { maturity: 3 });
  await complete(a);
  await approve('Later approval');
  assert.deepEqual(assertJson(await c('GET', `${SOA}/versions/${v.number}`)), v, 'the approved version is immutable');
  assert.deepEqual((await versions()).find((x) => x.number === v.number), listed);
  const exp = assertJson(await c('GET', `${SOA}/export?format=json&version=${v.number}`));
  assert.deepEqual(exp.items, v.items);
  // The working copy did change.
  const w = await soa();
  assert.equal(w.items.find((e) => e.control_id === 'A.2.4').owner, 'Policy team');
  assert.equal(w.items.find((e) => e.control_id === 'A.2.4').latest_answer.assessment_id, a.id);
  assert.equal(v.items.find((e) => e.control_id === 'A.2.4').latest_answer, null);
});

test('diff from a version to working lists exactly the changed fields; between versions too', async () => {
  const base = await approve('Diff base');
  const f = base.number;
  let d = assertJson(await c('GET', `${SOA}/diff?from=${f}&to=working`));
  assert.deepEqual(d, { from: String(f), to: 'working', changes: [] });

  const a43 = await entry('A.4.3');
  await edit('A.4.3', { owner: 'Data lead', reasons: ['risk_treatment', 'contractual_requirement'] });
  await edit('A.4.4', { applicable: false, justification: 'No tooling in scope' });
  await edit('A.4.5', { owner: (await entry('A.4.5')).owner }); // no real change
  const asm = await assessment({ name: 'Diff noise', approach: 'annex_a', assessment_date: '2027-02-01' });
  await answer(asm.id, 'A.4.5', { maturity: 2 }); // latest_answer is not an SoA field
  const expected = sortChanges([
    { control_id: 'A.4.3', field: 'owner', from: a43.owner, to: 'Data lead' },
    { control_id: 'A.4.3', field: 'reasons', from: a43.reasons, to: ['risk_treatment', 'contractual_requirement'] },
    { control_id: 'A.4.4', field: 'applicable', from: true, to: false },
    { control_id: 'A.4.4', field: 'justification', from: '', to: 'No tooling in scope' },
  ]);
  d = assertJson(await c('GET', `${SOA}/diff?from=${f}&to=working`));
  assert.equal(d.from, String(f));
  assert.equal(d.to, 'working');
  assert.deepEqual(sortChanges(d.changes), expected);
  assert.deepEqual(sortChanges(d.changes), changesBetween(base.items, (await soa()).items));

  const next = await approve('Diff head');
  d = assertJson(await c('GET', `${SOA}/diff?from=${f}&to=${next.number}`));
  assert.deepEqual(sortChanges(d.changes), expected);
  d = assertJson(await c('GET', `${SOA}/diff?from=${next.number}&to=${f}`));
  assert.deepEqual(sortChanges(d.changes), sortChanges(expected.map((x) => ({ ...x, from: x.to, to: x.from }))));
  d = assertJson(await c('GET', `${SOA}/diff?from=1&to=${next.number}`));
  const v1 = assertJson(await c('GET', `${SOA}/versions/1`));
  assert.deepEqual(sortChanges(d.changes), changesBetween(v1.items, next.items));
  assert.ok(d.changes.length >= expected.length);
  assert.deepEqual(assertJson(await c('GET', `${SOA}/diff?from=${next.number}&to=${next.number}`)).changes, []);
});

test('diff errors: missing or invalid from/to answer 400 naming them; an unknown version 404', async () => {
  for (const [q, fields] of [
    ['', ['from', 'to']], ['from=1', ['to']], ['to=working', ['from']], ['from=abc&to=working', ['from']],
    ['from=working&to=working', ['from']], ['from=0&to=working', ['from']], ['from=1&to=abc', ['to']], ['from=1&to=0', ['to']],
    ['from=-1&to=x', ['from', 'to']],
  ]) {
    assertFields(assertProblem(await c('GET', `${SOA}/diff${q ? `?${q}` : ''}`), 400), fields, q);
  }
  assertProblem(await c('GET', `${SOA}/diff?from=99&to=working`), 404);
  assertProblem(await c('GET', `${SOA}/diff?from=1&to=99`), 404);
});

// ---- export ------------------------------------------------------------------------------------

test('export csv: text/csv attachment, header row, 38 rows, formula-looking cells prefixed with an apostrophe', async () => {
  await edit('A.10.2', {
    owner: '=HYPERLINK("http://evil.test","x")', justification: '+1+1 reviewed', notes: '@SUM(A1) noted',
    evidence: [(await evidence('Plain evidence')).id], policy_refs: ['-2+3 policy'], implementation_status: 'partial',
  });
  const asm = await assessment({ name: '=cmd|calc!A0', approach: 'annex_a', assessment_date: '2027-03-01' });
  await answer(asm.id, 'A.10.3', { maturity: 2 });
  await complete(asm); // the SoA shows the answers of completed assessments only

  const r = await c('GET', `${SOA}/export?format=csv`);
  assert.equal(r.status, 200, r.text);
  assert.match(r.ct, /^text\/csv/);
  assert.match(r.headers.get('content-disposition') || '', /^attachment;\s*filename="?[^"]+\.csv"?$/);
  const rows = parseCsv(r.text);
  const [head, ...data] = rows;
  for (const col of ['control_id', 'title', 'applicable', 'justification', 'reasons', 'implementation_status', 'owner', 'evidence_refs', 'policy_refs'])
    assert.ok(head.includes(col), `header lacks ${col}: ${head}`);
  assert.equal(head[0], 'control_id');
  assert.equal(data.length, 38);
  assert.ok(data.every((row) => row.length === head.length), 'every row has every column');
  assert.deepEqual(data.map((row) => row[0]), controls.map((i) => i.id));
  const col = (name) => head.indexOf(name);
  const row = data.find((x) => x[0] === 'A.10.2');
  assert.equal(row[col('owner')], `'=HYPERLINK("http://evil.test","x")`);
  assert.equal(row[col('justification')], `'+1+1 reviewed`);
  assert.match(row[col('evidence_refs')], /^EV-\d+ Plain evidence$/);
  assert.equal(row[col('policy_refs')], `'-2+3 policy`);
  assert.equal(row[col('implementation_status')], 'partial');
  assert.equal(row[col('title')], controls.find((i) => i.id === 'A.10.2').title, 'ordinary cells are not prefixed');
  const a103 = data.find((x) => x[0] === 'A.10.3');
  assert.ok(a103.some((cell) => cell.startsWith(`'=cmd|calc!A0`)), `the assessment name is escaped too: ${a103}`);
  for (const x of data) for (const cell of x) assert.ok(!/^[=+\-@]/.test(cell), `unescaped formula-looking cell ${JSON.stringify(cell)} in ${x[0]}`);
  const w = await soa();
  for (const x of data) {
    const e = w.items.find((i) => i.control_id === x[0]);
    assert.equal(x[col('title')], e.title);
    assert.equal(x[col('implementation_status')], e.implementation_status);
  }
});

test('export json: version field and 38 items; version=1 equals the approved snapshot', async () => {
  const r = await c('GET', `${SOA}/export?format=json`);
  const doc = assertJson(r);
  assert.match(r.headers.get('content-disposition') || '', /^attachment;\s*filename="?[^"]+\.json"?$/);
  assert.ok('version' in doc, 'the export names its version');
  assert.equal(doc.version, null, 'the working copy has no version number');
  assert.equal(doc.items.length, 38);
  const w = await soa();
  assert.deepEqual(doc.items, w.items);
  assert.deepEqual(doc.summary, w.summary);

  const v1 = assertJson(await c('GET', `${SOA}/versions/1`));
  const e1 = assertJson(await c('GET', `${SOA}/export?format=json&version=1`));
  assert.equal(e1.version, 1);
  assert.deepEqual(e1.items, v1.items);
  assert.deepEqual(e1.summary, v1.summary);
  const csv1 = await c('GET', `${SOA}/export?format=csv&version=1`);
  assert.equal(csv1.status, 200);
  const [head, ...data] = parseCsv(csv1.text);
  assert.equal(data.length, 38);
  const esc = (s) => (/^[=+\-@]/.test(s) ? `'${s}` : s);
  for (const [i, row] of data.entries()) {
    assert.equal(row[0], v1.items[i].control_id);
    assert.equal(row[head.indexOf('owner')], esc(v1.items[i].owner));
    assert.equal(row[head.indexOf('justification')], esc(v1.items[i].justification));
    assert.equal(row[head.indexOf('implementation_status')], v1.items[i].implementation_status);
  }
});

test('export errors: bad or missing format 400 naming format; bad version 400 naming version; unknown version 404', async () => {
  for (const q of ['', 'format=xml', 'format=CSV', 'format=']) {
    assertFields(assertProblem(await c('GET', `${SOA}/export${q ? `?${q}` : ''}`), 400), ['format'], q);
  }
  assertProblem(await c('GET', `${SOA}/export?format=json&version=99`), 404);
  assertProblem(await c('GET', `${SOA}/export?format=csv&version=99`), 404);
  for (const v of ['0', 'abc', '-2']) {
    assertFields(assertProblem(await c('GET', `${SOA}/export?format=json&version=${v}`), 400), ['version'], `version=${v}`);
  }
});

// ---- roles -------------------------------------------------------------------------------------

async function readsEverything(w) {
  assert.equal((await soa(w)).items.length, 38);
  const vs = await versions(w);
  assert.ok(vs.length >= 1);
  assert.equal(assertJson(await w('GET', `${SOA}/versions/1`)).number, 1);
  assert.ok(Array.isArray(assertJson(await w('GET', `${SOA}/diff?from=1&to=working`)).changes));
  const csv = await w('GET', `${SOA}/export?format=csv`);
  assert.equal(csv.status, 200);
  assert.match(csv.ct, /^text\/csv/);
  assert.equal(assertJson(await w('GET', `${SOA}/export?format=json&version=1`)).version, 1);
}

const writes = {
  'patch entry': async (w, role) => w('PATCH', `${SOA}/entries/A.7.2`, { json: { owner: `Changed by ${role}` }, headers: { 'if-match': await etagOf('A.7.2') } }),
  'patch exclusion': async (w) => w('PATCH', `${SOA}/entries/A.7.3`, { json: { applicable: false, justification: 'Role test' }, headers: { 'if-match': await etagOf('A.7.3') } }),
  approve: (w, role) => w('POST', `${SOA}/versions`, { json: { note: `Approved by ${role}` } }),
};

for (const role of ['viewer', 'auditor']) {
  test(`${role} reads the SoA, versions, diffs and exports but gets 403 on every write, and nothing changes`, async () => {
    await readsEverything(as[role]);
    for (const [op, write] of Object.entries(writes)) {
      const before = await snapshot();
      assertProblem(await write(as[role], role), 403);
      assert.deepEqual(await snapshot(), before, `${role} ${op}: a refused write changed something`);
    }
  });
}

test('contributor edits entries but gets 403 approving; manager approves', async () => {
  const w = as.contributor;
  await readsEverything(w);
  const e = assertJson(await writes['patch entry'](w, 'contributor'));
  assert.equal(e.owner, 'Changed by contributor');
  assert.equal(e.updated_by, 'contributor@acme.test');
  const before = await snapshot();
  assertProblem(await writes.approve(w, 'contributor'), 403);
  assert.deepEqual(await snapshot(), before, 'a refused approval changed something');
  const n = before.versions[0].number;
  const v = await approve('Approved by the manager', as.manager);
  assert.equal(v.number, n + 1);
  assert.equal(v.approved_by, 'manager@acme.test');
});

// ---- tenancy -----------------------------------------------------------------------------------

test("another organization's SoA is untouched by this one's edits, answers and approvals", async () => {
  const mine = await snapshot();
  assert.ok(mine.working.items.some((e) => e.version > 0 || e.latest_answer !== null), 'this organization has edited its SoA');
  const org = aims(['org', 'create', '--data', srv.dataDir, '--name', 'Other', '--admin-email', 'other@x.test'], PW_OTHER + '\n');
  assert.equal(org.status, 0, `aims org create: ${org.stderr}`);
  const b = client(srv.url, await login(srv.url, 'other@x.test', PW_OTHER));
  assert.equal(assertJson(await b('GET', '/api/v1/me')).organization.name, 'Other');

  const s = await soa(b);
  assert.equal(s.items.length, 38);
  for (const e of s.items) {
    assert.equal(e.version, 0, `${e.control_id} was edited in the other organization`);
    assert.equal(e.latest_answer, null, `${e.control_id} shows another organization's answer`);
    assert.equal(e.applicable, true);
    assert.equal(e.owner, '');
    assert.equal(e.implementation_status, 'not_started');
  }
  assert.deepEqual(s.summary, { applicable: 38, excluded: 0, not_started: 38, planned: 0, partial: 0, implemented: 0 });
  assert.equal(s.latest_version, null);
  assert.deepEqual(await versions(b), []);
  assertProblem(await b('GET', `${SOA}/versions/1`), 404);
  assertProblem(await b('GET', `${SOA}/diff?from=1&to=working`), 404);
  assertProblem(await b('GET', `${SOA}/export?format=json&version=1`), 404);
  const exp = assertJson(await b('GET', `${SOA}/export?format=json`));
  assert.ok(exp.items.every((e) => e.version === 0 && e.latest_answer === null));

  // Its own edits start from "v0" and its own numbering from 1, and leave this organization alone.
  assertProblem(await patch('A.2.2', { owner: 'Other owner' }, `"v${mine.working.items.find((e) => e.control_id === 'A.2.2').version}"`, b), 412);
  const e = assertJson(await patch('A.2.2', { owner: 'Other owner' }, '"v0"', b));
  assert.equal(e.version, 1);
  await setSegregation(b, { soa_approval: false }); // its admin approves its own edit
  assert.equal((await approve('Other org approval', b)).number, 1);
  assert.deepEqual(await snapshot(), mine, "the other organization's writes changed this one");
});
