import { describe, expect, it } from 'vitest';
import {
  applyBasisPoints,
  divideRoundHalfAwayFromZero,
  formatCents,
  parseAmount,
  splitEvenly,
} from './money.js';

describe('parseAmount', () => {
  it.each([
    ['1234.56', 123456],
    ['1234,56', 123456],
    ['1.234,56', 123456],
    ['1,234.56', 123456],
    ['1.234.567', 123456700],
    ['1234,5', 123450],
    ['-12,00', -1200],
    ['€ 12,50', 1250],
    ['EUR 1 234,56', 123456],
    ['12.50-', -1250],
    ['(12.50)', -1250],
    ['+50,00', 5000],
    ['0', 0],
    ['.5', 50],
  ])('reads %s as %i cents', (text, expected) => {
    expect(parseAmount(text)).toEqual({ ok: true, cents: expected });
  });

  it.each(['', 'abc', '12,3,4', '1.234', '12..5', '1,2.3,4'])('rejects %j with a reason', (text) => {
    const result = parseAmount(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.length).toBeGreaterThan(5);
  });

  it('rounds extra decimals half away from zero only when allowed', () => {
    expect(parseAmount('18.155', { maxDecimals: 5, decimalSeparator: '.' })).toEqual({
      ok: true,
      cents: 1816,
    });
    expect(parseAmount('-18.155', { maxDecimals: 5, decimalSeparator: '.' })).toEqual({
      ok: true,
      cents: -1816,
    });
    expect(parseAmount('1.234', { decimalSeparator: ',' })).toEqual({ ok: true, cents: 123400 });
  });
});

describe('formatting and arithmetic', () => {
  it('formats cents with two decimals', () => {
    expect(formatCents(123450)).toBe('1234.50');
    expect(formatCents(-5)).toBe('-0.05');
    expect(formatCents(0)).toBe('0.00');
  });

  it('applies basis points with explicit rounding', () => {
    expect(applyBasisPoints(123456, 1500)).toBe(18518); // 15 % of 1234.56 = 185.184
    expect(applyBasisPoints(5, 5000)).toBe(3); // 2.5 → 3
    expect(applyBasisPoints(-5, 5000)).toBe(-3);
  });

  it.each([
    [7n, 3n, 2n], // 2.33…
    [8n, 3n, 3n], // 2.67
    [5n, 2n, 3n], // a half goes away from zero
    [-5n, 2n, -3n],
    [5n, -2n, -3n],
    [-5n, -2n, 3n],
    [-7n, 3n, -2n],
    [-8n, 3n, -3n],
    [3n, 2n, 2n], // 1.5
    [-3n, 2n, -2n],
    [1n, 3n, 0n],
    [-1n, 3n, 0n],
    [0n, 7n, 0n],
    [6n, 3n, 2n],
    [-6n, 3n, -2n],
    [49_999n, 100_000n, 0n],
    [50_000n, 100_000n, 1n],
    [-50_000n, 100_000n, -1n],
    // beyond Number precision: 2^64 + ½ rounds up
    [2n ** 65n + 1n, 2n, 2n ** 64n + 1n],
  ])('divides %s by %s rounding halves away from zero: %s', (numerator, denominator, quotient) => {
    expect(divideRoundHalfAwayFromZero(numerator, denominator)).toBe(quotient);
  });

  it('refuses to divide by zero', () => {
    expect(() => divideRoundHalfAwayFromZero(1n, 0n)).toThrow(RangeError);
  });

  it('splits without losing a cent', () => {
    expect(splitEvenly(1000, 3)).toEqual([334, 333, 333]);
    expect(splitEvenly(-1000, 3)).toEqual([-334, -333, -333]);
  });
});
