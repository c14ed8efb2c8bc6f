// One source for the EU AI Act facts of an AI system (docs/eu-ai-act.md, "Where each fact comes
// from"): on the demo organization, the credit-scoring system's impact assessment (Art. 27 view and
// list), its obligations and its saved classification agree on the roles and on whether an FRIA is
// required — before and after a re-classification — and a system without a classification says so
// instead of answering from the inventory.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoServer, login } from '../lib/server.mjs';
import { client, assertJson, stopServer } from '../lib/http.mjs';
import { complete } from '../lib/euact.mjs';
import { SYS, IA } from '../lib/paths.mjs';

let srv, c, credit, ia;

before(async () => {
  srv = await startDemoServer();
  c = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
  credit = assertJson(await c('GET', `${SYS}?q=${encodeURIComponent('Credit scoring model')}`)).items[0];
  ia = assertJson(await c('POST', IA, { json: { system_id: credit.id, title: 'Credit scoring FRIA' } }), 201);
});

after(async () => {
  await stopServer(srv);
});

const classificationPath = (id) => `${SYS}/${encodeURIComponent(id)}/classification`;

/** What each module says: {classification roles, FRIA per the impact view and list, Art. 27 on the register}. */
async function answers() {
  const cl = assertJson(await c('GET', classificationPath(credit.id)));
  const fria = assertJson(await c('GET', `${IA}/${ia.id}/fria`)).applicability;
  const listed = assertJson(await c('GET', `${IA}?system_id=${credit.id}&limit=100`)).items.find((x) => x.id === ia.id);
  const obligations = assertJson(await c('GET', `/api/v1/obligations?system=${credit.id}&limit=500`)).items;
  return {
    classification: { roles: cl.result.roles, fria: cl.result.obligations.some((o) => o.id === 'art27') },
    impact: { roles: fria.roles, fria: fria.required, classified: fria.classified, version: fria.classification_version, reason: fria.reason },
    list: listed.fria_required,
    board: obligations.some((o) => o.obligation_id === 'art27'),
    version: cl.version,
  };
}

test('the impact assessment, the obligations and the classification agree for the demo credit-scoring system', async () => {
  const a = await answers();
  assert.deepEqual(a.classification, { roles: ['provider', 'deployer'], fria: true });
  assert.equal(credit.organization_role, 'provider', 'the inventory keeps one role; it is not what decides');
  assert.deepEqual(a.impact.roles, ['provider', 'deployer']);
  assert.equal(a.impact.classified, true);
  assert.equal(a.impact.fria, true, a.impact.reason);
  assert.equal(a.impact.version, a.version);
  assert.equal(a.list, true);
  assert.equal(a.board, true, 'the register lists the Art. 27 FRIA');
});

test('after a re-classification without the deployer role, all of them agree on the new answer', async () => {
  const q = assertJson(await c('GET', '/api/v1/eu-ai-act/questionnaire'));
  const cur = await c('GET', classificationPath(credit.id));
  const answersNow = { ...cur.body.answers, roles: ['provider'] };
  assertJson(await c('PUT', classificationPath(credit.id), { json: { answers: complete(q, answersNow) }, headers: { 'if-match': cur.headers.get('etag') } }));
  const a = await answers();
  assert.deepEqual(a.classification, { roles: ['provider'], fria: false });
  assert.deepEqual(a.impact.roles, ['provider']);
  assert.equal(a.impact.fria, false);
  assert.match(a.impact.reason, /deployers only/);
  assert.equal(a.impact.version, a.version);
  assert.equal(a.list, false);
  assert.equal(a.board, false, 'the Art. 27 obligation is retired');

  // And back: deployer again.
  const again = await c('GET', classificationPath(credit.id));
  assertJson(await c('PUT', classificationPath(credit.id), {
    json: { answers: complete(q, { ...again.body.answers, roles: ['provider', 'deployer'] }) }, headers: { 'if-match': again.headers.get('etag') },
  }));
  const b = await answers();
  assert.deepEqual([b.classification.fria, b.impact.fria, b.list, b.board], [true, true, true, true]);
});

test('a system without a saved classification says so rather than guessing from the inventory', async () => {
  const sys = assertJson(await c('POST', SYS, { json: { name: 'Unclassified scorer', purpose: 'Scores', organization_role: 'deployer' } }), 201);
  const own = assertJson(await c('POST', IA, { json: { system_id: sys.id } }), 201);
  assert.equal(own.fria_required, false);
  const f = assertJson(await c('GET', `${IA}/${own.id}/fria`)).applicability;
  assert.equal(f.classified, false);
  assert.equal(f.required, false);
  assert.deepEqual(f.roles, []);
  assert.match(f.reason, /not classified yet — classify it/);
});
