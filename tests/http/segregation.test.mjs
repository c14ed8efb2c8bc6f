// Who may approve is decided by admins, and nobody approves their own work: the settings that decide
// approval and acceptance (impact thresholds, risk criteria, organization settings) are admin-only
// for every other role, and segregation of duties (on by default) keeps the submitter of an impact
// assessment, the author of a risk and the editors of SoA entries from approving or accepting it.
// Every refusal is a 403 problem naming the rule that changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { login, aims } from '../lib/server.mjs';
import { client, assertProblem, assertJson, memberClients } from '../lib/http.mjs';
import { serverForFile } from '../lib/fixture.mjs';
import { SOA, IA, RISKS, ORG, CRIT } from '../lib/paths.mjs';

const PW = 'segregation role password';
const NON_ADMINS = ['viewer', 'auditor', 'contributor', 'manager'];
const ALL_ON = { impact_approval: true, risk_acceptance: true, soa_approval: true };

let srv, admin, sys;
const as = {}; // role -> client; as.admin is a second admin
let manager2; // a second manager: "another allowed user"

const inDays = (days) => new Date(Date.now() + days * 86400e3).toISOString().slice(0, 10);

serverForFile(async (s) => {
  ({ srv, c: admin } = s);
  Object.assign(as, await memberClients(srv, NON_ADMINS, PW));
  as.admin = await member('admin2@acme.test', 'admin');
  manager2 = await member('manager2@acme.test', 'manager');
  sys = assertJson(await admin('POST', '/api/v1/systems', { json: { name: 'Loan scoring', purpose: 'Scores loan applications' } }), 201);
});

// ---- helpers -----------------------------------------------------------------------------------

async function member(email, role) {
  const r = aims(['user', 'add', '--data', srv.dataDir, '--org', srv.org, '--email', email, '--role', role], PW + '\n');
  assert.equal(r.status, 0, `aims user add ${email}: ${r.stderr}`);
  return client(srv.url, await login(srv.url, email, PW));
}

async function read(path, who = admin) {
  const r = await who('GET', path);
  return { body: assertJson(r), etag: r.headers.get('etag') };
}

/** Everything a refused request could have changed, as the admin sees it. */
async function snapshot() {
  const ias = assertJson(await admin('GET', `${IA}?limit=500`)).items;
  const risks = assertJson(await admin('GET', `${RISKS}?limit=500`)).items;
  const histories = [];
  for (const a of ias) histories.push(assertJson(await admin('GET', `${IA}/${a.id}/history`)).items.length);
  for (const r of risks) histories.push(assertJson(await admin('GET', `${RISKS}/${r.id}/history?limit=500`)).items.length);
  return {
    org: (await read(ORG)).body,
    impact: (await read(`${IA}/settings`)).body,
    criteria: (await read(CRIT)).body,
    ias,
    risks,
    histories,
    soaVersions: assertJson(await admin('GET', `${SOA}/versions`)).items,
    audit: assertJson(await admin('GET', '/api/v1/audit/checkpoint')).size,
  };
}

/** Asserts a 403 problem whose detail matches `why`, and that nothing changed. */
async function refused(request, why) {
  const before = await snapshot();
  const p = assertProblem(await request(), 403);
  if (why) assert.match(p.detail, why);
  assert.deepEqual(await snapshot(), before, 'a refused request changed something');
  return p;
}

async function setDuties(duties, who = admin) {
  const { body, etag } = await read(ORG, who);
  return who('PUT', ORG, { json: { segregation_of_duties: { ...body.segregation_of_duties, ...duties } }, headers: { 'if-match': etag } });
}

/** An impact assessment of `sys` submitted for review by `submitter` (a sensitive use: approvable by a manager). */
async function submittedAssessment(submitter) {
  const a = assertJson(await submitter('POST', IA, {
    json: {
      system_id: sys.id, scope: 'Loan decisions', purpose: 'Scoring', intended_uses: 'Decision support', deployment_context: 'Branches',
      next_review_date: inDays(365),
      impacts: [{ category: 'individual', type: 'harm', affected_party: 'Applicants', description: 'Unfair refusal', severity: 2, likelihood: 3 }],
    },
  }), 201);
  assert.equal(assertJson(await submitter('POST', `${IA}/${a.id}/submit`)).status, 'in_review');
  return a;
}

