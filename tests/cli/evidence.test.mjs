// The evidence commands of the aims CLI (aims evidence ...) against a real server: streamed upload
// with metadata and links, list, get, update, download checked against the SHA-256, link, unlink,
// events, freshness, delete, and how refusals are reported (exit 1 with the server's words).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ok, failsWith, esc, json, closeCliSession, openCliSession } from '../lib/cli.mjs';

const day = (offset) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);

describe('aims evidence commands', () => {
  let server, tmp, env, system, id;

  before(async () => {
    ({ server, env, tmp } = await openCliSession({ env: { AIMS_MAX_UPLOAD_MIB: '2' } }, 'aims-cli-evidence-'));
    system = json(['systems', 'create', '--name', 'CLI evidence system', '--purpose', 'Has evidence']);
  });

  after(() => closeCliSession({ env, server, tmp }));

  test('upload streams a file with metadata and links and prints what was stored', () => {
    const file = join(tmp, 'validation report.csv');
    writeFileSync(file, 'metric,value\nauc,0.81\n');
    const r = ok(['evidence', 'upload', file, '--title', 'Validation metrics', '--owner', 'ML lead', '--expires', day(10),
      '--effective', day(-5), '--classification', 'confidential', '--link', `system:${system.id}`, '--link', 'soa_entry:A.6.2.4']);
    const m = r.stdout.match(/^Uploaded (EV-\d+) (ev_\w+): Validation metrics \(UTF-8 text, 22 bytes, sha256 ([0-9a-f]{64})\)$/m);
    assert.ok(m, r.stdout);
    id = m[2];
    assert.equal(m[3], createHash('sha256').update(readFileSync(file)).digest('hex'));
    assert.match(r.stdout, /^Linked to 2 record\(s\)\.$/m);
    // The same bytes again: the existing evidence.
    const again = ok(['evidence', 'upload', file, '--name', 'copy.csv']);
    assert.match(again.stdout, new RegExp(`^Already in the vault as ${m[1]} ${id}: Validation metrics`, 'm'));
  });

  test('list, get and update show and change the metadata', () => {
    let r = ok(['evidence', 'list', '--linked-to', `system:${system.id}`]);
    assert.match(r.stdout, /^number\s+id\s+title\s+type\s+size\s+expires\s+freshness\s+links\s+owner$/m);
    assert.match(r.stdout, new RegExp(`^EV-\\d+\\s+${id}\\s+Validation metrics\\s+text\\s+22 B\\s+${day(10)}\\s+expiring\\s+2\\s+ML lead$`, 'm'));
    assert.match(r.stdout, /^1 of 1 evidence$/m);
    r = ok(['evidence', 'get', id]);
    assert.match(r.stdout, /^file\s+validation report\.csv \(UTF-8 text, 22 B\)$/m);
    assert.match(r.stdout, /^classification\s+confidential$/m);
    assert.match(r.stdout, /^Linked to:$/m);
    assert.match(r.stdout, new RegExp(`^system:${system.id}\\s+CLI evidence system`, 'm'));
    assert.match(r.stdout, /^soa_entry:A\.6\.2\.4\s+A\.6\.2\.4 /m);
    r = ok(['evidence', 'update', id, '--title', 'Validation metrics 2026', '--expires', '']);
    assert.match(r.stdout, new RegExp(`^Updated EV-\\d+ ${id} \\(version 2\\)$`, 'm'));
    const e = json(['evidence', 'get', id]);
    assert.equal(e.title, 'Validation metrics 2026');
    assert.equal(e.expires_on, null);
    failsWith(['evidence', 'update', id], 2);
    r = failsWith(['evidence', 'update', id, '--classification', 'secret'], 1);
    assert.match(r.stderr, /^aims: The change is not valid\.$/m);
    assert.match(r.stderr, /^ {2}classification: must be one of public, internal, confidential, restricted$/m);
  });

  test('download writes the file, verified against its SHA-256, and never over an existing file without --force', () => {
    const out = join(tmp, 'downloaded.csv');
    const r = ok(['evidence', 'download', id, '-o', out]);
    assert.match(r.stdout, new RegExp(`^Wrote ${esc(out)} \\(22 bytes, sha256 verified\\)$`, 'm'));
    assert.equal(readFileSync(out, 'utf8'), 'metric,value\nauc,0.81\n');
    const again = failsWith(['evidence', 'download', id, '-o', out], 2);
    assert.match(again.stderr, /exists/);
    ok(['evidence', 'download', id, '-o', out, '--force']);
    assert.equal(ok(['evidence', 'download', id, '-o', '-']).stdout, 'metric,value\nauc,0.81\n');
    const events = json(['evidence', 'events', id]).items.map((e) => e.action);
    assert.deepEqual(events.filter((a) => a === 'download').length, 3);
  });

  test('refused uploads report the server\'s words and store nothing', () => {
    const before = json(['evidence', 'list']).total;
    const fake = join(tmp, 'report.pdf');
    writeFileSync(fake, '<!DOCTYPE html><html><body>not a pdf</body></html>');
    let r = failsWith(['evidence', 'upload', fake], 1);
    assert.match(r.stderr, /^aims: The name 'report\.pdf' says a PDF document, but the content is an HTML document\./m);
    assert.match(r.stderr, /^ {2}filename: the extension \.pdf does not match the content/m);
    const big = join(tmp, 'big.txt');
    writeFileSync(big, Buffer.alloc(3 * 1024 * 1024, 0x61));
    r = failsWith(['evidence', 'upload', big], 1);
    assert.match(r.stderr, /^aims: The file is larger than the upload limit of 2 MiB; nothing was stored\.$/m);
    r = failsWith(['evidence', 'upload', join(tmp, 'note.txt'), '--link', 'risk:nope'], 1);
    assert.match(r.stderr, /cannot read/);
    writeFileSync(join(tmp, 'note.txt'), 'note');
    r = failsWith(['evidence', 'upload', join(tmp, 'note.txt'), '--link', 'risk:nope'], 1);
    assert.match(r.stderr, /^ {2}link: risk nope does not exist$/m);
    failsWith(['evidence', 'upload', join(tmp, 'note.txt'), '--classification', 'secret'], 2);
    assert.equal(json(['evidence', 'list']).total, before);
  });

  test('link, unlink, events, freshness and delete', () => {
    let r = ok(['evidence', 'link', id, 'catalog_item:iso42001:7.5.3', '--note', 'Documented information']);
    assert.match(r.stdout, /^Linked to catalog_item:iso42001:7\.5\.3 \(7\.5\.3 /m);
    r = failsWith(['evidence', 'link', id, 'system:sys_nope'], 1);
    assert.match(r.stderr, /^ {2}target: AI system sys_nope does not exist$/m);
    for (const t of [`system:${system.id}`, 'soa_entry:A.6.2.4', 'catalog_item:iso42001:7.5.3'])
      assert.match(ok(['evidence', 'unlink', id, t]).stdout, new RegExp(`^Unlinked ${esc(t)}$`, 'm'));
    r = ok(['evidence', 'events', id]);
    assert.match(r.stdout, /^#\s+at\s+actor\s+action\s+detail$/m);
    assert.match(r.stdout, /^1\s+\S+\s+admin@acme\.test\s+upload\s+/m);
    assert.match(r.stdout, /\sunlink\s+target=catalog_item:iso42001:7\.5\.3/);

    const expired = join(tmp, 'old.txt');
    writeFileSync(expired, 'old evidence');
    ok(['evidence', 'upload', expired, '--expires', day(-2), '--title', 'Old evidence']);
    r = ok(['evidence', 'freshness']);
    assert.match(r.stdout, /^As of \d{4}-\d{2}-\d{2}: 1 expired, 0 expiring within 30 days, /m);
    assert.match(r.stdout, /^Expired:$/m);
    assert.match(r.stdout, new RegExp(`^EV-\\d+\\s+ev_\\w+\\s+Old evidence\\s+${day(-2)}`, 'm'));
    assert.match(ok(['evidence', 'list', '--expired']).stdout, /^1 of 1 evidence$/m);

    r = ok(['evidence', 'delete', id, '--yes']);
    assert.match(r.stdout, new RegExp(`^Deleted EV-\\d+ ${id}$`, 'm'));
    r = failsWith(['evidence', 'download', id, '-o', join(tmp, 'gone.csv')], 1);
    assert.match(r.stderr, /was deleted/);
    assert.ok(!existsSync(join(tmp, 'gone.csv')));
    assert.equal(json(['evidence', 'get', id]).deleted, true);
  });
});
