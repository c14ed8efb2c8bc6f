// GET /api/v1/dashboard on the demo organization: every card's figures equal the endpoint the card
// summarises, for each role, before and after changes (the answer is cached until the
// organization's next change); another organization sees only its own; reading changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { login, aims } from '../lib/server.mjs';
import { client, assertJson, assertProblem, memberClients } from '../lib/http.mjs';
import { sharedDashboard } from '../lib/dashboard.mjs';
import { serverForFile } from '../lib/fixture.mjs';

const DASH = '/api/v1/dashboard';
const PW = 'dashboard member password';

let srv, c, as;

serverForFile(async (s) => {
  ({ srv, c } = s);
  as = await memberClients(srv, ['viewer', 'auditor'], PW);
}, { demo: true });

const get = async (who, path) => assertJson(await who('GET', path));
const total = async (who, path) => (await get(who, path)).total;

/** Checks each card of `who`'s dashboard against the endpoint it summarises; returns the cards. */
async function matchesEndpoints(who) {
  const d = await get(who, DASH);
  assert.deepEqual(d.errors, {});
  const { cards } = d;

  const s = cards.systems;
  assert.equal(s.total, await total(who, '/api/v1/systems?limit=1'));
  for (const [param, counts] of [['eu_ai_act_class', s.by_class], ['lifecycle_stage', s.by_stage], ['status', s.by_status]]) {
    assert.ok(Object.keys(counts).length >= 4, param);
    for (const [v, n] of Object.entries(counts)) assert.equal(n, await total(who, `/api/v1/systems?limit=1&${param}=${v}`), `${param}=${v}`);
  }

  const latest = (await get(who, '/api/v1/assessments?limit=1')).items[0];
  if (!latest) {
    assert.equal(cards.assessment, null);
  } else {
    assert.deepEqual(cards.assessment.assessment, latest);
    const results = await get(who, `/api/v1/assessments/${latest.id}/results`);
    for (const k of ['overall_maturity', 'target_maturity', 'readiness']) assert.deepEqual(cards.assessment.results[k], results[k], k);
  }

  const soa = await get(who, '/api/v1/soa');
  assert.deepEqual(cards.soa, { summary: soa.summary, latest_version: soa.latest_version });

  const impact = (q) => total(who, `/api/v1/impact-assessments?limit=1${q}`);
  assert.deepEqual(cards.impact, {
    total: await impact(''), reassessment_due: await impact('&reassessment_due=true'), restricted: await impact('&outcome=restricted'),
    sensitive: await impact('&outcome=sensitive'), in_review: await impact('&status=in_review'),
  });

  assert.deepEqual(cards.objectives, await get(who, '/api/v1/objectives/summary'));
  assert.deepEqual(cards.risks, await get(who, '/api/v1/risks/heatmap'));
  assert.deepEqual(cards.evidence, await get(who, '/api/v1/evidence/freshness'));

  const ob = (q) => total(who, `/api/v1/obligations?limit=1${q}`);
  assert.deepEqual(Object.keys(cards.obligations.by_status), ['not_started', 'in_progress', 'met', 'not_applicable']);
  for (const [status, n] of Object.entries(cards.obligations.by_status)) assert.equal(n, await ob(`&status=${status}`), status);
  assert.equal(cards.obligations.overdue, await ob('&overdue=true'));
  assert.equal(cards.obligations.recheck, (await get(who, '/api/v1/eu-ai-act/rechecks')).items.length);

  const items = (await get(who, '/api/v1/catalog/frameworks/iso42001/items?limit=500')).items;
  const count = (pred) => items.filter(pred).length;
  assert.deepEqual(cards.catalog, {
    main_clauses: count((i) => i.kind === 'clause' && !i.parent), subclauses: count((i) => i.kind === 'clause' && i.leaf && !!i.parent),
    controls: count((i) => i.kind === 'control'), areas: count((i) => i.kind === 'annex_a_area'),
    ai_objectives: count((i) => i.kind === 'ai_objective'), risk_sources: count((i) => i.kind === 'risk_source'),
  });

  // The actions card: each figure is its list's total for this caller; "mine" figures are the caller's own.
  const a = cards.actions;
  assert.equal(a.mine_open, await total(who, '/api/v1/actions?mine=true&status=open,in_progress&limit=1'));
  assert.equal(a.mine_overdue, await total(who, '/api/v1/actions?mine=true&overdue=true&limit=1'));
  assert.equal(a.overdue, await total(who, '/api/v1/actions?overdue=true&limit=1'));
  assert.equal(a.open, await total(who, '/api/v1/actions?status=open,in_progress&limit=1'));
  // What every member sees alike: the cards without the caller's own figures.
  return sharedDashboard(cards);
}

