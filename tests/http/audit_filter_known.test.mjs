// The audit entries page's filters know every record type and operation the log holds: on the
// demo organization, after the writes the demo does not make (an invitation, a forced password
// reset, retention periods, a legal hold and its release), each type and each operation found in
// the log filters to exactly its own entries. A type or operation the server writes but the filter's
// list lacks fails here, not in front of an auditor.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoServer, login } from '../lib/server.mjs';
import { client, assertJson, stopServer } from '../lib/http.mjs';

const ENTRIES = '/api/v1/audit/entries';

let srv, c;

before(async () => {
  srv = await startDemoServer();
  c = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
  assertJson(await c('POST', '/api/v1/org/invitations', { json: { email: 'newcomer@demo.test', role: 'viewer' } }), 201);
  const members = assertJson(await c('GET', '/api/v1/org/members'));
  const other = (members.items ?? members).find((m) => m.email !== srv.admin.email.toLowerCase() && m.status === 'active');
  assert.ok(other, 'the demo has a second active member');
  assertJson(await c('POST', `/api/v1/org/members/${encodeURIComponent(other.email)}/reset-password`), 201);
  const retention = assertJson(await c('GET', '/api/v1/retention'));
  assertJson(await c('PUT', '/api/v1/retention', {
    json: { periods: { risk: 84 } }, headers: { 'if-match': `"v${retention.version}"` },
  }));
  const risk = assertJson(await c('GET', '/api/v1/risks?limit=1')).items[0];
  const hold = { kind: 'risk', record_id: risk.id, reason: 'A claim about this risk is open' };
  assertJson(await c('POST', '/api/v1/legal-holds', { json: hold }), 201);
  assertJson(await c('POST', '/api/v1/legal-holds/release', { json: hold }));
});

after(async () => {
  await stopServer(srv);
});

/** Every entry of a query, page by page. */
async function all(query = '') {
  const out = [];
  let cursor;
  for (;;) {
    const page = assertJson(await c('GET', `${ENTRIES}?limit=500${query}${cursor ? `&cursor=${cursor}` : ''}`));
    out.push(...page.items);
    if (!page.next) return out;
    cursor = page.next;
  }
}

test('every record type and operation in the log is a filter that keeps exactly its entries', async () => {
  const everything = await all();
  const types = [...new Set(everything.map((e) => e.record_type))].sort();
  const ops = [...new Set(everything.map((e) => e.op))].sort();
  for (const t of ['invitation', 'password_reset', 'retention_settings', 'legal_hold', 'risk', 'document'])
    assert.ok(types.includes(t), `the log holds ${t} entries`);
  const unknown = [];
  for (const [name, values, field] of [['record_type', types, 'record_type'], ['operation', ops, 'op']]) {
    for (const v of values) {
      const r = await c('GET', `${ENTRIES}?limit=500&${name}=${encodeURIComponent(v)}`);
      if (r.status === 400) { unknown.push(`${name}=${v}`); continue; }
      const got = await all(`&${name}=${encodeURIComponent(v)}`);
      assert.deepEqual(got.map((e) => e.seq), everything.filter((e) => e[field] === v).map((e) => e.seq), `${name}=${v}`);
    }
  }
  assert.deepEqual(unknown, [], 'the log holds these, and the filter refuses them');
});
