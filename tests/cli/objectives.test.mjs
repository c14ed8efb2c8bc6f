// The AI objective commands of the aims CLI (aims objectives ... and aims objectives reading ...)
// against a real server: what they print and send, --fail-on for pipelines (exit 3), and how they
// fail (exit 1 with the server's words, exit 2 for usage errors).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { aims } from '../lib/server.mjs';
import { ok, failsWith, json, closeCliSession, openCliSession } from '../lib/cli.mjs';

function day(days = 0) {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe('aims objectives commands', () => {
  let server, env, tmp, systemId;

  before(async () => {
    ({ server, env, tmp } = await openCliSession(undefined, 'aims-cli-objectives-'));
    systemId = json(['systems', 'create', '--name', 'Fraud model', '--purpose', 'Flags fraud']).id;
  });

  after(() => closeCliSession({ env, server, tmp }));

  test('objectives create, get and list', () => {
    let r = ok(['objectives', 'create', '--title', 'Keep fraud recall high', '--annex-c', 'C.2.8', '--system', systemId,
      '--measure', 'Recall on confirmed fraud', '--unit', '%', '--target', '85', '--warning', '80', '--frequency', 'weekly',
      '--owner', 'Fraud lead', '--due', day(200), '--control', 'A.6.2.6', '--risk', 'R-3',
      '--plan', 'Retrain monthly|One ML engineer|Fraud analytics|' + day(30)]);
    assert.match(r.stdout, /^Created OBJ-1 \(obj_\w+\): Keep fraud recall high \(version 1\)$/m);

    r = ok(['objectives', 'get', 'obj-1']);
    assert.match(r.stdout, /^OBJ-1 {2}Keep fraud recall high$/m);
    assert.match(r.stdout, /^derived status\s+no data$/m);
    assert.match(r.stdout, /^rule\s+higher is better: on track when the value is 85% or more; at risk from 80% up to 85%; off track below 80%\.$/m);
    assert.match(r.stdout, /^annex C objective\s+C\.2\.8 Robustness$/m);
    assert.match(r.stdout, new RegExp(`^AI system\\s+Fraud model \\(${systemId}\\)$`, 'm'));
    assert.match(r.stdout, /^target\s+>= 85%$/m);
    assert.match(r.stdout, /^ {2}1\. Retrain monthly \(resources: One ML engineer; responsible: Fraud analytics; due \d{4}-\d{2}-\d{2}\)$/m);
    const got = json(['objectives', 'get', 'OBJ-1']);
    assert.deepEqual([got.target_value, got.warning_threshold, got.risk_refs, got.control_refs], [85, 80, ['R-3'], ['A.6.2.6']]);

    ok(['objectives', 'create', '--title', 'Cut retraining energy', '--annex-c', 'C.2.4', '--measure', 'kWh per month',
      '--direction', 'lower_is_better', '--target', '120', '--owner', 'Analytics', '--due', day(300)]);
    r = ok(['objectives', 'list']);
    assert.match(r.stdout, /^key\s+title\s+annex_c\s+ai_system\s+target\s+latest\s+derived\s+due\s+owner$/m);
    assert.match(r.stdout, /^OBJ-1\s+Keep fraud recall high\s+C\.2\.8\s+Fraud model\s+>= 85%\s+-\s+no data/m);
    assert.match(r.stdout, /^OBJ-2\s+Cut retraining energy\s+C\.2\.4\s+\(organization\)\s+<= 120\s+-\s+no data/m);
    assert.match(r.stdout, /^2 of 2 objectives$/m);
    assert.deepEqual(json(['objectives', 'list', '--system', 'none', '--all']).items.map((o) => o.key), ['OBJ-2']);
    assert.deepEqual(json(['objectives', 'list', '--annex-c', 'C.2.8']).items.map((o) => o.key), ['OBJ-1']);
  });

  test('create and update report the server\'s field errors and exit 1; usage errors exit 2', () => {
    let r = failsWith(['objectives', 'create', '--title', 'Half done', '--annex-c', 'C.9.9', '--target', '1'], 1);
    assert.match(r.stderr, /^aims: The objective is not valid\.$/m);
    assert.match(r.stderr, /^ {2}annex_c_objective: must be an Annex C objective/m);
    assert.match(r.stderr, /^ {2}due_date: is required/m);
    failsWith(['objectives', 'create', '--title', 'x', '--target', 'high'], 2);
    failsWith(['objectives', 'create'], 2);
    failsWith(['objectives', 'update', 'OBJ-1'], 2);
    failsWith(['objectives', 'list', '--derived', 'green'], 2);
    r = failsWith(['objectives', 'get', 'OBJ-99'], 1);
    assert.match(r.stderr, /^aims: No AI objective OBJ-99 in this organization\.$/m);
    assert.equal(json(['objectives', 'list']).total, 2, 'nothing was created');
  });

  test('update changes only the flags given, under If-Match; --expect-version guards a script', () => {
    let r = ok(['objectives', 'update', 'OBJ-2', '--warning', '150', '--owner', 'Supply chain analytics']);
    assert.match(r.stdout, /^Updated OBJ-2 \(obj_\w+\): Cut retraining energy \(version 2\)$/m);
    let o = json(['objectives', 'get', 'OBJ-2']);
    assert.deepEqual([o.warning_threshold, o.owner, o.target_value], [150, 'Supply chain analytics', 120]);
    r = failsWith(['objectives', 'update', 'OBJ-2', '--owner', 'Someone', '--expect-version', '1'], 1);
    assert.match(r.stderr, /is at version 2, not 1/);
    r = failsWith(['objectives', 'update', 'OBJ-2', '--warning', '100'], 1);
    assert.match(r.stderr, /^ {2}warning_threshold: must be above the target/m);
    ok(['objectives', 'update', 'OBJ-2', '--warning', 'none']);
    o = json(['objectives', 'get', 'OBJ-2']);
    assert.equal(o.warning_threshold, null);
    assert.equal(o.version, 3);
  });

  test('reading add prints the status after it; --fail-on exits 3 when the objective is off (or at risk)', () => {
    let r = ok(['objectives', 'reading', 'add', 'OBJ-1', '--value', '91.5', '--date', day(-14), '--note', 'week 1']);
    assert.match(r.stdout, /^Recorded 91\.5 for OBJ-1 \(\d{4}-\d{2}-\d{2}; this value is on track, reading rdg_\w+\)$/m);
    assert.match(r.stdout, /^OBJ-1 Keep fraud recall high: on track$/m);
    // At risk: fine for --fail-on off_track, exit 3 for --fail-on at_risk (and the reading is kept).
    r = ok(['objectives', 'reading', 'add', 'OBJ-1', '--value', '82', '--fail-on', 'off_track']);
    assert.match(r.stdout, /: at risk$/m);
    r = aims(['objectives', 'reading', 'add', 'OBJ-1', '--value', '81', '--fail-on', 'at_risk']);
    assert.equal(r.status, 3, r.stderr);
    assert.match(r.stdout, /^Recorded 81 for OBJ-1/m);
    assert.match(r.stderr, /^aims: OBJ-1 is at risk \(--fail-on at_risk\)\.$/m);
    r = aims(['objectives', 'reading', 'add', 'OBJ-1', '--value', '60', '--fail-on', 'off_track']);
    assert.equal(r.status, 3);
    assert.match(r.stderr, /OBJ-1 is off track/);
    const added = JSON.parse(ok(['objectives', 'reading', 'add', 'OBJ-1', '--value', '90', '--json']).stdout);
    assert.equal(added.objective.derived.status, 'on_track');
    // Refusals.
    r = failsWith(['objectives', 'reading', 'add', 'OBJ-1', '--value', '1', '--date', day(2)], 1);
    assert.match(r.stderr, /^ {2}measured_on: must not be in the future/m);
    failsWith(['objectives', 'reading', 'add', 'OBJ-1'], 2);
    failsWith(['objectives', 'reading', 'add', 'OBJ-1', '--value', 'x'], 2);
    failsWith(['objectives', 'reading', 'add', 'OBJ-1', '--value', '1', '--fail-on', 'no_data'], 2);

    r = ok(['objectives', 'reading', 'list', 'OBJ-1']);
    assert.match(r.stdout, /^measured_on\s+value\s+status\s+note\s+recorded_by\s+id$/m);
    assert.match(r.stdout, /\s91\.5\s+on track\s+week 1\s+admin@acme\.test\s+rdg_\w+$/m);
    assert.match(r.stdout, /^5 of 5 readings$/m);
    const page = json(['objectives', 'reading', 'list', 'OBJ-1', '--limit', '2']);
    assert.equal(page.items.length, 2);
    assert.ok(page.next);
    assert.equal(json(['objectives', 'reading', 'list', 'OBJ-1', '--all', '--limit', '2']).items.length, 5);
  });

  test('reading push records a JSON file of readings all or none, and --fail-on applies to every objective', () => {
    const good = join(tmp, 'good.json');
    writeFileSync(good, JSON.stringify([
      { objective: 'OBJ-1', value: 88, measured_on: day(-1) },
      { objective: 'OBJ-2', value: 140, note: 'October' },
    ]));
    let r = aims(['objectives', 'reading', 'push', good, '--fail-on', 'off_track']);
    assert.equal(r.status, 3, r.stderr);
    assert.match(r.stdout, /^Recorded 2 reading\(s\) for 2 objective\(s\)$/m);
    assert.match(r.stdout, /^OBJ-2 Cut retraining energy: off track$/m);
    assert.match(r.stderr, /OBJ-2 is off track/);

    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, JSON.stringify({ readings: [{ objective: 'OBJ-1', value: 1 }, { objective: 'OBJ-404', value: 1 }] }));
    const before = json(['objectives', 'reading', 'list', 'OBJ-1', '--all']).items.length;
    r = failsWith(['objectives', 'reading', 'push', bad], 1);
    assert.match(r.stderr, /nothing was recorded/);
    assert.match(r.stderr, /OBJ-404/);
    assert.equal(json(['objectives', 'reading', 'list', 'OBJ-1', '--all']).items.length, before);
    writeFileSync(bad, 'not json');
    failsWith(['objectives', 'reading', 'push', bad], 2);
    r = ok(['objectives', 'reading', 'push', '-'], JSON.stringify([{ objective: 'OBJ-2', value: 100 }]));
    assert.match(r.stdout, /^OBJ-2 Cut retraining energy: on track$/m);
  });

  test('reading delete removes a reading; history shows it with the changes to the objective', () => {
    const list = json(['objectives', 'reading', 'list', 'OBJ-2', '--all']).items;
    const last = list[list.length - 1];
    let r = ok(['objectives', 'reading', 'delete', 'OBJ-2', last.id, '--yes']);
    assert.match(r.stdout, new RegExp(`^Deleted reading ${last.id} of OBJ-2$`, 'm'));
    assert.equal(json(['objectives', 'get', 'OBJ-2']).derived.status, 'off_track');
    failsWith(['objectives', 'reading', 'delete', 'OBJ-2', last.id, '--yes'], 1);

    r = ok(['objectives', 'history', 'OBJ-2']);
    const lines = r.stdout.split('\n');
    assert.match(lines[0], /^reading {2}\S+Z {2}admin@acme\.test {2}reading_deleted$/);
    assert.match(r.stdout, /^ {4}value: 100 → -$/m);
    assert.match(r.stdout, /^v3 {2}\S+ {2}admin@acme\.test {2}update\n {4}warning_threshold: 150 → -$/m);
    assert.match(r.stdout, /^v1 {2}\S+ {2}admin@acme\.test {2}create$/m);
    assert.equal(json(['objectives', 'history', 'OBJ-2', '--all', '--limit', '1']).items.length, 6);
  });
});
