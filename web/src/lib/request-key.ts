/**
 * A fresh idempotency key for a request. `crypto.randomUUID` exists only in secure contexts (https
 * or localhost), and the app may be opened over plain http on an office network, where
 * `getRandomValues` still is.
 */
export function newRequestKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
