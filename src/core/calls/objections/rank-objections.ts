/**
 * The order of the objection list during a call: the debtor's own earlier objections first (most
 * often raised, then most recent — 004#4: anticipate what this customer said before), then the
 * others by measured success: how often a counter led to a promise that was kept. Counts are
 * small, so every rate is smoothed (one success and one failure added), which keeps a counter used
 * once and successful once from jumping above one that worked 40 times out of 50.
 */
import type { CalendarDate } from '../../calendar-date.js';
import { counterId, OBJECTION_CODES, OBJECTION_LIBRARY, type ObjectionCode } from './objection-library.js';

/** An objection the debtor raised in earlier calls (from the recorded outcomes). */
export type OwnObjection = { code: ObjectionCode; count: number; lastRaisedOn: CalendarDate };

/** How often a counter was used, and how often the promise that followed was kept. */
export type CounterStat = { counterId: string; uses: number; keptPromises: number };

export type RankedCounter = {
  id: string;
  key: string;
  uses: number;
  keptPromises: number;
  successRateBps: number;
};

export type RankedObjection = {
  code: ObjectionCode;
  isOwn: boolean;
  ownCount: number;
  lastRaisedOn: CalendarDate | null;
  uses: number;
  keptPromises: number;
  successRateBps: number;
  counters: RankedCounter[];
};

/** Kept promises per use, smoothed: (kept + 1) / (uses + 2), in basis points; 5 000 without data. */
export function successRateBps(uses: number, keptPromises: number): number {
  return Math.round(((keptPromises + 1) * 10_000) / (uses + 2));
}

export function rankObjections(
  own: readonly OwnObjection[],
  stats: readonly CounterStat[],
): RankedObjection[] {
  const statById = new Map(stats.map((s) => [s.counterId, s]));
  const ownByCode = new Map(own.map((o) => [o.code, o]));
  const ranked = OBJECTION_CODES.map((code): RankedObjection => {
    const counters = OBJECTION_LIBRARY[code].counters
      .map((key): RankedCounter => {
        const id = counterId(code, key);
        const stat = statById.get(id);
        const uses = stat?.uses ?? 0;
        const keptPromises = stat?.keptPromises ?? 0;
        return { id, key, uses, keptPromises, successRateBps: successRateBps(uses, keptPromises) };
      })
      .map((counter, index) => ({ counter, index }))
      .sort((a, b) => b.counter.successRateBps - a.counter.successRateBps || a.index - b.index)
      .map(({ counter }) => counter);
    const uses = counters.reduce((sum, c) => sum + c.uses, 0);
    const keptPromises = counters.reduce((sum, c) => sum + c.keptPromises, 0);
    const mine = ownByCode.get(code);
    return {
      code,
      isOwn: !!mine && mine.count > 0,
      ownCount: mine?.count ?? 0,
      lastRaisedOn: mine?.lastRaisedOn ?? null,
      uses,
      keptPromises,
      successRateBps: successRateBps(uses, keptPromises),
      counters,
    };
  });
  const libraryOrder = (code: ObjectionCode) => OBJECTION_CODES.indexOf(code);
  return ranked.sort((a, b) => {
    if (a.isOwn !== b.isOwn) return a.isOwn ? -1 : 1;
    if (a.isOwn) {
      const byCount = b.ownCount - a.ownCount;
      if (byCount !== 0) return byCount;
      const byRecent = (b.lastRaisedOn ?? '').localeCompare(a.lastRaisedOn ?? '');
      if (byRecent !== 0) return byRecent;
    }
    return b.successRateBps - a.successRateBps || libraryOrder(a.code) - libraryOrder(b.code);
  });
}
