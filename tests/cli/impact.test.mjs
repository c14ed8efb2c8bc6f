// The impact assessment commands of the aims CLI (aims impact list|get|create|update|submit|approve|
// versions|fria|export) against a real server: what they print, what they send, and how they fail
// (exit 1 with the server's words, exit 2 for usage errors).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { login } from '../lib/server.mjs';
import { client } from '../lib/http.mjs';
import { classifyAs, answersFor } from '../lib/euact.mjs';
import { ok, failsWith, json, closeCliSession, openCliSession } from '../lib/cli.mjs';

const inAYear = () => new Date(Date.now() + 365 * 86400e3).toISOString().slice(0, 10);

describe('aims impact commands', () => {
  let server, tmp, env, sys, id, ref;

  before(async () => {
    ({ server, env, tmp } = await openCliSession(undefined, 'aims-cli-impact-'));
    ok(['org-settings', 'set', '--impact-approval', 'off']); // one admin submits and approves here
    sys = json(['systems', 'create', '--name', 'CV screener', '--purpose', 'Ranks job applications',
      '--field', 'intended_use=Helps recruiters', '--field', 'deployment_context=HR applicant tracking',
      '--field', 'affected_people=Job applicants;Recruiters', '--field', 'organization_role=deployer',
      '--field', 'model_type=Language model']);
    // High-risk by its classification (which sets the inventory's EU AI Act fields).
    await classifyAs(client(server.url, await login(server.url, server.admin.email, server.admin.password)), sys.id, 'high_risk',
      { answers: { ...answersFor('high_risk'), 'deployer-public-service': true } });
  });

  after(() => closeCliSession({ env, server, tmp }));

  test('create pre-fills from the inventory; list and get print it; bad input fails with the server\'s words', () => {
    let r = ok(['impact', 'create', '--system', sys.id, '--field', 'scope=Hiring in the EU offices',
      '--harm', 'individual|Job applicants|4|3|Qualified applicants ranked low', '--benefit', 'society|Employers|2|4|Faster hiring']);
    const m = r.stdout.match(/^Created (IA-\d+) \((ia_\w+)\): Impact assessment of CV screener — draft, outcome restricted \(version 1\)$/m);
    assert.ok(m, r.stdout);
    [, ref, id] = m;

    r = ok(['impact', 'list']);
    assert.match(r.stdout, /^ref\s+id\s+title\s+AI system\s+status\s+outcome\s+re-assessment\s+next review$/m);
    assert.match(r.stdout, new RegExp(`^${ref}\\s+${id}\\s+Impact assessment of CV screener\\s+CV screener\\s+draft\\s+restricted\\s+no`, 'm'));
    assert.match(r.stdout, /^1 of 1 impact assessments$/m);
    assert.deepEqual(json(['impact', 'list', '--all']).items.map((a) => a.id), [id]);
    assert.match(ok(['impact', 'list', '--outcome', 'normal']).stdout, /^No impact assessments match these filters\.$/m);
    assert.equal(json(['impact', 'list', '--system', sys.id]).items.length, 1);

    r = ok(['impact', 'get', id]);
    assert.match(r.stdout, /^FRIA required\s+yes/m);
    assert.match(r.stdout, /^Purpose\n {2}Ranks job applications$/m);
    assert.match(r.stdout, /^Scope\n {2}Hiring in the EU offices$/m);
    assert.match(r.stdout, /^1\s+harm\s+individual\s+Job applicants\s+4\s+3\s+12\s+restricted\s+0\s+Qualified applicants ranked low$/m);
    assert.match(r.stdout, /^2\s+benefit\s+society\s+Employers\s+2\s+4\s+8\s+-\s+0\s+Faster hiring$/m);
    const a = json(['impact', 'get', id]);
    assert.equal(a.intended_uses, 'Helps recruiters');
    assert.equal(a.impacts.length, 2);

    r = failsWith(['impact', 'create', '--system', 'sys_nope'], 1);
    assert.match(r.stderr, /^aims: The AI system to assess does not exist in this organization\.\n {2}system_id: /);
    r = failsWith(['impact', 'create', '--system', sys.id, '--field', 'next_review_date=soon'], 1);
    assert.match(r.stderr, /^ {2}next_review_date: must be a date/m);
    r = failsWith(['impact', 'create', '--system', sys.id, '--harm', 'individual|x|9|1|bad'], 2);
    assert.match(r.stderr, /--harm takes/);
    failsWith(['impact', 'create'], 2);
    r = failsWith(['impact', 'get', 'ia_nope'], 1);
    assert.match(r.stderr, /^aims: No impact assessment ia_nope/);
    assert.equal(json(['impact', 'list']).items.length, 1, 'nothing was created by the failures');
  });

  test('update sends If-Match, adds rows to the existing ones, and a submitted change goes back to draft', () => {
    let r = ok(['impact', 'update', id, '--field', `next_review_date=${inAYear()}`, '--field', 'assessors=HR Director;DPO']);
    assert.match(r.stdout, new RegExp(`^Updated ${ref} \\(${id}\\): .+ — draft, outcome restricted \\(version 2\\)$`, 'm'));
    const file = join(tmp, 'impacts.json');
    const a = json(['impact', 'get', id]);
    a.impacts[0].measures = [{ description: 'Recruiters read beyond the top of the list', owner: 'Head of Recruiting', status: 'implemented' }];
    writeFileSync(file, JSON.stringify({ impacts: a.impacts }));
    r = ok(['impact', 'update', id, '--file', file, '--harm', 'group|Older applicants|2|2|Age bias in ranking']);
    const b = json(['impact', 'get', id]);
    assert.deepEqual(b.impacts.map((e) => [e.affected_party, e.measures.length]), [['Job applicants', 1], ['Employers', 0], ['Older applicants', 0]]);
    assert.deepEqual(b.impacts.slice(0, 2).map((e) => e.id), a.impacts.map((e) => e.id), 'rows keep their ids');
    assert.deepEqual(b.assessors, ['HR Director', 'DPO']);
    r = failsWith(['impact', 'update', id, '--field', 'status=approved'], 1);
    assert.match(r.stderr, /^ {2}status: is read-only$/m);
    failsWith(['impact', 'update', id], 2);
  });

  test('submit, approve with a note, versions; approving again fails', () => {
    let r = ok(['impact', 'submit', id]);
    assert.match(r.stdout, new RegExp(`^Submitted ${ref} .+ — in_review, outcome restricted`, 'm'));
    r = failsWith(['impact', 'approve', id, '--yes'], 1);
    assert.match(r.stderr, /^ {2}note: approving a restricted use needs a note/m);
    r = ok(['impact', 'approve', id, '--yes', '--note', 'Accepted with the reading rule']);
    assert.match(r.stdout, new RegExp(`^Approved ${ref} as version 1 \\(outcome restricted\\)$`, 'm'));
    r = failsWith(['impact', 'approve', id, '--yes', '--note', 'again'], 1);
    assert.match(r.stderr, /approved already/);
    r = ok(['impact', 'versions', id]);
    assert.match(r.stdout, /^version\s+approved_at\s+approved_by\s+outcome\s+note$/m);
    assert.match(r.stdout, /^1\s+\S+\s+admin@acme\.test\s+restricted\s+Accepted with the reading rule$/m);
    assert.match(ok(['impact', 'list', '--status', 'approved']).stdout, new RegExp(`^${ref}\\s`, 'm'));
  });

  test('a change of the AI system shows as a due re-assessment in list and get', () => {
    const s = json(['systems', 'get', sys.id]);
    ok(['systems', 'update', sys.id, '--field', 'model_type=Gradient boosting', '--expect-version', String(s.version)]);
    let r = ok(['impact', 'list', '--due']);
    assert.match(r.stdout, new RegExp(`^${ref}\\s.+yes \\(system changed: model_type\\)`, 'm'));
    r = ok(['impact', 'get', id]);
    assert.match(r.stdout, /^re-assessment due\s+yes \(system changed: model_type\)$/m);
  });

  test('fria prints each Art. 27 element with its status and what is still to do', () => {
    let r = ok(['impact', 'fria', id]);
    assert.match(r.stdout, /^FRIA required: yes — The saved classification records the organization as deployer of a system classified 'high_risk' \(Annex III point 4\(a\)\); the Art\. 27 obligation follows from it\.$/m);
    assert.match(r.stdout, /^Art\. 27\(1\)\(a\) {2}The deployer's processes in which the system is used {2}\[missing\]$/m);
    assert.match(r.stdout, /^Art\. 27\(1\)\(c\) {2}.+\[filled\]\n {2}- Job applicants$/m);
    assert.match(r.stdout, /^ {2}- Job applicants: Qualified applicants ranked low \(score 12, restricted\)$/m);
    assert.match(r.stdout, /^Art\. 27\(1\)\(f\) {2}.+\[partial\]$/m);
    assert.match(r.stdout, /^Missing: a; b; e; f$/m);
    const f = json(['impact', 'fria', id, '--version', '1']);
    assert.equal(f.source.kind, 'version');
    r = failsWith(['impact', 'fria', id, '--version', '7'], 1);
    assert.match(r.stderr, /no approved version 7/);
  });

  test('export writes PDF and JSON files', () => {
    const pdf = join(tmp, 'ia.pdf');
    ok(['impact', 'export', id, '--format', 'pdf', '-o', pdf]);
    assert.equal(readFileSync(pdf).subarray(0, 5).toString(), '%PDF-');
    const t = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    assert.match(t.stdout, /Qualified applicants ranked low/);
    const out = ok(['impact', 'export', id, '--format', 'json', '--version', '1']).stdout;
    const doc = JSON.parse(out);
    assert.equal(doc.format, 'aims.impact-assessment');
    assert.equal(doc.source.number, 1);
    failsWith(['impact', 'export', id, '--format', 'xlsx'], 2);
  });
});
