// The gap-assessment report (JSON, HTML, PDF) and the SoA as PDF. The JSON report of a fixed set of
// answers is compared with tests/golden/assessment-report.json (volatile ids and times replaced by
// placeholders; UPDATE_GOLDEN=1 rewrites the file); the PDFs' text, extracted with pdftotext, and
// the HTML must show the same figures as the API's results.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, login } from '../lib/server.mjs';
import { client, assertJson, assertProblem, stopServer } from '../lib/http.mjs';
import { ASM } from '../lib/paths.mjs';

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), '..', 'golden', 'assessment-report.json');
const LEVELS = [3, 1, 4, 2, 0, 5, 3];

let srv, c, session, id, results, tmp;

before(async () => {
  srv = await startServer();
  session = await login(srv.url, srv.admin.email, srv.admin.password);
  c = client(srv.url, session);
  tmp = mkdtempSync(join(tmpdir(), 'aims-report-'));
  const a = assertJson(await c('POST', ASM, {
    json: { name: 'Baseline <2026> & co', approach: 'both', target_maturity: 3, owner: 'Compliance lead', assessment_date: '2026-03-02' },
  }), 201);
  id = a.id;
  const items = assertJson(await c('GET', `${ASM}/${id}/answers`)).items;
  // A fixed set of answers: levels in a repeating pattern, every 11th item skipped, 9.1 left
  // unanswered, A.10.4 not applicable, owners and notes (with markup and non-ASCII text) on a few.
  const puts = items.map((it, i) => {
    let body;
    if (it.item_id === '9.1') return null;
    if (it.item_id === 'A.10.4') body = { not_applicable: true, justification: 'No AI products are supplied to customers.' };
    else if (i % 11 === 10) body = { skipped: true };
    else body = { maturity: LEVELS[i % LEVELS.length] };
    if (i % 9 === 0) body.owner = i % 2 ? 'CISO' : 'Zoë Müller';
    if (i % 13 === 0) body.notes = `Draft <b>policy</b> & "register" — Привет ${i}`;
    return c('PUT', `${ASM}/${id}/answers/${encodeURIComponent(it.item_id)}`, { json: body });
  });
  for (const r of await Promise.all(puts.filter(Boolean))) assertJson(r);
  assertJson(await c('POST', `${ASM}/${id}/roadmap`, { json: { start_date: '2027-01-04', capacity: 2 } }));
  results = assertJson(await c('GET', `${ASM}/${id}/results`));
});

