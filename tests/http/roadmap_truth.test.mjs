// The roadmap respects the assessment and the SoA (docs/assessment.md): it says how much of the
// assessment is answered, leaves out the controls the SoA excludes and lists them with the SoA's
// justification, and regenerating keeps the user's edits of text, owner, dates and status or names
// every edit it drops.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertProblem, assertJson, memberClients } from '../lib/http.mjs';
import { serverForFile } from '../lib/fixture.mjs';
import { ASM, SOA } from '../lib/paths.mjs';

let srv, c;
const as = {};

serverForFile(async (s) => {
  ({ srv, c } = s);
  Object.assign(as, await memberClients(srv, ['contributor'], 'roadmap truth password'));
});

async function create(fields) {
  return assertJson(await c('POST', ASM, { json: fields }), 201);
}
const answer = async (id, item, json) => assertJson(await c('PUT', `${ASM}/${id}/answers/${item}`, { json }));
const roadmap = async (id) => assertJson(await c('GET', `${ASM}/${id}/roadmap`));
const generate = async (id, who = c) => assertJson(await who('POST', `${ASM}/${id}/roadmap`, { json: { start_date: '2027-01-04', capacity: 2 } }));
const actionOf = (rm, id) => rm.actions.find((x) => x.id === id);

async function editAction(id, actionId, json) {
  const act = actionOf(await roadmap(id), actionId);
  return assertJson(await c('PATCH', `${ASM}/${id}/roadmap/actions/${actionId}`, { json, headers: { 'if-match': `"v${act.version}"` } }));
}

async function exclude(control, justification) {
  const e = assertJson(await c('GET', SOA)).items.find((x) => x.control_id === control);
  assertJson(await c('PATCH', `${SOA}/entries/${control}`, { json: { applicable: false, justification }, headers: { 'if-match': `"v${e.version}"` } }));
}

test('the roadmap (preview and generated) reports coverage: answered of total, and whether complete', async () => {
  const a = await create({ name: 'Half done', approach: 'annex_a', target_maturity: 3 });
  await answer(a.id, 'A.2.2', { maturity: 1 });
  await answer(a.id, 'A.2.3', { maturity: 4 });
  await answer(a.id, 'A.3.2', { not_applicable: true, justification: 'Not in scope' });
  await answer(a.id, 'A.3.3', { skipped: true });
  assert.deepEqual((await roadmap(a.id)).coverage, { answered: 3, total: 38, complete: false });
  assert.deepEqual((await generate(a.id, as.contributor)).coverage, { answered: 3, total: 38, complete: false });
  // The stored roadmap shows the coverage of now.
  await answer(a.id, 'A.3.3', { maturity: 2 });
  assert.deepEqual((await roadmap(a.id)).coverage, { answered: 4, total: 38, complete: false });

  const full = await create({ name: 'All answered', approach: 'clauses' });
  const items = (await roadmap(full.id)).coverage.total;
  const answers = assertJson(await c('GET', `${ASM}/${full.id}/answers`)).items;
  assert.equal(answers.length, items);
  for (const it of answers) await answer(full.id, it.item_id, { maturity: 3 });
  assert.deepEqual((await roadmap(full.id)).coverage, { answered: items, total: items, complete: true });
});

test('controls the SoA excludes are left out and listed with the reason; the stored roadmap keeps its list', async () => {
  const a = await create({ name: 'Exclusions', approach: 'annex_a', target_maturity: 3 });
  await answer(a.id, 'A.10.3', { maturity: 1 });
  let rm = await roadmap(a.id);
  assert.ok(actionOf(rm, 'act-A.10.3') && actionOf(rm, 'act-A.10.4'), 'both controls have a gap');
  assert.deepEqual(rm.excluded, []);
  await exclude('A.10.3', 'No suppliers of AI components');
  await exclude('A.10.4', 'We have no customers of AI systems');
  rm = await roadmap(a.id);
  assert.equal(actionOf(rm, 'act-A.10.3'), undefined);
  assert.equal(actionOf(rm, 'act-A.10.4'), undefined);
  const listed = [
    { item_id: 'A.10.3', title: rm.excluded[0].title, justification: 'No suppliers of AI components',
      message: 'A.10.3 excluded in the SoA: No suppliers of AI components' },
    { item_id: 'A.10.4', title: rm.excluded[1].title, justification: 'We have no customers of AI systems',
      message: 'A.10.4 excluded in the SoA: We have no customers of AI systems' },
  ];
  assert.deepEqual(rm.excluded, listed);
  assert.ok(rm.actions.every((x) => !x.depends_on.includes('act-A.10.3') && !x.depends_on.includes('act-A.10.4')));
  const saved = await generate(a.id);
  assert.deepEqual(saved.excluded, listed);
  assert.deepEqual((await roadmap(a.id)).excluded, listed);
  // A control not in the assessment's scope is never listed.
  const clauses = await create({ name: 'Clauses only', approach: 'clauses' });
  assert.deepEqual((await roadmap(clauses.id)).excluded, []);
});

