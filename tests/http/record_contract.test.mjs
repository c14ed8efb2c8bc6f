// The contract every record kind on the record mechanism keeps, run over each field-driven kind
// that GET /api/v1/kinds lists and over the risk register: create/get/update with If-Match (428 /
// 412), a change that changes nothing stores nothing, history with its audit entry, keyset paging
// without duplicates or gaps, each filter, each sort in both directions, unknown and misspelt
// parameters and bad limits (400 naming them), another organization's record (404), a viewer's
// writes (403), an unknown field (422, nothing stored), archive and restore (field-driven kinds),
// and the record in the auditor package. To put a kind under the contract, add its row to ROWS.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login, aims } from '../lib/server.mjs';
import { client, assertProblem, assertJson, stopServer, memberClients } from '../lib/http.mjs';
import { unzip } from '../lib/audit.mjs';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const LINT = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'tools', 'lint-openapi.mjs');

/**
 * One row per kind, by its URL path: `create(i)` a valid create body (i = 0, 1, … gives records
 * that differ in their filter and sort fields), `patch` a valid change, `filters` [name, value,
 * field] examples (field: the member compared, default the name), `sorts` the sort keys to check,
 * `recordType` its audit log record type, `archive` whether it has archive/restore.
 */
const ROWS = {
  risks: {
    recordType: 'risk',
    create: (i) => ({
      title: `Contract risk ${String.fromCharCode(70 - i)}${i}`, inherent_likelihood: 1 + (i % 3), inherent_impact: 2,
      status: ['open', 'treating', 'closed'][i % 3], treatment: i % 3 === 0 ? null : 'modify', owner: ['Ann', 'Bob'][i % 2],
    }),
    patch: { owner: 'Carla' },
    filters: [['status', 'open'], ['owner', 'bob'], ['treatment', 'modify']],
    sorts: ['number', 'title', 'status', 'owner', 'due_date', 'review_date', 'updated_at'],
    archive: false,
  },
  'context-issues': {
    recordType: 'context_issue',
    create: (i) => ({
      title: `Contract issue ${String.fromCharCode(70 - i)}${i}`, origin: ['internal', 'external'][i % 2],
      category: ['legal', 'market', 'ethical'][i % 3], effect: ['risk', 'opportunity', 'both'][i % 3],
      relevance: ['low', 'medium'][i % 2], status: ['open', 'monitored'][i % 2], owner: ['Ann', 'Bob'][i % 2],
      review_date: i % 2 ? `2027-0${1 + i}-15` : null,
    }),
    patch: { owner: 'Carla', relevance: 'high', review_date: '2027-12-01' },
    // Filled from the kind's schema: every filter with each of its values (or the owner).
    filters: [['owner', 'bob']],
    archive: true,
  },
};

const PW = 'record contract password';
let srv, c, viewer, other, kinds;

before(async () => {
  srv = await startServer();
  c = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
  ({ viewer } = await memberClients(srv, ['viewer'], PW));
  const org = aims(['org', 'create', '--data', srv.dataDir, '--name', 'Other', '--admin-email', 'other@x.test'], PW + '\n');
  assert.equal(org.status, 0, org.stderr);
  other = client(srv.url, await login(srv.url, 'other@x.test', PW));
  kinds = assertJson(await c('GET', '/api/v1/kinds')).items;
});
after(() => stopServer(srv));

/** The rows under test: the generic kinds of GET /api/v1/kinds and the hand-written risk row. */
function rows() {
  const out = [{ path: 'risks', ...ROWS.risks }];
  for (const k of kinds) {
    const row = ROWS[k.path];
    assert.ok(row, `the field-driven kind ${k.kind} has no row in ROWS of this file`);
    const filters = [...row.filters];
    for (const f of k.filters) for (const v of f.values || []) filters.push([f.name, v.value]);
    out.push({ path: k.path, ...row, filters, sorts: k.sorts.map((s) => s.name), schema: k });
  }
  return out;
}

async function listAll(path, q = '') {
  return assertJson(await c('GET', `/api/v1/${path}?limit=500${q}`));
}

async function makeRecords(row, n) {
  const made = [];
  for (let i = 0; i < n; i++) made.push(assertJson(await c('POST', `/api/v1/${row.path}`, { json: row.create(i) }), 201));
  return made;
}

