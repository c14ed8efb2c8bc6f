// The generic record CLI (aims <cli> list|get|create|update|history|archive|restore), driven over
// the context-issue kind against a real server: options made from the fields (a repeated
// --system-id for the AI systems), the list's filters, sort and paging, update with the version it
// read (If-Match), --clear, history, archive and restore, and the server's refusals reported.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { stopServer } from '../lib/http.mjs';
import { ok, failsWith, json, useServerEnv } from '../lib/cli.mjs';

let srv, env, sysA, sysB;

before(async () => {
  srv = await startServer();
  env = useServerEnv(srv);
  sysA = json(['systems', 'create', '--name', 'Loan scoring', '--purpose', 'Scores loans']).id;
  sysB = json(['systems', 'create', '--name', 'Chat assistant', '--purpose', 'Answers questions']).id;
});
after(async () => {
  env.restore();
  await stopServer(srv);
});

const create = (...args) => ['context-issue', 'create', '--origin', 'external', '--category', 'legal', '--effect', 'risk', ...args];

test('create takes one option per field, a repeated --system-id, and the server judges the values', () => {
  const made = json(create('--title', 'New AI rules', '--relevance', 'high', '--review-date', '2027-03-31',
    '--system-id', sysA, '--system-id', sysB, '--owner', 'Compliance'));
  assert.equal(made.id, 'CI-1');
  assert.deepEqual(made.system_ids, [sysA, sysB]);
  assert.equal(made.review_date, '2027-03-31');
  const text = ok(['context-issue', 'create', '--title', 'Market pressure', '--origin', 'internal', '--category', 'market',
    '--effect', 'both', '--relevance', 'low']).stdout;
  assert.match(text, /^Created context issue CI-2: Market pressure \(version 1\)/);
  // The server's refusal: the cross-field rule and an unknown system, reported with their fields.
  let r = failsWith(create('--title', 'No date', '--relevance', 'high'), 1);
  assert.match(r.stderr, /review_date/);
  r = failsWith(create('--title', 'Bad system', '--system-id', 'sys_nope'), 1);
  assert.match(r.stderr, /system_ids/);
  failsWith(['context-issue', 'create', '--title', 'x', '--colour', 'red'], 2);
  assert.equal(json(['context-issue', 'list']).total, 2, 'nothing else was stored');
});

test('list filters, sorts and pages; get shows every field', () => {
  const all = json(['context-issue', 'list', '--sort', '-number']);
  assert.deepEqual(all.items.map((i) => i.id), ['CI-2', 'CI-1']);
  assert.deepEqual(json(['context-issue', 'list', '--category', 'market']).items.map((i) => i.id), ['CI-2']);
  assert.deepEqual(json(['context-issue', 'list', '--q', 'rules']).items.map((i) => i.id), ['CI-1']);
  const page = json(['context-issue', 'list', '--limit', '1']);
  assert.equal(page.items.length, 1);
  const rest = json(['context-issue', 'list', '--limit', '1', '--cursor', page.next]);
  assert.deepEqual([...page.items, ...rest.items].map((i) => i.id), ['CI-1', 'CI-2']);
  failsWith(['context-issue', 'list', '--relevance', 'urgent'], 2);
  const table = ok(['context-issue', 'list']).stdout;
  assert.match(table, /^id\s+title\s+origin\s+category\s+relevance\s+status\s+owner\s+review_date/);
  assert.match(table, /2 of 2 context issue records/);
  const shown = ok(['context-issue', 'get', 'CI-1']).stdout;
  assert.match(shown, /Title\s+New AI rules/);
  assert.match(shown, /Next review\s+2027-03-31/);
  failsWith(['context-issue', 'get', 'CI-99'], 1);
});

test('update sends the version it read, --clear empties a field, history and archive/restore', () => {
  const up = json(['context-issue', 'update', 'CI-2', '--owner', 'Sales', '--review-date', '2027-05-01']);
  assert.equal(up.version, 2);
  assert.equal(up.owner, 'Sales');
  const r = failsWith(['context-issue', 'update', 'CI-2', '--owner', 'Other', '--expect-version', '1'], 1);
  assert.match(r.stderr, /version 2, not 1/);
  const cleared = json(['context-issue', 'update', 'CI-2', '--clear', 'review_date']);
  assert.equal(cleared.review_date, null);
  failsWith(['context-issue', 'update', 'CI-2'], 2);
  const hist = json(['context-issue', 'history', 'CI-2']);
  assert.deepEqual(hist.items.map((h) => h.operation), ['update', 'update', 'create']);
  assert.match(ok(['context-issue', 'history', 'CI-2']).stdout, /owner, review_date/);
  const archived = json(['context-issue', 'archive', 'CI-2']);
  assert.equal(archived.archived, true);
  assert.deepEqual(json(['context-issue', 'list']).items.map((i) => i.id), ['CI-1']);
  assert.deepEqual(json(['context-issue', 'list', '--archived', 'true']).items.map((i) => i.id), ['CI-2']);
  failsWith(['context-issue', 'update', 'CI-2', '--owner', 'x'], 1);
  assert.match(ok(['context-issue', 'restore', 'CI-2']).stdout, /^Restored context issue CI-2/);
  assert.equal(json(['context-issue', 'list']).total, 2);
});
