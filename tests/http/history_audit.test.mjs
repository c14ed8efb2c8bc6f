// History rows and the audit log agree (docs/formats/audit-log.md §3.4): every history row points
// at an entry no other row points at, that entry names the row's record and actor and is in the
// signed log, and an entry of a change recorded only in history hashes exactly that row — for bulk
// writes (several readings of one objective in one request, a CSV import) and for every history row
// of the demo organization. And no GET changes anything: every GET route of the OpenAPI document,
// called as a viewer with real ids of the demo organization, leaves the log and the data as they were.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, startDemoServer, login, aims } from '../lib/server.mjs';
import { client, assertJson, stopServer } from '../lib/http.mjs';
import { contentHash, leafHash, openCheckpoint, parseVerifierKey, systemContent, verifyInclusion } from '../lib/audit.mjs';
import { sharedDashboard } from '../lib/dashboard.mjs';
import { SYS, OBJ, AUDIT } from '../lib/paths.mjs';

/** Record types whose history rows are changes of no record: each has an entry of its own. */
const HISTORY_ONLY = new Set(['objective_reading', 'roadmap']);

const day = (n) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);

/** The content an entry of a change recorded only in history hashes (§3.4). */
const historyContent = (row, record_type, record_id) => ({
  actor: row.actor, at: row.at, changes: row.changes, operation: row.operation, record_id, record_type, version: row.version,
});

/** Every page of a history list. */
async function historyOf(who, path) {
  const out = [];
  let next;
  do {
    const page = assertJson(await who('GET', `${path}${next ? `?cursor=${encodeURIComponent(next)}` : ''}`));
    out.push(...page.items);
    next = page.next;
  } while (next);
  return out;
}

/**
 * Checks rows [{row, type, id, doc?}] against the log: a distinct entry each (`seen`: seq -> row),
 * included in the signed checkpoint, of the row's record, actor and operation; the entry of a
 * history-only change hashes the row; a record change's entry hashes the record when `doc` (a
 * system's document at the row's version) is given. Returns how many entries were history-only.
 */
async function checkRows(who, rows, seen) {
  const vk = parseVerifierKey(assertJson(await who('GET', `${AUDIT}/public-key`)).verifier_key);
  const cp = openCheckpoint(assertJson(await who('GET', `${AUDIT}/checkpoint`)).checkpoint, vk);
  let own = 0;
  for (const { row, type, id, doc } of rows) {
    const what = `${type} ${id} history v${row.version} (${row.operation})`;
    assert.equal(typeof row.audit_seq, 'number', `${what} has no entry`);
    assert.ok(!seen.has(row.audit_seq), `${what} points at entry ${row.audit_seq}, the entry of ${seen.get(row.audit_seq)}`);
    seen.set(row.audit_seq, what);
    const p = assertJson(await who('GET', `${AUDIT}/entries/${row.audit_seq}/proof?size=${cp.size}`));
    assert.ok(verifyInclusion(row.audit_seq, cp.size, leafHash(p.entry), p.inclusion_proof, cp.root), `${what}: inclusion proof`);
    const e = JSON.parse(p.entry);
    assert.equal(e.actor, row.actor, `${what}: the history names ${row.actor}, the log ${e.actor}`);
    assert.equal(e.record_type, type, what);
    assert.ok(e.record_id === id || e.record_id.endsWith(`/${id}`), `${what}: entry of ${e.record_id}`);
    if (HISTORY_ONLY.has(type) || e.content_sha256 === contentHash(historyContent(row, type, id))) {
      assert.equal(e.op, row.operation, what);
      assert.equal(e.content_sha256, contentHash(historyContent(row, type, id)), `${what}: the entry hashes another row`);
      own++;
    } else {
      assert.ok(['create', 'update', 'delete'].includes(e.op), `${what}: op ${e.op}`);
      if (doc) assert.equal(e.content_sha256, contentHash(systemContent(doc)), `${what}: the entry hashes another version`);
    }
  }
  return own;
}

// ---- bulk writes -------------------------------------------------------------------------------

