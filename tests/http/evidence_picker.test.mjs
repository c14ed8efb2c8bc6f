// Evidence of assessment answers and SoA entries is vault evidence linked by id: an answer links
// to its item's control (catalog_item:iso42001:<item>), an SoA entry to itself (soa_entry:<control>),
// and the suggestions, the evidence's links and the entry's `implemented` rule see those links. An
// unknown id, free text, deleted evidence and another organization's evidence are 422 problems
// that change nothing. Free text stored before (answers' `evidence`, SoA `evidence_refs`) is moved
// into the notes at start-up, labelled, once, and audited.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, login, aims } from '../lib/server.mjs';
import { client, assertProblem, assertJson, stopServer, memberClients } from '../lib/http.mjs';
import { otherOrgClient } from '../lib/fixture.mjs';
import { ASM, SOA, EV } from '../lib/paths.mjs';

const PW_B = 'other organization password';
const LABEL = 'Evidence (free text, before evidence was linked from the vault):';

let srv, c, viewer, other, asm;
let policy, minutes, foreign; // evidence: two of ours, one of the other organization

function upload(who, name, text, query = {}) {
  const qs = new URLSearchParams({ filename: name, ...query });
  return who('POST', `${EV}?${qs}`, { body: Buffer.from(text), headers: { 'content-type': 'application/octet-stream' } });
}

const answerPath = (item) => `${ASM}/${asm.id}/answers/${encodeURIComponent(item)}`;
const answer = async (item) => assertJson(await c('GET', answerPath(item)));
const putAnswer = async (item, json, who = c) => {
  const r = await c('GET', answerPath(item));
  return who('PUT', answerPath(item), { json, headers: { 'if-match': r.headers.get('etag') } });
};
const entry = async (control) => assertJson(await c('GET', SOA)).items.find((e) => e.control_id === control);
const patchEntry = async (control, json, who = c) =>
  who('PATCH', `${SOA}/entries/${control}`, { json, headers: { 'if-match': `"v${(await entry(control)).version}"` } });
const linksOf = async (ev) => assertJson(await c('GET', `${EV}/${ev.id}/links`)).items.map((l) => l.target).sort();