test('GET /api/v1/kinds describes every field-driven kind; a viewer may not write', async () => {
  assert.ok(kinds.length >= 1);
  const ci = kinds.find((k) => k.kind === 'context_issue');
  assert.equal(ci.path, 'context-issues');
  assert.equal(ci.can_write, true);
  const seen = assertJson(await viewer('GET', '/api/v1/kinds')).items.find((k) => k.kind === 'context_issue');
  assert.equal(seen.can_write, false);
  assertProblem(await c('POST', '/api/v1/kinds', { json: {}, contract: false }), 405);
});

test('create, get and update with If-Match; a change that changes nothing stores nothing; history and its audit entry', async () => {
  for (const row of rows()) {
    const base = `/api/v1/${row.path}`;
    const r = await c('POST', base, { json: row.create(0) });
    const made = assertJson(r, 201);
    assert.equal(r.headers.get('etag'), `"v${made.version}"`, row.path);
    assert.equal(r.headers.get('location'), `${base}/${made.id}`);
    const got = await c('GET', `${base}/${made.id}`);
    assert.deepEqual(assertJson(got), made);
    assert.equal(got.headers.get('etag'), '"v1"');
    assertProblem(await c('PATCH', `${base}/${made.id}`, { json: row.patch }), 428);
    assertProblem(await c('PATCH', `${base}/${made.id}`, { json: row.patch, headers: { 'if-match': '"v7"' } }), 412);
    assert.deepEqual(assertJson(await c('GET', `${base}/${made.id}`)), made, `${row.path}: nothing changed`);
    const up = await c('PATCH', `${base}/${made.id}`, { json: row.patch, headers: { 'if-match': '"v1"' } });
    const changed = assertJson(up);
    assert.equal(changed.version, 2);
    assert.equal(up.headers.get('etag'), '"v2"');
    for (const [k, v] of Object.entries(row.patch)) assert.equal(changed[k], v, `${row.path}: ${k}`);
    const same = assertJson(await c('PATCH', `${base}/${made.id}`, { json: row.patch, headers: { 'if-match': '"v2"' } }));
    assert.equal(same.version, 2, `${row.path}: a change that changes nothing stores nothing`);
    const hist = assertJson(await c('GET', `${base}/${made.id}/history`));
    assert.deepEqual(hist.items.map((h) => h.operation), ['update', 'create']);
    assert.ok(hist.items[0].changes.some((ch) => ch.field === Object.keys(row.patch)[0]));
    const seq = hist.items[0].audit_seq;
    assert.equal(typeof seq, 'number');
    const entry = assertJson(await c('GET', `/api/v1/audit/entries?from=${seq}&limit=1`)).items[0];
    assert.equal(entry.record_type, row.recordType);
    assert.equal(entry.record_id, made.id);
    assert.equal(entry.op, 'update');
    assertProblem(await c('GET', `${base}/${made.id}/history?limit=0`), 400);
    assertProblem(await c('GET', `${base}/NOPE-1/history`), 404);
    assertProblem(await c('GET', `${base}/NOPE-1`), 404);
  }
});

test('lists page with the cursor without duplicates or gaps, in every sort and both directions', async () => {
  for (const row of rows()) {
    await makeRecords(row, 7);
    const all = await listAll(row.path);
    assert.ok(all.total >= 7);
    assert.equal(all.items.length, all.total);
    for (const sort of row.sorts) {
      for (const s of [sort, `-${sort}`]) {
        const whole = (await listAll(row.path, `&sort=${s}`)).items.map((r) => r.id);
        const paged = [];
        let next;
        do {
          const page = assertJson(await c('GET', `/api/v1/${row.path}?limit=3&sort=${s}${next ? `&cursor=${encodeURIComponent(next)}` : ''}`));
          assert.ok(page.items.length <= 3);
          assert.equal(page.total, all.total);
          paged.push(...page.items.map((r) => r.id));
          next = page.next;
        } while (next);
        assert.deepEqual(paged, whole, `${row.path} sort=${s}: the pages are the whole list`);
        assert.equal(new Set(paged).size, all.total, `${row.path} sort=${s}: no duplicates, no gaps`);
      }
      const up = (await listAll(row.path, `&sort=${sort}`)).items.map((r) => r.id);
      const down = (await listAll(row.path, `&sort=-${sort}`)).items.map((r) => r.id);
      assert.deepEqual(down, [...up].reverse(), `${row.path}: sort=-${sort} is sort=${sort} reversed`);
    }
    const titles = (await listAll(row.path, '&sort=title')).items.map((r) => r.title.toLowerCase());
    assert.deepEqual(titles, [...titles].sort(), `${row.path}: sort=title orders by title`);
    assertProblem(await c('GET', `/api/v1/${row.path}?sort=-nope`), 400);
    const cur = assertJson(await c('GET', `/api/v1/${row.path}?limit=1&sort=title`)).next;
    assertProblem(await c('GET', `/api/v1/${row.path}?limit=1&sort=number&cursor=${encodeURIComponent(cur)}`), 400);
  }
});