const approveIa = (id, who) => who('POST', `${IA}/${id}/approve`, { json: { note: 'Acceptable with monitoring' } });

async function accept(id, who) {
  const { etag } = await read(`${RISKS}/${id}`, who);
  return who('POST', `${RISKS}/${id}/acceptance`, { json: { rationale: 'Within appetite', expires_on: inDays(90) }, headers: { 'if-match': etag } });
}

async function editSoa(control, json, who) {
  const entry = assertJson(await who('GET', SOA)).items.find((e) => e.control_id === control);
  return assertJson(await who('PATCH', `${SOA}/entries/${control}`, { json, headers: { 'if-match': `"v${entry.version}"` } }));
}

const approveSoa = (who) => who('POST', `${SOA}/versions`, { json: { note: 'Quarterly review' } });

// ---- admin-only settings -------------------------------------------------------------------------

test('the escalation is closed: a manager cannot make managers approvers of restricted uses, nor approve one', async () => {
  // A restricted use (4 × 4 = 16 ≥ 12), submitted by a contributor: only an admin may approve it.
  const a = assertJson(await as.contributor('POST', IA, {
    json: {
      system_id: sys.id, scope: 'Credit limits', purpose: 'Scoring', intended_uses: 'Automatic limits', deployment_context: 'Online',
      next_review_date: inDays(365),
      impacts: [{ category: 'individual', type: 'harm', affected_party: 'Applicants', description: 'Over-indebtedness', severity: 4, likelihood: 4, measures: [{ description: 'Human review of every limit' }] }],
    },
  }), 201);
  assertJson(await as.contributor('POST', `${IA}/${a.id}/submit`));
  assert.equal((await read(`${IA}/${a.id}`)).body.outcome, 'restricted');
  const { body: s, etag } = await read(`${IA}/settings`, as.manager);
  const p = await refused(
    () => as.manager('PUT', `${IA}/settings`, { json: { ...s, restricted_approver: 'manager' }, headers: { 'if-match': etag } }),
    /only admins/,
  );
  assert.match(p.detail, /manager/);
  assert.equal((await read(`${IA}/settings`)).body.restricted_approver, 'admin');
  await refused(() => approveIa(a.id, as.manager), /restricted/i);
  assert.equal((await read(`${IA}/${a.id}`)).body.status, 'in_review');
  // An admin who did not submit it may approve it.
  assert.equal(assertJson(await approveIa(a.id, admin), 201).approved_by, srv.admin.email);
});

test('every approval-deciding setting is refused for every non-admin role (403 problem, nothing changes); admins may change them', async () => {
  const impact = await read(`${IA}/settings`);
  const crit = await read(CRIT);
  const org = await read(ORG);
  const changes = {
    'impact thresholds': (who) => who('PUT', `${IA}/settings`, { json: { ...impact.body, sensitive_score: 2, restricted_approver: 'manager' }, headers: { 'if-match': impact.etag } }),
    'risk acceptance threshold': (who) => who('PUT', CRIT, { json: { ...crit.body, acceptance_threshold: 'critical' }, headers: { 'if-match': crit.etag } }),
    'risk accept roles': (who) => who('PUT', CRIT, { json: { ...crit.body, accept_roles: ['admin', 'manager', 'contributor'] }, headers: { 'if-match': crit.etag } }),
    'risk matrix': (who) => who('PUT', CRIT, { json: { ...crit.body, matrix: crit.body.matrix.map((row) => row.map(() => 'low')) }, headers: { 'if-match': crit.etag } }),
    'segregation of duties': (who) => who('PUT', ORG, { json: { segregation_of_duties: { impact_approval: false, risk_acceptance: false, soa_approval: false } }, headers: { 'if-match': org.etag } }),
  };
  for (const role of NON_ADMINS)
    for (const [what, change] of Object.entries(changes)) {
      const p = await refused(() => change(as[role]), /only admins may/);
      assert.match(p.detail, new RegExp(`\\(${role}\\)`), `${role} ${what}`);
    }
  // Every role reads them.
  for (const role of NON_ADMINS) for (const path of [`${IA}/settings`, CRIT, ORG]) assertJson(await as[role]('GET', path));
  // A second admin may change them (and changes them back).
  const r = await as.admin('PUT', CRIT, { json: { ...crit.body, acceptance_threshold: 'high' }, headers: { 'if-match': crit.etag } });
  assert.equal(assertJson(r).acceptance_threshold, 'high');
  const back = await as.admin('PUT', CRIT, { json: { ...crit.body }, headers: { 'if-match': r.headers.get('etag') } });
  assert.equal(assertJson(back).acceptance_threshold, crit.body.acceptance_threshold);
});

