// The AI systems CSV round trip: systems whose every field holds a hostile value (formula starts,
// values that already start with the guard apostrophe, quotes, commas, newlines, non-ASCII) are
// exported, the same bytes imported again, and every system must be exactly as before.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login } from '../lib/server.mjs';
import { client, assertJson, stopServer, parseCsv } from '../lib/http.mjs';
import { classifyAs } from '../lib/euact.mjs';
import { SYS } from '../lib/paths.mjs';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

// Values a spreadsheet or a naive guard would change. Leading/trailing whitespace is trimmed by the
// API itself, so "\t=tab" is stored as "=tab" (and must then survive as that).
const HOSTILE = [
  '=1+1', "'=quoted", "''x", '-5', "'-5", '@x', '+x', '\t=tab', '\r=cr', "'", "'plain",
  'say "hi", then go', 'a,b,c', 'line one\nline two', '— dash', 'über', 'emoji 🙂', '"quoted"', "'@at",
];
// The EU AI Act fields are set by a classification (its multi-line rationale with quotes).
const TEXT = ['purpose', 'intended_use', 'foreseeable_misuse', 'deployment_context', 'human_oversight_notes'];
const LINE = ['name', 'owner', 'model_type'];
const CLASSES = ['high_risk_exempt', 'gpai_systemic', 'transparency'];
const LIST = ['data_sources', 'third_party_components', 'suppliers', 'affected_people', 'tags'];
const CHOICE = {
  organization_role: ['provider', 'deployer', 'importer'],
  lifecycle_stage: ['inception', 'deployment', 'retirement'],
  human_oversight: ['human_in_the_loop', 'none'],
  status: ['planned', 'active', 'suspended'],
};

let srv, c;
before(async () => {
  srv = await startServer();
  c = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
});
after(() => stopServer(srv));

const oneLine = (v) => v.replace(/\n/g, ' ');
const pick = (i) => HOSTILE[i % HOSTILE.length];