describe('one request writing several history rows', () => {
  let srv, c;
  before(async () => {
    srv = await startServer();
    c = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
  });
  after(async () => stopServer(srv));

  test('three readings of one objective and two of another in one push: five entries, each hashing its row', async () => {
    const sys = assertJson(await c('POST', SYS, { json: { name: 'Scoring', purpose: 'Scores' } }), 201);
    const base = { annex_c_objective: 'C.2.5', measure: 'Ratio', owner: 'Risk', due_date: day(180), target_value: 0.9, warning_threshold: 0.8, system_id: sys.id };
    const one = assertJson(await c('POST', OBJ, { json: { ...base, title: 'Fair approvals' } }), 201);
    const two = assertJson(await c('POST', OBJ, { json: { ...base, title: 'Fair limits' } }), 201);
    const size0 = assertJson(await c('GET', `${AUDIT}/checkpoint`)).size;
    const readings = [[one, 0.91, -30], [two, 0.85, -20], [one, 0.88, -20], [one, 0.93, -10], [two, 0.9, -10]];
    const pushed = assertJson(await c('POST', `${OBJ}/readings`, {
      json: { readings: readings.map(([o, value, d]) => ({ objective: o.id, value, measured_on: day(d), note: `n${value}` })) },
    }), 201);
    assert.equal(pushed.created, 5);
    const seen = new Map();
    let own = 0;
    for (const o of [one, two]) {
      const rows = (await historyOf(c, `${OBJ}/${o.id}/history`)).map((row) => ({
        row, type: row.record === 'reading' ? 'objective_reading' : 'objective', id: o.id,
      }));
      assert.equal(rows.filter((r) => r.type === 'objective_reading').length, o === one ? 3 : 2);
      own += await checkRows(c, rows, seen);
    }
    assert.equal(own, 5, 'each reading has an entry of its own');
    assert.ok(assertJson(await c('GET', `${AUDIT}/checkpoint`)).size >= size0 + 5);
  });

  test('a CSV import of three systems: each history row points at the entry hashing its system', async () => {
    const csv = 'name,purpose,owner\nImported A,Purpose A,Ops\nImported B,Purpose B,Ops\nImported C,Purpose C,Ops\n';
    assertJson(await c('POST', `${SYS}/import`, { body: csv, headers: { 'content-type': 'text/csv' } }));
    const list = assertJson(await c('GET', `${SYS}?limit=100`)).items.filter((s) => s.name.startsWith('Imported '));
    assert.equal(list.length, 3);
    const seen = new Map();
    for (const s of list) {
      const doc = assertJson(await c('GET', `${SYS}/${s.id}`));
      const rows = (await historyOf(c, `${SYS}/${s.id}/history`)).map((row) => ({ row, type: 'system', id: s.id, doc: row.version === doc.version ? doc : undefined }));
      assert.equal(rows.length, 1);
      assert.equal(await checkRows(c, rows, seen), 0, 'an import changes records: no history-only entries');
    }
  });
});

// ---- the demo organization -----------------------------------------------------------------------