after(async () => {
  await stopServer(srv);
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const m2 = (v) => (v === null ? 'N/A' : v.toFixed(2));
const pct = (v) => `${v.toFixed(1)}%`;

/** The report with the fields that change from run to run replaced by placeholders. */
function stable(report) {
  const r = structuredClone(report);
  assert.equal(r.assessment.id, id);
  r.assessment.id = '<assessment-id>';
  assert.match(r.generated_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  r.generated_at = '<generated-at>';
  return r;
}

async function download(path, headers = {}) {
  const res = await fetch(srv.url + path, { headers: { cookie: session.cookie, ...headers } });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** The text of a PDF, laid out, as pdftotext extracts it. */
function pdfText(bytes, name) {
  const file = join(tmp, name);
  writeFileSync(file, bytes);
  const r = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  assert.equal(r.status, 0, `pdftotext failed: ${r.stderr}`);
  return r.stdout;
}

/**
 * The structure tree of a tagged PDF as `pdfinfo -struct-text` prints it: nodes {type, children,
 * text} (text: the node's own strings and those of its descendants, joined by spaces).
 */
function structure(file) {
  const r = spawnSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8' });
  assert.equal(r.status, 0, `pdfinfo failed: ${r.stderr}`);
  const root = { type: 'root', children: [], strings: [] };
  const stack = [{ depth: -1, node: root }];
  for (const line of r.stdout.split('\n')) {
    if (!line.trim()) continue;
    const depth = line.length - line.trimStart().length;
    while (stack.at(-1).depth >= depth) stack.pop();
    const parent = stack.at(-1).node;
    const t = line.trim();
    if (t.startsWith('"')) {
      parent.strings.push(t.slice(1, -1));
      continue;
    }
    const node = { type: t.split(' ')[0], children: [], strings: [] };
    parent.children.push(node);
    stack.push({ depth, node });
  }
  const text = (n) => [...n.strings, ...n.children.map(text)].join(' ').replace(/\s+/g, ' ').trim();
  const finish = (n) => ({ type: n.type, text: text(n), children: n.children.map(finish) });
  return finish(root);
}

/** All nodes of a structure tree of `type`, in document order. */
function nodes(tree, type) {
  return [...(tree.type === type ? [tree] : []), ...tree.children.flatMap((c) => nodes(c, type))];
}

/** Asserts that the text shows every figure of the results. */
function assertFigures(text, what) {
  assert.ok(text.includes(m2(results.overall_maturity)), `${what}: overall maturity ${m2(results.overall_maturity)}`);
  assert.ok(text.includes(pct(results.readiness.percent)), `${what}: readiness ${pct(results.readiness.percent)}`);
  for (const g of [...results.by_clause, ...results.by_area]) {
    const re = new RegExp(`(^|[\\s>])${g.id.replace('.', '\\.')}(</tspan>)?\\s+${m2(g.maturity).replace('.', '\\.')}\\b`, 'm');
    assert.match(text, re, `${what}: ${g.id} with maturity ${m2(g.maturity)}`);
  }
  for (const g of results.gaps.slice(0, 10)) assert.ok(text.includes(g.item_id), `${what}: top gap ${g.item_id}`);
}

test('the JSON report matches the golden file and the results', async () => {
  const report = assertJson(await c('GET', `${ASM}/${id}/report?format=json`));
  if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, `${JSON.stringify(stable(report), null, 2)}\n`);
  assert.deepEqual(stable(report), JSON.parse(readFileSync(GOLDEN, 'utf8')));
  // The same figures as the results endpoint.
  assert.equal(report.summary.overall_maturity, results.overall_maturity);
  assert.equal(report.summary.readiness.percent, results.readiness.percent);
  assert.deepEqual(report.by_clause.map((g) => g.maturity), results.by_clause.map((g) => g.maturity));
  assert.deepEqual(report.by_area.map((g) => g.maturity), results.by_area.map((g) => g.maturity));
  assert.deepEqual(report.summary.top_gaps.map((g) => g.item_id), results.gaps.slice(0, 10).map((g) => g.item_id));
  assert.equal(report.items.length, 70);
  assert.equal(report.organization, srv.org);
});

test('the format comes from ?format=, else Accept, else JSON; a bad format is a 400 problem', async () => {
  let r = await download(`${ASM}/${id}/report`, { accept: 'application/pdf' });
  assert.equal(r.res.headers.get('content-type'), 'application/pdf');
  r = await download(`${ASM}/${id}/report`, { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' });
  assert.match(r.res.headers.get('content-type'), /^text\/html/);
  r = await download(`${ASM}/${id}/report`, { accept: 'application/pdf;q=0.5, application/json' });
  assert.equal(r.res.headers.get('content-type'), 'application/json');
  r = await download(`${ASM}/${id}/report`);
  assert.equal(r.res.headers.get('content-type'), 'application/json');
  r = await download(`${ASM}/${id}/report?format=json`, { accept: 'application/pdf' });
  assert.equal(r.res.headers.get('content-type'), 'application/json', '?format= wins over Accept');
  for (const f of ['xml', 'PDF', '']) {
    const p = assertProblem(await c('GET', `${ASM}/${id}/report?format=${f}`), 400);
    assert.equal(p.errors[0].field, 'format');
  }
  assertProblem(await c('GET', `${ASM}/asm_doesnotexist/report?format=pdf`), 404);
  assert.equal((await fetch(`${srv.url}${ASM}/${id}/report?format=pdf`)).status, 401);
});

test('the PDF report is an attachment whose text shows the same figures', async () => {
  const { res, bytes } = await download(`${ASM}/${id}/report?format=pdf`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/pdf');
  const name = `${srv.org} gap assessment 2026-03-02.pdf`;
  assert.equal(res.headers.get('content-disposition'), `attachment; filename="${name}"; filename*=UTF-8''${name.replaceAll(' ', '%20')}`);
  assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
  const text = pdfText(bytes, 'report.pdf');
  assertFigures(text, 'PDF');
  assert.ok(text.includes('Baseline <2026> & co'), 'the assessment name, as typed');
  assert.ok(text.includes('Zoë Müller'), 'non-ASCII text');
  const pages = [...text.matchAll(/Page (\d+) of (\d+)/g)];
  assert.ok(pages.length >= 3, 'several pages, each numbered');
  pages.forEach((p, i) => {
    assert.equal(Number(p[1]), i + 1);
    assert.equal(Number(p[2]), pages.length);
  });
  const info = spawnSync('pdfinfo', [join(tmp, 'report.pdf')], { encoding: 'utf8' }).stdout;
  assert.match(info, /^Title:\s+Gap assessment report — Baseline <2026> & co$/m);
  assert.match(info, new RegExp(`^Author:\\s+${srv.org}$`, 'm'));
  assert.match(info, /^Subject:\s+ISO\/IEC 42001:2023 gap assessment of 2 Mar 2026$/m);
  assert.match(info, /^Page size:\s+595\.\d* x 841\.\d* pts \(A4\)/m);
  assert.doesNotMatch(text, /\b\d{4}-\d\d-\d\d\b/, 'every date in people\'s style');
  assert.match(text, /\b4 Jan 2027\b/, 'the roadmap starts on 4 Jan 2027');
});

test('the PDF report is tagged: headings, paragraphs and tables in reading order; roadmap actions by phase and start, with their action text', async () => {
  const { bytes } = await download(`${ASM}/${id}/report?format=pdf`);
  const file = join(tmp, 'tagged.pdf');
  writeFileSync(file, bytes);
  const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
  assert.match(info, /^Tagged:\s+yes$/m);
  const tree = structure(file);
  assert.deepEqual(nodes(tree, 'H1').map((h) => h.text),
    ['Executive summary', 'Maturity by clause and by Annex A area', 'Items', 'Roadmap actions, by phase and start']);
  assert.ok(nodes(tree, 'P').some((p) => p.text === 'Baseline <2026> & co'), 'the title is a paragraph');

  // Every table starts with one header row of TH cells, then rows of TD cells.
  const tables = nodes(tree, 'Table');
  assert.ok(tables.length >= 5);
  for (const t of tables) {
    assert.ok(t.children.length >= 2, 'a header and at least one row');
    assert.ok(t.children.every((tr) => tr.type === 'TR'));
    assert.ok(t.children[0].children.every((c) => c.type === 'TH'));
    assert.ok(t.children.slice(1).every((tr) => tr.children.every((c) => c.type === 'TD')));
  }
  const items = tables.find((t) => t.children[0].children.map((c) => c.text).join('|') === 'Item|Title|Maturity|Target|Gap|Owner|Notes');
  assert.equal(items.children.length - 1, 70, 'one row per item, across pages, with no repeated header rows');

  // The roadmap: every action once, sorted by phase, then start date; the action text in its cell.
  const rm = assertJson(await c('GET', `${ASM}/${id}/roadmap`));
  const table = tables.at(-1);
  assert.deepEqual(table.children[0].children.map((c) => c.text), ['Phase', 'Item', 'Action', 'Effort', 'Start', 'Target', 'Owner', 'Status']);
  const rows = table.children.slice(1).map((tr) => tr.children.map((c) => c.text));
  const expected = [...rm.actions].sort((a, b) => a.phase - b.phase || a.start_date.localeCompare(b.start_date));
  assert.equal(rows.length, rm.actions.length);
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const day = (iso) => `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
  rows.forEach((row, i) => {
    const a = expected[i];
    assert.equal(row[0], String(a.phase), `row ${i + 1}: phase`);
    assert.equal(row[1], a.item_id, `row ${i + 1}: item`);
    assert.ok(a.suggested_action.length > 0);
    assert.equal(row[2], `${a.title} ${a.suggested_action}`.replace(/\s+/g, ' '), `row ${i + 1}: title and action text`);
    assert.equal(row[4], day(a.start_date));
    assert.equal(row[5], day(a.target_date));
  });
  const phases = rows.map((r) => Number(r[0]));
  assert.deepEqual(phases, [...phases].sort(), 'phases in order');
  assert.ok(new Set(phases).size > 1, 'the fixture spans several phases');
});

test('the HTML report is a self-contained page with the same figures and escaped text', async () => {
  const { res, bytes } = await download(`${ASM}/${id}/report?format=html`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
  const csp = res.headers.get('content-security-policy');
  assert.match(csp, /default-src 'none'/);
  assert.doesNotMatch(csp, /script-src/);
  assert.match(res.headers.get('content-disposition'), /^inline; /);
  const html = bytes.toString('utf8');
  assert.doesNotMatch(html, /<script|<link|<img|src=|href=/i, 'no scripts and nothing fetched');
  assert.equal((html.match(/<svg /g) || []).length, 2, 'two radar charts');
  assert.ok(html.includes('Baseline &lt;2026&gt; &amp; co'));
  assert.ok(html.includes('Draft &lt;b&gt;policy&lt;/b&gt; &amp; &quot;register&quot; — Привет'));
  assert.doesNotMatch(html, /<b>policy/);
  assertFigures(html, 'HTML');
});

test('the SoA exports as a landscape PDF with one row per control', async () => {
  const { res, bytes } = await download('/api/v1/soa/export?format=pdf');
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/pdf');
  assert.match(res.headers.get('content-disposition'),
    new RegExp(`^attachment; filename="${srv.org} statement of applicability working copy \\d{4}-\\d\\d-\\d\\d\\.pdf"; filename\\*=UTF-8''`));
  assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
  const text = pdfText(bytes, 'soa.pdf');
  const soa = assertJson(await c('GET', '/api/v1/soa/export?format=json'));
  assert.equal(soa.items.length, 38);
  for (const e of soa.items) assert.match(text, new RegExp(`(^|\\s)${e.control_id.replace(/\./g, '\\.')}\\s`, 'm'), e.control_id);
  assert.match(text, /Working copy \(not approved\)/);
  assert.match(text, /Page 1 of \d+/);
  const p = assertProblem(await c('GET', '/api/v1/soa/export?format=docx'), 400);
  assert.match(p.detail, /pdf/);
});

test('downloads are named for people: organization, document and date; a non-ASCII name has an ASCII fallback', async () => {
  const org = 'Zoë Müller / Söhne; "AI" GmbH';
  const other = await startServer({ org });
  try {
    const oc = client(other.url, await login(other.url, other.admin.email, other.admin.password));
    const a = assertJson(await oc('POST', ASM, { json: { name: 'Q1', approach: 'clauses', target_maturity: 3, assessment_date: '2026-12-06' } }), 201);
    const enc = (s) => encodeURIComponent(s).replace(/['()*!]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
    // `/` cannot be in a file name; `;` and `"` cannot be in the quoted fallback; one `_` per non-ASCII letter.
    const exact = 'Zoë Müller _ Söhne; "AI" GmbH';
    const ascii = 'Zo_ M_ller _ S_hne_ _AI_ GmbH';
    const expect = (what, ext, disposition = 'attachment') =>
      `${disposition}; filename="${ascii} ${what}.${ext}"; filename*=UTF-8''${enc(`${exact} ${what}.${ext}`)}`;
    let r = await oc('GET', `${ASM}/${a.id}/report?format=pdf`);
    assert.equal(r.headers.get('content-disposition'), expect('gap assessment 2026-12-06', 'pdf'));
    r = await oc('GET', `${ASM}/${a.id}/report?format=html`);
    assert.equal(r.headers.get('content-disposition'), expect('gap assessment 2026-12-06', 'html', 'inline'));
    for (const f of ['pdf', 'xlsx']) {
      r = await oc('GET', `/api/v1/soa/export?format=${f}`);
      assert.equal(r.status, 200);
      const cd = r.headers.get('content-disposition');
      const day = cd.match(/working copy (\d{4}-\d\d-\d\d)\./)?.[1];
      assert.ok(day, cd);
      assert.equal(cd, expect(`statement of applicability working copy ${day}`, f));
    }
  } finally {
    await stopServer(other);
  }
});
