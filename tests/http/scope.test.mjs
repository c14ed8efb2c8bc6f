// The AIMS scope (clause 4.3): one versioned record per organization with its certificate
// statement, validation that changes nothing, If-Match, approval by another admin or manager,
// drift against the inventory, the system overview's placement, roles and tenancy.
import { test } from 'node:test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { login, aims } from '../lib/server.mjs';
import { client, assertProblem, assertJson, memberClients } from '../lib/http.mjs';
import { serverForFile, sqlite } from '../lib/fixture.mjs';
import { unzip } from '../lib/audit.mjs';
import { SYS } from '../lib/paths.mjs';

const SCOPE = '/api/v1/scope';
const PW = 'scope role password';

let srv, admin, as, loan, chat, bot;

serverForFile(async (s) => {
  ({ srv, c: admin } = s);
  as = await memberClients(srv, ['viewer', 'auditor', 'contributor', 'manager'], PW);
  loan = assertJson(await admin('POST', SYS, { json: { name: 'Loan scoring', purpose: 'Scores loan applications' } }), 201);
  chat = assertJson(await admin('POST', SYS, { json: { name: 'Support chatbot', purpose: 'Answers customers' } }), 201);
  bot = assertJson(await admin('POST', SYS, { json: { name: 'Invoice bot', purpose: 'Reads invoices' } }), 201);
});

async function read(who = admin) {
  const r = await who('GET', SCOPE);
  return { body: assertJson(r), etag: r.headers.get('etag') };
}

/** What a refused request could have changed. */
async function snapshot() {
  const { body, etag } = await read();
  const history = body.version ? assertJson(await admin('GET', `${SCOPE}/history`)).items.length : 0;
  return { body, etag, history };
}

const base = () => ({
  units: ['Retail Banking'],
  sites: ['Frankfurt'],
  ai_roles: ['provider', 'deployer'],
  in_scope: [loan.id, chat.id],
  out_of_scope: [{ system_id: bot.id, reason: 'Run by a supplier under its own management system' }],
  interfaces: ['Credit bureau API'],
  boundaries: 'EU entities only',
});

test('before the first save the scope is an empty draft at version 0 with every system as drift', async () => {
  const { body, etag } = await read();
  assert.equal(etag, '"v0"');
  assert.equal(body.version, 0);
  assert.equal(body.status, 'draft');
  assert.deepEqual(body.in_scope, []);
  assert.match(body.statement, /^The AI management system of .+ covering the use of no AI systems yet\.$/);
  assert.deepEqual(body.drift.map((d) => d.system_id).sort(), [loan.id, chat.id, bot.id].sort());
  assert.ok(body.drift.every((d) => d.problem === 'unplaced'));
  assertProblem(await admin('GET', `${SCOPE}/history`), 404);
});

test('bad scopes are 422 naming the field, and change nothing', async () => {
  const before = await snapshot();
  const cases = [
    [{ ...base(), out_of_scope: [{ system_id: bot.id }] }, 'out_of_scope[0].reason'],
    [{ ...base(), out_of_scope: [{ system_id: bot.id, reason: '   ' }] }, 'out_of_scope[0].reason'],
    [{ ...base(), in_scope: [loan.id, 'no-such-system'] }, 'in_scope[1]'],
    [{ ...base(), in_scope: [loan.id, bot.id] }, 'out_of_scope[0].system_id'],
    [{ ...base(), ai_roles: ['overlord'] }, 'ai_roles'],
    [{ ...base(), units: 'Retail' }, 'units'],
    [{ ...base(), colour: 'blue' }, 'colour'],
  ];
  for (const [json, field] of cases) {
    const p = assertProblem(await admin('PUT', SCOPE, { json, headers: { 'if-match': before.etag } }), 422);
    assert.ok(p.errors.some((e) => e.field === field), `${JSON.stringify(json)}: ${JSON.stringify(p.errors)}`);
  }
  assertProblem(await admin('POST', `${SCOPE}/preview`, { json: { in_scope: ['no-such-system'] } }), 422);
  assert.deepEqual(await snapshot(), before);
});

