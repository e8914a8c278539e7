// WebCrypto primitives of the offline app: a slow salted password verifier, a password-derived
// key that wraps a random data key, and AES-GCM sealing of JSON values (a fresh 12-byte IV each).

const subtle = globalThis.crypto.subtle;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const DEFAULT_ITERATIONS = 310000;

export function randomBytes(n) {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

export function toBase64(bytes) {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
  return btoa(s);
}

export function fromBase64(text) {
  const s = atob(text);
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}

async function pbkdf2Bits(password, salt, iterations) {
  const base = await subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, 256));
}

/** A verifier of the password: its own salt, so it never equals the bits of the wrapping key. */
export async function makeVerifier(password, iterations = DEFAULT_ITERATIONS) {
  const salt = randomBytes(16);
  const hash = await pbkdf2Bits(password, salt, iterations);
  return { salt: toBase64(salt), iterations, hash: toBase64(hash) };
}

/** True when the password matches; compares every byte, whatever the first difference. */
export async function checkVerifier(password, verifier) {
  const actual = await pbkdf2Bits(password, fromBase64(verifier.salt), verifier.iterations);
  const expected = fromBase64(verifier.hash);
  let diff = actual.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) diff |= actual[i % actual.length] ^ expected[i];
  return diff === 0;
}

/** The key-encryption key derived from the password (PBKDF2-SHA-256, salted). */
export async function deriveWrappingKey(password, salt, iterations) {
  const bits = await pbkdf2Bits(password, salt, iterations);
  return subtle.importKey('raw', bits, { name: 'AES-GCM' }, false, ['wrapKey', 'unwrapKey']);
}

/**
 * A new random AES-GCM 256 data key, wrapped with a key derived from the password. Returns the
 * key (usable, not extractable afterwards) and the plain-storable wrapping parameters.
 */
export async function createDataKey(password, iterations = DEFAULT_ITERATIONS) {
  const salt = randomBytes(16);
  const kek = await deriveWrappingKey(password, salt, iterations);
  const raw = await subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  const iv = randomBytes(12);
  const wrapped = await subtle.wrapKey('raw', raw, kek, { name: 'AES-GCM', iv });
  const key = await unwrap(kek, new Uint8Array(wrapped), iv);
  return { key, wrap: { salt: toBase64(salt), iterations, iv: toBase64(iv), key: toBase64(wrapped) } };
}

function unwrap(kek, wrapped, iv) {
  return subtle.unwrapKey('raw', wrapped, kek, { name: 'AES-GCM', iv }, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
}

/** The data key from the password and the stored wrapping parameters; rejects on a wrong password. */
export async function unwrapDataKey(password, wrap) {
  const kek = await deriveWrappingKey(password, fromBase64(wrap.salt), wrap.iterations);
  return unwrap(kek, fromBase64(wrap.key), fromBase64(wrap.iv));
}

/** Seals a JSON value: {iv, ct} with a fresh random 12-byte IV; nothing of the value stays readable. */
export async function encryptJson(key, value) {
  const iv = randomBytes(12);
  const ct = await subtle.encrypt({ name: 'AES-GCM', iv }, key, encoder.encode(JSON.stringify(value)));
  return { iv, ct: new Uint8Array(ct) };
}

export async function decryptJson(key, sealed) {
  const plain = await subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv }, key, sealed.ct);
  return JSON.parse(decoder.decode(plain));
}

/** Lowercase hex SHA-256 of the UTF-8 bytes of a string. */
export async function sha256Hex(text) {
  const digest = new Uint8Array(await subtle.digest('SHA-256', encoder.encode(text)));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}
