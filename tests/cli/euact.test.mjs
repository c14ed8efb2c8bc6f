// The EU AI Act commands of the aims CLI (aims classification questions|get|set|history, aims
// obligations list|update, aims legal-requirement eu-ai-act) against a real server: what they print, what they send, and how they
// fail (exit 1 with the server's words, exit 2 for usage errors).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ok, failsWith, json, closeCliSession, openCliSession } from '../lib/cli.mjs';
import { complete, PRESETS } from '../lib/euact.mjs';

describe('aims classification and obligations commands', () => {
  let server, tmp, env, questionnaire, sys, other;

  before(async () => {
    ({ server, env, tmp } = await openCliSession(undefined, 'aims-cli-euact-'));
    questionnaire = json(['classification', 'questions']);
    sys = json(['systems', 'create', '--name', 'CV ranking', '--purpose', 'Ranks job applications', '--field', 'owner=HR Director']);
    other = json(['systems', 'create', '--name', 'Support bot', '--purpose', 'Answers customers']);
  });

  after(() => closeCliSession({ env, server, tmp }));

  test('classification questions lists every question with its id, step and type', () => {
    const r = ok(['classification', 'questions']);
    assert.match(r.stdout, /^id\s+step\s+answer\s+question$/m);
    assert.match(r.stdout, /^roles\s+role\s+list of provider,deployer,importer,distributor,product_manufacturer,authorised_representative\s+What is your organization's role/m);
    assert.match(r.stdout, /^annex1-section\s+annex1\s+one of A,B\s+Which part of Annex I/m);
    assert.match(r.stdout, /^art5-1-ba\s+prohibited\s+yes\|no\s+/m);
    assert.match(r.stdout, /^art2-scope\s+scope\s+list of art2-3,art2-4,art2-6,art2-10,art2-12\s+/m);
    assert.match(r.stdout, /^annex3-4-a\s+annex3-4\s+yes\|no\s+/m);
    assert.equal(questionnaire.questions.length, r.stdout.trim().split('\n').filter((l) => /^[a-z0-9-]+\s+[a-z0-9-]+\s+(yes\|no|one of|list of)/.test(l)).length);
  });

  test('classification set from a file: prints class, basis, roles and the obligations; get shows it all', () => {
    const file = join(tmp, 'hr.json');
    writeFileSync(file, JSON.stringify(complete(questionnaire, PRESETS.hr)));
    let r = ok(['classification', 'set', sys.id, '--answers', file, '--note', 'First pass']);
    assert.match(r.stdout, new RegExp(`^Classified ${sys.id} as high-risk \\(Annex III point 4\\(a\\)\\) \\(version 1\\); roles: provider, deployer; 2[0-9] obligation\\(s\\) follow\\.$`, 'm'));
    r = ok(['classification', 'get', sys.id]);
    assert.match(r.stdout, /^class\s+high-risk$/m);
    assert.match(r.stdout, /^basis\s+Annex III point 4\(a\)$/m);
    assert.match(r.stdout, /^applies from\s+2027-12-02$/m);
    assert.match(r.stdout, /^roles\s+provider, deployer$/m);
    assert.match(r.stdout, /^note\s+First pass$/m);
    assert.match(r.stdout, /^High-risk under Annex III point 4\(a\)\./m);
    assert.match(r.stdout, /^art9\s+Art\. 9\s+Risk management system\s+provider\s+2027-12-02\s+2027-12-02$/m);
    assert.match(r.stdout, /^art73\s+Art\. 73\s+Reporting serious incidents\s+provider, deployer\s+2027-12-02/m);
    const got = json(['classification', 'get', sys.id]);
    assert.equal(got.result.class, 'high_risk');
    assert.equal(json(['systems', 'get', sys.id]).eu_ai_act_basis, 'Annex III point 4(a)');
  });

  test('classification set with --answer flags on top of a file re-classifies with If-Match; history lists both', () => {
    const file = join(tmp, 'hr-full.json');
    // A classification as `get --json` prints it is accepted as the answers file.
    writeFileSync(file, JSON.stringify(json(['classification', 'get', sys.id])));
    const r = ok(['classification', 'set', sys.id, '--answers', file, '--answer', 'annex3-4-a=no', '--answer', 'annex3-areas=4,5',
      '--answer', 'annex3-5-a=no', '--answer', 'annex3-5-b=yes', '--answer', 'annex3-5-c=no', '--answer', 'annex3-5-d=no',
      '--answer', 'deployer-public-service=no', '--answer', 'deployer-public-authority=no', '--answer', 'annex3-4-b=no']);
    assert.match(r.stdout, /as high-risk \(Annex III point 5\(b\)\) \(version 2\)/);
    const h = ok(['classification', 'history', sys.id]);
    assert.match(h.stdout, /^version\s+classified_at\s+by\s+class\s+basis\s+note$/m);
    assert.match(h.stdout, /^2\s+\S+\s+admin@acme\.test\s+high-risk\s+Annex III point 5\(b\)\s*$/m);
    assert.match(h.stdout, /^1\s+\S+\s+admin@acme\.test\s+high-risk\s+Annex III point 4\(a\)\s+First pass$/m);
    assert.deepEqual(json(['classification', 'history', sys.id]).items.map((x) => x.version), [2, 1]);
  });

  test('classification set only from flags, for a chatbot', () => {
    const flags = [];
    for (const [id, v] of Object.entries(complete(questionnaire, PRESETS.chatbot)))
      flags.push('--answer', `${id}=${Array.isArray(v) ? v.join(',') : v === true ? 'yes' : v === false ? 'no' : v}`);
    const r = ok(['classification', 'set', other.id, ...flags]);
    assert.match(r.stdout, /as transparency duties \(Art\. 50\(1\)\) \(version 1\); roles: provider, deployer; 2 obligation\(s\) follow\./);
  });

  test('incomplete or invalid answers exit 1 with the missing questions named; usage errors exit 2', () => {
    const file = join(tmp, 'partial.json');
    writeFileSync(file, JSON.stringify({ roles: ['provider'], 'art5-1-a': false }));
    let r = failsWith(['classification', 'set', other.id, '--answers', file], 1);
    assert.match(r.stderr, /^aims: \d+ question\(s\) are not answered yet: /);
    assert.match(r.stderr, /^ {2}answers\.art5-1-b: needs an answer: /m);
    r = failsWith(['classification', 'set', other.id, '--answer', 'art5-1-a=maybe'], 2);
    assert.match(r.stderr, /art5-1-a must be yes or no/);
    failsWith(['classification', 'set', other.id], 2);
    failsWith(['classification', 'set', other.id, '--answer', 'novalue'], 2);
    writeFileSync(file, '[1, 2]');
    failsWith(['classification', 'set', other.id, '--answers', file], 2);
    r = failsWith(['classification', 'get', 'sys_nope'], 1);
    assert.match(r.stderr, /^aims: No AI system sys_nope/);
    // Nothing changed by the refusals.
    assert.equal(json(['classification', 'get', other.id]).version, 1);
  });

  test('obligations list: table, filters and --all; update changes status, owner and evidence', () => {
    let r = ok(['obligations', 'list', '--system', sys.id, '--role', 'deployer']);
    assert.match(r.stdout, /^system\s+obligation\s+article\s+roles\s+applies\s+due\s+status\s+owner$/m);
    assert.match(r.stdout, /^CV ranking\s+art26\s+Art\. 26\s+deployer\s+2027-12-02\s+2027-12-02\s+not_started\s+HR Director$/m);
    assert.match(r.stdout, /^CV ranking\s+art27\s+Art\. 27\s+deployer/m);
    assert.match(r.stdout, /^\d+ of \d+ obligations$/m);
    r = ok(['obligations', 'list', '--article', 'Art. 50']);
    assert.match(r.stdout, /^Support bot\s+art50-1-disclose\s+Art\. 50\(1\)\s+provider\s+2026-08-02\s+2026-08-02( \(overdue\))?\s+not_started/m);
    const all = json(['obligations', 'list', '--all', '--limit', '5']);
    assert.equal(all.items.length, all.total);
    assert.ok(all.total > 20);

    r = ok(['obligations', 'update', sys.id, 'art26', '--status', 'in_progress', '--owner', 'HR operations', '--evidence', 'Oversight roster', '--evidence', 'Training log']);
    assert.match(r.stdout, /^Updated art26 \(Art\. 26\) of CV ranking: in_progress, owner HR operations \(version 2\)$/m);
    const o = json(['obligations', 'list', '--system', sys.id, '--status', 'in_progress']);
    assert.deepEqual(o.items.map((x) => [x.obligation_id, x.owner, x.evidence_refs]), [['art26', 'HR operations', ['Oversight roster', 'Training log']]]);
    r = failsWith(['obligations', 'update', sys.id, 'art26', '--status', 'not_applicable'], 1);
    assert.match(r.stderr, /^ {2}not_applicable_reason: is required/m);
    ok(['obligations', 'update', sys.id, 'art26', '--status', 'not_applicable', '--reason', 'Used only by the provider team']);
    ok(['obligations', 'update', sys.id, 'art26', '--evidence', '']);
    assert.deepEqual(json(['obligations', 'list', '--system', sys.id, '--article', 'art26']).items[0].evidence_refs, []);
    failsWith(['obligations', 'update', sys.id, 'art26'], 2);
    failsWith(['obligations', 'update', sys.id, 'art26', '--status', 'done'], 2);
    r = failsWith(['obligations', 'update', sys.id, 'art999', '--owner', 'x'], 1);
    assert.match(r.stderr, /^aims: No obligation art999/);
    r = failsWith(['obligations', 'list', '--due-before', 'soon'], 1);
    assert.match(r.stderr, /^ {2}due_before: /m);
    r = ok(['obligations', 'list', '--system', 'sys_none']);
    assert.match(r.stdout, /^No obligations match/);
  });

  test('legal-requirement eu-ai-act lists the obligations register by AI system, with its filters', () => {
    const register = json(['obligations', 'list', '--all', '--sort', 'system']);
    const listed = json(['legal-requirement', 'eu-ai-act', '--all']);
    const first = json(['legal-requirement', 'eu-ai-act', '--limit', '2']);
    assert.equal(first.source, 'EU AI Act (Regulation (EU) 2024/1689)');
    assert.equal(first.total, register.total);
    assert.deepEqual(listed.items.map((o) => [o.system_id, o.obligation_id]), register.items.map((o) => [o.system_id, o.obligation_id]));
    const r = ok(['legal-requirement', 'eu-ai-act', '--system', sys.id, '--status', 'not_applicable']);
    assert.match(r.stdout, /^system\s+obligation\s+article\s+roles\s+applies\s+due\s+status\s+owner$/m);
    assert.match(r.stdout, /^CV ranking\s+art26\s+Art\. 26\s+deployer\s+.*not_applicable/m);
    assert.match(r.stdout, /^1 of 1 obligations$/m);
    failsWith(['legal-requirement', 'eu-ai-act', '--status', 'done'], 2);
  });
});
