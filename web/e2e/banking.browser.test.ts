import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { camt053Statement } from '../../src/test/camt053.js';
import { type BrowserFixture, seedBrowserFixture } from './fixture.js';
import {
  CHROMIUM_PATH,
  hasChromium,
  launchBrowser,
  SCREENSHOT_DIR,
  startTestServer,
  type TestBrowser,
  type TestServer,
} from './harness.js';

if (!hasChromium) {
  console.warn(`\n  SKIPPED banking browser tests: no Chromium at ${CHROMIUM_PATH}.\n`);
}

/**
 * A statement of three payments: Zuiderduin pays F2026-1102 with its RF reference (matched on
 * import), and someone unknown pays € 2.100,00 with a vague text, which a collector allocates to
 * F2026-1190 with the keyboard on the matching screen; the dossier then shows it paid. A third
 * payment, by name and amount only, waits with a suggestion that Enter accepts.
 */
const STATEMENT = camt053Statement({
  account: 'NL91ABNA0417164300',
  date: '2026-03-13',
  openingCents: 1_000_000,
  credits: [
    {
      amount: '1250.50',
      name: 'Zuiderduin Bouw en Onderhoud BV',
      iban: 'NL02RABO0123456789',
      reference: 'RF18539007547034',
    },
    {
      amount: '2100.00',
      name: 'P. Hendriks Holding',
      iban: 'NL20INGB0001234567',
      remittance: 'ketel project maart',
    },
    {
      amount: '480.00',
      name: 'Zuiderduin Schilderwerken',
      iban: 'NL39RABO0300065264',
      remittance: 'schilderwerk',
    },
  ],
});