test('regenerating keeps edits of text, owner, dates and status, and names every edit it drops and why', async () => {
  const a = await create({ name: 'Edited plan', approach: 'annex_a', target_maturity: 3 });
  const first = await generate(a.id);
  assert.equal(first.regeneration, undefined, 'no edits, nothing to say');
  const effort23 = actionOf(first, 'act-A.2.3').effort;
  await editAction(a.id, 'act-A.2.2', { title: 'Board signs the AI policy', owner: 'CEO office', status: 'in_progress' });
  await editAction(a.id, 'act-A.2.3', { effort: effort23 === 'L' ? 'S' : 'L', owner: 'Legal' });
  await editAction(a.id, 'act-A.2.4', { status: 'done' });
  await editAction(a.id, 'act-A.4.2', { owner: 'Data office' });
  // A.2.4 now meets the target; A.4.2 gets excluded in the SoA.
  await answer(a.id, 'A.2.4', { maturity: 3 });
  await exclude('A.4.2', 'Resources documented by the group');
  const before = await roadmap(a.id);
  const again = await generate(a.id);

  const byAction = (l) => [...l].sort((x, y) => x.action_id.localeCompare(y.action_id));
  assert.deepEqual(byAction(again.regeneration.kept), [
    { action_id: 'act-A.2.2', fields: ['title', 'owner', 'status'] },
    { action_id: 'act-A.2.3', fields: ['owner'] },
  ]);
  assert.deepEqual(byAction(again.regeneration.dropped), [
    { action_id: 'act-A.2.3', fields: ['effort'], reason: 'effort, phase and prerequisites are planned anew from the catalog' },
    { action_id: 'act-A.2.4', fields: ['status'], reason: 'the assessment shows no gap for A.2.4 any more' },
    { action_id: 'act-A.4.2', fields: ['owner'], reason: 'A.4.2 excluded in the SoA: Resources documented by the group' },
  ]);
  const a22 = actionOf(again, 'act-A.2.2');
  assert.equal(a22.title, 'Board signs the AI policy');
  assert.equal(a22.owner, 'CEO office');
  assert.equal(a22.status, 'in_progress');
  assert.equal(a22.version, actionOf(before, 'act-A.2.2').version + 1, 'the ETag of a kept action moves on');
  const a23 = actionOf(again, 'act-A.2.3');
  assert.equal(a23.owner, 'Legal');
  assert.equal(a23.effort, effort23, 'the effort is planned anew');
  assert.equal(actionOf(again, 'act-A.2.4'), undefined);
  assert.equal(actionOf(again, 'act-A.4.2'), undefined);
  const { regeneration: _r, ...stored1 } = again;
  assert.deepEqual(await roadmap(a.id), stored1, 'the regenerated roadmap is stored');

  // Kept edits are kept again at the next regeneration; nothing left to drop.
  const third = await generate(a.id);
  assert.deepEqual(third.regeneration.dropped, []);
  assert.equal(actionOf(third, 'act-A.2.2').title, 'Board signs the AI policy');
  // A contributor may not regenerate (it may drop edits): refused, nothing changed.
  const stored = await roadmap(a.id);
  assertProblem(await as.contributor('POST', `${ASM}/${a.id}/roadmap`, { json: {} }), 403);
  assert.deepEqual(await roadmap(a.id), stored);
});