test('each filter keeps the records with its value; unknown parameters and bad limits are a 400 naming them', async () => {
  for (const row of rows()) {
    const all = await listAll(row.path);
    for (const [name, value, field = name] of row.filters) {
      const got = await listAll(row.path, `&${name}=${encodeURIComponent(value)}`);
      const want = all.items.filter((r) => String(r[field] ?? '').toLowerCase() === value.toLowerCase()).map((r) => r.id);
      assert.deepEqual(got.items.map((r) => r.id).sort(), want.sort(), `${row.path} ${name}=${value}`);
      assert.equal(got.total, want.length);
    }
    for (const q of ['statsu=open', 'sort_by=title', 'Limit=2']) {
      const p = assertProblem(await c('GET', `/api/v1/${row.path}?${q}`), 400);
      assert.deepEqual(p.errors.map((e) => e.field), [q.split('=')[0]], `${row.path}?${q}`);
    }
    for (const limit of ['0', '501', 'abc']) {
      const p = assertProblem(await c('GET', `/api/v1/${row.path}?limit=${limit}`), 400);
      assert.deepEqual(p.errors.map((e) => e.field), ['limit']);
    }
    if (row.schema) {
      for (const f of row.schema.filters.filter((x) => x.values))
        assertProblem(await c('GET', `/api/v1/${row.path}?${f.name}=not-a-value`), 400);
    }
    assert.deepEqual(await listAll(row.path), all, `${row.path}: the refused lists changed nothing`);
  }
});

test("another organization's records are 404 to it; a viewer may read but not write; an unknown field is a 422 that stores nothing", async () => {
  for (const row of rows()) {
    const base = `/api/v1/${row.path}`;
    const [made] = await makeRecords(row, 1);
    const before = await listAll(row.path);
    assertProblem(await other('GET', `${base}/${made.id}`), 404);
    assertProblem(await other('PATCH', `${base}/${made.id}`, { json: row.patch, headers: { 'if-match': '"v1"' } }), 404);
    assertProblem(await other('GET', `${base}/${made.id}/history`), 404);
    assert.ok(!assertJson(await other('GET', base)).items.some((r) => r.id === made.id));
    assertJson(await viewer('GET', `${base}/${made.id}`));
    assertProblem(await viewer('POST', base, { json: row.create(0) }), 403);
    assertProblem(await viewer('PATCH', `${base}/${made.id}`, { json: row.patch, headers: { 'if-match': '"v1"' } }), 403);
    const p = assertProblem(await c('POST', base, { json: { ...row.create(0), colour: 'red' } }), 422);
    assert.ok(p.errors.some((e) => e.field === 'colour'), JSON.stringify(p.errors));
    const q = assertProblem(await c('PATCH', `${base}/${made.id}`, { json: { colour: 'red' }, headers: { 'if-match': '"v1"' } }), 422);
    assert.ok(q.errors.some((e) => e.field === 'colour'));
    assert.deepEqual(await listAll(row.path), before, `${row.path}: nothing was stored`);
    if (row.archive) {
      assertProblem(await viewer('POST', `${base}/${made.id}/archive`, { headers: { 'if-match': '"v1"' } }), 403);
      assertProblem(await other('POST', `${base}/${made.id}/archive`, { headers: { 'if-match': '"v1"' } }), 404);
      assert.deepEqual(await listAll(row.path), before);
    }
  }
});

