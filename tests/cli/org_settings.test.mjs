// The organization settings commands of the aims CLI (aims org-settings get|set, aims org rename) against a real
// server: what they print, what they send, and how they fail (exit 1 with the server's words for a
// non-admin, exit 2 for usage errors).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { aims, startServer } from '../lib/server.mjs';
import { ok, failsWith, json, useServerEnv } from '../lib/cli.mjs';

describe('aims org-settings commands', () => {
  let server, env;

  before(async () => {
    server = await startServer();
    env = useServerEnv(server);
  });

  after(async () => {
    env?.restore();
    await server?.stop();
  });

  test('get shows every duty segregated by default, at version 0', () => {
    const r = ok(['org-settings', 'get']);
    assert.match(r.stdout, /^segregation: impact assessment approval\s+on$/m);
    assert.match(r.stdout, /^segregation: risk acceptance\s+on$/m);
    assert.match(r.stdout, /^segregation: SoA approval\s+on$/m);
    assert.match(r.stdout, /^version\s+0 \(the defaults\)$/m);
    assert.deepEqual(json(['org-settings', 'get']).segregation_of_duties, { impact_approval: true, risk_acceptance: true, soa_approval: true });
  });

  test('set changes only the duties named, with If-Match; usage errors exit 2 and change nothing', () => {
    failsWith(['org-settings', 'set'], 2);
    failsWith(['org-settings', 'set', '--soa-approval', 'maybe'], 2);
    let r = ok(['org-settings', 'set', '--soa-approval', 'off']);
    assert.match(r.stdout, /^Saved the organization settings as version 1\.$/m);
    assert.match(r.stdout, /^segregation: SoA approval\s+off$/m);
    assert.match(r.stdout, /^segregation: impact assessment approval\s+on$/m);
    const s = json(['org-settings', 'get']);
    assert.deepEqual(s.segregation_of_duties, { impact_approval: true, risk_acceptance: true, soa_approval: false });
    assert.equal(s.updated_by, server.admin.email);
    r = ok(['org-settings', 'set', '--soa-approval', 'on', '--risk-acceptance', 'off']);
    assert.match(r.stdout, /version 2\./);
    assert.deepEqual(json(['org-settings', 'get']).segregation_of_duties, { impact_approval: true, risk_acceptance: false, soa_approval: true });
  });

  test('a manager\'s token is refused with the server\'s words and nothing changes', () => {
    const add = aims(['user', 'add', '--data', server.dataDir, '--org', server.org, '--email', 'manager@acme.test', '--role', 'manager'], 'manager cli password\n');
    assert.equal(add.status, 0, add.stderr);
    const token = ok(['token', 'create', '--data', server.dataDir, '--email', 'manager@acme.test', '--name', 'manager ci']).stdout.trim();
    const before = json(['org-settings', 'get']);
    const saved = process.env.AIMS_TOKEN;
    process.env.AIMS_TOKEN = token;
    try {
      const r = failsWith(['org-settings', 'set', '--impact-approval', 'off'], 1);
      assert.match(r.stderr, /^aims: Your role \(manager\) may not change the organization settings: they decide who may approve, so only admins may\.$/m);
      assert.match(ok(['org-settings', 'get']).stdout, /^segregation: impact assessment approval\s+on$/m);
    } finally {
      process.env.AIMS_TOKEN = saved;
    }
    assert.deepEqual(json(['org-settings', 'get']), before);
  });

  test('org rename renames the organization through the API; bad names and non-admins exit 1 and change nothing', () => {
    const orgName = () => json(['me']).organization.name;
    failsWith(['org', 'rename'], 2);
    let r = failsWith(['org', 'rename', '--name', '   '], 1);
    assert.match(r.stderr, /^aims: /m);
    assert.equal(orgName(), server.org);
    r = ok(['org', 'rename', '--name', 'Acme Renamed Ltd']);
    assert.match(r.stdout, /^Renamed organization \S+ to 'Acme Renamed Ltd'$/m);
    assert.equal(orgName(), 'Acme Renamed Ltd');
    assert.equal(json(['org', 'rename', '--name', server.org]).name, server.org);
    const token = ok(['token', 'create', '--data', server.dataDir, '--email', 'manager@acme.test', '--name', 'manager rename']).stdout.trim();
    const saved = process.env.AIMS_TOKEN;
    process.env.AIMS_TOKEN = token;
    try {
      r = failsWith(['org', 'rename', '--name', 'Manager Corp'], 1);
      assert.match(r.stderr, /admin/);
    } finally {
      process.env.AIMS_TOKEN = saved;
    }
    assert.equal(orgName(), server.org);
  });
});
