import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret for cookies, CSRF tokens and API tokens: 32 bytes, base64url. */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Stored instead of the secret itself, so a database leak does not hand out sessions or tokens. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
