import { describe, expect, it } from 'vitest';
import { TIMELINE_KINDS } from '../../../src/core/ledger/enums.ts';
import en from './en.json';
import fr from './fr.json';
import nl from './nl.json';

/** Every key path of a translation tree, e.g. `debtors.columns.name`. */
function keysOf(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value && typeof value === 'object' ? keysOf(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

// Plural suffixes differ by language only in theory here: nl, fr and en all use _one/_other.
describe('translations', () => {
  const dutch = keysOf(nl).sort();

  it.each([
    ['fr', fr],
    ['en', en],
  ])('%s has exactly the Dutch keys', (_language, tree) => {
    expect(keysOf(tree).sort()).toEqual(dutch);
  });

  it('names every kind of timeline event the server writes', () => {
    expect(TIMELINE_KINDS.filter((kind) => !(kind in nl.timeline.kinds))).toEqual([]);
  });

  it('has no empty texts', () => {
    for (const tree of [nl, fr, en]) {
      const empty = keysOf(tree).filter((path) => {
        const value = path
          .split('.')
          .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], tree);
        return typeof value !== 'string' || value.trim() === '';
      });
      expect(empty).toEqual([]);
    }
  });
});