test('If-Match is required (428) and must name the current version (412)', async () => {
  const before = await snapshot();
  assertProblem(await admin('PUT', SCOPE, { json: base() }), 428);
  assertProblem(await admin('PUT', SCOPE, { json: base(), headers: { 'if-match': '"v7"' } }), 412);
  assert.deepEqual(await snapshot(), before);
});

test('a saved scope gives its statement, history and the placement of each system', async () => {
  const preview = assertJson(await admin('POST', `${SCOPE}/preview`, { json: base() }));
  const r = await as.contributor('PUT', SCOPE, { json: base(), headers: { 'if-match': '"v0"' } });
  const saved = assertJson(r);
  assert.equal(r.headers.get('etag'), '"v1"');
  assert.equal(saved.status, 'draft');
  assert.equal(saved.statement, preview.statement);
  assert.match(saved.statement,
    /covering the development and use of 2 AI systems \(Loan scoring and Support chatbot\) at Frankfurt by Retail Banking, in the roles of provider and deployer\.$/);
  assert.deepEqual(saved.drift, []);
  assert.equal(saved.names[bot.id], 'Invoice bot');
  const h = assertJson(await admin('GET', `${SCOPE}/history`)).items;
  assert.equal(h.length, 1);
  assert.equal(h[0].operation, 'create');
  assert.equal(h[0].actor, 'contributor@acme.test');
  const o = assertJson(await admin('GET', `${SYS}/${loan.id}/overview`));
  assert.deepEqual(o.scope, { placement: 'in', reason: '', scope_version: 1, scope_status: 'draft' });
  const out = assertJson(await admin('GET', `${SYS}/${bot.id}/overview`));
  assert.equal(out.scope.placement, 'out');
  assert.match(out.scope.reason, /supplier/);
});