/** Every system of the organization, archived ones too, each as GET /systems/{id} gives it, by id. */
async function allSystems() {
  const r = assertJson(await c('GET', `${SYS}?archived=all&limit=500`));
  assert.equal(r.next, undefined);
  const out = [];
  for (const s of r.items) out.push(assertJson(await c('GET', `${SYS}/${s.id}`)));
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

test('an exported CSV imported again changes nothing, whatever the fields hold', async () => {
  for (let i = 0; i < HOSTILE.length; i++) {
    const json = {};
    LINE.forEach((f, k) => { json[f] = oneLine(pick(i + k)); });
    json.name = `${oneLine(pick(i))} #${i}`; // names are unique
    TEXT.forEach((f, k) => { json[f] = pick(i + k + 1); });
    LIST.forEach((f, k) => { json[f] = [oneLine(pick(i + k)), oneLine(pick(i + k + 3))]; });
    for (const [f, choices] of Object.entries(CHOICE)) json[f] = choices[i % choices.length];
    json.gpai = i % 2 === 0;
    const s = assertJson(await c('POST', SYS, { json }), 201);
    if (i % 2 === 1) await classifyAs(c, s.id, CLASSES[i % CLASSES.length]);
    if (i % 4 === 1) assertJson(await c('POST', `${SYS}/${s.id}/archive`));
  }
  // Scope membership comes from the scope record: every third live system is out with a hostile reason.
  const live = assertJson(await c('GET', `${SYS}?limit=500`)).items.sort((a, b) => a.id.localeCompare(b.id));
  const reasonOf = (k) => `${pick(k).replace(/[\t\r\n]/g, ' ').trim()} reason`;
  const out = live.filter((_, k) => k % 3 === 0).map((s, k) => ({ system_id: s.id, reason: reasonOf(k) }));
  assertJson(await c('PUT', '/api/v1/scope', {
    json: { in_scope: live.filter((_, k) => k % 3 !== 0).map((s) => s.id), out_of_scope: out },
    headers: { 'if-match': '"v0"' },
  }));
  const beforeImport = await allSystems();
  assert.equal(beforeImport.length, HOSTILE.length);
  // The API stores what it was sent (trimmed): the hostile values really are in the records.
  assert.ok(beforeImport.some((s) => s.name === "'=quoted #1"));
  assert.ok(beforeImport.some((s) => s.purpose === '=tab'));

  const exp = await c('GET', `${SYS}/export?archived=all`);
  assert.equal(exp.status, 200);
  assert.equal(exp.ct, 'text/csv; charset=utf-8');
  assert.deepEqual(exp.bytes.subarray(0, 3), BOM, 'the export starts with a UTF-8 byte order mark');
  for (const t of ['über', '— dash', 'emoji 🙂']) assert.ok(exp.bytes.includes(Buffer.from(t)), `${t} is in the file as UTF-8`);
  const rows = parseCsv(exp.text);
  const header = rows[0];
  const nameCol = header.indexOf('name');
  const names = rows.slice(1).map((r) => r[nameCol]);
  // The guard: one apostrophe in front of formula starts and of values starting with one.
  for (const [stored, cell] of [["=1+1 #0", "'=1+1 #0"], ["'=quoted #1", "''=quoted #1"], ["''x #2", "'''x #2"],
    ['-5 #3', "'-5 #3"], ["'-5 #4", "''-5 #4"], ['@x #5', "'@x #5"], ['+x #6', "'+x #6"], ['=tab #7', "'=tab #7"],
    ["' #9", "'' #9"], ["'plain #10", "''plain #10"], ['über #15', 'über #15']]) {
    assert.ok(beforeImport.some((s) => s.name === stored), `a system is named ${stored}`);
    assert.ok(names.includes(cell), `the name ${JSON.stringify(stored)} is exported as ${JSON.stringify(cell)}`);
  }

  // The derived membership is exported read-only, guarded like every cell.
  const scopeCol = header.indexOf('scope');
  const reasonCol = header.indexOf('scope_reason');
  assert.deepEqual(header.slice(scopeCol, scopeCol + 3), ['scope', 'scope_reason', 'archived']);
  for (const s of beforeImport) {
    const row = rows.find((r) => r[0] === s.id);
    assert.equal(row[scopeCol], s.scope.placement, s.id);
    const reason = s.scope.reason;
    assert.equal(row[reasonCol], /^[=+\-@'\t\r]/.test(reason) ? `'${reason}` : reason, s.id);
  }
  assert.equal(beforeImport.filter((s) => s.scope.placement === 'out').length, out.length);
  assert.ok(beforeImport.some((s) => s.scope.reason === '=1+1 reason'));

  const imp = assertJson(await c('POST', `${SYS}/import`, { body: exp.bytes, headers: { 'content-type': 'text/csv' } }));
  assert.deepEqual(imp.warnings, []);
  assert.deepEqual({ created: imp.created, updated: imp.updated }, { created: 0, updated: 0 });
  assert.deepEqual(await allSystems(), beforeImport, 'every system is exactly as before, version included');

  // Without the byte order mark the same file imports the same way.
  const bare = assertJson(await c('POST', `${SYS}/import`, { body: exp.bytes.subarray(3), headers: { 'content-type': 'text/csv' } }));
  assert.deepEqual({ created: bare.created, updated: bare.updated }, { created: 0, updated: 0 });
  assert.deepEqual(await allSystems(), beforeImport);
});

test('import removes exactly one guard apostrophe, and only in front of a guarded character', async () => {
  const csv = 'name,purpose,owner\r\n' +
    "'=sum #g,'+plus,'''twice\r\n" +
    "'plain #g,'','\r\n" +
    "'\tx #g,'-1,'@me\r\n";
  assertJson(await c('POST', `${SYS}/import`, { body: csv, headers: { 'content-type': 'text/csv' } }));
  const got = (await allSystems()).filter((s) => s.name.endsWith('#g'))
    .map((s) => [s.name, s.purpose, s.owner]).sort((a, b) => a[0].localeCompare(b[0]));
  assert.deepEqual(got, [
    ["'plain #g", "'", "'"],
    ["=sum #g", '+plus', "''twice"],
    ['x #g', '-1', '@me'], // the guard goes, then the API trims the tab
  ].sort((a, b) => a[0].localeCompare(b[0])));
});

test('an in_scope column (a file exported before the scope record) is ignored with a warning naming the scope; nothing else changes', async () => {
  const [s] = (await allSystems()).filter((x) => !x.archived && x.scope.placement === 'out');
  const guarded = /^[=+\-@'\t\r]/.test(s.name) ? `'${s.name}` : s.name;
  const csv = `id,name,in_scope,owner\r\n${s.id},"${guarded.replace(/"/g, '""')}",true,Scope test owner\r\n`;
  const r = assertJson(await c('POST', `${SYS}/import`, { body: csv, headers: { 'content-type': 'text/csv' } }));
  assert.deepEqual({ created: r.created, updated: r.updated }, { created: 0, updated: 1 });
  assert.equal(r.warnings.length, 1);
  assert.equal(r.warnings[0].field, 'in_scope');
  assert.equal(r.warnings[0].row, 1);
  assert.match(r.warnings[0].message, /^was ignored: .*scope record.*PUT \/api\/v1\/scope/);
  const after = assertJson(await c('GET', `${SYS}/${s.id}`));
  assert.equal(after.owner, 'Scope test owner');
  assert.deepEqual(after.scope, s.scope, 'the column did not place the system');
  assert.ok(!('in_scope' in after));
});
