import { describe, expect, it } from 'vitest';
import {
  assessSensitivity,
  assignDay,
  type Collector,
  canHandle,
  type DossierSensitivity,
  defaultSkillLevel,
  type RoutableItem,
} from './routing.js';

const plain: DossierSensitivity = {
  kind: 'business',
  overdueCents: 100_000,
  hasPaymentTrouble: false,
  isLegalStage: false,
  hasOpenDispute: false,
  hasOpenComplaint: false,
  hadAggressiveCall: false,
  brokenPromiseCount: 0,
};

describe('assessSensitivity', () => {
  it.each([
    ['an ordinary business debtor', {}, 'junior', []],
    ['a consumer', { kind: 'consumer' }, 'medior', ['consumer']],
    [
      'a consumer in payment trouble',
      { kind: 'consumer', hasPaymentTrouble: true },
      'senior',
      ['consumer_payment_trouble'],
    ],
    ['a business in payment trouble (not the consumer rule)', { hasPaymentTrouble: true }, 'junior', []],
    ['€25,000 overdue', { overdueCents: 2_500_000 }, 'senior', ['large_amount']],
    ['€5,000 overdue', { overdueCents: 500_000 }, 'medior', ['medium_amount']],
    ['the legal stage', { isLegalStage: true }, 'senior', ['legal_stage']],
    ['an open dispute', { hasOpenDispute: true }, 'senior', ['open_dispute']],
    ['an open complaint', { hasOpenComplaint: true }, 'senior', ['open_complaint']],
    ['an earlier aggressive call', { hadAggressiveCall: true }, 'senior', ['aggressive_history']],
    ['two broken promises', { brokenPromiseCount: 2 }, 'medior', ['broken_promises']],
    [
      'several senior reasons at once',
      { kind: 'consumer', hasPaymentTrouble: true, hasOpenDispute: true, overdueCents: 3_000_000 },
      'senior',
      ['consumer_payment_trouble', 'large_amount', 'open_dispute'],
    ],
  ] as const)('%s → %s', (_label, change, level, flags) => {
    expect(assessSensitivity({ ...plain, ...change })).toEqual({ requiredLevel: level, flags });
  });
});

describe('skill levels', () => {
  it('maps roles and compares levels', () => {
    expect(
      ['admin', 'senior_collector', 'collector', 'viewer'].map((r) => defaultSkillLevel(r as never)),
    ).toEqual(['senior', 'senior', 'medior', undefined]);
    expect([
      canHandle('senior', 'junior'),
      canHandle('medior', 'senior'),
      canHandle('junior', 'junior'),
    ]).toEqual([true, false, true]);
  });
});

describe('assignDay', () => {
  const collectors: Collector[] = [
    { id: 'sam', skillLevel: 'senior', capacity: 3 },
    { id: 'mia', skillLevel: 'medior', capacity: 3 },
    { id: 'jan', skillLevel: 'junior', capacity: 3 },
  ];
  const item = (
    debtorId: string,
    requiredLevel: RoutableItem['requiredLevel'],
    ownerId: string | null = null,
  ) => ({
    debtorId,
    requiredLevel,
    ownerId,
  });

  it('gives sensitive dossiers only to seniors, keeps owners, balances the rest and keeps queue order', () => {
    const items = [
      item('d1', 'junior'),
      item('d2', 'senior'),
      item('d3', 'junior', 'sam'), // sam's own debtor
      item('d4', 'medior'),
      item('d5', 'senior'),
      item('d6', 'junior'),
      item('d7', 'junior', 'jan'),
    ];
    const result = assignDay(items, collectors);
    // Senior pass: d2, d5 → sam (2/3). Medior pass: d4 → mia, the lowest load (0/3).
    // Junior pass: d1 → jan (0/3); d3 → sam, its owner (3/3); d6 → jan (1/3 ties with mia, jan is
    // less senior); d7 → jan, its owner (3/3).
    expect(result.byCollector).toEqual({ sam: ['d2', 'd3', 'd5'], mia: ['d4'], jan: ['d1', 'd6', 'd7'] });
    expect(result.assignments.map((a) => a.debtorId)).toEqual(['d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7']);
    expect(result.assignments.find((a) => a.debtorId === 'd3')).toEqual({
      debtorId: 'd3',
      collectorId: 'sam',
      isOwner: true,
    });
    expect(result.unassigned).toEqual([]);
  });

  it('serves the more demanding dossiers first when room is short, and says what it could not place', () => {
    const team: Collector[] = [
      { id: 'mia', skillLevel: 'medior', capacity: 1 },
      { id: 'sam', skillLevel: 'senior', capacity: 0 }, // absent today
    ];
    const result = assignDay([item('d1', 'senior'), item('d2', 'junior'), item('d3', 'medior')], team);
    // d3 needs a medior and is placed before the junior d2, although d2 is higher in the queue.
    expect(result.byCollector).toEqual({ mia: ['d3'], sam: [] });
    expect(result.unassigned).toEqual([
      { debtorId: 'd1', requiredLevel: 'senior', reason: 'no_eligible_collector' },
      { debtorId: 'd2', requiredLevel: 'junior', reason: 'capacity_full' },
    ]);
  });
});
