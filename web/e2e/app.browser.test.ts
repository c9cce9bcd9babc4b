import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

/** A real Peppol/EN 16931 invoice from the shared samples. */
const UBL_SAMPLE = fileURLToPath(
  new URL('../../../shared/samples/ubl/en16931-nl-invoice-betalingskenmerk.xml', import.meta.url),
);

if (!hasChromium) {
  console.warn(
    `\n  SKIPPED browser tests: no Chromium at ${CHROMIUM_PATH}. Install it with ` +
      '`apt-get install -y chromium` (never `npx playwright install`).\n',
  );
}

/**
 * One collector's morning, in order: log in, find a debtor in the list by aging bucket and
 * search, open the dossier, check who to call and what happened, add a note, open an invoice,
 * switch organisation, switch to French. Screenshots of every screen go to web/e2e/screenshots.
 */
describe.skipIf(!hasChromium)('web app in Chromium', () => {
  let server: TestServer & { seeded: BrowserFixture };
  let browser: TestBrowser;
  let page: Page;
  let fixture: BrowserFixture;
  const pageErrors: string[] = [];

  /** What the user sees at 1280×800; `fullPage` for screens whose lower part matters too. */
  const shot = (name: string, options: { fullPage?: boolean } = {}) =>
    page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: options.fullPage ?? false });
  const url = (path: string) => `${server.baseUrl}${path}`;
  /** Text as a person reads it: Intl puts (narrow) no-break spaces in money. */
  const textOf = async (testId: string) =>
    (await page.getByTestId(testId).first().textContent())?.replace(/[\u00a0\u202f]/g, ' ');

  beforeAll(async () => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    server = await startTestServer(seedBrowserFixture);
    fixture = server.seeded;
    browser = await launchBrowser();
    page = browser.page;
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('refuses a wrong password with a message, then logs in to the debtor list', async () => {
    await page.goto(url('/'));
    await page.getByLabel('E-mailadres').fill(fixture.email);
    await page.getByLabel('Wachtwoord').fill('not the password');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('klopt niet');
    await shot('01-login-error');

    await page.getByLabel('Wachtwoord').fill(fixture.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { name: 'Debiteuren' }).waitFor();
    await page.getByTestId('debtor-row').first().waitFor();
    expect(page.url()).toBe(url('/debtors'));
    // The session starts in the user's first organisation by name; the test works in the Dutch one.
    if ((await page.getByTestId('org-switch').inputValue()) !== fixture.organisationA.id) {
      await page.getByTestId('org-switch').selectOption(fixture.organisationA.id);
    }
    await expect
      .poll(() => page.getByTestId('debtor-total').textContent())
      .toBe(`${fixture.organisationA.debtorCount} debiteuren`);
    expect(await page.getByTestId('debtor-row').count()).toBe(
      Math.min(50, fixture.organisationA.debtorCount),
    );
    // Sorted by overdue amount, largest first; money as Dutch writes it.
    const overdue = await page.locator('[data-testid=debtor-row] td:last-child').allTextContents();
    expect(overdue[0]).toMatch(/^€\s\d{1,3}(\.\d{3})*,\d{2}$/);
    const cents = overdue.map((text) => Number(text.replace(/[^\d,]/g, '').replace(',', '.')));
    expect(cents).toEqual([...cents].sort((a, b) => b - a));
    await shot('02-debtor-list');
  });

  it('sorts from the column headers', async () => {
    const nameHeader = page.getByRole('columnheader', { name: /Naam/ });
    await nameHeader.getByRole('button').click();
    await page.waitForURL(/sort=name/);
    expect(await nameHeader.getAttribute('aria-sort')).toBe('ascending');
    await page
      .getByRole('columnheader', { name: /Vervallen/ })
      .getByRole('button')
      .click();
    await page.waitForURL(url('/debtors'));
    expect(await page.getByTestId('sort').inputValue()).toBe('overdue');
  });

  it('filters by aging bucket and search, keeping the filters in the URL', async () => {
    await page.getByTestId('aging-31-60').click();
    await page.waitForURL(/aging=31-60/);
    await page.keyboard.press('/');
    await page.keyboard.type(fixture.search);
    await page.waitForURL(new RegExp(`search=${fixture.search}`));
    await expect.poll(() => page.getByTestId('debtor-row').count()).toBe(1);
    expect(await page.getByTestId('debtor-row').first().textContent()).toContain(fixture.debtor.name);
    expect(await page.getByTestId('debtor-total').textContent()).toBe('1 debiteur');
    await shot('03-debtor-list-filtered');

    // The other match is 10 days late: it shows up once the bucket filter goes.
    await page.getByTestId('aging-all').click();
    await expect.poll(() => page.getByTestId('debtor-row').count()).toBe(2);
    await page.getByTestId('aging-31-60').click();
    await expect.poll(() => page.getByTestId('debtor-row').count()).toBe(1);
  });

  it('opens the dossier with Enter: contacts with tel: links, open items, timeline; adds a note', async () => {
    await page.getByTestId('debtor-search').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(url(`/debtors/${fixture.debtor.id}`));
    await page.getByRole('heading', { name: fixture.debtor.name }).waitFor();

    expect(await page.title()).toBe(`${fixture.debtor.name} · Collectdesk`);
    const phone = page.getByTestId('contact-phone').first();
    expect(await phone.getAttribute('href')).toBe(fixture.debtor.phoneHref);
    expect(await phone.textContent()).toContain('+31 33 234 5678');
    expect(await phone.textContent()).toContain('214');
    expect(await page.getByTestId('contact').first().textContent()).toContain('Aanspreekpunt betalingen');
    expect(await page.getByTestId('contact').first().textContent()).toContain('toestel 214');
    expect(await textOf('dossier-overdue')).toBe('€ 1.250,50');
    expect(await page.getByTestId('open-items').textContent()).toContain('F2026-1102');

    const timeline = page.getByTestId('timeline');
    expect(await timeline.textContent()).toContain('Petra belooft de helft vrijdag te betalen.');
    expect(await timeline.textContent()).toContain('Factuur geïmporteerd');

    await page.keyboard.press('n');
    await page.keyboard.type('Gebeld met Petra: betaalt € 625,25 op vrijdag.');
    await page.keyboard.press('Control+Enter');
    await expect
      .poll(() => timeline.locator('li').first().textContent())
      .toContain('Gebeld met Petra: betaalt € 625,25 op vrijdag.');
    expect(await timeline.locator('li').first().textContent()).toContain(fixture.userName);
    await shot('04-dossier', { fullPage: true });
  });

  it('shows the invoice detail with its notes and timeline', async () => {
    await page.getByRole('link', { name: 'F2026-1102' }).first().click();
    await page.getByRole('heading', { name: /F2026-1102/ }).waitFor();
    expect(await textOf('invoice-open')).toBe('€ 1.250,50');
    expect(await page.textContent('main')).toContain('Vervanging cv-ketel en 12 radiatoren');
    await shot('05-invoice', { fullPage: true });
    // Back to the dossier, and back again to the list with its filters intact.
    await page.keyboard.press('Escape');
    await page.waitForURL(url(`/debtors/${fixture.debtor.id}`));
    await page.getByRole('heading', { name: fixture.debtor.name }).waitFor();
    await page.keyboard.press('Escape');
    await page.waitForURL(/\/debtors\?.*aging=31-60/);
    await expect.poll(() => page.getByTestId('debtor-row').count()).toBe(1);
  });

  it('opens the demo debtor with the most overdue from the list by keyboard', async () => {
    await page.goto(url('/debtors'));
    await page.getByTestId('debtor-row').first().waitFor();
    const name = await page.locator('[data-testid=debtor-row] td.name a').nth(1).textContent();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: name ?? '' }).waitFor();
    expect(await page.getByTestId('open-items').locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('timeline').locator('li').count()).toBeGreaterThan(0);
    await shot('04b-dossier-demo', { fullPage: true });
  });

  it('switches organisation and back', async () => {
    await page.getByTestId('org-switch').selectOption(fixture.organisationB.id);
    await page.waitForURL(url('/debtors'));
    await expect
      .poll(() => page.getByTestId('debtor-total').textContent())
      .toBe(`${fixture.organisationB.debtorCount} debiteuren`);
    await shot('06-debtor-list-second-organisation');
    await page.getByTestId('org-switch').selectOption(fixture.organisationA.id);
    await expect
      .poll(() => page.getByTestId('debtor-total').textContent())
      .toBe(`${fixture.organisationA.debtorCount} debiteuren`);
  });

  it('imports a CSV with a broken row and a UBL invoice, and reports the rejected row', async () => {
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Importeren' })
      .click();
    await page.getByRole('heading', { name: 'Importeren', level: 1 }).waitFor();
    const csv = [
      'Factuurnummer;Klantnummer;Klantnaam;Factuurdatum;Vervaldatum;Bedrag',
      'IMP-1;K-900;Importklant Noord B.V.;01-02-2026;03-03-2026;1.234,56',
      'IMP-2;K-900;Importklant Noord B.V.;15-02-2026;17-03-2026;99,95',
      'IMP-3;K-900;Importklant Noord B.V.;31-02-2026;02-04-2026;10,00',
    ].join('\r\n');
    const files = [{ name: 'facturen.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') }];
    // The UBL sample lives in ../shared, which a plain clone does not have.
    if (existsSync(UBL_SAMPLE)) {
      files.push({ name: 'invoice.xml', mimeType: 'application/xml', buffer: await readFile(UBL_SAMPLE) });
    } else {
      console.warn(`UBL part of the import test skipped: ${UBL_SAMPLE} not found`);
    }
    await page.getByTestId('import-files').setInputFiles(files);
    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-report').waitFor();
    expect(Number(await textOf('report-imported'))).toBeGreaterThanOrEqual(files.length + 1);
    expect(await textOf('report-rejected')).toBe('1');
    const errorRow = page.getByTestId('import-errors').locator('tbody tr').first();
    const cells = await errorRow.locator('td').allTextContents();
    expect(cells[0]).toBe('facturen.csv');
    expect(cells[1]).toBe('4');
    expect(cells[2]).toBe('Factuurdatum');
    expect(cells[3]).toMatch(/31-02-2026/);
    await expect
      .poll(() => page.getByTestId('import-runs').locator('tbody tr').count())
      .toBeGreaterThanOrEqual(files.length);
    await shot('07-import', { fullPage: true });
  });

  it('switches to French and remembers it', async () => {
    await page.getByRole('button', { name: 'FR', exact: true }).click();
    await page.getByRole('heading', { name: 'Importer', level: 1 }).waitFor();
    expect(await page.getByTestId('import-report').textContent()).toContain('Rejetés');
    await page
      .getByRole('navigation', { name: 'Menu principal' })
      .getByRole('link', { name: 'Débiteurs' })
      .click();
    await page.getByRole('heading', { name: 'Débiteurs' }).waitFor();
    // The import added debtors: the count is whatever it is now, in French.
    expect(await page.getByTestId('debtor-total').textContent()).toMatch(/^\d+ débiteurs$/);
    expect(await page.getByTestId('aging-90+').textContent()).toBe('90+ jours');
    await page.reload();
    await page.getByRole('heading', { name: 'Débiteurs' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await page.getByTestId('debtor-row').first().waitFor();
    // French money: the euro sign after the amount.
    const overdue = await page.locator('[data-testid=debtor-row] td:last-child').first().textContent();
    expect(overdue).toMatch(/^\d{1,3}([\s\u202f]\d{3})*,\d{2}\s€$/);
    await shot('08-debtor-list-fr');
    await page.goto(url(`/debtors/${fixture.debtor.id}`));
    await page.getByText('Contact paiements').waitFor();
    await shot('09-dossier-fr');
  });

  it('raised no errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
