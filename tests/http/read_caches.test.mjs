// The cached read endpoints are never stale: the SoA working copy, the audit entries pages (by their
// query) and the lists of risks, objectives, impact assessments, obligations and evidence are cached
// per organization at the size of its audit log, so each test reads the endpoint (filling the cache),
// changes one thing the answer shows, and reads again — through the API, and from another process
// writing to the same database (`aims user add --data`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { login, aims } from '../lib/server.mjs';
import { client, assertJson, setSegregation } from '../lib/http.mjs';
import { serverForFile, otherOrgClient } from '../lib/fixture.mjs';
import { classifyAs } from '../lib/euact.mjs';
import { SOA, ENTRIES } from '../lib/paths.mjs';

const PW = 'read cache password';

let srv, c, other;

serverForFile(async (s) => {
  ({ srv, c } = s);
  await setSegregation(c, { soa_approval: false, risk_acceptance: false });
  other = await otherOrgClient(srv, PW);
});

const soa = async (who = c) => assertJson(await who('GET', SOA));
const entryOf = (s, id) => s.items.find((e) => e.control_id === id);

/** Reads the SoA twice (the second read is served from the cache when nothing changed). */
async function warm(who = c) {
  const a = await soa(who);
  assert.deepEqual(await soa(who), a);
  return a;
}

test('an SoA entry edit shows at once, in the entry and the summary', async () => {
  const upload = async (title) => assertJson(await c('POST', `/api/v1/evidence?${new URLSearchParams({ filename: 'e.txt', title })}`,
    { body: Buffer.from(`${title}\n`), headers: { 'content-type': 'application/octet-stream' } }), 201);
  const one = await upload('Evidence one'), two = await upload('Evidence two');
  const before = await warm();
  const e = entryOf(before, 'A.2.2');
  assertJson(await c('PATCH', `${SOA}/entries/A.2.2`, {
    json: { implementation_status: 'implemented', policy_refs: ['POL-1'], evidence: [one.id] },
    headers: { 'if-match': `"v${e.version}"` },
  }));
  const after = await soa();
  assert.equal(entryOf(after, 'A.2.2').implementation_status, 'implemented');
  assert.deepEqual(entryOf(after, 'A.2.2').evidence_refs, [`${one.number} Evidence one`]);
  assert.equal(entryOf(after, 'A.2.2').version, e.version + 1);
  assert.equal(after.summary.implemented, before.summary.implemented + 1);
  // A link made in the vault alone, which leaves the entry's version as it was, shows too.
  await warm();
  assertJson(await c('POST', `/api/v1/evidence/${two.id}/links`, { json: { target: 'soa_entry:A.2.2' } }), 201);
  assert.deepEqual(entryOf(await soa(), 'A.2.2').evidence_refs, [`${one.number} Evidence one`, `${two.number} Evidence two`]);
});

test('an approval shows as the latest version at once', async () => {
  const before = await warm();
  const v = assertJson(await c('POST', `${SOA}/versions`, { json: { note: 'cache test' } }), 201);
  const after = await soa();
  assert.equal(after.latest_version, v.number);
  assert.notEqual(before.latest_version, v.number);
});

test('a risk that selects a control, and closing it, show on the entry at once', async () => {
  await warm();
  const r = assertJson(await c('POST', '/api/v1/risks', {
    json: { title: 'Cache risk', inherent_likelihood: 3, inherent_impact: 3, treatment: 'modify', planned_controls: ['A.6.2.4'] },
  }), 201);
  assert.deepEqual(entryOf(await warm(), 'A.6.2.4').linked_risks, [r.id]);
  assertJson(await c('PATCH', `/api/v1/risks/${r.id}`, { json: { status: 'closed' }, headers: { 'if-match': `"v${r.version}"` } }));
  assert.deepEqual(entryOf(await soa(), 'A.6.2.4').linked_risks, []);
});