test('approval through the controlled-document approval: named approvers, each must approve, never the author of the last change', async () => {
  const me = async (who) => assertJson(await who('GET', '/api/v1/me')).user.id;
  const ids = { admin: await me(admin), manager: await me(as.manager), contributor: await me(as.contributor) };
  let { body, etag } = await read();
  for (const role of ['viewer', 'auditor', 'contributor']) {
    const before = await snapshot();
    assertProblem(await as[role]('POST', `${SCOPE}/approve`, { headers: { 'if-match': etag } }), 403);
    assert.deepEqual(await snapshot(), before);
  }
  for (const role of ['viewer', 'auditor']) {
    const before = await snapshot();
    assertProblem(await as[role]('POST', `${SCOPE}/submit`, { json: { approvers: [ids.admin] }, headers: { 'if-match': etag } }), 403);
    assert.deepEqual(await snapshot(), before);
  }
  // The manager changes it, so the manager may not approve it.
  ({ body, etag } = await read());
  const changed = assertJson(await as.manager('PUT', SCOPE, { json: { ...base(), sites: ['Frankfurt', 'Lisbon'] }, headers: { 'if-match': etag } }));
  assert.equal(changed.version, body.version + 1);
  assert.equal(changed.author, ids.manager);
  let before = await snapshot();
  const own = assertProblem(await as.manager('POST', `${SCOPE}/approve`, { headers: { 'if-match': before.etag } }), 403);
  assert.match(own.detail, /last change/);
  assertProblem(await admin('POST', `${SCOPE}/approve`), 428);
  assertProblem(await admin('POST', `${SCOPE}/approve`, { headers: { 'if-match': '"v1"' } }), 412);
  // A draft not sent to approvers is not approved.
  assert.match(assertProblem(await admin('POST', `${SCOPE}/approve`, { headers: { 'if-match': before.etag } }), 409).detail, /submit it/);
  // Approvers are admins or managers of the organization; the author named alone leaves nobody.
  for (const approvers of [[], ['u_nobody'], [ids.contributor]])
    assertProblem(await as.contributor('POST', `${SCOPE}/submit`, { json: { approvers }, headers: { 'if-match': before.etag } }), 422);
  assertProblem(await as.contributor('POST', `${SCOPE}/submit`, { json: { approvers: [ids.manager] }, headers: { 'if-match': before.etag } }), 409);
  assertProblem(await as.contributor('POST', `${SCOPE}/submit`, { json: { approvers: [ids.admin] } }), 428);
  assert.deepEqual(await snapshot(), before);

  // A contributor sends it to the admin and the manager; the manager (its author) is left out.
  const sent = assertJson(await as.contributor('POST', `${SCOPE}/submit`, { json: { approvers: [ids.admin, ids.manager] }, headers: { 'if-match': before.etag } }));
  assert.equal(sent.status, 'in_approval');
  assert.deepEqual(sent.approval.required, [ids.admin]);
  assert.equal(sent.updated_by, 'manager@acme.test', 'the last change stays its author\'s');
  before = await snapshot();
  assertProblem(await as.manager('POST', `${SCOPE}/approve`, { headers: { 'if-match': before.etag } }), 403);
  const noComment = assertProblem(await admin('POST', `${SCOPE}/reject`, { json: {}, headers: { 'if-match': before.etag } }), 422);
  assert.deepEqual(noComment.errors.map((e) => e.field), ['comment']);
  assert.deepEqual(await snapshot(), before);
  // A rejection returns it to draft with the decision recorded; it is sent again and approved.
  const rejected = assertJson(await admin('POST', `${SCOPE}/reject`, { json: { comment: 'Name the Lisbon site in full' }, headers: { 'if-match': before.etag } }));
  assert.equal(rejected.status, 'draft');
  assert.equal(rejected.approval.decisions[0].comment, 'Name the Lisbon site in full');
  const again = await admin('POST', `${SCOPE}/submit`, { json: { approvers: [ids.admin] }, headers: { 'if-match': `"v${rejected.version}"` } });
  const r = await admin('POST', `${SCOPE}/approve`, { json: { comment: 'Fine' }, headers: { 'if-match': again.headers.get('etag') } });
  const approved = assertJson(r);
  assert.equal(approved.status, 'approved');
  assert.equal(approved.approved_by, srv.admin.email);
  assert.ok(approved.approved_at);
  assert.equal(approved.updated_by, 'manager@acme.test');
  assert.deepEqual(approved.approval.decisions.map((d) => [d.user_id, d.decision, d.comment]), [[ids.admin, 'approve', 'Fine']]);
  assert.ok(approved.approval.decisions[0].at);
  const ops = assertJson(await admin('GET', `${SCOPE}/history`)).items.map((h) => h.operation);
  assert.deepEqual(ops.slice(0, 5), ['approve', 'submit', 'reject', 'submit', 'update']);
  before = await snapshot();
  assertProblem(await admin('POST', `${SCOPE}/approve`, { headers: { 'if-match': before.etag } }), 409);
  assertProblem(await admin('POST', `${SCOPE}/submit`, { json: { approvers: [ids.admin] }, headers: { 'if-match': before.etag } }), 409);
  assert.deepEqual(await snapshot(), before);
  // A change makes it a draft again.
  const draft = assertJson(await admin('PUT', SCOPE, { json: { ...base(), units: ['Retail Banking', 'HR'] }, headers: { 'if-match': before.etag } }));
  assert.equal(draft.status, 'draft');
  assert.equal(draft.approved_by, null);
  assert.equal(draft.approval, null);
});

test('viewers and auditors may read the scope but not change it', async () => {
  for (const role of ['viewer', 'auditor']) {
    const before = await snapshot();
    assert.equal((await read(as[role])).body.version, before.body.version);
    assertProblem(await as[role]('PUT', SCOPE, { json: base(), headers: { 'if-match': before.etag } }), 403);
    assert.deepEqual(await snapshot(), before);
  }
});

test('drift: a new system appears until it is placed; a retired or archived in-scope system appears', async () => {
  const fresh = assertJson(await admin('POST', SYS, { json: { name: 'Fresh model', purpose: 'New' } }), 201);
  let { body, etag } = await read();
  assert.deepEqual(body.drift.map((d) => [d.system_id, d.problem]), [[fresh.id, 'unplaced']]);
  const dash = assertJson(await admin('GET', '/api/v1/dashboard'));
  assert.equal(dash.cards.scope.drift, 1);
  body = assertJson(await admin('PUT', SCOPE, {
    json: { ...body, out_of_scope: [...body.out_of_scope, { system_id: fresh.id, reason: 'A trial only' }] },
    headers: { 'if-match': etag },
  }));
  assert.deepEqual(body.drift, []);
  assert.equal(assertJson(await admin('GET', '/api/v1/dashboard')).cards.scope.drift, 0);

  const sys = await admin('GET', `${SYS}/${chat.id}`);
  assertJson(await admin('PATCH', `${SYS}/${chat.id}`, { json: { status: 'retired' }, headers: { 'if-match': sys.headers.get('etag') } }));
  assertJson(await admin('POST', `${SYS}/${loan.id}/archive`));
  ({ body } = await read());
  assert.deepEqual(body.drift.map((d) => [d.system_id, d.problem]).sort(), [[chat.id, 'retired'], [loan.id, 'archived']].sort());
  assertJson(await admin('POST', `${SYS}/${loan.id}/restore`));
});

