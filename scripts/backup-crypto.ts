// Encryption of backup archives to a public key, so that the server writes backups it cannot
// read: the secret key stays off the server and is brought back only to restore.
//
// X25519 key agreement with an ephemeral key per archive wraps a random file key (HKDF-SHA256,
// AES-256-GCM); each payload is AES-256-GCM in 64 KiB chunks under a key derived from the file
// key and the payload's name, with a nonce made of the chunk's counter and a last-chunk flag
// (the STREAM construction, as in age). A flipped byte, reordered, repeated or missing chunks,
// a cut stream, a payload taken from another archive or put in another payload's place, and
// an edited manifest all fail authentication. Everything comes from node:crypto.
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

export const BACKUP_CIPHER = 'x25519-hkdf-sha256-aes-256-gcm-stream-64k';
const PUBLIC_PREFIX = 'dejala-backup-public-key:';
const SECRET_PREFIX = 'dejala-backup-secret-key:';
const CHUNK = 64 * 1024;
const TAG = 16;
const SALT = 16;
const LABEL = 'dejala-backup/2';

/** A key that is malformed, or a secret key where a public one is expected (or the reverse). */
export class BackupKeyError extends Error {}

/** The file key, wrapped for the recipient: stored in the manifest, readable without the key. */
export interface WrappedFileKey {
  cipher: typeof BACKUP_CIPHER;
  /** The recipient's public key, so an operator can tell which secret key opens the archive. */
  recipient: string;
  ephemeral: string;
  nonce: string;
  wrapped: string;
}

const b64 = (buffer: Buffer) => buffer.toString('base64url');

function publicKeyText(key: KeyObject): string {
  return `${PUBLIC_PREFIX}${key.export({ format: 'jwk' }).x}`;
}

/** A new key pair, as text: the public key for the server's .env, the secret one for the operator. */
export function generateBackupKeyPair(): { publicKey: string; secretKey: string } {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  const secret = privateKey.export({ format: 'der', type: 'pkcs8' });
  return { publicKey: publicKeyText(publicKey), secretKey: `${SECRET_PREFIX}${b64(secret)}` };
}

export function parsePublicKey(text: string): KeyObject {
  const value = text.trim();
  if (value.startsWith(SECRET_PREFIX)) {
    throw new BackupKeyError('BACKUP_PUBLIC_KEY holds a secret key: keep that one off the server');
  }
  if (!value.startsWith(PUBLIC_PREFIX)) {
    throw new BackupKeyError(`BACKUP_PUBLIC_KEY must start with "${PUBLIC_PREFIX}"`);
  }
  try {
    const x = value.slice(PUBLIC_PREFIX.length);
    if (Buffer.from(x, 'base64url').length !== 32) throw new Error('not 32 bytes');
    return createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x }, format: 'jwk' });
  } catch {
    throw new BackupKeyError('BACKUP_PUBLIC_KEY is not a valid backup public key');
  }
}

export function parseSecretKey(text: string): KeyObject {
  const value = text.trim();
  if (value.startsWith(PUBLIC_PREFIX)) {
    throw new BackupKeyError('that is the public key; a restore needs the secret key');
  }
  if (!value.startsWith(SECRET_PREFIX)) {
    throw new BackupKeyError(`a backup secret key starts with "${SECRET_PREFIX}"`);
  }
  try {
    const der = Buffer.from(value.slice(SECRET_PREFIX.length), 'base64url');
    const key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    if (key.asymmetricKeyType !== 'x25519') throw new Error('not x25519');
    return key;
  } catch {
    throw new BackupKeyError('the backup secret key is not valid (copied in full?)');
  }
}

function wrapKey(shared: Buffer, ephemeral: Buffer, recipient: Buffer): Buffer {
  const salt = Buffer.concat([ephemeral, recipient]);
  return Buffer.from(hkdfSync('sha256', shared, salt, `${LABEL} wrap`, 32));
}

function rawPublic(key: KeyObject): Buffer {
  return Buffer.from(key.export({ format: 'jwk' }).x as string, 'base64url');
}

/** A new random file key and its wrapping for `recipient` (a parsed public key). */
export function newFileKey(recipient: KeyObject): { fileKey: Buffer; header: WrappedFileKey } {
  const fileKey = randomBytes(32);
  const ephemeral = generateKeyPairSync('x25519');
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: recipient });
  const ephemeralRaw = rawPublic(ephemeral.publicKey);
  const key = wrapKey(shared, ephemeralRaw, rawPublic(recipient));
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const wrapped = Buffer.concat([cipher.update(fileKey), cipher.final(), cipher.getAuthTag()]);
  return {
    fileKey,
    header: {
      cipher: BACKUP_CIPHER,
      recipient: publicKeyText(recipient),
      ephemeral: b64(ephemeralRaw),
      nonce: b64(nonce),
      wrapped: b64(wrapped),
    },
  };
}

