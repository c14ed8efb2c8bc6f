// The gap assessment and Statement of Applicability commands of the aims CLI (aims assessment ... |
// soa ...) against a real server: what they print, what they send, and how they fail (exit 1 with
// the server's words, exit 2 for usage errors).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { aims } from '../lib/server.mjs';
import { ok, failsWith, esc, json, closeCliSession, openCliSession } from '../lib/cli.mjs';

describe('aims assessment and soa commands', () => {
  let server, tmp, env;

  before(async () => {
    ({ server, env, tmp } = await openCliSession(undefined, 'aims-cli-assessments-'));
  });

  after(() => closeCliSession({ env, server, tmp }));

  let id;

  test('assessment create, list and show', () => {
    let r = ok(['assessment', 'create', '--name', 'Baseline 2026', '--target', '3', '--owner', 'Compliance', '--date', '2026-03-01']);
    const m = r.stdout.match(/^Created (asm_\w+): Baseline 2026 \(both, 70 items, target 3\)$/m);
    assert.ok(m, r.stdout);
    id = m[1];

    r = ok(['assessment', 'list']);
    assert.match(r.stdout, /^id\s+name\s+approach\s+date\s+target\s+answered\s+status$/m);
    assert.match(r.stdout, new RegExp(`^${id}\\s+Baseline 2026\\s+both\\s+2026-03-01\\s+3\\s+0/70\\s+in_progress$`, 'm'));
    assert.match(r.stdout, /^1 assessments$/m);
    assert.deepEqual(json(['assessment', 'list', '--all']).items.map((a) => a.id), [id]);

    r = ok(['assessment', 'show', id]);
    assert.match(r.stdout, /^owner\s+Compliance$/m);
    assert.match(r.stdout, /^progress\s+0 of 70 answered \(0%\)/m);
    assert.equal(json(['assessment', 'show', id]).target_maturity, 3);

    r = failsWith(['assessment', 'create', '--name', 'Bad date', '--date', '2026-02-30'], 1);
    assert.match(r.stderr, /^aims: .+\n {2}assessment_date: /);
    failsWith(['assessment', 'create', '--name', 'Bad target', '--target', '9'], 2);
    r = failsWith(['assessment', 'show', 'asm_nope'], 1);
    assert.match(r.stderr, /^aims: No assessment asm_nope/);
  });

  test('assessment answer: levels, skip, not applicable; a clause cannot be N/A', () => {
    // Evidence is linked by its id in the vault; text is refused.
    const upload = (name, title) => {
      const file = join(tmp, name);
      writeFileSync(file, `${title}\n`);
      return json(['evidence', 'upload', file, '--title', title]).id;
    };
    const minutes = upload('minutes.txt', 'Minutes 2026-01'), map = upload('map.txt', 'Stakeholder map');
    let r = failsWith(['assessment', 'answer', id, '4.1', '--level', '2', '--evidence', 'Minutes 2026-01'], 1);
    assert.match(r.stderr, /^ {2}evidence: 'Minutes 2026-01' is not the id of evidence/m);
    r = ok(['assessment', 'answer', id, '4.1', '--level', '2', '--notes', 'Context workshop held', '--evidence', minutes, '--evidence', map]);
    assert.match(r.stdout, /^Answered 4\.1 Understanding the organization and its context: 2 \(version 1\)$/m);
    ok(['assessment', 'answer', id, '5.2', '--level', '4']);
    ok(['assessment', 'answer', id, 'A.2.2', '--level', '1']);
    r = ok(['assessment', 'answer', id, 'A.10.3', '--not-applicable', '--justification', 'We use no third-party AI suppliers.']);
    assert.match(r.stdout, /^Answered A\.10\.3 Suppliers: N\/A/m);
    r = ok(['assessment', 'answer', id, 'A.6.2.4', '--skip']);
    assert.match(r.stdout, /: skipped \(version 1\)$/m);

    // A new level keeps the notes and evidence given before.
    const a = json(['assessment', 'answer', id, '4.1', '--level', '3']);
    assert.equal(a.maturity, 3);
    assert.equal(a.version, 2);
    assert.equal(a.notes, 'Context workshop held');
    assert.deepEqual(a.evidence.map((e) => e.title), ['Minutes 2026-01', 'Stakeholder map']);
    // Links are removed in the vault (and then suggest nothing for the next test).
    for (const ev of [minutes, map]) ok(['evidence', 'unlink', ev, 'catalog_item:iso42001:4.1']);
    assert.deepEqual(json(['assessment', 'answer', id, '4.1', '--level', '3']).evidence, []);

    // Clauses 4-10 are required: the server refuses, with its field error.
    r = failsWith(['assessment', 'answer', id, '4.2', '--not-applicable', '--justification', 'Not relevant'], 1);
    assert.match(r.stderr, /^aims: The answer is not valid\.\n {2}not_applicable: clauses 4 to 10 are all required/);
    r = failsWith(['assessment', 'answer', id, 'A.9.2', '--not-applicable'], 1);
    assert.match(r.stderr, /^ {2}justification: /m);
    r = failsWith(['assessment', 'answer', id, '4.2'], 2);
    assert.match(r.stderr, /^aims: give --level 0-5, --from-suggestion, --skip, or --not-applicable/);
    failsWith(['assessment', 'answer', id, '4.2', '--level', '2', '--skip'], 2);
    failsWith(['assessment', 'answer', id, '4.2', '--level', '6'], 2);
    r = failsWith(['assessment', 'answer', id, 'Z.9', '--level', '1'], 1);
    assert.match(r.stderr, /^aims: Item Z\.9 is not in the scope of this assessment\./);

    r = ok(['assessment', 'answers', id]);
    assert.match(r.stdout, /^id\s+title\s+maturity$/m);
    assert.match(r.stdout, /^4\.1\s+Understanding the organization and its context\s+3$/m);
    assert.match(r.stdout, /^4\.2\s+.+\s+–$/m);
    assert.match(r.stdout, /^A\.10\.3\s+Suppliers\s+N\/A$/m);
    assert.match(r.stdout, /^A\.6\.2\.4\s+.+\s+skipped$/m);
    assert.match(r.stdout, /^4 of 70 items answered$/m);
    assert.match(ok(['assessment', 'show', id]).stdout, /^progress\s+4 of 70 answered \(5%\)/m);
  });

  test('assessment suggestions: none without records; --from-suggestion is refused without one', () => {
    let r = ok(['assessment', 'suggestions', id]);
    assert.match(r.stdout, /^No suggestions: no records yet/m);
    const all = json(['assessment', 'suggestions', id]);
    assert.deepEqual(all.items, []);
    assert.ok(all.rules.some((x) => x.id === 'ai-policy' && x.active === false));
    r = failsWith(['assessment', 'answer', id, '7.1', '--from-suggestion'], 1);
    assert.match(r.stderr, /^ {2}from_suggestion: there is no suggestion for item 7\.1/m);
    failsWith(['assessment', 'answer', id, '7.1', '--from-suggestion', '--level', '2'], 2);
  });

  test('assessment results: readiness with its formula, maturity tables and gaps in order', () => {
    const res = json(['assessment', 'results', id]);
    const r = ok(['assessment', 'results', id]);
    assert.match(r.stdout, new RegExp(`^overall maturity\\s+${res.overall_maturity.toFixed(2)} of 5 \\(target 3\\)$`, 'm'));
    assert.match(r.stdout, new RegExp(`^readiness\\s+${esc(res.readiness.percent.toFixed(1))}%\\s+\\(${res.readiness.achieved} / ${res.readiness.required}\\)$`, 'm'));
    assert.match(r.stdout, /^ {2}Readiness = /m);
    assert.match(r.stdout, /^answered\s+4 of 70 \(1 not applicable\)$/m);
    assert.match(r.stdout, /^Clauses$/m);
    assert.match(r.stdout, /^4\s+Context of the organization\s+0\.75\s+#{2}\.{8}\s+1\/4\s+3$/m);
    assert.match(r.stdout, /^Annex A areas$/m);
    assert.match(r.stdout, /^A\.6\s+AI system life cycle\s+0\.00\s+\.{10}\s+0\/9\s+9$/m);

    assert.match(r.stdout, new RegExp(`^Gaps in audit order \\(${res.gaps.length}\\)$`, 'm'));
    const rows = r.stdout.split('Gaps in audit order')[1].split('\n').slice(2).filter((l) => l.trim());
    assert.equal(rows.length, res.gaps.length);
    assert.deepEqual(rows.map((l) => l.split(/\s+/)[1]), res.gaps.map((g) => g.item_id), 'gaps in the server\'s order');
    assert.match(rows[0], /^1\s+\S+\s+.+\s+–\s+3\s+3\s+stage1$/);
    assert.ok(!res.gaps.some((g) => g.item_id === 'A.10.3'), 'a not-applicable control is no gap');
    assert.match(r.stdout, /^\d+\s+A\.2\.2\s+AI policy\s+1\s+3\s+2\s+\w+$/m);
  });

  test('assessment roadmap previews until --generate stores it; prints phases and actions; --regenerate replans', () => {
    let r = ok(['assessment', 'roadmap', id]);
    assert.match(r.stdout, /^Roadmap from \d{4}-\d\d-\d\d, 2 actions at a time \(preview, not saved; store it with --generate\)$/m);
    assert.equal(json(['assessment', 'roadmap', id]).saved, false);
    r = ok(['assessment', 'roadmap', id, '--generate']);
    assert.match(r.stdout, /^Roadmap from \d{4}-\d\d-\d\d, 2 actions at a time \(generated \d{4}-/m);
    const rm = json(['assessment', 'roadmap', id]);
    assert.equal(rm.saved, true);
    assert.ok(rm.actions.length > 0);
    assert.match(r.stdout, /^phase\s+action\s+title\s+effort\s+start\s+target\s+owner\s+status$/m);
    const first = rm.actions[0];
    assert.match(r.stdout, new RegExp(`^${first.phase}\\s+${esc(first.id)}\\s+.+\\s+${first.effort}\\s+${first.start_date}\\s+${first.target_date}\\s+${esc(first.owner)}\\s*open$`, 'm'));
    assert.equal(first.owner, 'Compliance', 'actions start with the assessment\'s owner');
    assert.match(r.stdout, new RegExp(`^${rm.actions.length} actions$`, 'm'));

    r = ok(['assessment', 'roadmap', id, '--regenerate', '--start', '2027-01-04', '--capacity', '3']);
    assert.match(r.stdout, /^Roadmap from 2027-01-04, 3 actions at a time/);
    assert.equal(json(['assessment', 'roadmap', id]).capacity, 3);
    failsWith(['assessment', 'roadmap', id, '--start', '2027-01-04'], 2);
    r = failsWith(['assessment', 'roadmap', id, '--regenerate', '--start', 'soon'], 1);
    assert.match(r.stderr, /^ {2}start_date: /m);
  });

  test('soa show and set: an exclusion needs a justification', () => {
    let r = ok(['soa', 'show']);
    assert.match(r.stdout, /^control\s+title\s+applicable\s+status\s+owner\s+refs\s+maturity$/m);
    // The assessment above is still in progress: the SoA takes maturity from completed ones only.
    assert.match(r.stdout, /^A\.10\.3\s+Suppliers\s+yes\s+not_started\s+0\s+-$/m);
    assert.match(r.stdout, /^A\.2\.2\s+AI policy\s+yes\s+not_started\s+0\s+-$/m);
    assert.match(r.stdout, /^Maturity from: no completed assessment$/m);
    assert.match(r.stdout, /^38 of 38 controls; 38 applicable/m);
    assert.match(r.stdout, /^Latest approved version: none$/m);

    r = failsWith(['soa', 'set', 'A.10.3', '--applicable', 'false'], 1);
    assert.match(r.stderr, /^aims: .+\n {2}justification: excluding a control needs a justification\n$/);
    r = ok(['soa', 'set', 'A.10.3', '--applicable', 'false', '--justification', 'We use no third-party AI suppliers.']);
    assert.match(r.stdout, /^Updated A\.10\.3 Suppliers: excluded \(version 1\)$/m);

    r = failsWith(['soa', 'set', 'A.6.2.4', '--status', 'implemented'], 1);
    assert.match(r.stderr, /^ {2}implementation_status: /m);
    const report = join(tmp, 'validation.txt');
    writeFileSync(report, 'Validation report\n');
    const ev = json(['evidence', 'upload', report, '--title', 'Validation report']);
    r = ok(['soa', 'set', 'A.6.2.4', '--status', 'implemented', '--evidence', ev.id, '--policy', 'POL-7', '--reason', 'risk_treatment', '--owner', 'ML lead']);
    assert.match(r.stdout, /^Updated A\.6\.2\.4 .+: applicable, implemented \(version 1\)$/m);
    const e = json(['soa', 'set', 'A.6.2.4', '--owner', 'ML platform lead']);
    assert.equal(e.version, 2, 'the entry\'s version is sent as If-Match');
    assert.deepEqual(e.evidence_refs, [`${ev.number} Validation report`]);

    r = ok(['soa', 'show', '--area', 'A.6']);
    assert.match(r.stdout, /^A\.6\.2\.4\s+.+\s+yes\s+implemented\s+ML platform lead\s+2\s+-$/m);
    assert.doesNotMatch(r.stdout, /^A\.10/m);
    assert.match(r.stdout, /^9 of 38 controls; 37 applicable .*1 implemented\), 1 excluded$/m);
    assert.deepEqual(json(['soa', 'show', '--status', 'excluded']).items.map((x) => x.control_id), ['A.10.3']);

    failsWith(['soa', 'set', 'A.6.2.4'], 2);
    failsWith(['soa', 'set', 'A.6.2.4', '--applicable', 'maybe'], 2);
    r = failsWith(['soa', 'set', 'Z.1', '--owner', 'x'], 1);
    assert.match(r.stderr, /^aims: No Annex A control Z\.1\./);
  });

  test('soa approve, versions and diff', () => {
    assert.match(ok(['soa', 'versions']).stdout, /^No approved version yet/);
    // The admin changed entries above: segregation of duties (on by default) keeps it from approving them.
    let r = failsWith(['soa', 'approve', '--yes', '--note', 'Initial SoA'], 1);
    assert.match(r.stderr, /^aims: Segregation of duties: you changed entries of this version \(A\.6\.2\.4, A\.10\.3\); another manager or admin must approve it\.$/m);
    ok(['org-settings', 'set', '--soa-approval', 'off']);
    r = ok(['soa', 'approve', '--yes', '--note', 'Initial SoA']);
    assert.match(r.stdout, /^Approved version 1 of the Statement of Applicability: 37 applicable .*, 1 excluded$/m);
    assert.match(r.stdout, /^37 applicable controls have no justification\.$/m);
    r = ok(['soa', 'versions']);
    assert.match(r.stdout, new RegExp(`^1\\s+\\S+\\s+${esc(server.admin.email)}\\s+37\\s+1\\s+1\\s+Initial SoA$`, 'm'));
    assert.match(ok(['soa', 'diff', '--from', '1', '--to', 'working']).stdout, /^No changes from version 1 to the working copy\.$/m);

    ok(['soa', 'set', 'A.6.2.4', '--status', 'partial']);
    r = ok(['soa', 'diff', '--from', '1', '--to', 'working']);
    assert.match(r.stdout, /^1 change\(s\) from version 1 to the working copy$/m);
    assert.match(r.stdout, /^A\.6\.2\.4\s+implementation_status\s+implemented\s+partial$/m);
    assert.equal(json(['soa', 'diff', '--from', '1']).changes.length, 1, '--to defaults to working');
    r = failsWith(['soa', 'diff', '--from', '1', '--to', '9'], 1);
    assert.match(r.stderr, /^aims: No approved version 9/);
    r = failsWith(['soa', 'diff', '--from', 'first'], 1);
    assert.match(r.stderr, /^ {2}from: must be a version number$/m);
    assert.match(ok(['soa', 'show']).stdout, /^Latest approved version: 1$/m);
  });

  test('soa export writes CSV, JSON, XLSX and PDF files', () => {
    const file = join(tmp, 'soa.csv');
    let r = ok(['soa', 'export', '--format', 'csv', '-o', file]);
    const csv = readFileSync(file, 'utf8');
    assert.equal(r.stdout, `Wrote ${file} (${Buffer.byteLength(csv)} bytes)\n`);
    const lines = csv.trim().split(/\r?\n/);
    assert.equal(lines.length, 39, 'a header and the 38 Annex A controls');
    assert.match(lines[0], /^control_id,/);
    assert.match(csv, /^A\.10\.3,.*We use no third-party AI suppliers\./m);
    assert.equal(ok(['soa', 'export']).stdout, csv, 'CSV by default, to standard output without -o');

    const v1 = join(tmp, 'soa-v1.json');
    ok(['soa', 'export', '--format', 'json', '--version', '1', '-o', v1]);
    const doc = JSON.parse(readFileSync(v1, 'utf8'));
    assert.equal(doc.version, 1);
    assert.equal(doc.items.find((e) => e.control_id === 'A.6.2.4').implementation_status, 'implemented');

    for (const [format, magic] of [['xlsx', 'PK'], ['pdf', '%PDF-']]) {
      const out = join(tmp, `soa.${format}`);
      r = ok(['soa', 'export', '--format', format, '--version', '1', '-o', out]);
      const bytes = readFileSync(out);
      assert.equal(r.stdout, `Wrote ${out} (${bytes.length} bytes)\n`);
      assert.equal(r.stderr, '', 'no progress when stderr is not a terminal');
      assert.equal(bytes.subarray(0, magic.length).toString(), magic);
    }
    assert.equal(ok(['soa', 'export', '--format', 'pdf']).stdout.slice(0, 5), '%PDF-', 'to a pipe without -o');
    failsWith(['soa', 'export', '--format', 'docx'], 2);
    r = failsWith(['soa', 'export', '--version', '5'], 1);
    assert.match(r.stderr, /^aims: No approved version 5/);
  });

  test('assessment report writes the PDF, HTML and JSON report', () => {
    const pdf = join(tmp, 'report.pdf');
    let r = ok(['assessment', 'report', id, '-o', pdf]);
    const bytes = readFileSync(pdf);
    assert.equal(r.stdout, `Wrote ${pdf} (${bytes.length} bytes)\n`);
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-', 'PDF by default');
    const report = JSON.parse(ok(['assessment', 'report', id, '--format', 'json']).stdout);
    assert.equal(report.assessment.id, id);
    const results = json(['assessment', 'results', id]);
    assert.equal(report.summary.overall_maturity, results.overall_maturity);
    const html = ok(['assessment', 'report', id, '--format', 'html']).stdout;
    assert.match(html, /^<!doctype html>/);
    assert.ok(html.includes(report.summary.readiness.percent_text));
    failsWith(['assessment', 'report', id, '--format', 'docx'], 2);
    r = failsWith(['assessment', 'report', 'asm_nope', '-o', join(tmp, 'nope.pdf')], 1);
    assert.match(r.stderr, /^aims: No assessment asm_nope/);
  });
});