test('another organization sees its own scope only', async () => {
  const org = aims(['org', 'create', '--data', srv.dataDir, '--name', 'Other', '--admin-email', 'other@x.test'], PW + '\n');
  assert.equal(org.status, 0, org.stderr);
  const other = client(srv.url, await login(srv.url, 'other@x.test', PW));
  const theirs = assertJson(await other('GET', SCOPE));
  assert.equal(theirs.version, 0);
  assert.deepEqual(theirs.drift, []);
  const before = await snapshot();
  const p = assertProblem(await other('PUT', SCOPE, { json: { in_scope: [loan.id] }, headers: { 'if-match': '"v0"' } }), 422);
  assert.ok(p.errors.some((e) => e.field === 'in_scope[0]'));
  assert.deepEqual(await snapshot(), before);
  assert.equal(assertJson(await other('GET', SCOPE)).version, 0);
});

test('the auditor package holds the scope, and every version has its audit entry', async () => {
  const { body } = await read();
  const r = await admin('GET', '/api/v1/audit/pack');
  assert.equal(r.status, 200);
  const files = Object.fromEntries(unzip(r.bytes).map((e) => [e.name, e.data]));
  const rows = JSON.parse(files['records/scope.json'].toString());
  assert.equal(rows.length, 1);
  assert.equal(rows[0].version, body.version);
  assert.deepEqual(rows[0].doc.in_scope, body.in_scope);
  const entries = assertJson(await admin('GET', '/api/v1/audit/entries?record_type=scope&limit=500')).items;
  assert.equal(entries.length, body.version, 'every version of the scope has its audit entry');
  assert.ok(entries.every((e) => e.record_id === 'scope'));
  // The package with the scope verifies offline.
  const dir = mkdtempSync(join(tmpdir(), 'aims-scope-pack-'));
  try {
    writeFileSync(join(dir, 'pack.zip'), r.bytes);
    writeFileSync(join(dir, 'key.txt'), `${assertJson(await admin('GET', '/api/v1/audit/public-key')).verifier_key}\n`);
    const v = aims(['audit', 'verify', '--pack', join(dir, 'pack.zip'), '--key', join(dir, 'key.txt')]);
    assert.equal(v.status, 0, v.stderr);
    assert.match(v.stdout, /^OK: the auditor package/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Each system's scope membership as the list serves it, by id (one page holds them all). */
async function listedScope() {
  const page = assertJson(await admin('GET', `${SYS}?archived=all&limit=500`));
  assert.equal(page.next, undefined);
  return Object.fromEntries(page.items.map((x) => [x.id, x.scope]));
}

test('each AI system\'s membership is derived from the scope record, in its list and its page, and follows every change of the scope', async () => {
  let { body, etag } = await read();
  let listed = await listedScope();
  const member = (placement, reason = '') => ({ placement, reason, scope_version: body.version, scope_status: body.status });
  assert.deepEqual(listed[loan.id], member('in'));
  assert.deepEqual(listed[bot.id], member('out', 'Run by a supplier under its own management system'));
  const loanBefore = await admin('GET', `${SYS}/${loan.id}`);
  const loanVersion = assertJson(loanBefore).version;
  assert.deepEqual(assertJson(loanBefore).scope, member('in'));

  // Out of scope on the scope record: out in the list, the page and the overview; the system itself is not changed.
  body = assertJson(await admin('PUT', SCOPE, {
    json: { ...body, in_scope: body.in_scope.filter((x) => x !== loan.id), out_of_scope: [...body.out_of_scope, { system_id: loan.id, reason: 'Run by the partner bank' }] },
    headers: { 'if-match': etag },
  }));
  listed = await listedScope();
  assert.deepEqual(listed[loan.id], member('out', 'Run by the partner bank'));
  const loanAfter = await admin('GET', `${SYS}/${loan.id}`);
  assert.deepEqual(assertJson(loanAfter).scope, member('out', 'Run by the partner bank'));
  assert.equal(assertJson(loanAfter).version, loanVersion, 'a scope change is not a change of the system');
  assert.equal(loanAfter.headers.get('etag'), loanBefore.headers.get('etag'));
  assert.equal(assertJson(await admin('GET', `${SYS}/${loan.id}/overview`)).scope.placement, 'out');
  const csv = (await admin('GET', `${SYS}/export?archived=all`)).text.replace(/^\uFEFF/, '');
  assert.match(csv.split('\r\n')[0], /,scope,scope_reason,archived,/);
  assert.ok(csv.split('\r\n').some((line) => line.startsWith(`${loan.id},`) && line.includes(',out,Run by the partner bank,')), csv);

  // In neither list: not placed (the drift the scope page and the dashboard show).
  etag = `"v${body.version}"`;
  body = assertJson(await admin('PUT', SCOPE, {
    json: { ...body, out_of_scope: body.out_of_scope.filter((x) => x.system_id !== loan.id) },
    headers: { 'if-match': etag },
  }));
  assert.ok(body.drift.some((d) => d.system_id === loan.id && d.problem === 'unplaced'));
  assert.deepEqual((await listedScope())[loan.id], member('unplaced'));
  assert.deepEqual(assertJson(await admin('GET', `${SYS}/${loan.id}`)).scope, member('unplaced'));

  // Back in scope for the tests after this one.
  body = assertJson(await admin('PUT', SCOPE, { json: { ...body, in_scope: [...body.in_scope, loan.id] }, headers: { 'if-match': `"v${body.version}"` } }));
  assert.deepEqual((await listedScope())[loan.id], member('in'));
  // Another organization's systems are not in this scope, and its lists show its own scope only.
  const other = client(srv.url, await login(srv.url, 'other@x.test', PW));
  const theirs = assertJson(await other('POST', SYS, { json: { name: 'Their model', purpose: 'Theirs' } }), 201);
  assert.deepEqual(theirs.scope, { placement: 'unplaced', reason: '', scope_version: 0, scope_status: null });
  assertProblem(await other('GET', `${SYS}/${loan.id}`), 404);
});

test('a stored system that still holds the old in_scope flag lists and reads, served without it; a save drops it', async () => {
  const legacy = assertJson(await admin('POST', SYS, { json: { name: 'Legacy flag', purpose: 'Stored before the scope record' } }), 201);
  sqlite(srv.dataDir, `UPDATE systems SET doc = json_set(doc, '$.in_scope', json('false')) WHERE id = '${legacy.id}'`);
  assert.equal(sqlite(srv.dataDir, `SELECT json_extract(doc, '$.in_scope') FROM systems WHERE id = '${legacy.id}'`).trim(), '0');
  const listed = assertJson(await admin('GET', `${SYS}?q=legacy`));
  assert.deepEqual(listed.items.map((x) => x.id), [legacy.id]);
  assert.ok(!('in_scope' in listed.items[0]));
  assert.equal(listed.items[0].scope.placement, 'unplaced');
  const r = await admin('GET', `${SYS}/${legacy.id}`);
  const got = assertJson(r);
  assert.ok(!('in_scope' in got));
  assert.equal(got.scope.placement, 'unplaced');
  assert.ok((await admin('GET', `${SYS}/export`)).text.includes(legacy.id));
  // The next save of the system stores it without the flag.
  assertJson(await admin('PATCH', `${SYS}/${legacy.id}`, { json: { owner: 'Records team' }, headers: { 'if-match': r.headers.get('etag') } }));
  assert.equal(sqlite(srv.dataDir, `SELECT json_type(doc, '$.in_scope') IS NULL FROM systems WHERE id = '${legacy.id}'`).trim(), '1');
});