test('completing an assessment, reopening and moving it show in the latest answer at once', async () => {
  await warm();
  const a = assertJson(await c('POST', '/api/v1/assessments', { json: { name: 'Cache review', approach: 'annex_a', assessment_date: '2026-01-10' } }), 201);
  assertJson(await c('PUT', `/api/v1/assessments/${a.id}/answers/A.3.2`, { json: { maturity: 2 } }));
  assert.equal(entryOf(await warm(), 'A.3.2').latest_answer, null, 'a draft is no source');
  const patch = async (json) => {
    const r = await c('GET', `/api/v1/assessments/${a.id}`);
    assertJson(r);
    return assertJson(await c('PATCH', `/api/v1/assessments/${a.id}`, { json, headers: { 'if-match': r.headers.get('etag') } }));
  };
  await patch({ status: 'completed' });
  assert.equal(entryOf(await warm(), 'A.3.2').latest_answer.maturity, 2);
  await patch({ status: 'in_progress' });
  assert.equal(entryOf(await warm(), 'A.3.2').latest_answer, null);
  assertJson(await c('PUT', `/api/v1/assessments/${a.id}/answers/A.3.2`, { json: { maturity: 4 } }));
  await patch({ status: 'completed' });
  assert.equal(entryOf(await warm(), 'A.3.2').latest_answer.maturity, 4);
  const moved = await patch({ assessment_date: '2026-02-01' });
  assert.equal(entryOf(await soa(), 'A.3.2').latest_answer.assessment_date, moved.assessment_date);
});

test("each organization gets its own SoA from the cache, and another's edits leave it as it was", async () => {
  const mine = await warm();
  const theirs = await warm(other);
  assert.ok(theirs.items.every((e) => e.version === 0 && e.latest_answer === null && e.linked_risks.length === 0));
  assertJson(await other('PATCH', `${SOA}/entries/A.2.3`, { json: { owner: 'Elsewhere' }, headers: { 'if-match': '"v0"' } }));
  assert.equal(entryOf(await soa(other), 'A.2.3').owner, 'Elsewhere');
  assert.deepEqual(await soa(), mine);
});

const page = async (q = '', who = c) => assertJson(await who('GET', `${ENTRIES}${q}`));

test('the audit entries page grows with every write, also one made by another process', async () => {
  const before = await page('?limit=500');
  assert.deepEqual(await page('?limit=500'), before);
  assertJson(await c('POST', '/api/v1/systems', { json: { name: 'Cache system', purpose: 'Shows up in the log' } }), 201);
  const after = await page('?limit=500');
  assert.equal(after.size, before.size + 1);
  assert.equal(after.items.length, before.items.length + 1);
  assert.equal(after.items.at(-1).record_type, 'system');

  // A page at the log's end gets a next cursor once the log grows past it.
  const tail = await page(`?from=${after.size - 1}&limit=1`);
  assert.equal(tail.next, undefined);
  const r = aims(['user', 'add', '--data', srv.dataDir, '--org', srv.org, '--email', 'cache@acme.test', '--role', 'viewer'], PW + '\n');
  assert.equal(r.status, 0, r.stderr);
  const grown = await page(`?from=${after.size - 1}&limit=1`);
  assert.equal(grown.size, after.size + 1);
  assert.equal(grown.next, String(after.size));
  const last = await page(`?from=${after.size}&limit=1`);
  assert.equal(last.items[0].record_type, 'membership');
});

test('filtered and newest-first audit pages are cached by their query and grow with the log', async () => {
  const systems = await page('?order=newest&record_type=system&limit=5');
  const risks = await page('?order=newest&record_type=risk&limit=5');
  assert.deepEqual(await page('?order=newest&record_type=system&limit=5'), systems);
  const created = assertJson(await c('POST', '/api/v1/systems', { json: { name: 'Newest cached', purpose: 'Filtered cache' } }), 201);
  const grown = await page('?order=newest&record_type=system&limit=5');
  assert.equal(grown.size, systems.size + 1);
  assert.equal(grown.items[0].record_id, created.id);
  assert.equal(grown.items[0].record_title, 'Newest cached');
  const risksAfter = await page('?order=newest&record_type=risk&limit=5');
  assert.deepEqual(risksAfter.items, risks.items);
  assert.equal((await page('?order=newest&record_type=system&actor=nobody%40x.test')).items.length, 0);
});

test("each organization's audit page is its own", async () => {
  const mine = await page('?limit=500');
  const theirs = await page('?limit=500', other);
  const orgOf = (e) => JSON.parse(e.entry).org;
  assert.ok(theirs.items.length > 0 && theirs.items.every((e) => orgOf(e) !== orgOf(mine.items[0])));
  assertJson(await other('POST', '/api/v1/systems', { json: { name: 'Other cache system', purpose: 'Elsewhere' } }), 201);
  assert.equal((await page('?limit=500', other)).size, theirs.size + 1);
  assert.deepEqual(await page('?limit=500'), mine);
});