test('every figure equals the endpoint it summarises, for the admin, a viewer and an auditor', async () => {
  const cards = await matchesEndpoints(c);
  assert.ok(cards.assessment && cards.systems.total > 0 && cards.risks.total > 0 && cards.objectives.total > 0 && cards.impact.total > 0,
    'the demo has records');
  assert.deepEqual(await matchesEndpoints(as.viewer), cards);
  assert.deepEqual(await matchesEndpoints(as.auditor), cards);
});

test('after changes the figures follow at once (never a stale answer), and still equal the endpoints', async () => {
  const before = await matchesEndpoints(c);
  assertJson(await c('POST', '/api/v1/systems', { json: { name: 'Dashboard system', purpose: 'Counted at once', status: 'planned' } }), 201);
  let now = await matchesEndpoints(c);
  assert.equal(now.systems.total, before.systems.total + 1);
  assert.equal(now.systems.by_status.planned, before.systems.by_status.planned + 1);

  const r = assertJson(await c('POST', '/api/v1/risks', { json: { title: 'Dashboard risk', inherent_likelihood: 5, inherent_impact: 5 } }), 201);
  now = await matchesEndpoints(c);
  assert.equal(now.risks.total, before.risks.total + 1);
  assertJson(await c('PATCH', `/api/v1/risks/${r.id}`, { json: { status: 'closed' }, headers: { 'if-match': `"v${r.version}"` } }));
  assert.equal((await matchesEndpoints(c)).risks.total, before.risks.total);

  const entry = (await get(c, '/api/v1/soa')).items.find((e) => e.control_id === 'A.10.4');
  assertJson(await c('PATCH', '/api/v1/soa/entries/A.10.4', { json: { applicable: !entry.applicable, justification: 'Dashboard test' }, headers: { 'if-match': `"v${entry.version}"` } }));
  now = await matchesEndpoints(c);
  assert.equal(now.soa.summary.excluded, before.soa.summary.excluded + (entry.applicable ? 1 : -1));
  // A viewer's (cached) answer follows too.
  assert.deepEqual(await matchesEndpoints(as.viewer), now);
});

test('another organization sees only its own figures', async () => {
  const org = aims(['org', 'create', '--data', srv.dataDir, '--name', 'Other', '--admin-email', 'other@x.test'], PW + '\n');
  assert.equal(org.status, 0, org.stderr);
  const other = client(srv.url, await login(srv.url, 'other@x.test', PW));
  const cards = await matchesEndpoints(other);
  assert.equal(cards.assessment, null);
  assert.equal(cards.systems.total, 0);
  assert.equal(cards.risks.total, 0);
  assert.equal(cards.objectives.total, 0);
  assert.equal(cards.evidence.counts.total, 0);
  assert.equal(cards.soa.latest_version, null);
  assert.ok((await matchesEndpoints(c)).systems.total > 0);
});

test('reading the dashboard changes nothing; without a login it answers 401', async () => {
  const size = (await get(c, '/api/v1/audit/entries?limit=1')).size;
  await get(c, DASH);
  await get(as.viewer, DASH);
  assert.equal((await get(c, '/api/v1/audit/entries?limit=1')).size, size);
  assertProblem(await client(srv.url)('GET', DASH), 401);
});
