// aims audit: the checkpoint, public key, consistency proof and export from a running server, and
// the offline verifier (exit 0 when the log matches, 1 naming the first entry that does not, 2 on
// usage errors); also the signing key file that `aims init` creates.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { aims } from '../lib/server.mjs';
import { ok, failsWith, closeCliSession, openCliSession } from '../lib/cli.mjs';
import { openCheckpoint, parseVerifierKey, verifyConsistency } from '../lib/audit.mjs';

describe('aims audit', () => {
  let server, env, tmp;
  const f = (name) => join(tmp, name);

  before(async () => {
    ({ server, env, tmp } = await openCliSession(undefined, 'aims-cli-audit-'));
    for (let i = 0; i < 5; i++) ok(['systems', 'create', '--name', `Audited ${i}`, '--purpose', 'CLI audit test']);
  });

  after(() => closeCliSession({ env, server, tmp }));

  test('init made a private signing key beside the database, not in it', () => {
    const key = join(server.dataDir, 'audit-signing.key');
    assert.equal(statSync(key).mode & 0o777, 0o600);
    assert.match(readFileSync(key, 'utf8'), /^aims audit signing key v1\n[A-Za-z0-9+/]{43}=\n$/);
  });

  test('public-key and checkpoint print a verifier key and a signed checkpoint that verify', () => {
    const vkey = ok(['audit', 'public-key']).stdout.trim();
    const vk = parseVerifierKey(vkey);
    const note = ok(['audit', 'checkpoint']).stdout;
    const cp = openCheckpoint(note, vk);
    assert.ok(cp.size >= 7);  // the organization, its admin and five systems
    ok(['audit', 'checkpoint', '-o', f('cp.txt')]);
    assert.equal(readFileSync(f('cp.txt'), 'utf8'), note);
    const j = JSON.parse(ok(['audit', 'checkpoint', '--json']).stdout);
    assert.equal(j.checkpoint, note);
    assert.equal(JSON.parse(ok(['audit', 'public-key', '--json']).stdout).verifier_key, vkey);
  });

  test('export and verify: the log matches its checkpoint, and an older checkpoint is its prefix', () => {
    ok(['audit', 'checkpoint', '-o', f('old.txt')]);
    ok(['systems', 'create', '--name', 'After the old checkpoint', '--purpose', 'grows the log']);
    ok(['audit', 'checkpoint', '-o', f('new.txt')]);
    ok(['audit', 'public-key', '-o', f('key.txt')]);
    const w = ok(['audit', 'export', '-o', f('log.jsonl')]);
    assert.match(w.stdout, /^Wrote .*log\.jsonl/);
    const r = ok(['audit', 'verify', '--log', f('log.jsonl'), '--checkpoint', f('new.txt'), '--old-checkpoint', f('old.txt'), '--key', f('key.txt')]);
    assert.match(r.stdout, /^OK: the \d+ entries of aims\.invalid\/org_\w+ match the checkpoint of size \d+ \(root [0-9a-f]{64}\)/);
    assert.match(r.stdout, /The old checkpoint of size \d+ is a prefix of it\./);
    // Without --checkpoint the last checkpoint in the file is used, and said so.
    const k = readFileSync(f('key.txt'), 'utf8').trim();
    assert.match(ok(['audit', 'verify', '--log', f('log.jsonl'), '--key', k]).stdout, /Note: verified against the last checkpoint in the file/);
    // The export to standard output is the same file.
    assert.equal(ok(['audit', 'export']).stdout, readFileSync(f('log.jsonl'), 'utf8'));
  });

  test('two checkpoints verify against each other with a consistency proof, without the log', () => {
    const oldSize = openCheckpoint(readFileSync(f('old.txt'), 'utf8'), parseVerifierKey(readFileSync(f('key.txt'), 'utf8').trim())).size;
    ok(['audit', 'consistency', '--from', String(oldSize), '-o', f('proof.json')]);
    const proof = JSON.parse(readFileSync(f('proof.json'), 'utf8'));
    assert.equal(proof.from, oldSize);
    const vk = parseVerifierKey(readFileSync(f('key.txt'), 'utf8').trim());
    const [a, b] = [openCheckpoint(proof.from_checkpoint, vk), openCheckpoint(proof.to_checkpoint, vk)];
    assert.ok(verifyConsistency(a.size, b.size, a.root, b.root, proof.consistency_proof));
    const args = ['audit', 'verify', '--old-checkpoint', f('old.txt'), '--checkpoint', f('new.txt'), '--proof', f('proof.json'), '--key', f('key.txt')];
    assert.match(ok(args).stdout, /^OK: the log of .* at size \d+ is a prefix of the log at size \d+/);
    // Swapped, they are not.
    const r = failsWith(['audit', 'verify', '--old-checkpoint', f('new.txt'), '--checkpoint', f('old.txt'), '--proof', f('proof.json'), '--key', f('key.txt')], 1);
    assert.match(r.stderr, /larger than the checkpoint/);
  });

  test('a changed, a missing and an added entry are each named', () => {
    const lines = readFileSync(f('log.jsonl'), 'utf8').trimEnd().split('\n');
    const check = (name, content, seq) => {
      writeFileSync(f(name), content.join('\n') + '\n');
      const r = failsWith(['audit', 'verify', '--log', f(name), '--checkpoint', f('new.txt'), '--key', f('key.txt')], 1);
      assert.match(r.stderr, /^aims: the audit log does not verify\. /);
      assert.match(r.stderr, new RegExp(`first entry that does not match: ${seq}\\n`), r.stderr);
    };
    check('changed.jsonl', lines.map((l, i) => (i === 3 ? l.replace('admin@acme.test', 'admin@acme.best') : l)), 2);
    check('missing.jsonl', lines.filter((_, i) => i !== 5), 4);
    check('added.jsonl', [...lines.slice(0, 3), lines[2], ...lines.slice(3)], 2);
  });

  test('a checkpoint not signed by the key, or of another log, is refused', () => {
    const note = readFileSync(f('new.txt'), 'utf8');
    writeFileSync(f('forged.txt'), note.replace(/\n(\d+)\n/, (_, n) => `\n${Number(n) + 1}\n`));
    let r = failsWith(['audit', 'verify', '--log', f('log.jsonl'), '--checkpoint', f('forged.txt'), '--key', f('key.txt')], 1);
    assert.match(r.stderr, /The checkpoint is not valid: the signature by .* does not verify/);
    const other = readFileSync(f('key.txt'), 'utf8').trim().replace(/\/org_\w+\+[0-9a-f]{8}\+/, '/org_other+00000000+');
    r = failsWith(['audit', 'verify', '--log', f('log.jsonl'), '--key', other], 2);
    assert.match(r.stderr, /--key: the verifier key's ID does not match its name and key/);
  });

  test('usage errors exit 2 and unreadable files exit 1', () => {
    failsWith(['audit', 'verify', '--log', f('log.jsonl')], 2);  // no --key
    failsWith(['audit', 'verify', '--key', f('key.txt')], 2);      // neither --log nor two checkpoints
    failsWith(['audit', 'verify', '--log', f('log.jsonl'), '--key', 'not a key'], 2);
    failsWith(['audit', 'verify', '--log', f('nope.jsonl'), '--key', f('key.txt')], 1);
    failsWith(['audit', 'consistency'], 2);  // --from is required
  });

  test('a key file others may read is refused when the server starts', async () => {
    const key = join(server.dataDir, 'audit-signing.key');
    chmodSync(key, 0o644);
    try {
      const r = aims(['serve', '--data', server.dataDir, '--listen', '127.0.0.1:0']);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /audit signing key .*others may read it; make it private with chmod 600/);
    } finally {
      chmodSync(key, 0o600);
    }
  });
});
