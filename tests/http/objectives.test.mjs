// AI objectives (SPEC §6, ISO/IEC 42001 clause 6.2): create with a human key, validation that
// changes nothing, If-Match, readings and the status derived from the latest one (per direction,
// at the bounds, reading overdue per frequency), bulk push, deleting readings with history kept,
// roles, list filters/sorting/paging, history and summary, and isolation between organizations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { login, aims } from '../lib/server.mjs';
import { client, assertProblem, assertJson, memberClients } from '../lib/http.mjs';
import { serverForFile, day, otherOrgClient } from '../lib/fixture.mjs';
import { SYS, OBJ } from '../lib/paths.mjs';

const PW = 'objective role password';
const PW_OTHER = 'other organization password';
const ROLES = ['viewer', 'auditor', 'contributor', 'manager'];

let srv, c, token;
const as = {};
let system, archivedSystem;

serverForFile(async (s) => {
  ({ srv, c } = s);
  Object.assign(as, await memberClients(srv, ROLES, PW));
  const t = aims(['token', 'create', '--data', srv.dataDir, '--email', srv.admin.email, '--name', 'pipeline']);
  assert.equal(t.status, 0, t.stderr);
  token = client(srv.url, { token: t.stdout.trim() });
  system = assertJson(await c('POST', SYS, { json: { name: 'Credit scoring', purpose: 'Scores loans' } }), 201);
  archivedSystem = assertJson(await c('POST', SYS, { json: { name: 'Old model', purpose: 'Retired' } }), 201);
  assertJson(await c('POST', `${SYS}/${archivedSystem.id}/archive`));
});

// ---- helpers -----------------------------------------------------------------------------------

/** A UTC calendar date `months` calendar months from today, as the server counts them. */
function month(months) {
  const now = new Date();
  const y = now.getUTCFullYear(), m = now.getUTCMonth() + months, d = now.getUTCDate();
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d, last))).toISOString().slice(0, 10);
}

const base = (over = {}) => ({
  title: 'Similar approval rates across age groups',
  annex_c_objective: 'C.2.5',
  measure: 'Approval-rate ratio',
  owner: 'Head of Credit Risk',
  due_date: day(180),
  target_value: 0.9,
  warning_threshold: 0.8,
  ...over,
});

async function create(over = {}, who = c) {
  return assertJson(await who('POST', OBJ, { json: base(over) }), 201);
}

const get = async (id, who = c) => assertJson(await who('GET', `${OBJ}/${encodeURIComponent(id)}`));
const etagOf = async (id) => (await c('GET', `${OBJ}/${encodeURIComponent(id)}`)).headers.get('etag');
const addReading = (id, json, who = c) => who('POST', `${OBJ}/${encodeURIComponent(id)}/readings`, { json });
const readings = async (id, query = '') => assertJson(await c('GET', `${OBJ}/${encodeURIComponent(id)}/readings${query}`));
const history = async (id, query = '') => assertJson(await c('GET', `${OBJ}/${encodeURIComponent(id)}/history${query}`));

/** Everything about the organization's objectives that a refused write must leave alone. */
async function snapshot() {
  const list = assertJson(await c('GET', `${OBJ}?limit=500`));
  const out = {};
  for (const o of list.items) {
    const { derived, ...rest } = o;
    out[o.id] = { rest, readings: (await readings(o.id, '?limit=500')).items, history: (await history(o.id, '?limit=500')).items };
  }
  return { total: list.total, out };
}

// ---- create, get, validation ---------------------------------------------------------------------