/** Reads a list twice (the second read is served from the cache when nothing changed). */
async function warmList(path, who = c) {
  const a = assertJson(await who('GET', path));
  assert.deepEqual(assertJson(await who('GET', path)), a);
  return a;
}

test('a new record shows in its list at once, and an AI system renamed shows in the lists that name it', async () => {
  const sys = assertJson(await c('POST', '/api/v1/systems', { json: { name: 'List cache system', purpose: 'Named in lists' } }), 201);
  const RISKS = '/api/v1/risks?limit=500';
  const before = await warmList(RISKS);
  const r = assertJson(await c('POST', '/api/v1/risks', {
    json: { title: 'List cache risk', inherent_likelihood: 2, inherent_impact: 2, treatment: 'modify', planned_controls: ['A.5.2'], system_id: sys.id },
  }), 201);
  const after = await warmList(RISKS);
  assert.equal(after.total, before.total + 1);
  assert.equal(after.items.find((x) => x.id === r.id).system_name, 'List cache system');
  // A filter and a sort are answers of their own, and go stale alike.
  assert.equal((await warmList(`/api/v1/risks?system_id=${sys.id}&sort=-title`)).total, 1);

  const IMPACT = '/api/v1/impact-assessments?limit=500';
  const ia = (await warmList(IMPACT)).total;
  assertJson(await c('POST', '/api/v1/impact-assessments', { json: { system_id: sys.id, scope: 'List cache scope' } }), 201);
  assert.equal((await warmList(IMPACT)).total, ia + 1);

  const OBL = `/api/v1/obligations?system=${sys.id}`;
  assert.equal((await warmList(OBL)).total, 0);
  await classifyAs(c, sys.id, 'high_risk');
  const obligations = await warmList(OBL);
  assert.ok(obligations.total > 0);
  assert.ok(obligations.items.every((o) => o.system_name === 'List cache system'));

  const OBJ = '/api/v1/objectives?limit=500';
  const objectives = (await warmList(OBJ)).total;
  assertJson(await c('POST', '/api/v1/objectives', {
    json: { title: 'List cache objective', annex_c_objective: 'C.2.1', measure: 'A share', direction: 'higher_is_better',
      target_value: 90, frequency: 'monthly', owner: 'Cache owner', start_date: '2026-01-01', due_date: '2027-12-31' },
  }), 201);
  assert.equal((await warmList(OBJ)).total, objectives + 1);

  const EV = '/api/v1/evidence?limit=500';
  const ev = (await warmList(EV)).total;
  const up = assertJson(await c('POST', '/api/v1/evidence?filename=cache.txt&title=List%20cache%20evidence', {
    body: Buffer.from('cached list'), headers: { 'content-type': 'application/octet-stream' },
  }), 201);
  assert.equal((await warmList(EV)).total, ev + 1);
  const del = await c('DELETE', `/api/v1/evidence/${up.id}`, { headers: { 'if-match': `"v${up.version}"` } });
  assert.equal(del.status, 204, del.text);
  assert.equal((await warmList(EV)).total, ev);

  const v = assertJson(await c('GET', `/api/v1/systems/${sys.id}`));
  assertJson(await c('PATCH', `/api/v1/systems/${sys.id}`, { json: { name: 'List cache system renamed' }, headers: { 'if-match': `"v${v.version}"` } }));
  assert.equal((await warmList(RISKS)).items.find((x) => x.id === r.id).system_name, 'List cache system renamed');
  assert.ok((await warmList(OBL)).items.every((o) => o.system_name === 'List cache system renamed'));
});

test("each organization's lists are its own, and another's changes leave them as they were", async () => {
  const mine = await warmList('/api/v1/risks');
  const theirs = await warmList('/api/v1/risks', other);
  assert.equal(theirs.total, 0);
  assertJson(await other('POST', '/api/v1/risks', { json: { title: 'Elsewhere', inherent_likelihood: 1, inherent_impact: 1, treatment: 'modify', planned_controls: ['A.5.2'] } }), 201);
  assert.equal((await warmList('/api/v1/risks', other)).total, 1);
  assert.deepEqual(await warmList('/api/v1/risks'), mine);
});
