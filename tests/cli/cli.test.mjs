// The API client commands of the aims CLI (aims me | systems ... | catalog ...) against a real
// server: what they print, what they send, and how they fail (exit 1 with the server's words,
// exit 2 for usage errors).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { aims } from '../lib/server.mjs';
import { ok, failsWith, esc, json, closeCliSession, openCliSession } from '../lib/cli.mjs';

describe('aims API client commands', () => {
  let server, token, tmp, env;

  before(async () => {
    // The commands read the server and token from the environment, as in a pipeline.
    ({ server, env, tmp } = await openCliSession(undefined, 'aims-cli-test-'));
    token = env.token;
    assert.match(token, /\S{20,}/);
  });

  after(() => closeCliSession({ env, server, tmp }));

  test('me shows the token owner and organization', () => {
    const r = ok(['me']);
    assert.match(r.stdout, new RegExp(`user\\s+.*<${server.admin.email}>`));
    assert.match(r.stdout, new RegExp(`organization\\s+${server.org} \\(org_\\w+\\), role admin`));
    const me = json(['me']);
    assert.equal(me.user.email, server.admin.email);
    assert.equal(me.organization.role, 'admin');
  });

  test('a missing token is a usage error that says how to give one', () => {
    delete process.env.AIMS_TOKEN;
    try {
      const r = failsWith(['systems', 'list'], 2);
      assert.match(r.stderr, /^aims: an API token is required: pass --token TOKEN or set AIMS_TOKEN/);
      // --token works instead of the environment.
      assert.match(ok(['me', '--token', token]).stdout, /role admin/);
    } finally {
      process.env.AIMS_TOKEN = token;
    }
  });

  test('a wrong token and an unreachable server fail with exit 1 and a clear message', () => {
    let r = failsWith(['me', '--token', 'aims_not-a-real-token'], 1);
    assert.match(r.stderr, /^aims: \S.*token/i);
    r = failsWith(['me', '--url', 'http://127.0.0.1:1'], 1);
    assert.match(r.stderr, /^aims: cannot connect to http:\/\/127\.0\.0\.1:1: /);
    assert.match(r.stderr, /--url or AIMS_URL/);
    r = failsWith(['me', '--url', 'https://127.0.0.1:1'], 2);
    assert.match(r.stderr, /use http:\/\//);
  });

  let creditId, chatId;

  test('systems create registers systems from flags and from a JSON file', () => {
    let r = ok(['systems', 'create', '--name', 'Credit scoring', '--purpose', 'Scores loan applications.',
      '--field', 'owner=Retail risk', '--field', 'tags=credit; scoring', '--field', 'gpai=false']);
    const m = r.stdout.match(/^Created (sys_\w+): Credit scoring \(version 1\)$/m);
    assert.ok(m, r.stdout);
    creditId = m[1];

    const file = join(tmp, 'chat.json');
    writeFileSync(file, JSON.stringify({ name: 'Support chatbot', purpose: 'Answers customer questions.', lifecycle_stage: 'deployment', data_sources: ['FAQ', 'Tickets'] }));
    const created = json(['systems', 'create', '--file', file, '--field', 'status=active']);
    chatId = created.id;
    assert.equal(created.lifecycle_stage, 'deployment');
    assert.equal(created.status, 'active');
    assert.deepEqual(created.data_sources, ['FAQ', 'Tickets']);

    r = failsWith(['systems', 'create', '--name', 'Bad', '--purpose', 'x', '--field', 'status=sideways', '--field', 'colour=red'], 1);
    assert.match(r.stderr, /^aims: .+\n/);
    assert.match(r.stderr, /^ {2}status: must be one of/m);
    assert.match(r.stderr, /^ {2}colour: is not a field/m);

    // The EU AI Act class comes from the classification ('aims classification set').
    r = failsWith(['systems', 'create', '--name', 'Bad', '--purpose', 'x', '--field', 'eu_ai_act_class=high_risk'], 1);
    assert.match(r.stderr, /^ {2}eu_ai_act_class: is set by the EU AI Act classification/m);

    r = failsWith(['systems', 'create', '--name', 'Bad', '--purpose', 'x', '--field', 'gpai=maybe'], 2);
    assert.match(r.stderr, /gpai must be true or false/);
    failsWith(['systems', 'create', '--name', 'Bad', '--field', 'no-equals-sign'], 2);
    assert.equal(json(['systems', 'list']).total, 2, 'nothing was created by the failed commands');
  });

  test('systems get shows every field; --json gives the server record', () => {
    const r = ok(['systems', 'get', creditId]);
    assert.match(r.stdout, /^name\s+Credit scoring$/m);
    assert.match(r.stdout, /^owner\s+Retail risk$/m);
    assert.match(r.stdout, /^tags\s+credit; scoring$/m);
    assert.match(r.stdout, /^eu_ai_act_class\s+unclassified$/m);
    assert.match(r.stdout, /^model_type\s+-$/m);
    const s = json(['systems', 'get', creditId]);
    assert.equal(s.id, creditId);
    assert.deepEqual(s.tags, ['credit', 'scoring']);
    assert.equal(s.gpai, false);
  });

  test('an unknown system id fails with the server\'s detail', async () => {
    const res = await fetch(`${server.url}/api/v1/systems/sys_doesnotexist`, { headers: { authorization: `Bearer ${token}` } });
    const problem = await res.json();
    assert.equal(res.status, 404);
    for (const cmd of [['systems', 'get'], ['systems', 'history'], ['systems', 'archive', '--yes'], ['systems', 'update', '--field', 'owner=x']]) {
      const r = failsWith([...cmd, 'sys_doesnotexist'], 1);
      assert.equal(r.stderr, `aims: ${problem.detail}\n`, cmd.join(' '));
    }
  });

  test('systems list prints a table with a footer, filters, pages and --all', () => {
    let r = ok(['systems', 'list']);
    const lines = r.stdout.split('\n');
    assert.match(lines[0], /^id\s+name\s+lifecycle_stage\s+eu_ai_act_class\s+status\s+owner$/);
    assert.match(r.stdout, new RegExp(`^${creditId}\\s+Credit scoring\\s+inception\\s+unclassified\\s+planned\\s+Retail risk$`, 'm'));
    assert.match(r.stdout, new RegExp(`^${chatId}\\s+Support chatbot\\s+deployment\\s+unclassified\\s+active$`, 'm'));
    assert.match(r.stdout, /^2 of 2 AI systems$/m);

    // Neither is classified yet (the class comes from 'aims classification set').
    assert.equal(json(['systems', 'list', '--class', 'unclassified']).total, 2);
    assert.equal(json(['systems', 'list', '--class', 'gpai_model']).total, 0);
    assert.equal(json(['systems', 'list', '--stage', 'deployment', '--status', 'active']).items[0].id, chatId);
    assert.equal(json(['systems', 'list', '--q', 'LOAN']).items[0].id, creditId);

    r = ok(['systems', 'list', '--limit', '1', '--sort', '-name']);
    assert.match(r.stdout, /Support chatbot/);
    assert.match(r.stdout, /^1 of 2 AI systems \(more with --all\)$/m);
    const page = json(['systems', 'list', '--limit', '1']);
    assert.equal(page.items.length, 1);
    assert.equal(typeof page.next, 'string');
    const all = json(['systems', 'list', '--limit', '1', '--all']);
    assert.deepEqual(all.items.map((s) => s.name), ['Credit scoring', 'Support chatbot']);
    assert.equal(all.total, 2);
    assert.match(ok(['systems', 'list', '--limit', '1', '--all']).stdout, /^2 of 2 AI systems$/m);

    r = failsWith(['systems', 'list', '--status', 'sideways'], 1);
    assert.match(r.stderr, /^aims: .+\n {2}status: must be one of/);
    assert.notEqual(aims(['systems', 'list', '--archived', 'maybe']).status, 0);
  });

  test('systems update changes fields with If-Match, and refuses a stale version', () => {
    let r = ok(['systems', 'update', creditId, '--field', 'owner=Model risk office', '--field', 'tags=credit;scoring;retail', '--field', 'gpai=true']);
    assert.match(r.stdout, new RegExp(`^Updated ${creditId}: Credit scoring \\(version 2\\)$`, 'm'));
    let s = json(['systems', 'get', creditId]);
    assert.equal(s.owner, 'Model risk office');
    assert.deepEqual(s.tags, ['credit', 'scoring', 'retail']);
    assert.equal(s.gpai, true);
    assert.equal(s.version, 2);

    const file = join(tmp, 'patch.json');
    writeFileSync(file, JSON.stringify({ lifecycle_stage: 'verification_and_validation' }));
    s = json(['systems', 'update', creditId, '--file', file, '--expect-version', '2']);
    assert.equal(s.lifecycle_stage, 'verification_and_validation');
    assert.equal(s.version, 3);

    // Someone else changed it since version 2: nothing is changed.
    r = failsWith(['systems', 'update', creditId, '--field', 'owner=Stale writer', '--expect-version', '2'], 1);
    assert.match(r.stderr, /^aims: AI system sys_\w+ is at version 3, not 2; .*Nothing was changed\.$/m);
    assert.equal(json(['systems', 'get', creditId]).owner, 'Model risk office');

    r = failsWith(['systems', 'update', creditId], 2);
    assert.match(r.stderr, /nothing to change/);
    r = failsWith(['systems', 'update', creditId, '--field', 'name='], 1);
    assert.match(r.stderr, /^ {2}name: /m);
  });

  test('systems archive, restore and history', () => {
    // Standard input is not a terminal here, so archive does not ask.
    let r = ok(['systems', 'archive', chatId]);
    assert.match(r.stdout, new RegExp(`^Archived ${chatId}: Support chatbot`, 'm'));
    assert.doesNotMatch(ok(['systems', 'list']).stdout, /Support chatbot/);
    assert.deepEqual(json(['systems', 'list', '--archived', 'true']).items.map((x) => x.id), [chatId]);
    assert.equal(json(['systems', 'list', '--archived', 'all']).total, 2);
    assert.equal(json(['systems', 'restore', chatId]).archived, false);

    r = ok(['systems', 'history', chatId]);
    const heads = r.stdout.split('\n').filter((l) => /^v\d/.test(l));
    assert.deepEqual(heads.map((l) => l.split(/\s+/)[3]), ['restore', 'archive', 'create']);
    assert.match(heads[0], new RegExp(`^v3\\s+\\d{4}-\\d\\d-\\d\\dT\\S+\\s+${server.admin.email}\\s+restore$`));
    assert.match(r.stdout, /^ {4}archived: true → false$/m);
    const h = json(['systems', 'history', creditId]);
    assert.deepEqual(h.items.map((e) => e.version), [3, 2, 1]);
    assert.match(ok(['systems', 'history', creditId]).stdout, /^ {4}owner: Retail risk → Model risk office$/m);
    const paged = json(['systems', 'history', creditId, '--limit', '1', '--all']);
    assert.equal(paged.items.length, 3);
  });

  test('systems overview prints the counts and what is missing', () => {
    const o = json(['systems', 'overview', chatId]);
    assert.equal(o.system.id, chatId);
    assert.ok(o.missing.some((m) => m.code === 'not_classified'));
    const r = ok(['systems', 'overview', chatId]);
    assert.match(r.stdout, /^Missing:$/m);
    assert.match(r.stdout, /no saved EU AI Act classification/);
    assert.match(r.stdout, /risks/);
  });

  test('systems import with a bad row reports the row errors and imports nothing', () => {
    const file = join(tmp, 'bad.csv');
    writeFileSync(file, 'name,purpose,status\nFraud detector,Flags card fraud.,active\nNo purpose here,,sideways\n');
    const r = failsWith(['systems', 'import', file], 1);
    assert.match(r.stderr, /^aims: .*nothing was imported/);
    assert.match(r.stderr, /^row\s+field\s+message$/m);
    assert.match(r.stderr, /^3\s+status\s+must be one of/m);
    assert.doesNotMatch(ok(['systems', 'list', '--archived', 'all']).stdout, /Fraud detector/);
    failsWith(['systems', 'import', join(tmp, 'no-such-file.csv')], 1);
  });

  test('systems export to a file, edited and imported again, round-trips', () => {
    const file = join(tmp, 'export.csv');
    let r = ok(['systems', 'export', '-o', file]);
    assert.match(r.stdout, /Exported AI systems to /);
    const csv = readFileSync(file, 'utf8');
    assert.ok(csv.startsWith('\uFEFF'), 'the export starts with a UTF-8 byte order mark');
    const header = csv.slice(1).split('\n')[0].split(',');
    assert.equal(header[0], 'id');
    assert.ok(header.includes('name') && header.includes('tags'));
    assert.equal(csv.trim().split('\n').length, 3, csv);
    assert.equal(ok(['systems', 'export']).stdout, csv, 'stdout gives the same CSV');
    assert.match(ok(['systems', 'export', '--class', 'unclassified']).stdout, /Credit scoring/);
    assert.doesNotMatch(ok(['systems', 'export', '--class', 'high_risk']).stdout, /Credit scoring|Support chatbot/);

    // Unchanged, the file changes nothing.
    r = ok(['systems', 'import', file]);
    assert.match(r.stdout, /: 0 created, 0 updated\.$/m);

    // Edit one row and add one without an id.
    const newRow = header.map((col) => ({ name: 'Fraud detector', purpose: 'Flags card fraud.', tags: 'fraud; cards' })[col] ?? '').join(',');
    const edited = csv.replace('Model risk office', 'Credit model office') + newRow + '\n';
    const editedFile = join(tmp, 'edited.csv');
    writeFileSync(editedFile, edited);
    r = ok(['systems', 'import', editedFile, '--dry-run']);
    assert.match(r.stdout, /1 would be created, 1 updated; nothing was stored/);
    assert.equal(json(['systems', 'list']).total, 2);
    assert.deepEqual(json(['systems', 'import', editedFile]), { created: 1, updated: 1, dry_run: false, warnings: [] });

    assert.equal(json(['systems', 'get', creditId]).owner, 'Credit model office');
    const fraud = json(['systems', 'list', '--q', 'fraud']).items;
    assert.equal(fraud.length, 1);
    assert.deepEqual(fraud[0].tags, ['fraud', 'cards']);
    // The new export holds what was imported.
    const again = ok(['systems', 'export']).stdout;
    assert.match(again, /Credit model office/);
    assert.match(again, /Fraud detector,Flags card fraud\./);
  });

  test('--org acts on another organization of the caller', () => {
    const r = ok(['org', 'create', '--data', server.dataDir, '--name', 'Second Org', '--admin-email', server.admin.email], 'unused password\n');
    const orgId = r.stdout.match(/\((org_\w+)\)/)[1];
    assert.equal(json(['me', '--org', orgId]).organization.name, 'Second Org');
    assert.equal(json(['systems', 'list', '--org', orgId]).total, 0);
    process.env.AIMS_ORG = orgId;
    try {
      assert.match(ok(['systems', 'list']).stdout, /^0 of 0 AI systems$/m);
    } finally {
      delete process.env.AIMS_ORG;
    }
    assert.equal(json(['systems', 'list']).total, 3);
  });

  test('catalog list and show', () => {
    let r = ok(['catalog', 'list', '--kind', 'annex_a_area']);
    assert.match(r.stdout, /^id\s+kind\s+title$/m);
    assert.match(r.stdout, /^A\.6\s+annex_a_area\s+AI system life cycle$/m);
    assert.match(r.stdout, /^9 items in iso42001$/m);
    const all = json(['catalog', 'list']);
    assert.ok(all.items.length > 50, 'every page is fetched');
    assert.equal(all.items.length, all.total);
    assert.ok(json(['catalog', 'list', '--parent', 'A.6']).items.every((i) => i.parent === 'A.6'));
    assert.ok(json(['catalog', 'list', '--framework', 'iso22989']).items.length > 0);

    r = ok(['catalog', 'show', 'A.6.2.4']);
    const item = json(['catalog', 'show', 'A.6.2.4']);
    assert.match(r.stdout, new RegExp(`^A\\.6\\.2\\.4 {2}${esc(item.title)}$`, 'm'));
    for (const heading of ['Summary', 'Evidence', 'Questions', 'Suggested action']) assert.match(r.stdout, new RegExp(`^${heading}$`, 'm'));
    assert.match(r.stdout, new RegExp(`^ {2}- ${esc(item.evidence[0])}$`, 'm'));
    assert.match(r.stdout, /^kind\s+control$/m);

    r = failsWith(['catalog', 'show', 'Z.99'], 1);
    assert.match(r.stderr, /^aims: No item 'Z\.99'/);
    r = failsWith(['catalog', 'list', '--framework', 'nope'], 1);
    assert.match(r.stderr, /^aims: .*nope/);
  });
});
