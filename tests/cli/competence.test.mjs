// aims competence matrix and aims training complete against a real server: the matrix as a table
// and as JSON (with --role), a completion that makes the competence record, and the server's
// refusal of a person outside the audience reported with its field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { stopServer } from '../lib/http.mjs';
import { ok, failsWith, json, useServerEnv } from '../lib/cli.mjs';

let srv, env, me;

before(async () => {
  srv = await startServer();
  env = useServerEnv(srv);
  me = json(['competence', 'matrix']).items[0].user_id;
  json(['competence', 'create', '--name', 'AI literacy', '--category', 'ai_literacy', '--validity-months', '12']);
  json(['aims-role', 'create', '--name', 'AIMS owner', '--competence-id', 'COMP-1']);
  json(['role-assignment', 'create', '--person', me, '--role-id', 'ROLE-1']);
});
after(async () => {
  env.restore();
  await stopServer(srv);
});

test('the matrix shows the gap; completing the training fills it', () => {
  let m = json(['competence', 'matrix', '--role', 'ROLE-1']);
  assert.deepEqual([m.total, m.items[0].cells['COMP-1'].status, m.items[0].gaps], [1, 'gap', 1]);
  const text = ok(['competence', 'matrix']).stdout;
  assert.match(text, /AIMS owner\s+1\s+gap/);
  assert.match(text, /COMP-1\s+AI literacy/);
  json(['training', 'create', '--title', 'AI literacy course', '--competence-id', 'COMP-1', '--audience-role-id', 'ROLE-1',
    '--recurrence', 'annual']);
  const done = ok(['training', 'complete', 'TRN-1', '--person', me]).stdout;
  assert.match(done, /^Completed TRN-1 for \S+ on \d{4}-\d{2}-\d{2}; competence records: CR-1/);
  m = json(['competence', 'matrix', '--person', me]);
  assert.equal(m.items[0].cells['COMP-1'].status, 'held');
  assert.equal(json(['competence-record', 'get', 'CR-1']).acquired_by, 'training');
  const r = failsWith(['training', 'complete', 'TRN-1', '--person', 'usr_nope'], 1);
  assert.match(r.stderr, /person/);
  failsWith(['competence', 'matrix', '--role', 'ROLE-9'], 1);
});
