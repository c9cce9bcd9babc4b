import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCliCaptured } from '../../test/cli.js';
import { calcCli } from './calc.cli.js';

afterEach(() => vi.restoreAllMocks());

async function cli(...argv: string[]): Promise<{ code: number; out: unknown; stderr: string }> {
  const deps = () => Promise.reject(new Error('calc and ref need no database'));
  const { code, stdout, stderr } = await runCliCaptured(argv, { registrations: [calcCli], deps });
  return { code, out: stdout.trim().startsWith('{') ? JSON.parse(stdout) : stdout, stderr };
}

describe('collectdesk calc', () => {
  it.each([
    ['nl', 'b2b', '1234.56', '185.18'],
    ['nl', 'b2c', '200.00', '40.00'],
    ['nl', 'b2b', '2000000.00', '6775.00'],
    ['be', 'b2b', '1234.56', '40.00'],
    ['be', 'b2c', '150.00', '20.00'],
    ['be', 'b2c', '150.01', '30.00'],
    ['be', 'b2c', '39200.00', '2000.00'],
  ])('costs %s %s on %s = %s', async (jurisdiction, debtor, principal, costs) => {
    const result = await cli(
      'calc',
      'costs',
      '--jurisdiction',
      jurisdiction,
      '--debtor',
      debtor,
      '--principal',
      principal,
      '--json',
    );
    expect(result.code).toBe(0);
    expect(result.out).toMatchObject({ costs });
  });

  it('computes commercial interest with its periods (LEGAL.md: €10,000 over 2024 = €1,240.82)', async () => {
    const result = await cli(
      ...['calc', 'interest', '--jurisdiction', 'nl', '--kind', 'commercial', '--principal', '10000.00'],
      ...['--from', '2024-01-01', '--to', '2024-12-31', '--json'],
    );
    expect(result.code).toBe(0);
    expect(result.out).toMatchObject({
      interest: '1240.82',
      periods: [
        { from: '2024-01-01', to: '2024-06-30', rate: '12.50', interest: '623.29' },
        { from: '2024-07-01', to: '2024-12-31', rate: '12.25', interest: '617.53' },
      ],
    });
  });

  it('rejects bad input with exit 1 and names the option', async () => {
    const result = await cli('calc', 'costs', '--jurisdiction', 'de', '--debtor', 'b2b', '--principal', '10');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--jurisdiction must be one of nl, be');
    const amount = await cli(
      'calc',
      'costs',
      '--jurisdiction',
      'nl',
      '--debtor',
      'b2b',
      '--principal',
      'ten',
    );
    expect(amount.code).toBe(1);
    expect(amount.stderr).toContain('--principal');
  });
});

describe('collectdesk ref', () => {
  it.each([
    ['+++123/4567/89002+++', 'ogm'],
    ['5000 0567 8901 2345', 'kenmerk'],
    ['RF18 5390 0754 7034', 'rf'],
  ])('accepts %s as %s', async (reference, kind) => {
    const result = await cli('ref', 'check', reference, '--json');
    expect(result).toMatchObject({ code: 0, out: { valid: true, kind } });
  });

  it('exits 1 for a reference whose check digits fail', async () => {
    const result = await cli('ref', 'check', 'RF18 5390 0754 7035', '--json');
    expect(result).toMatchObject({ code: 1, out: { valid: false, kind: 'rf' } });
  });

  it('makes references that check', async () => {
    for (const kind of ['ogm', 'kenmerk', 'rf']) {
      const made = await cli('ref', 'make', '--kind', kind, '--from', '4242', '--json');
      expect(made.code).toBe(0);
      const reference = (made.out as { reference: string }).reference;
      expect(await cli('ref', 'check', reference, '--json')).toMatchObject({
        code: 0,
        out: { valid: true, kind },
      });
    }
  });
});
