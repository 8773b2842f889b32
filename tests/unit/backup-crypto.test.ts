import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import {
  decryptPayload,
  encryptPayload,
  generateBackupKeyPair,
  manifestMac,
  newFileKey,
  parsePublicKey,
  parseSecretKey,
  sameMac,
  unwrapFileKey,
} from '../../scripts/backup-crypto.ts';

const CHUNK = 64 * 1024;
const SEALED = CHUNK + 16;

async function run(stream: NodeJS.ReadWriteStream, input: Buffer): Promise<Buffer> {
  // Fed in uneven pieces, as a file stream would.
  const pieces: Buffer[] = [];
  for (let at = 0; at < input.length; at += 10_007) pieces.push(input.subarray(at, at + 10_007));
  return buffer(Readable.from(pieces).pipe(stream));
}

const seal = (fileKey: Buffer, name: string, plain: Buffer) =>
  run(encryptPayload(fileKey, name), plain);
const open = (fileKey: Buffer, name: string, sealed: Buffer) =>
  run(decryptPayload(fileKey, name), sealed);

describe('backup encryption', () => {
  const pair = generateBackupKeyPair();
  const recipient = parsePublicKey(pair.publicKey);
  const secret = parseSecretKey(pair.secretKey);

  it('round-trips payloads of every size around the chunk boundaries', async () => {
    const { fileKey } = newFileKey(recipient);
    for (const size of [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 17]) {
      const plain = randomBytes(size);
      const sealed = await seal(fileKey, 'export', plain);
      expect(sealed.equals(plain), `size ${size}`).toBe(false);
      expect((await open(fileKey, 'export', sealed)).equals(plain), `size ${size}`).toBe(true);
    }
  });

  it('gives the file key back only to the recipient’s secret key', () => {
    const { fileKey, header } = newFileKey(recipient);
    expect(unwrapFileKey(header, secret).equals(fileKey)).toBe(true);
    const other = parseSecretKey(generateBackupKeyPair().secretKey);
    expect(() => unwrapFileKey(header, other)).toThrow(/another key/);
    const altered = {
      ...header,
      wrapped: header.wrapped.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
    };
    expect(() => unwrapFileKey(altered, secret)).toThrow(/altered/);
    // The same content twice gives unrelated archives (a fresh file key and salt each time).
    expect(newFileKey(recipient).header.wrapped).not.toBe(header.wrapped);
  });

  describe('refuses an altered payload', () => {
    const plain = randomBytes(3 * CHUNK + 100);
    const { fileKey } = newFileKey(recipient);
    let sealed: Buffer;
    const refused = async (name: string, altered: Buffer) =>
      expect(open(fileKey, name, altered)).rejects.toThrow(/failed authentication/);

    it('a flipped byte anywhere', async () => {
      sealed = await seal(fileKey, 'export', plain);
      for (const at of [0, 20, SEALED + 5, sealed.length - 1]) {
        const altered = Buffer.from(sealed);
        altered[at]! ^= 1;
        await refused('export', altered);
      }
    });

    it('chunks swapped, repeated or dropped', async () => {
      const header = sealed.subarray(0, 16);
      const chunk = (index: number) =>
        sealed.subarray(16 + index * SEALED, 16 + (index + 1) * SEALED);
      const rest = sealed.subarray(16 + 3 * SEALED);
      await refused('export', Buffer.concat([header, chunk(1), chunk(0), chunk(2), rest]));
      await refused('export', Buffer.concat([header, chunk(0), chunk(0), chunk(2), rest]));
      await refused('export', Buffer.concat([header, chunk(0), chunk(2), rest]));
    });

    it('a stream cut at a chunk boundary, or cut anywhere', async () => {
      await refused('export', sealed.subarray(0, 16 + 3 * SEALED));
      await refused('export', sealed.subarray(0, sealed.length - 3));
      await refused('export', sealed.subarray(0, 10));
    });

    it('a payload put in another payload’s place, or taken from another archive', async () => {
      await refused('accounts', sealed);
      await refused('export', await seal(newFileKey(recipient).fileKey, 'export', plain));
    });
  });

  it('authenticates the manifest’s exact bytes under the file key', () => {
    const { fileKey } = newFileKey(recipient);
    const manifest = Buffer.from('{"entries":{"api::offer.offer":5}}');
    const mac = manifestMac(fileKey, manifest);
    expect(sameMac(mac, manifestMac(fileKey, Buffer.from(manifest)))).toBe(true);
    expect(
      sameMac(mac, manifestMac(fileKey, Buffer.from('{"entries":{"api::offer.offer":6}}'))),
    ).toBe(false);
    expect(sameMac(mac, manifestMac(newFileKey(recipient).fileKey, manifest))).toBe(false);
    expect(sameMac(mac, 'not hex')).toBe(false);
  });

  it('tells the two keys apart and names a malformed one', () => {
    expect(() => parsePublicKey(pair.secretKey)).toThrow(/secret key/);
    expect(() => parseSecretKey(pair.publicKey)).toThrow(/public key/);
    expect(() => parsePublicKey('dejala-backup-public-key:abc')).toThrow(/not a valid/);
    expect(() => parseSecretKey(`${pair.secretKey.slice(0, -4)}`)).toThrow(/not valid/);
    expect(() => parsePublicKey('hunter2')).toThrow(/must start with/);
  });
});