test('archive and restore need If-Match; an archived record leaves the list, refuses changes and comes back', async () => {
  for (const row of rows().filter((r) => r.archive)) {
    const base = `/api/v1/${row.path}`;
    const [made] = await makeRecords(row, 1);
    assertProblem(await c('POST', `${base}/${made.id}/archive`), 428);
    assertProblem(await c('POST', `${base}/${made.id}/archive`, { headers: { 'if-match': '"v9"' } }), 412);
    const r = await c('POST', `${base}/${made.id}/archive`, { headers: { 'if-match': '"v1"' } });
    const archived = assertJson(r);
    assert.equal(archived.archived, true);
    assert.equal(r.headers.get('etag'), '"v2"');
    assert.ok(!(await listAll(row.path)).items.some((x) => x.id === made.id), 'left out of the default list');
    assert.ok((await listAll(row.path, '&archived=true')).items.every((x) => x.archived));
    assert.ok((await listAll(row.path, '&archived=true')).items.some((x) => x.id === made.id));
    assert.ok((await listAll(row.path, '&archived=all')).items.some((x) => x.id === made.id));
    assertProblem(await c('GET', `${base}?archived=maybe`), 400);
    assertProblem(await c('PATCH', `${base}/${made.id}`, { json: row.patch, headers: { 'if-match': '"v2"' } }), 409);
    assertProblem(await c('POST', `${base}/${made.id}/archive`, { headers: { 'if-match': '"v2"' } }), 409);
    const restored = assertJson(await c('POST', `${base}/${made.id}/restore`, { headers: { 'if-match': '"v2"' } }));
    assert.equal(restored.archived, false);
    assert.equal(restored.version, 3);
    assert.ok((await listAll(row.path)).items.some((x) => x.id === made.id));
    const ops = assertJson(await c('GET', `${base}/${made.id}/history`)).items.map((h) => h.operation);
    assert.deepEqual(ops, ['restore', 'archive', 'create']);
  }
});

test('every record is in the auditor package, in records/<record type>.json', async () => {
  const res = await fetch(`${srv.url}/api/v1/audit/pack`, { headers: { cookie: (await login(srv.url, srv.admin.email, srv.admin.password)).cookie } });
  assert.equal(res.status, 200);
  const files = Object.fromEntries(unzip(Buffer.from(await res.arrayBuffer())).map((e) => [e.name, e.data.toString()]));
  for (const row of rows()) {
    const name = `records/${row.recordType}.json`;
    assert.ok(files[name], `the package has ${name}`);
    const ids = JSON.parse(files[name]).map((r) => r.id).sort();
    const all = (await listAll(row.path, '&archived=all'.repeat(row.archive ? 1 : 0))).items.map((r) => r.id).sort();
    assert.deepEqual(ids, all, `${name} holds every ${row.recordType}`);
  }
});

test('the served OpenAPI document, with the paths of every field-driven kind, is valid OpenAPI 3.1 (as api/openapi.yaml is linted)', async () => {
  const doc = assertJson(await c('GET', '/api/v1/openapi.json'));
  for (const k of kinds) {
    for (const p of ['', '/{id}', '/{id}/history', '/{id}/archive', '/{id}/restore'])
      assert.ok(doc.paths[`/api/v1/${k.path}${p}`], `${k.path}${p} is in the served document`);
    const filters = doc.paths[`/api/v1/${k.path}`].get.parameters.map((x) => x.name).filter(Boolean);
    for (const f of k.filters) assert.ok(filters.includes(f.name), `the filter ${f.name} is documented`);
  }
  const link = doc.components.schemas.EvidenceLink.properties.target_type.enum;
  for (const k of kinds) assert.ok(link.includes(k.kind), `${k.kind} is a documented link target type`);
  const dir = mkdtempSync(join(tmpdir(), 'aims-openapi-'));
  try {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(doc));
    const r = spawnSync(process.execPath, [LINT, file], { encoding: 'utf8' });
    assert.equal(r.status, 0, `lint-openapi: ${r.stdout}${r.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
