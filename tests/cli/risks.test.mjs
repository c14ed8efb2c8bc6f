// The risk register and risk criteria commands of the aims CLI (aims risks ... | risk-criteria ...)
// against a real server: what they print, what they send, and how they fail (exit 1 with the
// server's words, exit 2 for usage errors).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { aims } from '../lib/server.mjs';
import { ok, failsWith, json, closeCliSession, openCliSession } from '../lib/cli.mjs';

const inDays = (days) => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);

describe('aims risks and risk-criteria commands', () => {
  let server, tmp, env, sys;

  before(async () => {
    ({ server, env, tmp } = await openCliSession(undefined, 'aims-cli-risks-'));
    ok(['org-settings', 'set', '--risk-acceptance', 'off']); // one admin registers and accepts here
    const r = ok(['systems', 'create', '--name', 'Loan scoring', '--purpose', 'Scores loans']);
    sys = r.stdout.match(/^Created (sys_\w+)/m)[1];
  });

  after(() => closeCliSession({ env, server, tmp }));

  test('risks list on an empty register says how to start', () => {
    assert.match(ok(['risks', 'list']).stdout, /^No risks yet; register one with 'aims risks create'\.$/m);
  });

  test('risks create with flags and fields; validation errors exit 1 naming the field; usage errors exit 2', () => {
    let r = ok(['risks', 'create', '--title', 'Biased scores', '--likelihood', '4', '--impact', '4', '--system', sys,
      '--field', 'risk_sources=C.3.4', '--field', 'planned_controls=A.7.4;Quarterly fairness review', '--field', 'residual_likelihood=2',
      '--field', 'treatment=modify', '--field', 'status=treating', '--field', 'owner=Head of Credit Risk', '--field', `review_date=${inDays(30)}`]);
    assert.match(r.stdout, /^Created R-1: Biased scores \(version 1; inherent 16 critical, residual 8 medium\)$/m);
    const file = join(tmp, 'risk.json');
    writeFileSync(file, JSON.stringify({ title: 'Too few reviewers', inherent_likelihood: 3, inherent_impact: 3, owner: 'Governance' }));
    r = ok(['risks', 'create', '--file', file]);
    assert.match(r.stdout, /^Created R-2: Too few reviewers \(version 1; inherent 9 medium, residual 9 medium\)$/m);
    assert.equal(json(['risks', 'get', 'R-2']).system_id, null);

    r = failsWith(['risks', 'create', '--title', 'Bad', '--likelihood', '2', '--impact', '2', '--field', 'planned_controls=A.6.2.99'], 1);
    assert.match(r.stderr, /^aims: The risk is not valid\.\n {2}planned_controls: A\.6\.2\.99 is not an Annex A control/);
    r = failsWith(['risks', 'create', '--title', 'Bad', '--likelihood', '2', '--impact', '2', '--field', 'residual_impact=4'], 1);
    assert.match(r.stderr, /residual_impact: is above the inherent impact/);
    failsWith(['risks', 'create', '--title', 'Bad', '--likelihood', '9', '--impact', '2'], 2);
    failsWith(['risks', 'create', '--title', 'Bad', '--likelihood', '2', '--impact', '2', '--field', 'residual_impact=high'], 2);
    failsWith(['risks', 'create'], 2);
    assert.equal(json(['risks', 'list']).total, 2, 'nothing was stored by the refusals');
  });

  test('risks list shows levels, status and acceptance; filters and --json', () => {
    let r = ok(['risks', 'list']);
    assert.match(r.stdout, /^id\s+title\s+system\s+inherent\s+residual\s+status\s+acceptance\s+owner\s+review$/m);
    assert.match(r.stdout, /^R-1\s+Biased scores\s+Loan scoring\s+16 critical\s+8 medium\s+treating\s+none\s+Head of Credit Risk\s+\d{4}-\d{2}-\d{2}$/m);
    assert.match(r.stdout, /^R-2\s+Too few reviewers\s+-\s+9 medium\s+9 medium\s+open\s+none\s+Governance\s+-$/m);
    assert.match(r.stdout, /^2 of 2 risks; 0 with an overdue review$/m);
    r = ok(['risks', 'list', '--system', 'none']);
    assert.doesNotMatch(r.stdout, /R-1/);
    assert.deepEqual(json(['risks', 'list', '--residual-level', 'medium', '--sort', '-number']).items.map((x) => x.id), ['R-2', 'R-1']);
    assert.deepEqual(json(['risks', 'list', '--control', 'A.7.4']).items.map((x) => x.id), ['R-1']);
    assert.deepEqual(json(['risks', 'list', '--limit', '1', '--all']).items.map((x) => x.id), ['R-1', 'R-2']);
    assert.match(ok(['risks', 'list', '--q', 'nothing like this']).stdout, /^No risks match these filters\.$/m);
    failsWith(['risks', 'list', '--status', 'done'], 2);
    r = failsWith(['risks', 'list', '--residual-level', 'extreme'], 1);
    assert.match(r.stderr, /residual_level: must be one of low, medium, high, critical/);
  });

  test('risks get prints every field; an unknown risk exits 1', () => {
    const r = ok(['risks', 'get', 'R-1']);
    assert.match(r.stdout, /^system\s+Loan scoring \(sys_\w+\)$/m);
    assert.match(r.stdout, /^inherent\s+4 × 4 = 16, Critical$/m);
    assert.match(r.stdout, /^residual\s+2 × 4 = 8, Medium$/m);
    assert.match(r.stdout, /^planned controls\s+A\.7\.4; Quarterly fairness review$/m);
    assert.match(r.stdout, /^acceptance\s+none$/m);
    assert.match(failsWith(['risks', 'get', 'R-99'], 1).stderr, /^aims: No risk R-99 in this organization\./);
  });

  test('risks update sends If-Match, honours --expect-version and clears with empty values', () => {
    let r = ok(['risks', 'update', 'R-2', '--field', 'owner=Risk office', '--field', `system_id=${sys}`]);
    assert.match(r.stdout, /^Updated R-2: Too few reviewers \(version 2;/m);
    r = failsWith(['risks', 'update', 'R-2', '--field', 'owner=Late', '--expect-version', '1'], 1);
    assert.match(r.stderr, /is at version 2, not 1/);
    ok(['risks', 'update', 'R-2', '--field', 'system_id=', '--expect-version', '2']);
    assert.equal(json(['risks', 'get', 'R-2']).system_id, null);
    r = failsWith(['risks', 'update', 'R-2', '--field', 'status=monitoring'], 1);
    assert.match(r.stderr, /treatment: choose a treatment option/);
    failsWith(['risks', 'update', 'R-2'], 2);
  });

  test('risks accept: within the threshold only, then a residual change withdraws it; withdraw; history', () => {
    ok(['risks', 'update', 'R-1', '--field', 'residual_likelihood=3']);
    let r = failsWith(['risks', 'accept', 'R-1', '--rationale', 'Fine', '--expires', inDays(90), '--yes'], 1);
    assert.match(r.stderr, /^aims: The residual level is High \(likelihood × impact 3 × 4\); the risk criteria allow accepting risks up to Medium/);
    assert.equal(json(['risks', 'get', 'R-1']).acceptance, null);
    assert.match(failsWith(['risks', 'accept', 'R-99', '--rationale', 'x', '--expires', inDays(9)], 1).stderr, /No risk R-99/);
    r = failsWith(['risks', 'accept', 'R-2', '--rationale', 'Fine', '--expires', inDays(-1)], 1);
    assert.match(r.stderr, /expires_on: must be after today/);
    failsWith(['risks', 'accept', 'R-2', '--rationale', 'Fine'], 2);
    ok(['risks', 'update', 'R-2', '--field', 'residual_likelihood=2', '--field', 'treatment=retain']);
    r = ok(['risks', 'accept', 'R-2', '--rationale', 'Within appetite', '--expires', inDays(120)]);
    assert.match(r.stdout, new RegExp(`^Accepted R-2 until ${inDays(120)} \\(residual 6 medium\\)$`, 'm'));
    assert.match(ok(['risks', 'get', 'R-2']).stdout, /^acceptance\s+accepted: accepted by admin@acme\.test \(admin\)/m);
    r = ok(['risks', 'update', 'R-2', '--field', 'residual_impact=2']);
    assert.match(r.stdout, /^The acceptance was withdrawn: The residual likelihood × impact changed from 2 × 3 to 2 × 2/m);
    r = failsWith(['risks', 'withdraw', 'R-2'], 1);
    assert.match(r.stderr, /no acceptance in force/);
    ok(['risks', 'accept', 'R-2', '--rationale', 'Lower still', '--expires', inDays(60)]);
    assert.match(ok(['risks', 'withdraw', 'R-2', '--reason', 'Supplier changed']).stdout, /^Withdrew the acceptance of R-2: Too few reviewers$/m);
    assert.equal(json(['risks', 'get', 'R-2']).acceptance.withdrawn_reason, 'Supplier changed');
    r = ok(['risks', 'history', 'R-2']);
    r.stdout = r.stdout.replace(/\n {4}(?![a-z_]+: )/g, ' '); // wrapped change lines joined
    assert.match(r.stdout, /^v\d+\s+\S+\s+admin@acme\.test\s+withdraw_acceptance$/m);
    assert.match(r.stdout, /^ {4}acceptance: accepted by admin@acme\.test until \S+ → accepted by admin@acme\.test until \S+, withdrawn by admin@acme\.test$/m);
    assert.match(r.stdout, /^ {4}owner: Governance → Risk office$/m);
    assert.match(r.stdout, /^v1\s+\S+\s+admin@acme\.test\s+create$/m);
    assert.equal(json(['risks', 'history', 'R-2', '--all']).items.at(-1).operation, 'create');
  });

  test('risks heatmap prints both grids with counts', () => {
    const r = ok(['risks', 'heatmap']);
    assert.match(r.stdout, /^Inherent \(2 risks not closed\)$/m);
    assert.match(r.stdout, /^likelihood \\ impact\s+1 Negligible\s+2 Minor\s+3 Moderate\s+4 Major\s+5 Severe$/m);
    assert.match(r.stdout, /^4 Likely\s+·\s+·\s+·\s+1\s+·$/m);
    assert.match(r.stdout, /^Residual$/m);
    assert.match(r.stdout, /^0 overdue review\(s\), 0 expired acceptance\(s\)$/m);
    assert.equal(json(['risks', 'heatmap', '--system', sys]).total, 1);
  });

  test('risk-criteria get and set: flags, a file, If-Match, and refusals that change nothing', () => {
    let r = ok(['risk-criteria', 'get']);
    assert.match(r.stdout, /^acceptance threshold\s+medium$/m);
    assert.match(r.stdout, /^accepted by\s+admin; manager$/m);
    assert.match(r.stdout, /^version\s+0 \(the defaults\)$/m);
    assert.match(r.stdout, /^5\s+medium\s+high\s+high\s+critical\s+critical$/m);
    r = ok(['risk-criteria', 'set', '--threshold', 'high', '--accept-roles', 'admin,manager,contributor']);
    assert.match(r.stdout, /^Saved the risk criteria as version 1: 5 × 5, accepted up to high by admin; manager; contributor$/m);
    // A file: the criteria as JSON, e.g. edited output of get --json.
    const c = json(['risk-criteria', 'get']);
    c.levels[0].name = 'Negligible risk';
    const file = join(tmp, 'criteria.json');
    writeFileSync(file, JSON.stringify(c));
    assert.match(ok(['risk-criteria', 'set', '--file', file]).stdout, /as version 2:/);
    assert.equal(json(['risk-criteria', 'get']).levels[0].name, 'Negligible risk');
    // A scale shorter than the risks' scores is refused.
    const short = { ...c, likelihood: c.likelihood.slice(0, 3), matrix: c.matrix.slice(0, 3) };
    writeFileSync(file, JSON.stringify(short));
    r = failsWith(['risk-criteria', 'set', '--file', file], 1);
    assert.match(r.stderr, /^aims: Existing risks are scored on steps the new scales do not have; nothing was changed\.\n {2}likelihood: R-1 uses likelihood 4/);
    r = failsWith(['risk-criteria', 'set', '--threshold', 'extreme'], 1);
    assert.match(r.stderr, /acceptance_threshold: must be the id of one of the levels/);
    assert.equal(json(['risk-criteria', 'get']).version, 2);
    failsWith(['risk-criteria', 'set'], 2);
    // Back to medium for the rest of the organization's life.
    ok(['risk-criteria', 'set', '--threshold', 'medium', '--accept-roles', 'admin,manager']);
  });

  test('a viewer token may read but not write', () => {
    const add = aims(['user', 'add', '--data', server.dataDir, '--org', server.org, '--email', 'viewer@acme.test', '--role', 'viewer'], 'viewer password 1\n');
    assert.equal(add.status, 0, add.stderr);
    const token = ok(['token', 'create', '--data', server.dataDir, '--email', 'viewer@acme.test', '--name', 'v']).stdout.trim();
    ok(['risks', 'list', '--token', token]);
    let r = failsWith(['risks', 'create', '--token', token, '--title', 'x', '--likelihood', '1', '--impact', '1'], 1);
    assert.match(r.stderr, /^aims: Your role \(viewer\) may not register risks\./);
    r = failsWith(['risk-criteria', 'set', '--token', token, '--threshold', 'low'], 1);
    assert.match(r.stderr, /may not change the risk criteria/);
  });
});
