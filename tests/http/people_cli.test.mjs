// The people commands of the aims CLI (aims user list|invite|invitations|revoke-invitation|role|
// require-reset|set-name) against a real server, as its admin through the API: what they print, what
// they change, and how they fail (exit 1 with the server's words, nothing changed).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { aims, login, startServer } from '../lib/server.mjs';
import { ok, failsWith, json, useServerEnv } from '../lib/cli.mjs';
import { assertJson, client } from '../lib/http.mjs';

const PW = 'a sturdy passphrase 42';

describe('aims user people commands', () => {
  let server, env;

  before(async () => {
    server = await startServer();
    env = useServerEnv(server);
    const r = aims(['user', 'add', '--data', server.dataDir, '--org', server.org, '--email', 'viewer@acme.test', '--role', 'viewer'], PW + '\n');
    assert.equal(r.status, 0, r.stderr);
  });

  after(async () => {
    env?.restore();
    await server?.stop();
  });

  test('invite prints a one-time link that works; invitations lists it; revoke-invitation ends it', async () => {
    const r = ok(['user', 'invite', '--email', 'cli.new@acme.test', '--role', 'auditor']);
    const link = r.stdout.match(/(http:\/\/\S+\/invite\/(\S+))$/m);
    assert.ok(link, r.stdout);
    const anon = client(server.url);
    assert.equal(assertJson(await anon('GET', `/api/v1/invitations/${link[2]}`)).role, 'auditor');
    const listed = json(['user', 'invitations']).items;
    assert.deepEqual(listed.map((i) => [i.email, i.status]), [['cli.new@acme.test', 'pending']]);
    assert.match(ok(['user', 'invitations']).stdout, /cli\.new@acme\.test\s+auditor\s+pending/);
    ok(['user', 'revoke-invitation', listed[0].id]);
    assert.equal(json(['user', 'invitations']).items[0].status, 'revoked');
    const again = failsWith(['user', 'revoke-invitation', listed[0].id], 1);
    assert.match(again.stderr, /only a pending one/);
    failsWith(['user', 'invite', '--email', 'x@acme.test'], 2);
    const bad = failsWith(['user', 'invite', '--email', 'x@acme.test', '--role', 'owner'], 1);
    assert.match(bad.stderr, /role/);
  });

  test('list shows members; role changes one; the last admin keeps theirs', async () => {
    assert.match(ok(['user', 'list']).stdout, /viewer@acme\.test\s+\S*\s*viewer\s+active/);
    ok(['user', 'role', '--email', 'viewer@acme.test', '--role', 'contributor']);
    assert.equal(json(['user', 'list']).items.find((m) => m.email === 'viewer@acme.test').role, 'contributor');
    const r = failsWith(['user', 'role', '--email', server.admin.email, '--role', 'viewer'], 1);
    assert.match(r.stderr, /last admin/);
    assert.equal(json(['user', 'list']).items.find((m) => m.email === server.admin.email).role, 'admin');
  });

  test('set-name changes your own name; a bad one exits 1 and changes nothing; list shows the last log-in', async () => {
    await login(server.url, server.admin.email, server.admin.password);
    const r = ok(['user', 'set-name', '--name', '  Ada Admin ']);
    assert.match(r.stdout, /^Your name is now Ada Admin$/m);
    const name = () => json(['user', 'list']).items.find((m) => m.email === server.admin.email).name;
    assert.equal(name(), 'Ada Admin');
    const bad = failsWith(['user', 'set-name', '--name', ' '], 1);
    assert.match(bad.stderr, /name/);
    assert.equal(name(), 'Ada Admin');
    const admin = json(['user', 'list']).items.find((m) => m.email === server.admin.email);
    assert.match(admin.last_login_at, /^\d{4}-\d\d-\d\dT/);
    assert.match(ok(['user', 'list']).stdout, new RegExp(`${server.admin.email.replace('.', '\\.')}\\s+Ada Admin\\s+admin\\s+active\\s+\\d{4}-`));
  });

  test('require-reset ends the sessions and prints the link that sets a new password', async () => {
    const s = client(server.url, await login(server.url, 'viewer@acme.test', PW));
    const r = ok(['user', 'require-reset', '--email', 'viewer@acme.test']);
    const link = r.stdout.match(/\/password-reset\/(\S+)$/m);
    assert.ok(link, r.stdout);
    assert.equal((await s('GET', '/api/v1/me')).status, 401);
    assert.equal((await client(server.url)('POST', `/api/v1/password-resets/${link[1]}`, { json: { password: 'violet lantern over harbor 9' } })).status, 204);
    await login(server.url, 'viewer@acme.test', 'violet lantern over harbor 9');
  });

  test('org-settings shows and sets the organization profile; bad values exit 2 and change nothing', async () => {
    assert.match(ok(['org-settings', 'get']).stdout, /^EU AI Act roles\s+none$/m);
    failsWith(['org-settings', 'set', '--fiscal-year-start', '13'], 2);
    const bad = failsWith(['org-settings', 'set', '--ai-roles', 'owner'], 1);
    assert.match(bad.stderr, /ai_roles/);
    const r = ok(['org-settings', 'set', '--ai-roles', 'provider,deployer', '--fiscal-year-start', '4', '--review-interval', '6']);
    assert.match(r.stdout, /^EU AI Act roles\s+provider, deployer$/m);
    assert.match(r.stdout, /^fiscal year starts in month\s+4$/m);
    const s = json(['org-settings', 'get']);
    assert.deepEqual([s.ai_roles, s.fiscal_year_start_month, s.review_interval_months, s.segregation_of_duties.soa_approval], [['provider', 'deployer'], 4, 6, true]);
    ok(['org-settings', 'set', '--ai-roles', 'none']);
    assert.deepEqual(json(['org-settings', 'get']).ai_roles, []);
  });
});