// ---- the organization settings ---------------------------------------------------------------------

test('organization settings: every duty segregated by default at v0; admins change them under If-Match; invalid bodies change nothing', async () => {
  const r = await admin('GET', ORG);
  const s = assertJson(r);
  assert.equal(r.headers.get('etag'), '"v0"');
  assert.deepEqual(s, { segregation_of_duties: ALL_ON, soa_justification_required: false, ai_roles: [], fiscal_year_start_month: 1, review_interval_months: 12, version: 0, updated_at: null, updated_by: null });
  const before = await snapshot();
  assertProblem(await admin('PUT', ORG, { json: { segregation_of_duties: ALL_ON } }), 428);
  assertProblem(await admin('PUT', ORG, { json: { segregation_of_duties: ALL_ON }, headers: { 'if-match': '"v7"' } }), 412);
  for (const [json, fields] of [
    [{}, ['segregation_of_duties']],
    [{ segregation_of_duties: true }, ['segregation_of_duties']],
    [{ segregation_of_duties: { impact_approval: 'no', risk_acceptance: false } }, ['segregation_of_duties.impact_approval', 'segregation_of_duties.soa_approval']],
    [{ segregation_of_duties: { ...ALL_ON, objectives: false } }, ['segregation_of_duties.objectives']],
    [{ segregation_of_duties: ALL_ON, colour: 'red' }, ['colour']],
  ]) {
    const p = assertProblem(await admin('PUT', ORG, { json, headers: { 'if-match': '"v0"' } }), 422);
    assert.deepEqual([...new Set(p.errors.map((e) => e.field))].sort(), fields.sort(), JSON.stringify(p.errors));
  }
  assert.deepEqual(await snapshot(), before);
  // Saving the defaults as they are records version 1; saving them again changes nothing.
  const saved = await admin('PUT', ORG, { json: s, headers: { 'if-match': '"v0"' } });
  assert.equal(saved.headers.get('etag'), '"v1"');
  assert.equal(assertJson(saved).updated_by, srv.admin.email);
  const same = await admin('PUT', ORG, { json: s, headers: { 'if-match': '"v1"' } });
  assert.equal(assertJson(same).version, 1);
});

// ---- segregation of duties ----------------------------------------------------------------------

test('impact approval: the submitter (even an admin) cannot approve; another manager can', async () => {
  const a = await submittedAssessment(as.manager);
  const p = await refused(() => approveIa(a.id, as.manager), /^Segregation of duties: you submitted this impact assessment/);
  assert.match(p.detail, /another manager or admin must approve it/);
  assert.equal(assertJson(await approveIa(a.id, manager2), 201).approved_by, 'manager2@acme.test');

  const b = await submittedAssessment(admin);
  await refused(() => approveIa(b.id, admin), /you submitted this impact assessment/);
  assert.equal(assertJson(await approveIa(b.id, as.manager), 201).approved_by, 'manager@acme.test');
});

test('risk acceptance: the creator and the last editor cannot accept; another allowed user can; withdrawal is not restricted', async () => {
  const r1 = assertJson(await as.manager('POST', RISKS, { json: { title: 'Model drift', inherent_likelihood: 2, inherent_impact: 2 } }), 201);
  await refused(() => accept(r1.id, as.manager), new RegExp(`^Segregation of duties: you created or last edited risk ${r1.id}`));
  assert.equal(assertJson(await accept(r1.id, admin)).acceptance.accepted_by, srv.admin.email);

  // Edited by the admin after the manager created it: now neither may accept it, a second admin may.
  const r2 = assertJson(await as.manager('POST', RISKS, { json: { title: 'Data leak', inherent_likelihood: 2, inherent_impact: 3 } }), 201);
  const { etag } = await read(`${RISKS}/${r2.id}`);
  assertJson(await admin('PATCH', `${RISKS}/${r2.id}`, { json: { description: 'Training data exposed' }, headers: { 'if-match': etag } }));
  await refused(() => accept(r2.id, as.manager), /you created or last edited/);
  await refused(() => accept(r2.id, admin), /you created or last edited/);
  const ok = assertJson(await accept(r2.id, as.admin));
  assert.equal(ok.acceptance.accepted_by, 'admin2@acme.test');
  // Withdrawing is not approving: the creator may withdraw, and the acceptance does not count as an edit.
  const w = await read(`${RISKS}/${r2.id}`);
  assertJson(await as.manager('POST', `${RISKS}/${r2.id}/acceptance/withdraw`, { json: { reason: 'Re-assess' }, headers: { 'if-match': w.etag } }));
  assertJson(await accept(r2.id, as.admin));
});

