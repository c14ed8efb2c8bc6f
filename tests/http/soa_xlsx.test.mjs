// The SoA as XLSX: downloaded over HTTP, unzipped and its cells read back and compared with the
// JSON export of the same version.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { startServer, login } from '../lib/server.mjs';
import { client, stopServer, setSegregation } from '../lib/http.mjs';

let srv, api, session;

before(async () => {
  srv = await startServer();
  session = await login(srv.url, srv.admin.email, srv.admin.password);
  api = client(srv.url, session);
  await setSegregation(api, { soa_approval: false }); // the admin approves its own edits here
  const put = async (control, body) => {
    const r = await api('PATCH', `/api/v1/soa/entries/${control}`, { json: body, headers: { 'if-match': '"v0"' } });
    assert.equal(r.status, 200, r.text);
  };
  await put('A.2.2', { implementation_status: 'implemented', policy_refs: ['POL-1 AI policy'], owner: 'CISO', reasons: ['legal_requirement'] });
  await put('A.10.4', { applicable: false, justification: 'No AI products are supplied to customers, only services.' });
  await put('A.6.2.4', { owner: '=HYPERLINK("http://x")' });
  const ok = await api('POST', '/api/v1/soa/versions', { json: { note: 'for the auditors' } });
  assert.equal(ok.status, 201, ok.text);
});
after(() => stopServer(srv));

/** Cells of a worksheet as rows of strings (shared strings resolved). */
async function readSheet(bytes, index) {
  const zip = await JSZip.loadAsync(bytes);
  const shared = [];
  const sst = await zip.file('xl/sharedStrings.xml')?.async('string');
  if (sst) for (const m of sst.matchAll(/<si>([\s\S]*?)<\/si>/g)) shared.push([...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join(''));
  const xml = await zip.file(`xl/worksheets/sheet${index}.xml`).async('string');
  const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const rows = [];
  for (const r of xml.matchAll(/<row[^>]*r="(\d+)"[^>]*>([\s\S]*?)<\/row>/g)) {
    const cells = [];
    for (const c of r[2].matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const col = c[1].charCodeAt(0) - 65;
      const v = /<v>([\s\S]*?)<\/v>/.exec(c[3] || '')?.[1];
      cells[col] = v === undefined ? '' : / t="s"/.test(c[2]) ? unescape(shared[Number(v)]) : v;
    }
    rows[Number(r[1]) - 1] = cells;
  }
  return rows;
}

test('the approved SoA downloads as XLSX whose cells match the JSON export', async () => {
  const res = await fetch(`${srv.url}/api/v1/soa/export?format=xlsx&version=1`, { headers: { cookie: session.cookie } });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assert.match(res.headers.get('content-disposition'), /^attachment; filename="statement-of-applicability-v1\.xlsx"$/);
  const bytes = Buffer.from(await res.arrayBuffer());
  assert.equal(bytes.subarray(0, 2).toString(), 'PK');
  const rows = await readSheet(bytes, 1);
  assert.deepEqual(rows[0].slice(0, 7), ['Control', 'Area', 'Title', 'Applicable', 'Justification', 'Reasons', 'Status']);
  assert.equal(rows.length, 39, 'a header and 38 controls');
  const json = await api('GET', '/api/v1/soa/export?format=json&version=1');
  assert.equal(json.status, 200);
  json.body.items.forEach((e, i) => {
    const row = rows[i + 1];
    assert.equal(row[0], e.control_id);
    assert.equal(row[2], e.title);
    assert.equal(row[3], e.applicable ? 'Yes' : 'No');
    assert.equal(row[4] ?? '', e.justification);
    assert.equal(row[7] ?? '', e.owner);
  });
  const a22 = rows.find((r) => r[0] === 'A.2.2');
  assert.equal(a22[6], 'Implemented');
  assert.equal(a22[9], 'POL-1 AI policy');
  assert.equal(a22[5], 'Legal requirement');
  assert.equal(rows.find((r) => r[0] === 'A.10.4')[3], 'No');
  const summary = await readSheet(bytes, 2);
  assert.equal(summary[3][1], 'Approved version 1');
  assert.equal(summary[2][1], srv.org);
});

test('the working copy downloads as XLSX too, and an unknown version is a 404 problem', async () => {
  const res = await fetch(`${srv.url}/api/v1/soa/export?format=xlsx`, { headers: { cookie: session.cookie } });
  assert.equal(res.status, 200);
  const summary = await readSheet(Buffer.from(await res.arrayBuffer()), 2);
  assert.equal(summary[3][1], 'Working copy (not approved)');
  const missing = await api('GET', '/api/v1/soa/export?format=xlsx&version=9');
  assert.equal(missing.status, 404);
  assert.equal(missing.ct, 'application/problem+json');
});