test('creating an objective answers 201 with Location, ETag, the next key, the defaults and no data yet', async () => {
  const r = await c('POST', OBJ, { json: base({ system_id: system.id, unit: '', plans: [{ action: 'Reweight the training data', resources: 'Two data scientists', responsible: 'Credit modelling', due_date: day(60) }] }) });
  const o = assertJson(r, 201);
  assert.match(o.id, /^obj_[a-z0-9]{16}$/);
  assert.match(o.key, /^OBJ-\d+$/);
  assert.equal(r.headers.get('location'), `${OBJ}/${o.id}`);
  assert.equal(r.headers.get('etag'), '"v1"');
  assert.equal(o.version, 1);
  assert.equal(o.annex_c_title, 'Fairness');
  assert.equal(o.system_name, 'Credit scoring');
  assert.equal(o.direction, 'higher_is_better');
  assert.equal(o.frequency, 'monthly');
  assert.equal(o.status, 'active');
  assert.equal(o.start_date, day(0));
  assert.equal(o.created_by, srv.admin.email);
  assert.deepEqual(o.plans, [{ action: 'Reweight the training data', resources: 'Two data scientists', responsible: 'Credit modelling', due_date: day(60), done: false }]);
  assert.equal(o.derived.status, 'no_data');
  assert.equal(o.derived.latest_reading, null);
  assert.equal(o.derived.next_reading_due, month(1));
  assert.equal(o.derived.reading_overdue, false);
  assert.match(o.derived.formula, /on track when the value is 0\.9 or more; at risk from 0\.8 up to 0\.9; off track below 0\.8/);
  // By id, and by key in any case.
  assert.equal((await get(o.id)).key, o.key);
  const byKey = await get(o.key.toLowerCase());
  assert.equal(byKey.id, o.id);
  assert.equal(byKey.readings_count, 0);
  assertProblem(await c('GET', `${OBJ}/OBJ-99999`), 404);
  assertProblem(await c('GET', `${OBJ}/obj_doesnotexist0000`), 404);
  // Keys are given out in order.
  const next = await create({ title: 'Second' });
  assert.equal(Number(next.key.slice(4)), Number(o.key.slice(4)) + 1);
});