describe('the demo organization', () => {
  let demo, dir, d, viewer;

  before(async () => {
    demo = await startDemoServer();
    dir = demo.dataDir;
    const url = demo.url;
    d = client(url, await login(url, demo.admin.email, demo.admin.password));
    const pw = 'demo viewer password';
    const r = aims(['user', 'add', '--data', dir, '--org', 'Demo Org', '--email', 'viewer@demo.aims.test', '--role', 'viewer'], pw + '\n');
    assert.equal(r.status, 0, r.stderr);
    viewer = client(url, await login(url, 'viewer@demo.aims.test', pw));
  });

  after(async () => {
    await demo?.stop();
  });

  test('every history row names the actor its log entry names (system), and points at an entry of its own', async () => {
    const rows = [];
    const add = async (path, type, id, typeOf = () => type) => {
      for (const row of await historyOf(d, path)) rows.push({ row, type: typeOf(row), id });
    };
    for (const s of assertJson(await d('GET', `${SYS}?limit=100`)).items) {
      const doc = assertJson(await d('GET', `${SYS}/${s.id}`));
      for (const row of await historyOf(d, `${SYS}/${s.id}/history`))
        rows.push({ row, type: 'system', id: s.id, doc: row.version === doc.version ? doc : undefined });
    }
    for (const r of assertJson(await d('GET', '/api/v1/risks?limit=200')).items) await add(`/api/v1/risks/${r.id}/history`, 'risk', r.id);
    for (const o of assertJson(await d('GET', `${OBJ}?limit=200`)).items)
      await add(`${OBJ}/${o.id}/history`, 'objective', o.id, (row) => (row.record === 'reading' ? 'objective_reading' : 'objective'));
    for (const i of assertJson(await d('GET', '/api/v1/impact-assessments?limit=200')).items)
      await add(`/api/v1/impact-assessments/${i.id}/history`, 'impact_assessment', i.id);
    const types = new Set(rows.map((r) => r.type));
    for (const t of ['system', 'risk', 'objective', 'objective_reading', 'impact_assessment']) assert.ok(types.has(t), `no ${t} history in the demo`);
    assert.ok(rows.filter((r) => r.type === 'objective_reading').length > 50, 'the demo readings are checked');
    for (const { row } of rows) assert.equal(row.actor, 'system', 'the demo seed acts as system');
    const own = await checkRows(d, rows, new Map());
    assert.ok(own >= rows.filter((r) => r.type === 'objective_reading').length);
  });

  test('no GET changes anything: every GET route, as a viewer, with real ids', async () => {
    const first = (list, what) => {
      assert.ok(list.length > 0, `the demo has no ${what}`);
      return list[0];
    };
    const assessment = first(assertJson(await d('GET', '/api/v1/assessments')).items, 'assessment');
    const obligation = first(assertJson(await d('GET', '/api/v1/obligations?limit=10')).items, 'obligation');
    const evidence = first(assertJson(await d('GET', '/api/v1/evidence?limit=10')).items, 'evidence');
    const impacts = assertJson(await d('GET', '/api/v1/impact-assessments?limit=200')).items;
    const ids = {
      systems: first(assertJson(await d('GET', `${SYS}?limit=10`)).items, 'system').id,
      assessments: assessment.id,
      'impact-assessments': (impacts.find((i) => i.status === 'approved') ?? first(impacts, 'impact assessment')).id,
      objectives: first(assertJson(await d('GET', `${OBJ}?limit=10`)).items, 'objective').id,
      risks: first(assertJson(await d('GET', '/api/v1/risks?limit=10')).items, 'risk').id,
      evidence: evidence.id,
      snapshots: assertJson(await d('POST', '/api/v1/snapshots', { json: { register: 'soa' } }), 201).id,
      // The demo registers no webhook and so has no delivery: ids that name none (404, and still no change).
      webhooks: 'whk_none_in_demo',
      'notification-deliveries': 'dlv_none_in_demo',
    };
    // Every field-driven kind, with a record of it from its own list.
    for (const k of assertJson(await d('GET', '/api/v1/kinds')).items)
      ids[k.path] = first(assertJson(await d('GET', `/api/v1/${k.path}?limit=10`)).items, k.kind).id;
    const params = {
      framework: 'iso42001', item_id: '4.1', other_id: assessment.id, n: '1', seq: '0',
      system_id: obligation.system_id, obligation_id: obligation.obligation_id ?? obligation.id,
      token: 'org_demo.inv_demo.not-a-real-link', version: '1.0',
    };
    const fill = (path) => path.replace(/\{(\w+)\}/g, (_, name) => {
      if (name === 'id') {
        const id = ids[path.split('/')[3]];
        assert.ok(id !== undefined, `no record id for {id} in ${path}`);
        return encodeURIComponent(id);
      }
      assert.ok(params[name] !== undefined, `no value for {${name}} in ${path}`);
      return encodeURIComponent(params[name]);
    });
    const spec = assertJson(await d('GET', '/api/v1/openapi.json'));
    // Downloading an evidence file is recorded in its chain of custody before any byte goes out
    // (docs/evidence.md): the one GET that appends to the log, on purpose, checked below.
    const CUSTODY = '/api/v1/evidence/{id}/content';
    const paths = Object.keys(spec.paths).filter((p) => spec.paths[p].get && p !== CUSTODY);
    assert.ok(paths.length > 50, `${paths.length} GET routes`);

    const size = async () => assertJson(await d('GET', `${AUDIT}/checkpoint`)).size;
    const roadmapPath = `/api/v1/assessments/${assessment.id}/roadmap`;
    const readAll = async (who) => {
      const out = {};
      for (const p of paths) {
        const r = await who('GET', fill(p));
        assert.ok(r.status < 500, `GET ${fill(p)}: ${r.status} ${r.text.slice(0, 300)}`);
        out[p] = r;
      }
      return out;
    };
    const size0 = await size();
    const before = await readAll(viewer);
    assert.equal(await size(), size0, 'a GET appended to the audit log');
    assert.equal(before['/api/v1/assessments/{id}/roadmap'].status, 200);
    assert.equal(before['/api/v1/assessments/{id}/roadmap'].body.saved, false, 'the demo roadmap was never generated: a preview');
    const again = await readAll(d);
    assert.equal(await size(), size0, 'a GET as admin appended to the audit log');
    // The data read the same the second time (answers that carry the time of the request or the
    // caller's role or person excepted: /me, the kinds' can_write and the caller's own acknowledgements).
    const timed = new Set(['/api/v1/assessments/{id}/report', '/api/v1/audit/pack', '/api/v1/audit/export', '/healthz', '/api/v1/me',
      '/api/v1/kinds', '/api/v1/document-acknowledgements',
      '/api/v1/incidents/{id}/clocks', '/api/v1/incident-clocks', '/api/v1/incidents/{id}/export']);  // the time left, now
    // The dashboard's actions card counts the caller's own actions (mine_*): the viewer read first,
    // the admin second, so those figures are compared with the same caller below.
    const shared = (p, body) => (p === '/api/v1/dashboard' ? sharedDashboard(body) : body);
    for (const p of paths) {
      if (timed.has(p) || !before[p].body || before[p].status !== 200) continue;
      assert.deepEqual(shared(p, again[p].body), shared(p, before[p].body), `GET ${fill(p)} reads differently after all GETs`);
    }
    assert.deepEqual(assertJson(await viewer('GET', '/api/v1/dashboard')), before['/api/v1/dashboard'].body,
      'the viewer\'s dashboard, with its own figures, reads the same after all GETs');
    assert.equal(assertJson(await viewer('GET', roadmapPath)).saved, false, 'still not stored');

    const download = await viewer('GET', fill(CUSTODY));
    assert.equal(download.status, 200);
    assert.equal(await size(), size0 + 1, 'a download is one custody entry');
    const events = assertJson(await viewer('GET', `/api/v1/evidence/${evidence.id}/events`));
    assert.ok(JSON.stringify(events).includes('"download"'));
  });
});
