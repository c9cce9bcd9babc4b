import { describe, expect, it } from 'vitest';
import { newRequestKey } from './request-key.ts';

describe('newRequestKey', () => {
  it('gives a new UUID each time', () => {
    const keys = new Set(Array.from({ length: 100 }, newRequestKey));
    expect(keys.size).toBe(100);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('still gives 128 random bits where randomUUID is missing (plain http off localhost)', () => {
    // Shadows the prototype's method on this instance; deleting the own property brings it back.
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const keys = new Set(Array.from({ length: 100 }, newRequestKey));
      expect(keys.size).toBe(100);
      for (const key of keys) expect(key).toMatch(/^[0-9a-f]{32}$/);
    } finally {
      delete (crypto as { randomUUID?: unknown }).randomUUID;
    }
  });
});
