// The scope commands of the aims CLI (aims scope show|set|approve|drift) against a real server:
// what they print, what they send (the whole scope with If-Match), and how they fail (exit 1 with
// the server's words, exit 2 for usage errors), changing nothing when they fail.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aims, startServer } from '../lib/server.mjs';
import { ok, failsWith, json, useServerEnv } from '../lib/cli.mjs';

describe('aims scope commands', () => {
  let server, env, loan, chat;

  async function system(name) {
    const r = await fetch(`${server.url}/api/v1/systems`, {
      method: 'POST',
      headers: { authorization: `Bearer ${env.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name, purpose: 'CLI scope test' }),
    });
    assert.equal(r.status, 201);
    return r.json();
  }

  before(async () => {
    server = await startServer();
    env = useServerEnv(server);
    loan = await system('Loan scoring');
    chat = await system('Support chatbot');
  });

  after(async () => {
    env?.restore();
    await server?.stop();
  });

  test('show and drift before the first save: version 0, both systems drift', () => {
    const r = ok(['scope', 'show']);
    assert.match(r.stdout, /^version\s+0 \(not saved yet\)$/m);
    assert.match(r.stdout, /covering the use of no AI systems yet\./);
    const d = ok(['scope', 'drift']);
    assert.match(d.stdout, /^2 AI system\(s\) drift from the scope:$/m);
    assert.match(d.stdout, /Loan scoring is in the inventory but neither in nor out of scope\./);
  });

  test('set places systems and replaces lists; usage and validation errors exit 2 or 1 and change nothing', () => {
    failsWith(['scope', 'set'], 2);
    failsWith(['scope', 'set', '--out', chat.id], 2);
    const r1 = failsWith(['scope', 'set', '--in', 'no-such-system'], 1);
    assert.match(r1.stderr, /The AIMS scope is not valid/);
    assert.equal(json(['scope', 'show']).version, 0);
    const r = ok(['scope', 'set', '--unit', 'Retail Banking', '--site', 'Frankfurt', '--role', 'provider', '--in', loan.id,
      '--out', `${chat.id}=Run by a supplier`]);
    assert.match(r.stdout, /^Saved the AIMS scope as version 1 \(draft\)\.$/m);
    // The statement is word-wrapped for the terminal.
    assert.match(r.stdout.replace(/\s+/g, ' '), /development of 1 AI system \(Loan scoring\) at Frankfurt by Retail Banking, in the role of provider\./);
    assert.match(r.stdout, /^No drift/m);
    const s = json(['scope', 'show']);
    assert.deepEqual(s.in_scope, [loan.id]);
    assert.deepEqual(s.out_of_scope, [{ system_id: chat.id, reason: 'Run by a supplier' }]);
    // --in moves an excluded system in scope; the other lists stay.
    ok(['scope', 'set', '--in', chat.id]);
    const t = json(['scope', 'show']);
    assert.deepEqual(t.in_scope, [loan.id, chat.id]);
    assert.deepEqual(t.out_of_scope, []);
    assert.deepEqual(t.units, ['Retail Banking']);
    assert.equal(t.version, 2);
  });

  test('systems get shows the membership the scope sets; systems update refuses in_scope and points to the scope', () => {
    const s = json(['systems', 'get', chat.id]);
    assert.deepEqual(s.scope, { placement: 'in', reason: '', scope_version: 2, scope_status: 'draft' });
    assert.ok(!('in_scope' in s));
    assert.match(ok(['systems', 'get', chat.id]).stdout, /^scope\s+in \(AIMS scope version 2, draft\)$/m);
    ok(['scope', 'set', '--out', `${chat.id}=Run by a supplier`]);
    assert.deepEqual(json(['systems', 'get', chat.id]).scope, { placement: 'out', reason: 'Run by a supplier', scope_version: 3, scope_status: 'draft' });
    const r = failsWith(['systems', 'update', chat.id, '--field', 'in_scope=true'], 1);
    assert.match(r.stderr, /in_scope: is not set on an AI system: scope membership is the AIMS scope's/);
    assert.equal(json(['systems', 'get', chat.id]).version, s.version, 'nothing changed');
    ok(['scope', 'set', '--in', chat.id]);
    assert.equal(json(['systems', 'get', chat.id]).scope.placement, 'in');
    // An in_scope column of an older export is ignored with a warning that names the scope.
    const dir = mkdtempSync(join(tmpdir(), 'aims-cli-scope-'));
    try {
      writeFileSync(join(dir, 'old.csv'), `id,name,in_scope\r\n${chat.id},Support chatbot,false\r\n`);
      const imp = ok(['systems', 'import', join(dir, 'old.csv')]);
      assert.match(imp.stdout, /^Warning: column in_scope was ignored: .*PUT \/api\/v1\/scope\)$/m);
      assert.equal(json(['systems', 'get', chat.id]).scope.placement, 'in');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('submit, approve, reject: the last author is refused with the server\'s words; the named manager approves', () => {
    const before = json(['scope', 'show']);
    const r = failsWith(['scope', 'approve'], 1);
    assert.match(r.stderr, /^aims: You made the last change to the AIMS scope; another admin or manager approves it\.$/m);
    assert.deepEqual(json(['scope', 'show']), before);
    const add = aims(['user', 'add', '--data', server.dataDir, '--org', server.org, '--email', 'manager@acme.test', '--role', 'manager'], 'manager cli password\n');
    assert.equal(add.status, 0, add.stderr);
    const token = ok(['token', 'create', '--data', server.dataDir, '--email', 'manager@acme.test', '--name', 'manager ci']).stdout.trim();
    failsWith(['scope', 'submit'], 2);
    failsWith(['scope', 'reject'], 2);
    const saved = process.env.AIMS_TOKEN;
    process.env.AIMS_TOKEN = token;
    const managerId = json(['me']).user.id;
    process.env.AIMS_TOKEN = saved;
    assert.match(ok(['scope', 'submit', '--approver', managerId]).stdout, /^Sent version 5 of the AIMS scope for approval\.$/m);
    process.env.AIMS_TOKEN = token;
    try {
      assert.match(ok(['scope', 'reject', '--comment', 'Add the sites']).stdout, /^Rejected; version 6 of the AIMS scope is a draft again\.$/m);
      process.env.AIMS_TOKEN = saved;
      ok(['scope', 'submit', '--approver', managerId]);
      process.env.AIMS_TOKEN = token;
      assert.match(ok(['scope', 'approve']).stdout, /^Approved version 8 of the AIMS scope\.$/m);
      assert.match(ok(['scope', 'show']).stdout, /^status\s+approved by manager@acme\.test at /m);
    } finally {
      process.env.AIMS_TOKEN = saved;
    }
  });
});
