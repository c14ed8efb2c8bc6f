// Signed webhooks (docs/notifications.md): an admin registers an endpoint and gets its secret once;
// the server's worker POSTs each delivery signed with HMAC-SHA256 over "timestamp.body"; a receiver
// started here (Node's http on 127.0.0.1) checks every signature with Node's crypto and fails the
// first call, so the delivery is retried and the log shows both attempts; redelivery, the paged
// delivery log, roles (admin only; another organization's → 404), bad input (problem+json, nothing
// changed), and a delivery queued while no worker runs is sent after a restart.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { startServer, login } from '../lib/server.mjs';
import { client, assertProblem, assertJson, stopServer, memberClients } from '../lib/http.mjs';
import { otherOrgClient, day } from '../lib/fixture.mjs';
import { contentHash } from '../lib/audit.mjs';

const PW = 'correct horse battery staple';
const FAST = { AIMS_NOTIFY_POLL_MS: '50', AIMS_NOTIFY_RETRY_BASE_MS: '200', AIMS_NOTIFY_SCAN_SECONDS: '1' };

/** A webhook receiver on 127.0.0.1: records each call with whether its signature verifies. */
function startReceiver() {
  const calls = [];
  const secrets = new Map(); // path → secret
  const failFirst = new Set(); // paths that answer 500 once
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = req.url.split('?')[0];
      const ts = req.headers['aims-webhook-timestamp'] || '';
      const sig = req.headers['aims-webhook-signature'] || '';
      const secret = secrets.get(path) || '';
      const want = 'v1=' + createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex');
      const verified = sig.length === want.length && timingSafeEqual(Buffer.from(sig), Buffer.from(want));
      calls.push({ path, url: req.url, method: req.method, headers: req.headers, body, verified });
      if (failFirst.has(path)) {
        failFirst.delete(path);
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('receiver is down for a moment');
        return;
      }
      res.writeHead(verified ? 200 : 401, { 'content-type': 'text/plain' });
      res.end(verified ? 'ok' : 'bad signature');
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ server, calls, secrets, failFirst, base: `http://127.0.0.1:${server.address().port}` }));
  });
}

