// An independent verifier of the audit log for the tests, written from docs/formats/audit-log.md
// with node:crypto only: RFC 8785 canonical JSON, RFC 6962 leaf/node hashes, RFC 9162 inclusion and
// consistency verification, C2SP verifier keys and signed notes (Ed25519).
// Also the entries of a stored (uncompressed) ZIP archive such as the auditor package (unzip).
import { createHash, createPublicKey, verify as edVerify } from 'node:crypto';
import assert from 'node:assert/strict';

const sha256 = (...parts) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

/** RFC 8785: members sorted by UTF-16 code units (JavaScript's default order), no white space. */
export function canonical(v) {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
}

export const hex = (b) => Buffer.from(b).toString('hex');
export const leafHash = (entry) => sha256(Buffer.from([0]), Buffer.from(entry, 'utf8'));
export const nodeHash = (l, r) => sha256(Buffer.from([1]), l, r);
export const contentHash = (v) => hex(sha256(Buffer.from(canonical(v), 'utf8')));

/** The content of a document record as the log hashes it: the stored columns and document. */
export function recordContent({ created_at, doc, id, parent_id = '', position = 0, ref = '', updated_at, version }) {
  return { created_at, doc, id, parent_id, position, ref, updated_at, version };
}

/**
 * The content of an AI system, from its document as the API returns it, less its `scope`: the
 * membership derived from the scope record when served, never stored (so never hashed).
 */
export const systemContent = (served) => {
  const { scope: _derived, ...doc } = served;
  return recordContent({ ...doc, doc });
};

/** MTH of a list of leaf hashes (Buffers). */
export function rootOf(leaves) {
  if (leaves.length === 0) return sha256(Buffer.alloc(0));
  if (leaves.length === 1) return leaves[0];
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(rootOf(leaves.slice(0, k)), rootOf(leaves.slice(k)));
}

/** RFC 9162 §2.1.3.2. */
export function verifyInclusion(index, size, leaf, proof, root) {
  if (index >= size) return false;
  let fn = BigInt(index), sn = BigInt(size - 1), r = leaf;
  for (const p of proof.map((x) => Buffer.from(x, 'hex'))) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      r = nodeHash(p, r);
      if ((fn & 1n) === 0n) while ((fn & 1n) === 0n && fn !== 0n) { fn >>= 1n; sn >>= 1n; }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && r.equals(root);
}

/** RFC 9162 §2.1.4.2. */
export function verifyConsistency(oldSize, newSize, oldRoot, newRoot, proofHex) {
  const proof = proofHex.map((x) => Buffer.from(x, 'hex'));
  if (oldSize > newSize) return false;
  if (oldSize === newSize) return proof.length === 0 && oldRoot.equals(newRoot);
  if (oldSize === 0) return proof.length === 0;
  if (proof.length === 0) return false;
  const p = (oldSize & (oldSize - 1)) === 0 ? [oldRoot, ...proof] : proof;
  let fn = BigInt(oldSize - 1), sn = BigInt(newSize - 1);
  while ((fn & 1n) === 1n) { fn >>= 1n; sn >>= 1n; }
  let fr = p[0], sr = p[0];
  for (const c of p.slice(1)) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if ((fn & 1n) === 0n) while ((fn & 1n) === 0n && fn !== 0n) { fn >>= 1n; sn >>= 1n; }
    } else {
      sr = nodeHash(sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && fr.equals(oldRoot) && sr.equals(newRoot);
}

/** "<name>+<hex key id>+<base64(0x01 || key)>" → {name, id, key (KeyObject)}; checks the key ID. */
export function parseVerifierKey(vkey) {
  const i = vkey.indexOf('+'), j = vkey.indexOf('+', i + 1);
  const [name, id, b64] = [vkey.slice(0, i), vkey.slice(i + 1, j), vkey.slice(j + 1)];
  const raw = Buffer.from(b64, 'base64');
  if (raw.length !== 33 || raw[0] !== 1) throw new Error('not an Ed25519 verifier key');
  const pub = raw.subarray(1);
  const want = sha256(Buffer.from(name + '\n', 'utf8'), Buffer.from([1]), pub).subarray(0, 4).toString('hex');
  if (want !== id) throw new Error(`key id ${id} is not ${want}`);
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: pub.toString('base64url') }, format: 'jwk' });
  return { name, id, key };
}

/** Verifies a signed checkpoint; returns {origin, size, root (Buffer)} or throws saying why. */
export function openCheckpoint(note, vk) {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) throw new Error('not a signed note');
  const text = note.slice(0, split + 1);
  let verified = false;
  for (const line of note.slice(split + 2).split('\n').filter((l) => l)) {
    const m = /^\u2014 (\S+) (\S+)$/.exec(line);
    if (!m) throw new Error(`bad signature line ${line}`);
    const sig = Buffer.from(m[2], 'base64');
    if (m[1] !== vk.name || sig.subarray(0, 4).toString('hex') !== vk.id) continue;
    if (!edVerify(null, Buffer.from(text, 'utf8'), vk.key, sig.subarray(4))) throw new Error('signature does not verify');
    verified = true;
  }
  if (!verified) throw new Error(`no signature by ${vk.name}`);
  const [origin, size, root] = text.split('\n');
  if (origin !== vk.name) throw new Error(`checkpoint of ${origin}, key of ${vk.name}`);
  if (!/^(0|[1-9]\d*)$/.test(size)) throw new Error('bad size');
  return { origin, size: Number(size), root: Buffer.from(root, 'base64') };
}

/** The entries of a ZIP archive: [{name, offset (of the data), size, data}], from its central directory. */
export function unzip(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, 'the archive has an end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const out = [];
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(at), 0x02014b50);
    assert.equal(buf.readUInt16LE(at + 10), 0, 'entries are stored');
    const size = buf.readUInt32LE(at + 20);
    const nlen = buf.readUInt16LE(at + 28);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nlen).toString('utf8');
    at += 46 + nlen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const offset = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    out.push({ name, offset, size, data: buf.subarray(offset, offset + size) });
  }
  return out;
}
