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
  const a = await api('POST', '/api/v1/assessments', { json: { name: 'Baseline', approach: 'annex_a', assessment_date: '2026-03-31' } });
  assert.equal(a.status, 201, a.text);
  for (const [item, json] of [['A.2.2', { maturity: 3 }], ['A.10.4', { not_applicable: true, justification: 'Services only.' }]]) {
    const r = await api('PUT', `/api/v1/assessments/${a.body.id}/answers/${item}`, { json });
    assert.equal(r.status, 200, r.text);
  }
  // The SoA shows the answers of the latest completed assessment.
  const done = await api('PATCH', `/api/v1/assessments/${a.body.id}`, { json: { status: 'completed' }, headers: { 'if-match': '"v1"' } });
  assert.equal(done.status, 200, done.text);
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

/**
 * The cells of a worksheet by reference ("K3") as {t (cell type attribute, undefined for a number),
 * v (raw value), format (the number format code of its style, '' for General)}.
 */
async function cellTypes(bytes, index) {
  const zip = await JSZip.loadAsync(bytes);
  const styles = await zip.file('xl/styles.xml').async('string');
  const fmts = new Map([...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)[1];
  const formats = [...xfs.matchAll(/<xf [^>]*?numFmtId="(\d+)"/g)].map((m) => fmts.get(m[1]) ?? (m[1] === '0' ? '' : `builtin ${m[1]}`));
  const xml = await zip.file(`xl/worksheets/sheet${index}.xml`).async('string');
  const out = {};
  for (const c of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const t = / t="(\w+)"/.exec(c[2])?.[1];
    const s = Number(/ s="(\d+)"/.exec(c[2])?.[1] ?? 0);
    out[c[1]] = { t, v: /<v>([\s\S]*?)<\/v>/.exec(c[3] || '')?.[1], format: formats[s] ?? '' };
  }
  return out;
}

test('the approved SoA downloads as XLSX whose cells match the JSON export', async () => {
  const res = await api('GET', '/api/v1/soa/export?format=xlsx&version=1');
  assert.equal(res.status, 200);
  assert.equal(res.ct, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assert.match(res.headers.get('content-disposition'), /^attachment; filename="[^"]+ statement of applicability v1 \d{4}-\d\d-\d\d\.xlsx"; filename\*=UTF-8''/);
  const bytes = res.bytes;
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

test('numbers are number cells and dates are date cells with a date format', async () => {
  const res = await api('GET', '/api/v1/soa/export?format=xlsx&version=1');
  assert.equal(res.status, 200);
  const bytes = res.bytes;
  const rows = await readSheet(bytes, 1);
  assert.deepEqual(rows[0].slice(10), ['Latest maturity', 'Latest assessment', 'Assessed on']);
  const cells = await cellTypes(bytes, 1);
  const at = (control, col) => cells[`${col}${rows.findIndex((r) => r[0] === control) + 1}`];
  // Latest maturity: a number (no t attribute, or t="n"), not text.
  const maturity = at('A.2.2', 'K');
  assert.ok(maturity.t === undefined || maturity.t === 'n', `maturity cell type ${maturity.t}`);
  assert.equal(Number(maturity.v), 3);
  assert.equal(rows.find((r) => r[0] === 'A.2.2')[11], 'Baseline');
  // Assessed on: a serial date number with a date format (2026-03-31 is day 46112 since 1899-12-30).
  const date = at('A.2.2', 'M');
  assert.ok(date.t === undefined || date.t === 'n', `date cell type ${date.t}`);
  assert.equal(Number(date.v), 46112);
  assert.match(date.format, /^d mmm yyyy$/, "a date as people read it");
  // Not applicable is the text n/a; a control without an answer has empty maturity cells.
  assert.equal(at('A.10.4', 'K').t, 's');
  assert.equal(rows.find((r) => r[0] === 'A.10.4')[10], 'n/a');
  assert.equal(at('A.5.2', 'K'), undefined);
  // Every other column of the controls is text (shared strings).
  for (let r = 2; r <= rows.length; r++)
    for (const col of 'ABCDEFGHIJL') {
      const cell = cells[`${col}${r}`];
      if (cell?.v !== undefined) assert.equal(cell.t, 's', `${col}${r} is a string cell`); // empty text is a blank cell
    }
  // The summary sheet: counts are numbers, the export time a date-time.
  const sum = await cellTypes(bytes, 2);
  assert.equal(sum.B5.t, undefined, 'exported at is a number cell');
  assert.match(sum.B5.format, /^d mmm yyyy hh:mm$/);
  assert.ok(Number(sum.B5.v) > 46000);
  for (const ref of Object.keys(sum).filter((k) => /^B([7-9]|\d\d)$/.test(k))) assert.equal(sum[ref].t, undefined, `${ref} is a number`);
});

test('the working copy downloads as XLSX too, and an unknown version is a 404 problem', async () => {
  const res = await api('GET', '/api/v1/soa/export?format=xlsx');
  assert.equal(res.status, 200);
  const summary = await readSheet(res.bytes, 2);
  assert.equal(summary[3][1], 'Working copy (not approved)');
  const missing = await api('GET', '/api/v1/soa/export?format=xlsx&version=9');
  assert.equal(missing.status, 404);
  assert.equal(missing.ct, 'application/problem+json');
});