test('an invalid objective is refused with every field error at once (422), and nothing is created', async () => {
  const before = await snapshot();
  const bad = {
    title: '  ',
    annex_c_objective: 'C.3.1',
    system_id: 'sys_notinthisorg00',
    measure: 'Ratio',
    owner: 'Ana',
    direction: 'higher_is_better',
    target_value: 0.9,
    warning_threshold: 0.95,
    start_date: day(0),
    due_date: day(-1),
    frequency: 'daily',
    plans: [{ resources: 'Money' }],
    colour: 'blue',
    key: 'OBJ-1',
  };
  const p = assertProblem(await c('POST', OBJ, { json: bad }), 422);
  const fields = p.errors.map((e) => e.field).sort();
  assert.deepEqual(fields, ['annex_c_objective', 'colour', 'due_date', 'frequency', 'key', 'plans[0].action', 'system_id', 'title', 'warning_threshold'].sort());
  assert.match(p.errors.find((e) => e.field === 'key').message, /read-only/);
  assert.match(p.errors.find((e) => e.field === 'warning_threshold').message, /below the target/);
  // Required fields, and the targets each direction needs.
  let q = assertProblem(await c('POST', OBJ, { json: {} }), 422);
  assert.deepEqual(q.errors.map((e) => e.field).sort(), ['annex_c_objective', 'due_date', 'measure', 'owner', 'target_value', 'title']);
  q = assertProblem(await c('POST', OBJ, { json: base({ direction: 'within_range', target_min: 10, target_max: 5 }) }), 422);
  assert.deepEqual(q.errors.map((e) => e.field).sort(), ['target_max', 'target_value', 'warning_threshold']);
  q = assertProblem(await c('POST', OBJ, { json: base({ direction: 'lower_is_better' }) }), 422);
  assert.deepEqual(q.errors.map((e) => e.field), ['warning_threshold']);
  q = assertProblem(await c('POST', OBJ, { json: base({ target_value: '0.9' }) }), 422);
  assert.deepEqual(q.errors.map((e) => e.field), ['target_value']);
  // Systems: archived, or another organization's, are refused.
  q = assertProblem(await c('POST', OBJ, { json: base({ system_id: archivedSystem.id }) }), 422);
  assert.match(q.errors[0].message, /archived/);
  // Not JSON, not an object, wrong media type.
  assertProblem(await c('POST', OBJ, { body: '{"title":', headers: { 'content-type': 'application/json' } }), 400);
  assertProblem(await c('POST', OBJ, { json: [1, 2] }), 400);
  assertProblem(await c('POST', OBJ, { body: 'title=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415);
  assert.deepEqual(await snapshot(), before);
  // The refused creations used no key: the next one follows the last one created.
  const last = assertJson(await c('GET', `${OBJ}?sort=-key&limit=1`)).items[0];
  const made = await create({ title: 'After refusals' });
  assert.equal(Number(made.key.slice(4)), Number(last.key.slice(4)) + 1);
});

// ---- PATCH with If-Match -------------------------------------------------------------------------

test('PATCH refuses a bad body (422) without changing anything; a change of direction drops the old targets', async () => {
  const o = await create({ title: 'Patch me' });
  const url = `${OBJ}/${o.id}`;
  const before = await snapshot();
  const bad = assertProblem(await c('PATCH', url, { json: { title: '', target_min: 3, due_date: 'soon' }, headers: { 'if-match': '"v1"' } }), 422);
  assert.deepEqual(bad.errors.map((e) => e.field).sort(), ['due_date', 'target_min', 'title']);
  assertProblem(await c('PATCH', `${OBJ}/OBJ-424242`, { json: { owner: 'Ben' }, headers: { 'if-match': '"v1"' } }), 404);
  assert.deepEqual(await snapshot(), before);

  const r = await c('PATCH', `${OBJ}/${o.key}`, { json: { owner: 'Ben', status: 'achieved' }, headers: { 'if-match': '"v1"' } });
  const changed = assertJson(r);
  assert.equal(r.headers.get('etag'), '"v2"');
  assert.equal(changed.version, 2);
  assert.equal(changed.owner, 'Ben');
  assert.equal(changed.derived.next_reading_due, null, 'only active objectives expect readings');
  // Switching direction drops the targets of the old one.
  const range = assertJson(await c('PATCH', url, { json: { direction: 'within_range', target_min: 0.8, target_max: 1.25, warning_margin: 0.05 }, headers: { 'if-match': '"v2"' } }));
  assert.equal(range.target_value, null);
  assert.equal(range.warning_threshold, null);
  assert.equal(range.target_max, 1.25);
  // Organization-wide again.
  const withSystem = assertJson(await c('PATCH', url, { json: { system_id: system.id }, headers: { 'if-match': '"v3"' } }));
  assert.equal(withSystem.system_name, 'Credit scoring');
  const orgWide = assertJson(await c('PATCH', url, { json: { system_id: null }, headers: { 'if-match': '"v4"' } }));
  assert.equal(orgWide.system_id, null);
  assert.equal(orgWide.system_name, null);
});

// ---- readings and the derived status -------------------------------------------------------------

test('readings: 201 with the status after them; the latest by date decides; bounds count as inside', async () => {
  const o = await create({ title: 'Higher is better' });
  let r = assertJson(await addReading(o.id, { value: 0.85, measured_on: day(-10), note: 'September run' }), 201);
  assert.match(r.reading.id, /^rdg_/);
  assert.equal(r.reading.status, 'at_risk');
  assert.equal(r.reading.recorded_by, srv.admin.email);
  assert.equal(r.objective.key, o.key);
  assert.equal(r.objective.derived.status, 'at_risk');
  assert.match(r.objective.derived.explanation, /is below the target of 0\.9 but not below the warning threshold of 0\.8: at risk/);
  // An older reading (backfilled) does not replace the latest.
  r = assertJson(await addReading(o.key, { value: 0.5, measured_on: day(-40) }), 201);
  assert.equal(r.reading.status, 'off_track');
  assert.equal(r.objective.derived.status, 'at_risk');
  assert.equal(r.objective.derived.latest_reading.measured_on, day(-10));
  // Exactly on the target is on track; exactly on the threshold is at risk; below is off track.
  for (const [value, want] of [[0.9, 'on_track'], [0.8, 'at_risk'], [0.79, 'off_track'], [1, 'on_track']])
    assert.equal(assertJson(await addReading(o.id, { value }), 201).objective.derived.status, want, `value ${value}`);
  const got = await get(o.id);
  assert.equal(got.readings_count, 6);
  assert.equal(got.derived.latest_reading.value, 1);
  assert.equal(got.derived.next_reading_due, month(1));
  // Listed in time order, paged.
  const page1 = await readings(o.id, '?limit=4');
  assert.equal(page1.total, 6);
  assert.equal(page1.items.length, 4);
  const page2 = await readings(o.id, `?limit=4&cursor=${encodeURIComponent(page1.next)}`);
  assert.equal(page2.next, undefined);
  const all = [...page1.items, ...page2.items];
  assert.deepEqual(all.map((x) => x.measured_on), [day(-40), day(-10), day(0), day(0), day(0), day(0)]);
  assert.deepEqual(all.slice(2).map((x) => x.value), [0.9, 0.8, 0.79, 1], 'same-day readings keep the order recorded');
  assertProblem(await c('GET', `${OBJ}/${o.id}/readings?cursor=nonsense`), 400);
  assertProblem(await c('GET', `${OBJ}/${o.id}/readings?limit=0`), 400);
});

test('lower is better and within a range classify at their bounds', async () => {
  const lower = await create({ title: 'Latency', direction: 'lower_is_better', unit: 'ms', target_value: 200, warning_threshold: 250 });
  for (const [value, want] of [[250.5, 'off_track'], [250, 'at_risk'], [200.5, 'at_risk'], [200, 'on_track'], [10, 'on_track']])
    assert.equal(assertJson(await addReading(lower.id, { value }), 201).objective.derived.status, want, `lower ${value}`);
  assert.match((await get(lower.id)).derived.formula, /200 ms or less; at risk above 200 ms up to 250 ms; off track above 250 ms/);

  const range = await create({ title: 'Override rate', direction: 'within_range', unit: '%', target_value: null, warning_threshold: null, target_min: 5, target_max: 15, warning_margin: 2 });
  for (const [value, want] of [[5, 'on_track'], [15, 'on_track'], [4, 'at_risk'], [17, 'at_risk'], [2.9, 'off_track'], [17.5, 'off_track'], [10, 'on_track']])
    assert.equal(assertJson(await addReading(range.id, { value }), 201).objective.derived.status, want, `range ${value}`);
  const noBand = await create({ title: 'No band', warning_threshold: null });
  assert.equal(assertJson(await addReading(noBand.id, { value: 0.89 }), 201).objective.derived.status, 'off_track');
});

test('a reading is overdue the day after one period has passed: weekly, monthly, and before the first reading', async () => {
  const weekly = await create({ title: 'Weekly recall', frequency: 'weekly', start_date: day(-60) });
  assertJson(await addReading(weekly.id, { value: 0.95, measured_on: day(-7) }), 201);
  let d = (await get(weekly.id)).derived;
  assert.equal(d.next_reading_due, day(0));
  assert.equal(d.reading_overdue, false);
  assertJson(await addReading(weekly.id, { value: 0.95, measured_on: day(-20) }), 201); // older: changes nothing
  const late = await create({ title: 'Weekly, late', frequency: 'weekly', start_date: day(-60) });
  assertJson(await addReading(late.id, { value: 0.95, measured_on: day(-8) }), 201);
  d = (await get(late.id)).derived;
  assert.equal(d.status, 'on_track');
  assert.equal(d.reading_overdue, true);
  assert.equal(d.days_overdue, 1);
  assert.match(d.explanation, /A weekly reading was due by .* \(1 day ago\): reading overdue\./);

  const monthly = await create({ title: 'Monthly, never measured', start_date: month(-2) });
  d = (await get(monthly.id)).derived;
  assert.equal(d.status, 'no_data');
  assert.equal(d.next_reading_due, month(-1));
  assert.equal(d.reading_overdue, true);
  const fresh = await create({ title: 'Quarterly, just started', frequency: 'quarterly' });
  assert.equal((await get(fresh.id)).derived.reading_overdue, false);

  const overdue = assertJson(await c('GET', `${OBJ}?overdue=true&limit=500`)).items.map((o) => o.id);
  assert.ok(overdue.includes(late.id) && overdue.includes(monthly.id));
  assert.ok(!overdue.includes(weekly.id) && !overdue.includes(fresh.id));
});

test('a bad reading is refused (422) and changes nothing; a retired objective takes none (409)', async () => {
  const o = await create({ title: 'Careful readings' });
  assertJson(await addReading(o.id, { value: 1 }), 201);
  const before = await snapshot();
  let p = assertProblem(await addReading(o.id, { value: 'high', measured_on: day(1), note: 7, status: 'on_track' }), 422);
  assert.deepEqual(p.errors.map((e) => e.field).sort(), ['measured_on', 'note', 'status', 'value']);
  assert.match(p.errors.find((e) => e.field === 'measured_on').message, /future/);
  p = assertProblem(await addReading(o.id, { measured_on: '2026-02-30' }), 422);
  assert.deepEqual(p.errors.map((e) => e.field).sort(), ['measured_on', 'value']);
  assertProblem(await addReading('OBJ-777777', { value: 1 }), 404);
  assertProblem(await c('POST', `${OBJ}/${o.id}/readings`, { body: 'x', headers: { 'content-type': 'text/plain' } }), 415);
  const retired = assertJson(await c('PATCH', `${OBJ}/${o.id}`, { json: { status: 'retired' }, headers: { 'if-match': await etagOf(o.id) } }));
  const after = await snapshot();
  assert.deepEqual(after.out[o.id].readings, before.out[o.id].readings);
  p = assertProblem(await addReading(o.id, { value: 1 }), 409);
  assert.match(p.detail, /retired/);
  assert.deepEqual(await snapshot(), after);
  assert.equal(retired.derived.reading_overdue, false);
});

// ---- bulk push -----------------------------------------------------------------------------------

test('a pipeline pushes readings for several objectives at once with an API token; all or nothing', async () => {
  const a = await create({ title: 'Pushed A' });
  const b = await create({ title: 'Pushed B', direction: 'lower_is_better', target_value: 5, warning_threshold: 8 });
  const r = assertJson(await token('POST', `${OBJ}/readings`, { json: { readings: [
    { objective: a.key, value: 0.95, measured_on: day(-1) },
    { objective: b.id, value: 9, note: 'nightly run 812' },
    { objective: a.key.toLowerCase(), value: 0.7, measured_on: day(-30) },
  ] } }), 201);
  assert.equal(r.created, 3);
  assert.deepEqual(r.items.map((x) => x.status), ['on_track', 'off_track', 'off_track']);
  assert.deepEqual(r.objectives.map((o) => [o.key, o.derived.status]), [[a.key, 'on_track'], [b.key, 'off_track']]);
  assert.equal((await readings(a.id)).total, 2);

  const retired = await create({ title: 'Retired one', status: 'retired' });
  const before = await snapshot();
  const p = assertProblem(await token('POST', `${OBJ}/readings`, { json: { readings: [
    { objective: a.key, value: 1 },
    { objective: 'OBJ-999999', value: 1 },
    { objective: b.key, value: 'nine' },
    { value: 2 },
    { objective: retired.key, value: 1 },
  ] } }), 422);
  assert.deepEqual(p.errors.map((e) => [e.row, e.field]), [[3, 'value'], [4, 'objective']], 'fields are checked first');
  const q = assertProblem(await token('POST', `${OBJ}/readings`, { json: { readings: [
    { objective: a.key, value: 1 }, { objective: 'OBJ-999999', value: 1 }, { objective: retired.id, value: 1 },
  ] } }), 422);
  assert.deepEqual(q.errors.map((e) => [e.row, e.field]), [[2, 'objective'], [3, 'objective']]);
  assertProblem(await token('POST', `${OBJ}/readings`, { json: { readings: [] } }), 422);
  assertProblem(await token('POST', `${OBJ}/readings`, { json: { readings: Array.from({ length: 1001 }, () => ({ objective: a.key, value: 1 })) } }), 422);
  assertProblem(await token('POST', `${OBJ}/readings`, { json: { readings: [{ objective: a.key, value: 1 }], extra: true } }), 422);
  assert.deepEqual(await snapshot(), before);
});

// ---- deleting readings -----------------------------------------------------------------------------

test('deleting a reading (manager, admin) makes the previous one the latest and keeps it in the history', async () => {
  const o = await create({ title: 'Delete readings' });
  const older = assertJson(await addReading(o.id, { value: 0.85, measured_on: day(-5) }), 201).reading;
  const newest = assertJson(await addReading(o.id, { value: 0.95, note: 'wrong data set' }), 201).reading;
  assert.equal((await get(o.id)).derived.status, 'on_track');
  const url = `${OBJ}/${o.id}/readings/${newest.id}`;
  const other = await create({ title: 'Another objective' });
  const before = await snapshot();
  assertProblem(await as.contributor('DELETE', url), 403);
  assertProblem(await as.viewer('DELETE', url), 403);
  assertProblem(await c('DELETE', `${OBJ}/${o.id}/readings/rdg_nosuchreading00`), 404);
  assertProblem(await c('DELETE', `${OBJ}/${other.id}/readings/${newest.id}`), 404);
  assert.deepEqual(await snapshot(), before);

  const r = await as.manager('DELETE', url);
  assert.equal(r.status, 204);
  const got = await get(o.id);
  assert.equal(got.derived.status, 'at_risk');
  assert.equal(got.derived.latest_reading.id, older.id);
  assert.deepEqual((await readings(o.id)).items.map((x) => x.id), [older.id]);
  assertProblem(await c('DELETE', url), 404);
  const h = (await history(o.id)).items;
  assert.equal(h[0].record, 'reading');
  assert.equal(h[0].operation, 'reading_deleted');
  assert.equal(h[0].actor, 'manager@acme.test');
  const change = Object.fromEntries(h[0].changes.map((x) => [x.field, x.from]));
  assert.deepEqual(change, { reading_id: newest.id, value: 0.95, measured_on: day(0), note: 'wrong data set', recorded_by: srv.admin.email });
  // Deleting the only reading leaves no data.
  assert.equal((await as.manager('DELETE', `${OBJ}/${o.id}/readings/${older.id}`)).status, 204);
  assert.equal((await get(o.id)).derived.status, 'no_data');
});

// ---- roles -------------------------------------------------------------------------------------------

test('viewer and auditor read everything but every write is 403 and changes nothing; contributors write but do not delete', async () => {
  const o = await create({ title: 'Role test' });
  const rd = assertJson(await addReading(o.id, { value: 0.9 }), 201).reading;
  for (const role of ['viewer', 'auditor']) {
    const who = as[role];
    assert.ok(assertJson(await who('GET', OBJ)).items.some((x) => x.id === o.id));
    assert.equal((await get(o.key, who)).id, o.id);
    assertJson(await who('GET', `${OBJ}/${o.id}/readings`));
    assertJson(await who('GET', `${OBJ}/${o.id}/history`));
    assertJson(await who('GET', `${OBJ}/summary`));
    const before = await snapshot();
    assertProblem(await who('POST', OBJ, { json: base({ title: `By ${role}` }) }), 403);
    assertProblem(await who('PATCH', `${OBJ}/${o.id}`, { json: { owner: role }, headers: { 'if-match': await etagOf(o.id) } }), 403);
    assertProblem(await addReading(o.id, { value: 1 }, who), 403);
    assertProblem(await who('POST', `${OBJ}/readings`, { json: { readings: [{ objective: o.key, value: 1 }] } }), 403);
    assertProblem(await who('DELETE', `${OBJ}/${o.id}/readings/${rd.id}`), 403);
    assert.deepEqual(await snapshot(), before, `${role}: a refused write changed something`);
  }
  const made = await create({ title: 'By contributor' }, as.contributor);
  assert.equal(made.created_by, 'contributor@acme.test');
  assertJson(await as.contributor('PATCH', `${OBJ}/${made.id}`, { json: { owner: 'Contributor' }, headers: { 'if-match': '"v1"' } }));
  assertJson(await addReading(made.id, { value: 0.91 }, as.contributor), 201);
  assertJson(await as.contributor('POST', `${OBJ}/readings`, { json: { readings: [{ objective: made.key, value: 0.92 }] } }), 201);
});

// ---- list: filters, sorting, paging ----------------------------------------------------------------

test('the list filters by system, status, derived status, owner, Annex C objective, overdue and text, and pages by cursor', async () => {
  const tag = `flt${Date.now()}`;
  const mk = (over) => create({ title: `${tag} ${over.title}`, ...over, title: `${tag} ${over.title}` });
  const onTrack = await mk({ title: 'alpha', system_id: system.id, owner: 'Zoe Filter' });
  const offTrack = await mk({ title: 'bravo', annex_c_objective: 'C.2.8', owner: 'zoe filter' });
  const noData = await mk({ title: 'charlie', annex_c_objective: 'C.2.8' });
  const achieved = await mk({ title: 'delta', status: 'achieved', system_id: system.id });
  assertJson(await addReading(onTrack.id, { value: 0.99 }), 201);
  assertJson(await addReading(offTrack.id, { value: 0.1 }), 201);
  const ids = async (query) => assertJson(await c('GET', `${OBJ}?q=${tag}&limit=500${query}`)).items.map((o) => o.id);
  assert.deepEqual(await ids(''), [onTrack.id, offTrack.id, noData.id, achieved.id]);
  assert.deepEqual(await ids(`&system_id=${system.id}`), [onTrack.id, achieved.id]);
  assert.deepEqual(await ids('&system_id=none'), [offTrack.id, noData.id]);
  assert.deepEqual(await ids('&status=achieved'), [achieved.id]);
  assert.deepEqual(await ids('&derived_status=off_track'), [offTrack.id]);
  assert.deepEqual(await ids('&derived_status=no_data&status=active'), [noData.id]);
  assert.deepEqual(await ids(`&owner=${encodeURIComponent('ZOE FILTER')}`), [onTrack.id, offTrack.id]);
  assert.deepEqual(await ids('&annex_c_objective=C.2.8'), [offTrack.id, noData.id]);
  assert.deepEqual(await ids('&q=charlie'), [noData.id]);
  assert.deepEqual(await ids('&sort=-key'), [achieved.id, noData.id, offTrack.id, onTrack.id]);
  assert.deepEqual(await ids('&sort=derived_status'), [offTrack.id, noData.id, achieved.id, onTrack.id], 'worst first, then by key');
  const worstFirst = await ids('&sort=derived_status&status=active');
  assert.deepEqual(worstFirst, [offTrack.id, noData.id, onTrack.id]);
  assert.deepEqual(await ids('&sort=title'), [onTrack.id, offTrack.id, noData.id, achieved.id]);
  // Paging: every item once, total on every page.
  const seen = [];
  let cursor;
  do {
    const page = assertJson(await c('GET', `${OBJ}?q=${tag}&limit=3&sort=-title${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`));
    assert.equal(page.total, 4);
    seen.push(...page.items.map((o) => o.id));
    cursor = page.next;
  } while (cursor);
  assert.deepEqual(seen, [achieved.id, noData.id, offTrack.id, onTrack.id]);
  // Bad parameters name themselves.
  const p = assertProblem(await c('GET', `${OBJ}?sort=colour&status=open&derived_status=green&annex_c_objective=A.6&overdue=maybe&limit=501`), 400);
  assert.deepEqual(p.errors.map((e) => e.field).sort(), ['annex_c_objective', 'derived_status', 'limit', 'overdue', 'sort', 'status']);
});

// ---- history and summary -------------------------------------------------------------------------------

test('history lists the versions and the readings added and deleted, newest first, paged across both', async () => {
  const o = await create({ title: 'History' });
  assertJson(await c('PATCH', `${OBJ}/${o.id}`, { json: { target_value: 0.95 }, headers: { 'if-match': '"v1"' } }));
  const r1 = assertJson(await addReading(o.id, { value: 0.9, note: 'first' }), 201).reading;
  assertJson(await addReading(o.id, { value: 0.97 }), 201);
  assertJson(await c('PATCH', `${OBJ}/${o.id}`, { json: { owner: 'New owner' }, headers: { 'if-match': '"v2"' } }));
  assert.equal((await c('DELETE', `${OBJ}/${o.id}/readings/${r1.id}`)).status, 204);
  const all = (await history(o.id)).items;
  assert.deepEqual(all.map((h) => `${h.record}:${h.operation}`), [
    'reading:reading_deleted', 'objective:update', 'reading:reading_added', 'reading:reading_added', 'objective:update', 'objective:create',
  ]);
  assert.deepEqual(all[1].changes, [{ field: 'owner', from: 'Head of Credit Risk', to: 'New owner' }]);
  assert.deepEqual(all[4].changes, [{ field: 'target_value', from: 0.9, to: 0.95 }]);
  assert.ok(all.every((h) => h.actor === srv.admin.email && /Z$/.test(h.at)));
  const paged = [];
  let cursor;
  do {
    const page = await history(o.id, `?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    assert.ok(page.items.length <= 2);
    paged.push(...page.items);
    cursor = page.next;
  } while (cursor);
  assert.deepEqual(paged, all);
  assertProblem(await c('GET', `${OBJ}/${o.id}/history?cursor=zzz`), 400);
  assertProblem(await c('GET', `${OBJ}/OBJ-888888/history`), 404);
});

test('the summary counts objectives by status and active ones by derived status and overdue readings', async () => {
  const list = assertJson(await c('GET', `${OBJ}?limit=500`)).items;
  const s = assertJson(await c('GET', `${OBJ}/summary`));
  assert.equal(s.total, list.length);
  for (const k of ['active', 'achieved', 'retired']) assert.equal(s.by_status[k], list.filter((o) => o.status === k).length, k);
  const active = list.filter((o) => o.status === 'active');
  for (const k of ['on_track', 'at_risk', 'off_track', 'no_data'])
    assert.equal(s.by_derived_status[k], active.filter((o) => o.derived.status === k).length, k);
  assert.equal(s.overdue, active.filter((o) => o.derived.reading_overdue).length);
  assert.ok(s.overdue > 0 && s.by_derived_status.off_track > 0);
});

// ---- organizations -------------------------------------------------------------------------------------

test("another organization never sees, changes or pushes to this one's objectives", async () => {
  const mine = await create({ title: 'Only Acme sees this' });
  const rd = assertJson(await addReading(mine.id, { value: 0.9 }), 201).reading;
  const b = await otherOrgClient(srv, PW_OTHER, { name: 'Objectives Other', email: 'obj-other@x.test' });
  const before = await snapshot();
  assert.equal(assertJson(await b('GET', OBJ)).total, 0);
  assert.deepEqual(assertJson(await b('GET', `${OBJ}/summary`)).total, 0);
  for (const id of [mine.id]) {
    assertProblem(await b('GET', `${OBJ}/${id}/readings`), 404);
    assertProblem(await b('POST', `${OBJ}/${id}/readings`, { json: { value: 1 } }), 404);
    assertProblem(await b('DELETE', `${OBJ}/${id}/readings/${rd.id}`), 404);
  }
  const p = assertProblem(await b('POST', `${OBJ}/readings`, { json: { readings: [{ objective: mine.id, value: 1 }] } }), 422);
  assert.ok(!JSON.stringify(p).includes('Only Acme sees this'));
  // B's own objective may use the same key; A's system is not B's.
  const q = assertProblem(await b('POST', OBJ, { json: base({ system_id: system.id }) }), 422);
  assert.deepEqual(q.errors.map((e) => e.field), ['system_id']);
  const theirs = assertJson(await b('POST', OBJ, { json: base({ title: 'B first' }) }), 201);
  assert.equal(theirs.key, 'OBJ-1');
  assert.equal((await get('OBJ-1', b)).title, 'B first');
  assert.notEqual((await get('OBJ-1')).title, 'B first');
  assert.deepEqual(await snapshot(), before);
});