describe.skipIf(!hasChromium)('bank import and manual matching in Chromium', () => {
  let server: TestServer & { seeded: BrowserFixture };
  let browser: TestBrowser;
  let page: Page;
  let fixture: BrowserFixture;
  const pageErrors: string[] = [];
  const shot = (name: string, options: { fullPage?: boolean } = {}) =>
    page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: options.fullPage ?? false });
  const mainNav = () => page.getByRole('navigation', { name: 'Hoofdmenu' });

  beforeAll(async () => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    server = await startTestServer(seedBrowserFixture);
    fixture = server.seeded;
    browser = await launchBrowser();
    page = browser.page;
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // The matching screen is made to work on a 1280×720 laptop screen.
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${server.baseUrl}/`);
    await page.getByLabel('E-mailadres').fill(fixture.email);
    await page.getByLabel('Wachtwoord').fill(fixture.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { name: 'Debiteuren' }).waitFor();
    if ((await page.getByTestId('org-switch').inputValue()) !== fixture.organisationA.id) {
      await page.getByTestId('org-switch').selectOption(fixture.organisationA.id);
      await page.getByTestId('debtor-row').first().waitFor();
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('uploads a statement and shows the report per file, with a broken file by place and reason', async () => {
    await mainNav().getByRole('link', { name: 'Bank' }).click();
    await page.getByRole('heading', { name: 'Bank', level: 1 }).waitFor();
    await page.getByTestId('bank-files').setInputFiles([
      { name: 'abn-2026-03-13.xml', mimeType: 'application/xml', buffer: Buffer.from(STATEMENT) },
      {
        name: 'afgebroken.xml',
        mimeType: 'application/xml',
        buffer: Buffer.from(STATEMENT.slice(0, STATEMENT.lastIndexOf('<Ntry>') + 60)),
      },
    ]);
    await page.getByTestId('bank-submit').click();
    const reports = page.getByTestId('bank-report');
    await expect.poll(() => reports.count()).toBe(2);
    const good = reports.nth(0);
    const counts = async (report: typeof good) =>
      Object.fromEntries(
        await Promise.all(
          ['entries', 'duplicates', 'matched', 'suggested', 'unmatched'].map(
            async (name) => [name, await report.getByTestId(`bank-${name}`).textContent()] as const,
          ),
        ),
      );
    expect(await counts(good)).toEqual({
      entries: '3',
      duplicates: '0',
      matched: '1',
      suggested: '1',
      unmatched: '1',
    });
    expect(await good.textContent()).toContain('Alle posten zijn verwerkt.');
    const broken = reports.nth(1);
    expect(await counts(broken)).toMatchObject({ entries: '2', duplicates: '2' });
    const errorRows = broken.getByTestId('bank-errors').locator('tbody tr');
    expect(await errorRows.count()).toBe(1);
    expect(await errorRows.first().textContent()).toContain('truncated');
    await expect.poll(() => page.getByTestId('bank-history').locator('tbody tr').count()).toBe(2);
    await shot('bank-01-import-report', { fullPage: true });
  });

  it('allocates the unknown payment to an invoice with the keyboard only', async () => {
    await page.getByRole('link', { name: 'Naar handmatig koppelen' }).first().click();
    await page.getByRole('heading', { name: 'Bank', level: 1 }).waitFor();
    const rows = page.getByTestId('match-list').locator('tr');
    await expect.poll(() => rows.filter({ hasText: 'P. Hendriks Holding' }).count()).toBe(1);
    // The demo ledger has payments of its own waiting: move down to ours with j.
    const counterparty = () => page.getByTestId('payment-counterparty').textContent();
    for (
      let step = 0;
      step < (await rows.count()) && (await counterparty()) !== 'P. Hendriks Holding';
      step++
    ) {
      await page.keyboard.press('j');
    }
    expect(await counterparty()).toBe('P. Hendriks Holding');
    expect(await rows.filter({ hasText: 'P. Hendriks Holding' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.getByTestId('shortcuts').textContent()).toContain('parkeren');

    await page.keyboard.press('/');
    await page.keyboard.type('F2026-1190');
    const results = page.getByTestId('invoice-results').locator('li');
    await expect.poll(() => results.first().textContent()).toContain('F2026-1190');
    await page.keyboard.press('Enter');
    // The invoice is in the split with the whole payment, which is exactly what it has open.
    await expect.poll(() => page.getByTestId('split-rest').textContent()).toContain('Klopt');
    await shot('bank-02-matching-split');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('match-done').textContent()).toBe('Gekoppeld aan F2026-1190.');
    await expect.poll(() => rows.filter({ hasText: 'P. Hendriks Holding' }).count()).toBe(0);

    // The next payment takes its place: a suggestion by name and amount, with its score and reasons.
    await expect.poll(counterparty).toBe('Zuiderduin Schilderwerken');
    const top = page.getByTestId('suggestions').locator('li').first();
    expect(await top.textContent()).toContain('F2026-1201');
    expect(await top.textContent()).toContain('bedrag klopt');
    await shot('bank-03-matching-suggestion');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('match-done').textContent()).toBe('Gekoppeld aan F2026-1201.');

    // p parks the payment in view as unidentified; it moves to the parked list.
    await page.keyboard.press('k');
    const parked = await counterparty();
    await page.keyboard.press('p');
    await expect
      .poll(() => page.getByTestId('match-done').textContent())
      .toBe('Betaling geparkeerd als onbekend.');
    await expect.poll(() => rows.filter({ hasText: parked ?? '' }).count()).toBe(0);
    await page.getByRole('button', { name: /^Geparkeerd/ }).click();
    await expect.poll(() => rows.allTextContents()).toEqual([expect.stringContaining(parked ?? '')]);
    expect(pageErrors).toEqual([]);
  });

  it('shows both invoices paid on the dossier', async () => {
    await page.goto(`${server.baseUrl}/debtors/${fixture.debtor.id}`);
    await page.getByRole('heading', { name: fixture.debtor.name }).waitFor();
    const payments = page.getByRole('region', { name: /Betalingen/ });
    await expect.poll(() => payments.textContent()).toContain('F2026-1190');
    const row = payments.locator('tr', { hasText: 'F2026-1190' });
    expect(await row.textContent()).toContain('toegewezen');
    await row.getByRole('link', { name: 'F2026-1190' }).click();
    await page.getByTestId('invoice-open').waitFor();
    expect(await page.getByTestId('invoice-open').textContent()).toMatch(/0,00/);
    expect(await page.locator('.meta').textContent()).toContain('betaald');
    await shot('bank-04-invoice-paid');
  });
});
