// The browser's audit log checks (WebCrypto) against the RFC 6962 test vectors and a published
// C2SP signed note.
import { describe, expect, it } from 'vitest';
import { fromHex, leafHash, nodeHash, openCheckpoint, parseVerifierKey, toHex, verifyInclusion } from './verify';

const data = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
const ROOT8 = '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328';

async function leaves(): Promise<Uint8Array[]> {
  // leafHash takes text; the vectors are bytes, so hash them the same way by hand.
  return Promise.all(
    data.map(async (h) => new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array([0, ...fromHex(h)])))),
  );
}

describe('audit log verification in the browser', () => {
  it('hashes nodes as RFC 6962 does', async () => {
    const l = await leaves();
    expect(toHex(l[0])).toBe('6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');
    expect(toHex(await nodeHash(l[0], l[1]))).toBe('fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125');
    expect(toHex(await leafHash(''))).toBe(toHex(l[0]));
  });

  it('verifies the published inclusion proofs and refuses altered ones', async () => {
    const l = await leaves();
    const root = fromHex(ROOT8);
    const p0 = [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ];
    expect(await verifyInclusion(0, 8, l[0], p0, root)).toBe(true);
    expect(await verifyInclusion(1, 8, l[0], p0, root)).toBe(false);
    expect(await verifyInclusion(0, 8, l[1], p0, root)).toBe(false);
    expect(await verifyInclusion(0, 8, l[0], p0.slice(0, 2), root)).toBe(false);
    const p5 = [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ];
    expect(await verifyInclusion(5, 8, l[5], p5, root)).toBe(true);
    const root3 = fromHex('aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77');
    expect(await verifyInclusion(2, 3, l[2], ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'], root3)).toBe(true);
  });

  it('opens a signed note with its verifier key and refuses an altered one', async () => {
    const vk = await parseVerifierKey('example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k');
    const note =
      'This is an example message.\n\n\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n';
    // Not a checkpoint (one line), so reading it fails after the signature has verified.
    await expect(openCheckpoint(note, vk)).rejects.toThrow(/another log|size/);
    await expect(openCheckpoint(note.replace('example', 'Example'), vk)).rejects.toThrow(/does not verify/);
    await expect(parseVerifierKey('example.com/foo+530d903b+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k')).rejects.toThrow(/key ID/);
  });
});
