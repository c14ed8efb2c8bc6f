// The RACI, retention and legal hold commands of the aims CLI against a real server: aims raci
// matrix, aims retention show|set, aims hold set|release — what they print, what they send, and
// how they fail (exit 1 with the server's words, exit 2 for usage errors, nothing changed).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { ok, failsWith, json, useServerEnv } from '../lib/cli.mjs';

describe('aims raci, retention and hold commands', () => {
  let server, env, me;

  before(async () => {
    server = await startServer();
    env = useServerEnv(server);
    me = json(['me']).user.id;
  });

  after(async () => {
    env?.restore();
    await server?.stop();
  });

  test('raci matrix prints the letters of each member and the R = A warning', () => {
    ok(['raci-activity', 'create', '--title', 'Approve treatment plans', '--process', 'risk_management', '--responsible', me, '--accountable', me]);
    failsWith(['raci', 'matrix'], 2);
    failsWith(['raci', 'matrix', '--process', 'risk_management', '--system', 'sys_x'], 2);
    const r = ok(['raci', 'matrix', '--process', 'risk_management']);
    assert.match(r.stdout, /^RACI matrix: AI risk management$/m);
    assert.match(r.stdout, /^RA-1 {2}Approve treatment plans$/m);
    assert.match(r.stdout, /^ {4}R\/A {2}/m);
    assert.match(r.stdout, /^ {4}warning: The same member is Responsible/m);
    assert.match(r.stdout, /^1 activities, 1 with a warning\.$/m);
    assert.equal(json(['raci', 'matrix', '--process', 'risk_management']).warnings, 1);
    assert.match(failsWith(['raci', 'matrix', '--process', 'astrology'], 1).stderr, /not an AIMS process/);
  });

  test('retention set and show; a bad kind is refused and nothing changes', () => {
    assert.match(ok(['retention', 'show']).stdout, /^periods\s+none set$/m);
    failsWith(['retention', 'set', 'risk'], 2);
    assert.match(failsWith(['retention', 'set', 'planet', '12'], 1).stderr, /not a record kind/);
    let r = ok(['retention', 'set', 'risk', '84']);
    assert.match(r.stdout, /^Saved the retention periods as version 1\.$/m);
    assert.match(r.stdout, /^risk\s+84 months$/m);
    ok(['retention', 'set', 'context_issue', '36']);
    ok(['retention', 'set', 'risk', '--clear']);
    assert.deepEqual(json(['retention', 'show']).periods, { context_issue: 36 });
  });

  test('hold set and release; a held record is not archived', () => {
    ok(['context-issue', 'create', '--title', 'Disputed', '--origin', 'internal', '--category', 'legal', '--effect', 'risk']);
    failsWith(['hold', 'set', 'context_issue', 'CI-1'], 2);
    assert.match(ok(['hold', 'set', 'context_issue', 'CI-1', '--reason', 'Litigation']).stdout, /^Placed the legal hold of context_issue CI-1\.$/m);
    assert.match(failsWith(['context-issue', 'archive', 'CI-1'], 1).stderr, /under legal hold/);
    assert.equal(json(['context-issue', 'get', 'CI-1']).archived, false);
    assert.match(failsWith(['hold', 'set', 'context_issue', 'CI-9', '--reason', 'x'], 1).stderr, /No context issue CI-9/);
    assert.match(ok(['hold', 'release', 'context_issue', 'CI-1', '--reason', 'Settled']).stdout, /^Released the legal hold of context_issue CI-1\.$/m);
    ok(['context-issue', 'archive', 'CI-1']);
    assert.equal(json(['context-issue', 'get', 'CI-1']).archived, true);
  });
});
