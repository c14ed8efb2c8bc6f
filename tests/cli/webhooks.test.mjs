// `aims webhook` (docs/notifications.md) against a real server and a receiver started here: add
// prints the secret once, list shows the endpoint, test queues a delivery the worker sends, the
// delivery log and one delivery with its attempts, redeliver, remove; a bad URL fails with the
// server's reason and exit 1.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { ok, failsWith, json, closeCliSession, openCliSession } from '../lib/cli.mjs';

describe('aims webhook', () => {
  let server, tmp, env, rx, url;
  const calls = [];

  before(async () => {
    rx = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        calls.push(req.headers);
        res.writeHead(204);
        res.end();
      });
    });
    await new Promise((r) => rx.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${rx.address().port}/cli-hook`;
    ({ server, env, tmp } = await openCliSession({ env: { AIMS_NOTIFY_POLL_MS: '50', AIMS_NOTIFY_RETRY_BASE_MS: '200' } }, 'aims-cli-webhooks-'));
  });

  after(async () => {
    await closeCliSession({ env, server, tmp });
    rx.close();
  });

  test('add, list, test, deliveries, delivery, redeliver, remove', async () => {
    const added = ok(['webhook', 'add', '--endpoint', url, '--event', 'action.overdue', '--description', 'From the CLI']);
    const id = added.stdout.match(/^Webhook (whk\S+) /m)[1];
    assert.match(added.stdout, /^Secret \(shown once; .*\): whsec_[A-Za-z0-9_-]{43}$/m);
    assert.match(ok(['webhook', 'list']).stdout, new RegExp(`${id}.*cli-hook.*action\\.overdue.*From the CLI`));
    assert.equal(json(['webhook', 'list']).items[0].secret, undefined);

    const queued = json(['webhook', 'test', id]);
    assert.equal(queued.status, 'pending');
    for (let i = 0; i < 200 && calls.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    assert.equal(calls.length, 1);
    assert.equal(calls[0]['aims-webhook-id'], queued.event_id);
    let d;
    for (let i = 0; i < 100; i++) {
      d = json(['webhook', 'delivery', queued.id]);
      if (d.status !== 'pending') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(d.status, 'delivered');
    assert.match(ok(['webhook', 'delivery', queued.id]).stdout, /delivered after 1 attempt\(s\)\n {2}#1 \S+ {2}204 /);
    assert.match(ok(['webhook', 'deliveries', '--webhook', id, '--all']).stdout, new RegExp(`${queued.id}.*webhook\\.test.*delivered`));
    assert.equal(json(['webhook', 'deliveries', '--status', 'failed']).items.length, 0);

    assert.equal(json(['webhook', 'redeliver', queued.id]).status, 'pending');
    for (let i = 0; i < 200 && calls.length < 2; i++) await new Promise((r) => setTimeout(r, 50));
    assert.equal(calls.length, 2);

    assert.match(ok(['webhook', 'remove', id]).stdout, new RegExp(`Removed webhook ${id}`));
    assert.match(ok(['webhook', 'list']).stdout, /No webhooks\./);
  });

  test('a bad endpoint fails with the server\'s reason', () => {
    const r = failsWith(['webhook', 'add', '--endpoint', 'ftp://127.0.0.1/x', '--event', 'action.overdue'], 1);
    assert.match(r.stderr, /http or https/);
  });
});
