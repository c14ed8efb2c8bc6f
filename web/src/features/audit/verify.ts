// Verifying the audit log in the browser, with WebCrypto only (SHA-256, Ed25519): a checkpoint's
// signature with the log's verifier key (C2SP signed note), and an entry's RFC 6962 inclusion
// proof against it (RFC 9162 §2.1.3.2). docs/formats/audit-log.md defines every byte.

const enc = new TextEncoder();

async function sha256(...parts: Uint8Array[]): Promise<Uint8Array> {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', all));
}

export function toHex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

export function fromHex(h: string): Uint8Array {
  if (!/^([0-9a-f]{2})*$/i.test(h)) throw new Error('not hex');
  return new Uint8Array(h.match(/../g)?.map((x) => parseInt(x, 16)) ?? []);
}

function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** SHA-256(0x00 || entry bytes). */
export const leafHash = (entry: string) => sha256(new Uint8Array([0]), enc.encode(entry));
/** SHA-256(0x01 || left || right). */
export const nodeHash = (l: Uint8Array, r: Uint8Array) => sha256(new Uint8Array([1]), l, r);

/** RFC 9162 §2.1.3.2: does `proof` put `leaf` at `index` of the tree of `size` with this root? */
export async function verifyInclusion(index: number, size: number, leaf: Uint8Array, proof: string[], root: Uint8Array): Promise<boolean> {
  if (index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof.map(fromHex)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = await nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equal(r, root);
}

export interface VerifierKey {
  name: string;
  id: string; // 8 hex digits
  key: CryptoKey;
}

/** Parses "<name>+<key id>+<base64(0x01 || key)>" and checks that the key ID belongs to them. */
export async function parseVerifierKey(vkey: string): Promise<VerifierKey> {
  const i = vkey.indexOf('+');
  const j = vkey.indexOf('+', i + 1);
  if (i <= 0 || j < 0) throw new Error('not a verifier key');
  const [name, id] = [vkey.slice(0, i), vkey.slice(i + 1, j)];
  const raw = fromBase64(vkey.slice(j + 1));
  if (raw.length !== 33 || raw[0] !== 1) throw new Error('not an Ed25519 verifier key');
  const pub = raw.slice(1);
  const want = toHex((await sha256(enc.encode(`${name}\n`), new Uint8Array([1]), pub)).slice(0, 4));
  if (want !== id) throw new Error('the key ID does not match the key');
  const key = await crypto.subtle.importKey('raw', pub, { name: 'Ed25519' }, false, ['verify']);
  return { name, id, key };
}

export interface Checkpoint {
  origin: string;
  size: number;
  root: Uint8Array;
}

/** Verifies a signed checkpoint with the key and reads it; throws saying what is wrong. */
export async function openCheckpoint(note: string, vk: VerifierKey): Promise<Checkpoint> {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) throw new Error('not a signed note');
  const text = note.slice(0, split + 1);
  let verified = false;
  for (const line of note.slice(split + 2).split('\n').filter(Boolean)) {
    const m = /^\u2014 (\S+) (\S+)$/.exec(line);
    if (!m) throw new Error('a signature line is malformed');
    const sig = fromBase64(m[2]);
    if (m[1] !== vk.name || toHex(sig.slice(0, 4)) !== vk.id) continue;
    if (!(await crypto.subtle.verify({ name: 'Ed25519' }, vk.key, sig.slice(4), enc.encode(text))))
      throw new Error('the signature does not verify');
    verified = true;
  }
  if (!verified) throw new Error(`no signature by ${vk.name}`);
  const [origin, size, root] = text.split('\n');
  if (origin !== vk.name) throw new Error('the checkpoint is of another log');
  if (!/^(0|[1-9]\d*)$/.test(size)) throw new Error('the size is malformed');
  return { origin, size: Number(size), root: fromBase64(root) };
}