/** Runs SQL on the stopped server's SQLite database. */
function sql(dataDir, q) {
  const r = spawnSync('sqlite3', [join(dataDir, 'aims.db'), q], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

async function start(dataDir) {
  srv = await startServer({ keepData: true, ...(dataDir ? { dataDir } : {}) });
  c = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
}

before(async () => {
  await start();
  ({ viewer } = await memberClients(srv, ['viewer'], 'picker viewer password'));
  other = await otherOrgClient(srv, PW_B);
  asm = assertJson(await c('POST', ASM, { json: { name: 'Picker baseline', approach: 'both' } }), 201);
  policy = assertJson(await upload(c, 'ai-policy.md', '# AI policy\n', { title: 'AI policy v2', classification: 'confidential' }), 201);
  minutes = assertJson(await upload(c, 'minutes.txt', 'Management review minutes\n', { title: 'Review minutes' }), 201);
  foreign = assertJson(await upload(other, 'theirs.txt', 'Another organization\n', { title: 'Their policy' }), 201);
});

after(async () => {
  await stopServer(srv);
  if (srv) rmSync(srv.dataDir, { recursive: true, force: true });
});

test('an answer links vault evidence by id to its control, and shows it', async () => {
  const saved = assertJson(await putAnswer('A.2.2', { maturity: 2, notes: 'Policy approved', evidence: [policy.id] }));
  assert.deepEqual(saved.evidence.map((e) => [e.id, e.number, e.title, e.filename, e.classification]),
    [[policy.id, policy.number, 'AI policy v2', 'ai-policy.md', 'confidential']]);
  assert.deepEqual(await linksOf(policy), ['catalog_item:iso42001:A.2.2']);
  // The link is the control's: the answer, the list of answers and the suggestions see it.
  assert.deepEqual((await answer('A.2.2')).evidence.map((e) => e.id), [policy.id]);
  const all = assertJson(await c('GET', `${ASM}/${asm.id}/answers`));
  assert.deepEqual(all.items.find((a) => a.item_id === 'A.2.2').evidence.map((e) => e.id), [policy.id]);
  assert.deepEqual(all.items.find((a) => a.item_id === 'A.2.3').evidence, []);
  const sugg = assertJson(await c('GET', `${ASM}/${asm.id}/suggestions`)).items.find((s) => s.item_id === 'A.2.2');
  assert.ok(sugg, 'the linked evidence gives A.2.2 a suggestion');
  assert.ok(JSON.stringify(sugg.records).includes(policy.id), JSON.stringify(sugg));
  // Linking again keeps the one link; a second evidence is added beside it.
  const again = assertJson(await putAnswer('A.2.2', { maturity: 2, evidence: [policy.id, minutes.id] }));
  assert.deepEqual(again.evidence.map((e) => e.id), [policy.id, minutes.id]);
  assert.deepEqual(await linksOf(policy), ['catalog_item:iso42001:A.2.2']);
  // Unlinking happens in the vault; the answer then shows what is left.
  assert.equal((await c('DELETE', `${EV}/${minutes.id}/links/${encodeURIComponent('catalog_item:iso42001:A.2.2')}`)).status, 204);
  assert.deepEqual((await answer('A.2.2')).evidence.map((e) => e.id), [policy.id]);
});

test('unknown ids, free text and evidence of another organization are refused and change nothing', async () => {
  const before = await answer('4.1');
  for (const [ids, who] of [[['ev_nope'], 'unknown'], [['Minutes of the March meeting'], 'free text'], [[foreign.id], 'foreign'],
    [[policy.id, 'ev_nope'], 'one bad of two']]) {
    const p = assertProblem(await putAnswer('4.1', { maturity: 3, notes: 'changed', evidence: ids }), 422);
    assert.ok(p.errors.some((e) => e.field === 'evidence' && e.message.includes(ids.at(-1))), `${who}: ${JSON.stringify(p)}`);
    assert.deepEqual(await answer('4.1'), before, `${who}: the answer is unchanged`);
  }
  assert.deepEqual(await linksOf(policy), ['catalog_item:iso42001:A.2.2'], 'no link was made');
  assert.deepEqual(assertJson(await other('GET', `${EV}/${foreign.id}/links`)).items, []);
  // Evidence of this organization is invisible to the other one, there as here.
  const theirAsm = assertJson(await other('POST', ASM, { json: { name: 'Theirs', approach: 'clauses' } }), 201);
  const r = await other('GET', `${ASM}/${theirAsm.id}/answers/4.1`);
  const p = assertProblem(await other('PUT', `${ASM}/${theirAsm.id}/answers/4.1`, { json: { maturity: 1, evidence: [policy.id] }, headers: { 'if-match': r.headers.get('etag') } }), 422);
  assert.equal(p.errors[0].field, 'evidence');
  assert.deepEqual(await linksOf(policy), ['catalog_item:iso42001:A.2.2']);
  // Deleted evidence (a tombstone) cannot be linked either.
  const gone = assertJson(await upload(c, 'gone.txt', 'Soon deleted\n'), 201);
  const got = await c('GET', `${EV}/${gone.id}`);
  assert.equal((await c('DELETE', `${EV}/${gone.id}`, { headers: { 'if-match': got.headers.get('etag') } })).status, 204);
  assertProblem(await putAnswer('4.1', { maturity: 3, evidence: [gone.id] }), 422);
  // A viewer may not answer at all.
  assertProblem(await putAnswer('4.1', { maturity: 3, evidence: [policy.id] }, viewer), 403);
  assert.deepEqual(await answer('4.1'), before);
});

test('an SoA entry links evidence by id; implemented counts it; free-text evidence_refs are refused', async () => {
  const before = await entry('A.6.2.4');
  let p = assertProblem(await patchEntry('A.6.2.4', { evidence_refs: ['Validation report'] }), 422);
  assert.ok(p.errors.some((e) => e.field === 'evidence_refs' && /evidence ids?/.test(e.message)), JSON.stringify(p));
  p = assertProblem(await patchEntry('A.6.2.4', { implementation_status: 'implemented', evidence: [foreign.id] }), 422);
  assert.deepEqual(p.errors.map((e) => e.field), ['evidence']);
  assert.deepEqual(await entry('A.6.2.4'), before, 'nothing changed');
  const saved = assertJson(await patchEntry('A.6.2.4', { implementation_status: 'implemented', evidence: [minutes.id], notes: 'Checked in May' }));
  assert.equal(saved.implementation_status, 'implemented');
  assert.equal(saved.notes, 'Checked in May');
  assert.deepEqual(saved.evidence.map((e) => e.id), [minutes.id]);
  assert.deepEqual(saved.evidence_refs, [`${minutes.number} Review minutes`]);
  assert.deepEqual(await linksOf(minutes), ['soa_entry:A.6.2.4']);
  // Once linked, the rule is met without naming the evidence again.
  assertJson(await patchEntry('A.6.2.4', { owner: 'ML lead' }));
  // The export carries the evidence's labels.
  const csv = await c('GET', `${SOA}/export?format=csv`);
  assert.equal(csv.status, 200);
  assert.ok(csv.text.includes(`${minutes.number} Review minutes`));
});

test('free-text evidence stored before is moved into the notes at start-up, once, and audited', async () => {
  assertJson(await putAnswer('4.1', { maturity: 1, notes: 'Workshop held' }));
  assertJson(await putAnswer('4.2', { maturity: 2 }));
  assertJson(await patchEntry('A.2.3', { owner: 'CISO' }));
  const answerVersion = (await answer('4.1')).version;
  const entryVersion = (await entry('A.2.3')).version;
  const dataDir = srv.dataDir;
  await srv.stop();
  // As an earlier version stored them: text in the evidence fields.
  sql(dataDir, `UPDATE assessment_answers SET doc = json_set(doc, '$.evidence', json('["Minutes 2026-01","Stakeholder map"]')) WHERE item_id = '4.1';
    UPDATE assessment_answers SET doc = json_set(doc, '$.evidence', json('["Scope v0.3"]'), '$.notes', '') WHERE item_id = '4.2';
    UPDATE soa_entries SET doc = json_set(doc, '$.evidence_refs', json('["https://wiki/access-policy"]')) WHERE control_id = 'A.2.3';`);
  await start(dataDir);
  let a = await answer('4.1');
  assert.equal(a.notes, `Workshop held\n\n${LABEL} Minutes 2026-01; Stakeholder map`);
  assert.deepEqual(a.evidence, []);
  assert.equal(a.version, answerVersion + 1);
  assert.equal((await answer('4.2')).notes, `${LABEL} Scope v0.3`);
  let e = await entry('A.2.3');
  assert.equal(e.notes, `${LABEL} https://wiki/access-policy`);
  assert.deepEqual(e.evidence_refs, []);
  assert.equal(e.version, entryVersion + 1);
  assert.equal(e.owner, 'CISO', 'the rest of the entry is kept');
  // Recorded in the audit log as the system's changes.
  const log = assertJson(await c('GET', '/api/v1/audit/entries?actor=system&order=newest&limit=50')).items;
  assert.ok(log.some((x) => x.record_type === 'answer' && x.record_id === `${asm.id}/4.1`), JSON.stringify(log.map((x) => [x.record_type, x.record_id])));
  assert.ok(log.some((x) => x.record_type === 'soa_entry' && x.record_id === 'A.2.3'));
  // A second start finds nothing to move.
  await srv.stop();
  await start(dataDir);
  a = await answer('4.1');
  assert.equal(a.version, answerVersion + 1);
  assert.equal(a.notes, `Workshop held\n\n${LABEL} Minutes 2026-01; Stakeholder map`);
  e = await entry('A.2.3');
  assert.equal(e.version, entryVersion + 1);
});