/** The file key of an archive, with the recipient's secret key; throws when it is not theirs. */
export function unwrapFileKey(header: WrappedFileKey, secretKey: KeyObject): Buffer {
  if (header.cipher !== BACKUP_CIPHER) {
    throw new BackupKeyError(`unknown cipher "${String(header.cipher)}"`);
  }
  const ownPublic = publicKeyText(createPublicKey(secretKey));
  if (header.recipient !== ownPublic) {
    throw new BackupKeyError(
      `it was encrypted for another key (${header.recipient.slice(0, 40)}…), not this secret key's`,
    );
  }
  try {
    const ephemeralRaw = Buffer.from(header.ephemeral, 'base64url');
    const ephemeral = createPublicKey({
      key: { kty: 'OKP', crv: 'X25519', x: header.ephemeral },
      format: 'jwk',
    });
    const shared = diffieHellman({ privateKey: secretKey, publicKey: ephemeral });
    const key = wrapKey(shared, ephemeralRaw, rawPublic(createPublicKey(secretKey)));
    const wrapped = Buffer.from(header.wrapped, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(header.nonce, 'base64url'));
    decipher.setAuthTag(wrapped.subarray(wrapped.length - TAG));
    return Buffer.concat([
      decipher.update(wrapped.subarray(0, wrapped.length - TAG)),
      decipher.final(),
    ]);
  } catch {
    throw new BackupKeyError('its file key cannot be unwrapped: the header was altered');
  }
}

/** An authentication code of the manifest's exact bytes, under the archive's file key. */
export function manifestMac(fileKey: Buffer, manifest: Buffer): string {
  const key = Buffer.from(hkdfSync('sha256', fileKey, Buffer.alloc(0), `${LABEL} manifest`, 32));
  return createHmac('sha256', key).update(manifest).digest('hex');
}

export function sameMac(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === 32 && right.length === 32 && timingSafeEqual(left, right);
}

function payloadKey(fileKey: Buffer, salt: Buffer, name: string): Buffer {
  return Buffer.from(hkdfSync('sha256', fileKey, salt, `${LABEL} payload ${name}`, 32));
}

function chunkNonce(counter: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeUIntBE(counter, 5, 6);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

/**
 * Encrypts a payload as a stream: a random salt, then 64 KiB chunks each with its tag. The
 * last chunk (possibly empty) is flagged, so a stream cut at a chunk boundary is refused.
 */
export function encryptPayload(fileKey: Buffer, name: string): Transform {
  const salt = randomBytes(SALT);
  const key = payloadKey(fileKey, salt, name);
  let counter = 0;
  let pending = Buffer.alloc(0);
  let started = false;
  const seal = (plain: Buffer, last: boolean): Buffer => {
    const cipher = createCipheriv('aes-256-gcm', key, chunkNonce(counter, last));
    counter += 1;
    cipher.setAAD(Buffer.from(name));
    return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      if (!started) {
        this.push(salt);
        started = true;
      }
      pending = Buffer.concat([pending, chunk]);
      // Keep at least one byte back: the last chunk must be the one flagged as last.
      while (pending.length > CHUNK) {
        this.push(seal(pending.subarray(0, CHUNK), false));
        pending = pending.subarray(CHUNK);
      }
      callback();
    },
    flush(callback: TransformCallback) {
      if (!started) this.push(salt);
      this.push(seal(pending, true));
      callback();
    },
  });
}

/** Decrypts what encryptPayload wrote; fails on any change, reordering or truncation. */
export function decryptPayload(fileKey: Buffer, name: string): Transform {
  const sealedChunk = CHUNK + TAG;
  let key: Buffer | null = null;
  let counter = 0;
  let pending = Buffer.alloc(0);
  const open = (sealed: Buffer, last: boolean): Buffer => {
    if (!key) throw new Error('payload too short');
    const decipher = createDecipheriv('aes-256-gcm', key, chunkNonce(counter, last));
    counter += 1;
    decipher.setAAD(Buffer.from(name));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG));
    return Buffer.concat([
      decipher.update(sealed.subarray(0, sealed.length - TAG)),
      decipher.final(),
    ]);
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      try {
        pending = Buffer.concat([pending, chunk]);
        if (!key) {
          if (pending.length < SALT) return callback();
          key = payloadKey(fileKey, pending.subarray(0, SALT), name);
          pending = pending.subarray(SALT);
        }
        // A full sealed chunk is only opened as "not last" once more bytes follow it.
        while (pending.length > sealedChunk) {
          this.push(open(pending.subarray(0, sealedChunk), false));
          pending = pending.subarray(sealedChunk);
        }
        callback();
      } catch {
        callback(new BackupKeyError(`${name} failed authentication: the archive was altered`));
      }
    },
    flush(callback: TransformCallback) {
      try {
        if (pending.length < TAG) throw new Error('truncated');
        this.push(open(pending, true));
        callback();
      } catch {
        callback(
          new BackupKeyError(`${name} failed authentication: the archive was altered or cut`),
        );
      }
    },
  });
}