test('SoA approval: whoever changed entries since the last version cannot approve it; another manager can; then the editor can approve an unchanged copy', async () => {
  await editSoa('A.2.2', { owner: 'Head of AI Governance' }, as.manager);
  const p = await refused(() => approveSoa(as.manager), /^Segregation of duties: you changed entries of this version \(A\.2\.2\)/);
  assert.match(p.detail, /another manager or admin must approve it/);
  const v1 = assertJson(await approveSoa(admin), 201);
  // The manager's change is in version 1 now: approving the next (unchanged) version is allowed.
  assert.equal(assertJson(await approveSoa(as.manager), 201).number, v1.number + 1);
  // An admin's own edit blocks the admin in turn.
  await editSoa('A.5.2', { owner: 'Risk Manager' }, admin);
  await refused(() => approveSoa(admin), /A\.5\.2/);
  assertJson(await approveSoa(as.manager), 201);
});

test('turned off by an admin, the submitter, creator and editor may approve and accept; the change is in the history and audit log; back on, refused again', async () => {
  const before = (await read(ORG)).body.version;
  const auditBefore = assertJson(await admin('GET', '/api/v1/audit/checkpoint')).size;
  const off = assertJson(await setDuties({ impact_approval: false, risk_acceptance: false, soa_approval: false }));
  assert.equal(off.version, before + 1);
  assert.deepEqual(off.segregation_of_duties, { impact_approval: false, risk_acceptance: false, soa_approval: false });
  assert.ok(assertJson(await admin('GET', '/api/v1/audit/checkpoint')).size > auditBefore, 'the change is audit-logged');
  const entries = assertJson(await admin('GET', `/api/v1/audit/entries?from=${auditBefore}`)).items;
  assert.deepEqual(entries.map((e) => [e.record_type, e.actor]), [['org_settings', srv.admin.email]]);

  const a = await submittedAssessment(as.manager);
  assertJson(await approveIa(a.id, as.manager), 201);
  const r = assertJson(await as.manager('POST', RISKS, { json: { title: 'Bias', inherent_likelihood: 2, inherent_impact: 2 } }), 201);
  assertJson(await accept(r.id, as.manager));
  await editSoa('A.6.2.4', { owner: 'AI Platform Lead' }, as.manager);
  assertJson(await approveSoa(as.manager), 201);

  // Only the duty turned off is lifted.
  assertJson(await setDuties({ impact_approval: true }));
  const b = await submittedAssessment(as.manager);
  await refused(() => approveIa(b.id, as.manager), /you submitted/);
  assertJson(await setDuties(ALL_ON));
  const r2 = assertJson(await as.manager('POST', RISKS, { json: { title: 'Misuse', inherent_likelihood: 2, inherent_impact: 2 } }), 201);
  await refused(() => accept(r2.id, as.manager), /you created/);
});

test('a non-admin cannot turn segregation of duties off, with a session or an API token', async () => {
  for (const role of NON_ADMINS) await refused(() => setDuties({ impact_approval: false }, as[role]), /only admins may/);
  const t = aims(['token', 'create', '--data', srv.dataDir, '--email', 'manager@acme.test', '--name', 'manager script']);
  assert.equal(t.status, 0, t.stderr);
  await refused(() => setDuties({ impact_approval: false }, client(srv.url, { token: t.stdout.trim() })), /only admins may/);
  assert.deepEqual((await read(ORG)).body.segregation_of_duties, ALL_ON);
});
