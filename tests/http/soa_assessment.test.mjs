// The SoA and the gap assessment agree (docs/soa.md): the SoA's answers come from the latest
// completed assessment (named on the SoA), a status that contradicts the assessed maturity is a
// conflict on the entry until someone keeps it with a reason or changes it, and approval counts the
// applicable controls without a justification and, when the organization requires them, refuses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertProblem, assertJson, memberClients, setSegregation } from '../lib/http.mjs';
import { serverForFile } from '../lib/fixture.mjs';
import { ASM, SOA, ORG } from '../lib/paths.mjs';

let srv, c;
const as = {};

serverForFile(async (s) => {
  ({ srv, c } = s);
  Object.assign(as, await memberClients(srv, ['manager', 'contributor'], 'soa assessment password'));
  await setSegregation(c, { soa_approval: false });
});

const soa = async () => assertJson(await c('GET', SOA));
const entryOf = (s, id) => s.items.find((e) => e.control_id === id);

async function edit(id, json, who = c) {
  const e = entryOf(await soa(), id);
  return who('PATCH', `${SOA}/entries/${id}`, { json, headers: { 'if-match': `"v${e.version}"` } });
}

async function assessment(name, date, answers, { complete = true, approach = 'annex_a' } = {}) {
  const a = assertJson(await c('POST', ASM, { json: { name, approach, assessment_date: date } }), 201);
  for (const [item, maturity] of Object.entries(answers))
    assertJson(await c('PUT', `${ASM}/${a.id}/answers/${item}`, { json: { maturity } }));
  if (complete) return setStatus(a.id, 'completed');
  return a;
}

async function setStatus(id, status) {
  const r = await c('GET', `${ASM}/${id}`);
  assertJson(r);
  return assertJson(await c('PATCH', `${ASM}/${id}`, { json: { status }, headers: { 'if-match': r.headers.get('etag') } }));
}

/** Everything a refused request could have changed. */
async function snapshot() {
  return {
    soa: await soa(),
    versions: assertJson(await c('GET', `${SOA}/versions`)),
    audit: assertJson(await c('GET', '/api/v1/audit/checkpoint')).size,
    settings: assertJson(await c('GET', ORG)),
  };
}

test('with no completed assessment the SoA says so and shows no answers, even with a draft answered', async () => {
  const draft = await assessment('Draft review', '2026-02-01', { 'A.2.2': 3 }, { complete: false });
  const s = await soa();
  assert.equal(s.answers_from, null);
  assert.ok(s.items.every((e) => e.latest_answer === null && e.conflict === null));
  // Completing it makes it the source; reopening it takes it back.
  await setStatus(draft.id, 'completed');
  assert.equal((await soa()).answers_from.assessment_id, draft.id);
  await setStatus(draft.id, 'in_progress');
  assert.equal((await soa()).answers_from, null);
});

test('answers come from the latest completed assessment (by date), not a newer draft; the SoA names it', async () => {
  const jan = await assessment('January review', '2026-03-10', { 'A.2.3': 2, 'A.4.3': 1 });
  const draft = await assessment('April draft', '2026-04-01', { 'A.2.3': 5 }, { complete: false });
  let s = await soa();
  assert.deepEqual(s.answers_from, { assessment_id: jan.id, name: 'January review', assessment_date: '2026-03-10' });
  assert.deepEqual(entryOf(s, 'A.2.3').latest_answer,
    { assessment_id: jan.id, assessment_name: 'January review', assessment_date: '2026-03-10', maturity: 2, not_applicable: false });
  assert.equal(entryOf(s, 'A.4.3').latest_answer.maturity, 1);
  // A completed assessment of the clauses only says nothing about controls.
  await assessment('Clauses only', '2026-05-01', { '4.1': 3 }, { approach: 'clauses' });
  assert.equal((await soa()).answers_from.assessment_id, jan.id);
  // The draft completed is newer: it is the one source; what it did not answer has no answer.
  await setStatus(draft.id, 'completed');
  s = await soa();
  assert.equal(s.answers_from.assessment_id, draft.id);
  assert.equal(entryOf(s, 'A.2.3').latest_answer.maturity, 5);
  assert.equal(entryOf(s, 'A.4.3').latest_answer, null);
  await setStatus(draft.id, 'in_progress');
});

test('the conflict rule: "implemented" at maturity 0-1 and "not started" at maturity 4-5 are flagged; nothing else', async () => {
  for (const id of ['A.6.2.2', 'A.6.2.3', 'A.6.2.5'])
    assertJson(await edit(id, { implementation_status: 'implemented', policy_refs: ['POL-1'] }));
  assertJson(await edit('A.6.2.6', { applicable: false, justification: 'No models operated in house' }));
  await assessment('June review', '2026-06-01', {
    'A.6.2.2': 1, 'A.6.2.3': 0, 'A.6.2.5': 2, // implemented
    'A.7.2': 4, 'A.7.3': 5, 'A.7.4': 3, // not started (the default)
    'A.6.2.6': 5, // excluded
  });
  const s = await soa();
  const flagged = Object.fromEntries(s.items.filter((e) => e.conflict).map((e) => [e.control_id, e.conflict.rule]));
  assert.deepEqual(flagged, {
    'A.6.2.2': 'implemented_low_maturity', 'A.6.2.3': 'implemented_low_maturity',
    'A.7.2': 'not_started_high_maturity', 'A.7.3': 'not_started_high_maturity',
  });
  const c1 = entryOf(s, 'A.6.2.2').conflict;
  assert.equal(c1.implementation_status, 'implemented');
  assert.equal(c1.maturity, 1);
  assert.equal(c1.assessment_id, s.answers_from.assessment_id);
  assert.equal(c1.kept, false);
  assert.equal(c1.reason, null);
  assert.match(c1.message, /'implemented' while the assessment found maturity 1/);
  assert.match(entryOf(s, 'A.7.3').conflict.message, /'not started' while the assessment found maturity 5/);
});