async function until(what, fn, ms = 20000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

let srv, c, rx, members, other;

before(async () => {
  rx = await startReceiver();
  srv = await startServer({ env: FAST, keepData: true });
  c = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
  members = await memberClients(srv, ['manager', 'viewer'], PW);
  other = await otherOrgClient(srv, PW);
});

after(async () => {
  await stopServer(srv);
  rx.server.close();
});

async function register(path, events = ['action.assigned'], extra = {}) {
  const made = assertJson(await c('POST', '/api/v1/webhooks', { json: { url: `${rx.base}${path}?source=aims`, events, ...extra } }), 201);
  rx.secrets.set(path, made.secret);
  return made;
}

async function delivered(id) {
  return until(`delivery ${id}`, async () => {
    const d = assertJson(await c('GET', `/api/v1/notification-deliveries/${id}`));
    return d.status !== 'pending' ? d : null;
  });
}

test('an admin registers an endpoint; the secret is shown once and the event types are listed', async () => {
  const types = assertJson(await c('GET', '/api/v1/notification-events'));
  assert.ok(types.items.some((t) => t.name === 'action.assigned'));
  assert.ok(types.items.some((t) => t.name === 'incident.clock_due'));
  const made = await register('/one', ['action.assigned', 'evidence.expiring'], { description: 'Team chat' });
  assert.match(made.secret, /^whsec_[A-Za-z0-9_-]{43}$/);
  assert.match(made.id, /^whk/);
  assert.deepEqual(made.events, ['action.assigned', 'evidence.expiring']);
  const list = assertJson(await c('GET', '/api/v1/webhooks'));
  const row = list.items.find((w) => w.id === made.id);
  assert.equal(row.url, `${rx.base}/one?source=aims`);
  assert.equal(row.description, 'Team chat');
  assert.equal(row.secret, undefined, 'the list never serves the secret');
  assert.equal(assertJson(await c('GET', `/api/v1/webhooks/${made.id}`)).secret, undefined);
});

test('bad endpoints are refused with the field named, and nothing is stored', async () => {
  const before = assertJson(await c('GET', '/api/v1/webhooks')).items.length;
  for (const [body, field] of [
    [{ url: 'ftp://127.0.0.1/x', events: ['action.assigned'] }, 'url'],
    [{ url: 'file:///etc/passwd', events: ['action.assigned'] }, 'url'],
    [{ url: 'http://user:pw@127.0.0.1/x', events: ['action.assigned'] }, 'url'],
    [{ url: 'http:///nohost', events: ['action.assigned'] }, 'url'],
    [{ url: 'http://127.0.0.1:99999/x', events: ['action.assigned'] }, 'url'],
    [{ url: 'http://127.0.0.1/x#frag', events: ['action.assigned'] }, 'url'],
    [{ url: `http://127.0.0.1/${'a'.repeat(2001)}`, events: ['action.assigned'] }, 'url'],
    [{ url: 'http://127.0.0.1/x', events: [] }, 'events'],
    [{ url: 'http://127.0.0.1/x', events: ['no.such.event'] }, 'events'],
    [{ url: 'http://127.0.0.1/x', events: ['webhook.test'] }, 'events'],
    [{ url: 'http://127.0.0.1/x', events: ['action.assigned'], secret: 'mine' }, 'secret'],
    [{ url: 'http://127.0.0.1/x', events: ['action.assigned'], description: 'x'.repeat(201) }, 'description'],
  ]) {
    const p = assertProblem(await c('POST', '/api/v1/webhooks', { json: body }), 422);
    assert.ok(p.errors.some((e) => e.field === field), `${JSON.stringify(body).slice(0, 80)}: ${JSON.stringify(p.errors)}`);
  }
  assertProblem(await c('POST', '/api/v1/webhooks', { body: '{not json', headers: { 'content-type': 'application/json' } }), 400);
  assert.equal(assertJson(await c('GET', '/api/v1/webhooks')).items.length, before);
});

test('a delivery is signed, retried after a failure with both attempts logged, and redelivered', async () => {
  const hook = await register('/flaky');
  rx.failFirst.add('/flaky');
  const queued = assertJson(await c('POST', `/api/v1/webhooks/${hook.id}/test`), 202);
  assert.equal(queued.status, 'pending');
  assert.equal(queued.event_type, 'webhook.test');
  const d = await delivered(queued.id);
  assert.equal(d.status, 'delivered', JSON.stringify(d));
  assert.equal(d.attempts, 2);
  assert.deepEqual(d.attempt_log.map((a) => a.status_code), [500, 200]);
  assert.match(d.attempt_log[0].response_excerpt, /down for a moment/);
  assert.match(d.attempt_log[0].error, /500/);
  assert.equal(d.attempt_log[1].error, null);
  assert.ok(d.attempt_log.every((a) => Number.isInteger(a.duration_ms) && a.duration_ms >= 0));
  // The second attempt waited for the back-off (base 200 ms, jitter in its upper half: at least 100 ms).
  assert.ok(Date.parse(d.attempt_log[1].at) - Date.parse(d.attempt_log[0].at) >= 100, JSON.stringify(d.attempt_log));

  const calls = rx.calls.filter((x) => x.path === '/flaky');
  assert.equal(calls.length, 2);
  for (const call of calls) {
    assert.equal(call.method, 'POST');
    assert.equal(call.url, '/flaky?source=aims');
    assert.ok(call.verified, 'the signature verifies with the secret shown at registration');
    assert.equal(call.headers['content-type'], 'application/json');
    assert.equal(call.headers['aims-webhook-id'], d.event_id);
    assert.ok(Math.abs(Number(call.headers['aims-webhook-timestamp']) - Date.now() / 1000) < 300);
    assert.equal(call.body, d.body, 'the exact bytes logged are the bytes sent');
  }
  const body = JSON.parse(d.body);
  assert.deepEqual(Object.keys(body).sort(), ['data', 'id', 'occurred_at', 'organization', 'type']);
  assert.equal(body.id, d.event_id);
  assert.equal(body.type, 'webhook.test');
  assert.equal(body.organization.name, 'Acme AI');
  assert.equal(body.data.webhook_id, hook.id);

  // A signature made with another secret, or over another body, does not verify.
  const ts = calls[0].headers['aims-webhook-timestamp'];
  assert.notEqual('v1=' + createHmac('sha256', 'whsec_wrong').update(`${ts}.${d.body}`).digest('hex'), calls[0].headers['aims-webhook-signature']);

  const again = assertJson(await c('POST', `/api/v1/notification-deliveries/${d.id}/redeliver`), 202);
  assert.equal(again.status, 'pending');
  const d2 = await delivered(d.id);
  assert.equal(d2.status, 'delivered');
  assert.equal(d2.attempts, 3);
  assert.equal(d2.attempt_log.length, 3);
  const third = rx.calls.filter((x) => x.path === '/flaky')[2];
  assert.ok(third.verified);
  assert.equal(third.headers['aims-webhook-id'], d.event_id, 'a redelivery keeps the event id');
});

test('the delivery log is paged newest first and its parameters are checked', async () => {
  const hook = await register('/paged');
  const ids = [];
  for (let i = 0; i < 3; i++) ids.push(assertJson(await c('POST', `/api/v1/webhooks/${hook.id}/test`), 202).id);
  for (const id of ids) await delivered(id);
  const seen = [];
  let cursor;
  do {
    const q = `/api/v1/notification-deliveries?webhook=${hook.id}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = assertJson(await c('GET', q));
    assert.ok(page.items.length <= 2);
    seen.push(...page.items.map((x) => x.id));
    cursor = page.next;
  } while (cursor);
  assert.deepEqual(seen.sort(), [...ids].sort());
  const all = assertJson(await c('GET', `/api/v1/notification-deliveries?webhook=${hook.id}&status=delivered`)).items;
  assert.equal(all.length, 3);
  for (let i = 1; i < all.length; i++) assert.ok(all[i - 1].created_at >= all[i].created_at, 'newest first');
  assert.equal(assertJson(await c('GET', `/api/v1/notification-deliveries?webhook=${hook.id}&status=failed`)).items.length, 0);
  for (const q of ['limit=0', 'limit=501', 'limit=x', 'status=lost', 'channel=sms', 'cursor=abc', 'colour=red', 'limit=1&limit=2']) {
    const p = assertProblem(await c('GET', `/api/v1/notification-deliveries?${q}`), 400);
    assert.ok(p.errors.length > 0, q);
  }
});

test('only admins manage webhooks; another organization sees none of them (404)', async () => {
  const hook = await register('/private');
  const d = assertJson(await c('POST', `/api/v1/webhooks/${hook.id}/test`), 202);
  await delivered(d.id);
  for (const role of ['manager', 'viewer']) {
    const m = members[role];
    assertProblem(await m('GET', '/api/v1/webhooks'), 403);
    assertProblem(await m('POST', '/api/v1/webhooks', { json: { url: 'http://127.0.0.1/x', events: ['action.assigned'] } }), 403);
    assertProblem(await m('DELETE', `/api/v1/webhooks/${hook.id}`), 403);
    assertProblem(await m('POST', `/api/v1/webhooks/${hook.id}/test`), 403);
    assertProblem(await m('GET', '/api/v1/notification-deliveries'), 403);
    assertProblem(await m('GET', `/api/v1/notification-deliveries/${d.id}`), 403);
    assertProblem(await m('POST', `/api/v1/notification-deliveries/${d.id}/redeliver`), 403);
    assertJson(await m('GET', '/api/v1/notification-events'));
  }
  assert.equal(assertJson(await other('GET', '/api/v1/webhooks')).items.length, 0);
  assert.equal(assertJson(await other('GET', '/api/v1/notification-deliveries')).items.length, 0);
  assertProblem(await other('GET', `/api/v1/webhooks/${hook.id}`), 404);
  assertProblem(await other('DELETE', `/api/v1/webhooks/${hook.id}`), 404);
  assertProblem(await other('POST', `/api/v1/webhooks/${hook.id}/test`), 404);
  assertProblem(await other('GET', `/api/v1/notification-deliveries/${d.id}`), 404);
  assertProblem(await other('POST', `/api/v1/notification-deliveries/${d.id}/redeliver`), 404);
  assert.equal(assertJson(await other('GET', `/api/v1/notification-deliveries?webhook=${hook.id}`)).items.length, 0);
});

test('adding and removing an endpoint are audit-log entries that hash what the API serves, never the secret', async () => {
  const hook = await register('/audited', ['action.overdue'], { description: 'Logged' });
  const served = assertJson(await c('GET', `/api/v1/webhooks/${hook.id}`));
  assert.equal((await c('DELETE', `/api/v1/webhooks/${hook.id}`)).status, 204);
  const entries = assertJson(await c('GET', '/api/v1/audit/entries?record_type=webhook&limit=200')).items
    .filter((e) => e.record_id === hook.id);
  assert.deepEqual(entries.map((e) => e.op).sort(), ['create', 'delete'], JSON.stringify(entries));
  const created = entries.find((e) => e.op === 'create');
  const removed = entries.find((e) => e.op === 'delete');
  assert.ok(created && removed, JSON.stringify(entries));
  assert.equal(created.actor, srv.admin.email);
  assert.equal(created.content_sha256, contentHash({
    created_at: served.created_at, created_by: served.created_by, description: 'Logged',
    events: ['action.overdue'], id: hook.id, url: served.url,
  }));
  assert.equal(removed.content_sha256, contentHash(null), 'a removal logs the content null');
  assert.ok(!JSON.stringify(entries).includes(hook.secret));
});

test('removing an endpoint keeps its log; its deliveries cannot be sent again', async () => {
  const hook = await register('/gone');
  const d = assertJson(await c('POST', `/api/v1/webhooks/${hook.id}/test`), 202);
  await delivered(d.id);
  assert.equal((await c('DELETE', `/api/v1/webhooks/${hook.id}`)).status, 204);
  assertProblem(await c('GET', `/api/v1/webhooks/${hook.id}`), 404);
  assertProblem(await c('DELETE', `/api/v1/webhooks/${hook.id}`), 404);
  assert.equal(assertJson(await c('GET', `/api/v1/notification-deliveries/${d.id}`)).status, 'delivered');
  assertProblem(await c('POST', `/api/v1/notification-deliveries/${d.id}/redeliver`), 409);
  assertProblem(await c('GET', '/api/v1/notification-deliveries/dlv-none'), 404);
});

test('an overdue action is sent once to the endpoints that want action.overdue, as the action tracker derives it', async () => {
  const hook = await register('/overdue', ['action.overdue']);
  const quiet = await register('/quiet', ['evidence.expiring']);
  const me = assertJson(await c('GET', '/api/v1/me')).user.id;
  const risk = assertJson(await c('POST', '/api/v1/risks', { json: { title: 'Stale training data', inherent_likelihood: 3, inherent_impact: 3,
    treatment: 'modify', treatment_plan: 'Refresh the data', owner: me, due_date: day(-2), status: 'treating' } }), 201);
  const tracked = assertJson(await c('GET', '/api/v1/actions?overdue=true')).items.filter((a) => a.record_id === risk.id);
  assert.equal(tracked.length, 1, 'the tracker calls it overdue');
  const calls = await until('the overdue event', () => {
    const got = rx.calls.filter((x) => x.path === '/overdue' && JSON.parse(x.body).data.action.record_id === risk.id);
    return got.length ? got : null;
  });
  const body = JSON.parse(calls[0].body);
  assert.ok(calls[0].verified);
  assert.equal(body.type, 'action.overdue');
  assert.equal(body.data.action.source, 'risk');
  assert.equal(body.data.action.due_date, day(-2));
  assert.equal(body.data.action.owner, me);
  // Several scans later (one a second) it was still sent once, and never to the endpoint that does not want it.
  await new Promise((r) => setTimeout(r, 2500));
  assert.equal(rx.calls.filter((x) => x.path === '/overdue' && JSON.parse(x.body).data.action.record_id === risk.id).length, 1);
  assert.equal(rx.calls.filter((x) => x.path === '/quiet').length, 0);
  const log = assertJson(await c('GET', `/api/v1/notification-deliveries?webhook=${hook.id}`)).items;
  assert.ok(log.some((d) => d.event_type === 'action.overdue' && d.status === 'delivered'));
  assert.equal(assertJson(await c('GET', `/api/v1/notification-deliveries?webhook=${quiet.id}`)).items.length, 0);
});

test('a delivery queued while no worker runs is sent after a restart; attempts run out into failed', async () => {
  const hook = await register('/later');
  const dead = await register('/dead-end');
  await stopServer(srv);
  srv = await startServer({ dataDir: srv.dataDir, keepData: true, env: { ...FAST, AIMS_NOTIFY_WORKER: '0', AIMS_NOTIFY_MAX_ATTEMPTS: '2' } });
  c = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
  const d = assertJson(await c('POST', `/api/v1/webhooks/${hook.id}/test`), 202);
  rx.secrets.set('/dead-end', 'not the secret'); // every call to /dead-end fails its signature check: 401
  const bad = assertJson(await c('POST', `/api/v1/webhooks/${dead.id}/test`), 202);
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(assertJson(await c('GET', `/api/v1/notification-deliveries/${d.id}`)).status, 'pending', 'no worker: nothing sent');
  const sent = rx.calls.length;
  await stopServer(srv);
  srv = await startServer({ dataDir: srv.dataDir, env: { ...FAST, AIMS_NOTIFY_MAX_ATTEMPTS: '2' } });
  c = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
  const done = await delivered(d.id);
  assert.equal(done.status, 'delivered');
  assert.equal(done.attempts, 1);
  const failed = await delivered(bad.id);
  assert.equal(failed.status, 'failed');
  assert.equal(failed.attempts, 2);
  assert.equal(failed.attempts_left, 0);
  assert.deepEqual(failed.attempt_log.map((a) => a.status_code), [401, 401]);
  assert.ok(rx.calls.length >= sent + 3);
});