test('keeping a conflicting status takes a reason, stored on the entry and audited; a new status or maturity flags again', async () => {
  // No conflict, nothing to keep: refused, nothing changed.
  let before = await snapshot();
  const p = assertProblem(await edit('A.6.2.5', { conflict_reason: 'We are sure' }), 422);
  assert.deepEqual(p.errors.map((e) => e.field), ['conflict_reason']);
  assert.deepEqual(await snapshot(), before);
  // Keeping the status.
  before = await snapshot();
  const kept = assertJson(await edit('A.6.2.2', { conflict_reason: 'Compensating control run by the parent company' }));
  assert.equal(kept.conflict.kept, true);
  assert.equal(kept.conflict.reason, 'Compensating control run by the parent company');
  assert.equal(kept.conflict.decided_by, srv.admin.email);
  assert.equal(entryOf(await soa(), 'A.6.2.2').conflict.kept, true);
  const audit = assertJson(await c('GET', `/api/v1/audit/entries?from=${before.audit}`)).items;
  assert.deepEqual(audit.map((e) => [e.record_type, e.record_id]), [['soa_entry', 'A.6.2.2']]);
  // A contributor may decide too: it is an edit of the entry.
  assertJson(await edit('A.7.2', { conflict_reason: 'Started under another programme' }, as.contributor));
  // Changing the status resolves the conflict; going back flags it again (a new status is a new decision).
  assert.equal(assertJson(await edit('A.7.2', { implementation_status: 'partial' })).conflict, null);
  assert.equal(assertJson(await edit('A.7.2', { implementation_status: 'not_started' })).conflict.kept, false);
  // A newer completed assessment with another maturity flags the kept one again.
  await assessment('July review', '2026-07-01', { 'A.6.2.2': 0 });
  const again = entryOf(await soa(), 'A.6.2.2').conflict;
  assert.equal(again.maturity, 0);
  assert.equal(again.kept, false);
  // An empty reason withdraws a decision.
  assertJson(await edit('A.6.2.2', { conflict_reason: 'Still compensated' }));
  assert.equal(assertJson(await edit('A.6.2.2', { conflict_reason: '' })).conflict.kept, false);
});

test('approval shows how many applicable controls lack a justification; the version records them', async () => {
  const s = await soa();
  const missing = s.items.filter((e) => e.applicable && e.justification.trim() === '').map((e) => e.control_id);
  assert.ok(missing.length > 30);
  assert.deepEqual(s.justification_missing, missing);
  assert.equal(s.justification_required, false);
  const v = assertJson(await c('POST', `${SOA}/versions`, { json: { note: 'With gaps' } }), 201);
  assert.deepEqual(v.justification_missing, missing);
  const listed = assertJson(await c('GET', `${SOA}/versions`)).items.find((x) => x.number === v.number);
  assert.deepEqual(listed.justification_missing, missing);
});

test('the setting is admin-only, off by default, kept when a body leaves it out', async () => {
  const s = assertJson(await c('GET', ORG));
  assert.equal(s.soa_justification_required, false);
  const r = await c('GET', ORG);
  const etag = r.headers.get('etag');
  const before = await snapshot();
  assertProblem(await as.manager('PUT', ORG, { json: { ...s, soa_justification_required: true }, headers: { 'if-match': etag } }), 403);
  const p = assertProblem(await c('PUT', ORG, { json: { ...s, soa_justification_required: 'yes' }, headers: { 'if-match': etag } }), 422);
  assert.deepEqual(p.errors.map((e) => e.field), ['soa_justification_required']);
  assert.deepEqual(await snapshot(), before);
  const on = assertJson(await c('PUT', ORG, { json: { ...s, soa_justification_required: true }, headers: { 'if-match': etag } }));
  assert.equal(on.soa_justification_required, true);
  // Changing only segregation of duties keeps it.
  assert.equal((await setSegregation(c, { impact_approval: false })).soa_justification_required, true);
  assert.equal((await soa()).justification_required, true);
});

test('with the setting on, approval answers 422 listing every applicable control without a justification and changes nothing', async () => {
  const s = await soa();
  assert.equal(s.justification_required, true);
  const before = await snapshot();
  const p = assertProblem(await c('POST', `${SOA}/versions`, { json: { note: 'Refused' } }), 422);
  assert.deepEqual(p.errors.map((e) => e.field), s.justification_missing);
  assert.ok(p.errors.every((e) => e.message === 'has no justification'));
  assert.match(p.detail, new RegExp(`${s.justification_missing.length} of ${s.summary.applicable} have none`));
  assert.deepEqual(await snapshot(), before);
  // Justified, it is approved.
  for (const id of s.justification_missing) assertJson(await edit(id, { justification: `Needed for ${id}` }));
  const v = assertJson(await c('POST', `${SOA}/versions`, { json: { note: 'All justified' } }), 201);
  assert.deepEqual(v.justification_missing, []);
  // Off again, an empty justification no longer blocks.
  const r = await c('GET', ORG);
  assertJson(await c('PUT', ORG, { json: { ...assertJson(r), soa_justification_required: false }, headers: { 'if-match': r.headers.get('etag') } }));
  assertJson(await edit('A.2.2', { justification: '' }));
  assert.deepEqual(assertJson(await c('POST', `${SOA}/versions`, { json: {} }), 201).justification_missing, ['A.2.2']);
});
