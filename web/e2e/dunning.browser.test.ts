import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
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

if (!hasChromium) {
  console.warn(`\n  SKIPPED dunning browser tests: no Chromium at ${CHROMIUM_PATH}.\n`);
}

/**
 * A senior collector's dunning morning on the demo portfolio (today is the server clock's
 * 2026-03-15): adjust a policy step, preview the day's run and a letter, approve and send, then
 * find the letters in the outbox, print one, and read a debtor's claim statement.
 */
describe.skipIf(!hasChromium)('dunning in Chromium', () => {
  let server: TestServer & { seeded: BrowserFixture };
  let browser: TestBrowser;
  let page: Page;
  let fixture: BrowserFixture;
  const pageErrors: string[] = [];

  const shot = (name: string, options: { fullPage?: boolean } = {}) =>
    page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: options.fullPage ?? false });
  const url = (path: string) => `${server.baseUrl}${path}`;
  const mainNav = () => page.getByRole('navigation', { name: 'Hoofdmenu' });
  const subNav = () => page.getByRole('navigation', { name: 'Aanmanen' });
  /** What the browser gets for a link, with the session cookie of the page. */
  const fetchLink = async (href: string | null) => {
    const response = await browser.context.request.get(new URL(href ?? '', server.baseUrl).toString());
    return {
      status: response.status(),
      type: response.headers()['content-type'],
      body: await response.body(),
    };
  };

  beforeAll(async () => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    server = await startTestServer(seedBrowserFixture);
    fixture = server.seeded;
    browser = await launchBrowser();
    page = browser.page;
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(url('/'));
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

  it('changes a step of a policy; after a reload the change is there', async () => {
    await mainNav().getByRole('link', { name: 'Aanmanen' }).click();
    await page.getByRole('heading', { name: 'Aanmaanrun', level: 1 }).waitFor();
    await subNav().getByRole('link', { name: 'Aanmaanbeleid' }).click();
    await page.getByRole('heading', { name: 'Aanmaanbeleid', level: 1 }).waitFor();
    await expect.poll(() => page.getByTestId('policy-row').count()).toBe(4);
    await shot('dunning-01-policies');

    await page.getByRole('link', { name: 'NL business (B2B)' }).click();
    await page.getByRole('heading', { name: 'NL business (B2B)', level: 1 }).waitFor();
    const offset = page.getByTestId('step-offset-1');
    expect(await offset.inputValue()).toBe('3');
    await offset.fill('4');
    await page.getByText('niet opgeslagen').waitFor();
    await page.keyboard.press('Control+s');
    await page.getByTestId('policy-saved').waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'NL business (B2B)', level: 1 }).waitFor();
    await expect.poll(() => page.getByTestId('step-offset-1').inputValue()).toBe('4');

    // A rule the server checks, named at its field: a call task cannot come 0 days after the last step.
    await page.getByTestId('step-offset-2').fill('0');
    await page.getByTestId('save-policy').click();
    await page.getByTestId('policy-issues').waitFor();
    expect(await page.getByTestId('policy-issues').textContent()).toContain('minstens 1 dag later');
    expect(await page.getByTestId('step-offset-2').getAttribute('aria-invalid')).toBe('true');
    await shot('dunning-02-policy-editor', { fullPage: true });
    // Back to what was saved: the mark goes, and there is nothing to save.
    await page.getByTestId('step-offset-2').fill('5');
    expect(await page.getByTestId('step-offset-2').getAttribute('aria-invalid')).toBeNull();
    expect(await page.getByTestId('save-policy').isDisabled()).toBe(true);

    // Copy it: an inactive copy opens in the editor.
    await page.getByTestId('copy-this-policy').click();
    await page.getByRole('heading', { name: 'Kopie van NL business (B2B)', level: 1 }).waitFor();
    expect(await page.getByTestId('step-offset-1').inputValue()).toBe('4');
  });

  it('previews the run of today with a letter per debtor, then approves and sends it', async () => {
    await subNav().getByRole('link', { name: 'Aanmaanrun' }).click();
    await page.getByRole('heading', { name: 'Aanmaanrun', level: 1 }).waitFor();
    await page.getByTestId('step-counts').waitFor();
    expect(await page.getByTestId('run-date').inputValue()).toBe('2026-03-15');
    expect(await page.getByTestId('step-counts').textContent()).toContain('First reminder');
    const actions = page.getByTestId('run-action');
    await expect.poll(() => actions.count()).toBeGreaterThan(0);
    const zuiderduin = actions.filter({ hasText: fixture.debtor.name });
    expect(await zuiderduin.textContent()).toContain('F2026-1102');

    const letter = await fetchLink(await zuiderduin.getByTestId('preview-letter').getAttribute('href'));
    expect(letter).toMatchObject({ status: 200, type: 'application/pdf' });
    expect(letter.body.subarray(0, 5).toString()).toBe('%PDF-');
    // The link opens the PDF in a new tab.
    const [tab] = await Promise.all([
      browser.context.waitForEvent('page'),
      zuiderduin.getByTestId('preview-letter').click(),
    ]);
    await tab.close();
    await shot('dunning-03-run-preview', { fullPage: true });

    const approve = page.getByTestId('approve-run');
    expect(await approve.textContent()).toMatch(/^Akkoord en versturen \(\d+\)$/);
    await approve.click();
    await page.getByTestId('run-sent').waitFor({ timeout: 90_000 });
    await expect.poll(() => page.getByTestId('run-state').textContent()).toContain('verstuurd');
    // Nothing left to approve: the button goes.
    await expect.poll(() => approve.count()).toBe(0);
    await expect.poll(() => zuiderduin.textContent()).toContain('gedaan');
    await shot('dunning-04-run-sent', { fullPage: true });
  });

  it('finds the letters in the outbox, opens a PDF and marks a letter printed', async () => {
    await page.getByRole('link', { name: 'Naar de uitgaande post →' }).click();
    await page.getByRole('heading', { name: 'Uitgaande post', level: 1 }).waitFor();
    const rows = page.getByTestId('outbox-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const email = rows.filter({ hasText: 'petra@zuiderduin.example' });
    expect(await email.textContent()).toContain('in wachtrij');
    const pdf = await fetchLink(await email.getByTestId('outbox-pdf').getAttribute('href'));
    expect(pdf).toMatchObject({ status: 200, type: 'application/pdf' });

    await page.getByTestId('outbox-to_print').click();
    await page.waitForURL(/status=to_print/);
    await expect.poll(() => rows.first().textContent()).toContain('te printen');
    const before = await rows.count();
    const letter = await fetchLink(await rows.first().getByTestId('outbox-pdf').getAttribute('href'));
    expect(letter.type).toBe('application/pdf');
    await shot('dunning-05-outbox');
    await rows.first().getByTestId('mark-printed').click();
    await expect.poll(() => rows.count()).toBe(before - 1);
    await page.getByTestId('outbox-printed').click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('geprint');
  });

  it("shows the claim statement on a debtor's dossier", async () => {
    await page.goto(url(`/debtors/${fixture.debtor.id}`));
    const panel = page.getByTestId('claim-panel');
    await panel.getByText('Hoofdsom').waitFor();
    expect(await panel.textContent()).toContain('NL zakelijk');
    expect((await page.getByTestId('claim-balance').textContent())?.replace(/\s/g, ' ')).toMatch(
      /^€ 1\.\d{3},\d{2}$/,
    );
    await panel.getByText(/Rente van 1 factuur/).click();
    await panel.locator('.claim-period').first().waitFor();
    await shot('dunning-06-dossier-claim', { fullPage: true });
  });

  it('speaks French and English on the same screens', async () => {
    await page.getByRole('button', { name: 'FR', exact: true }).click();
    await page.goto(url('/dunning'));
    await page.getByRole('heading', { name: 'Relances du jour', level: 1 }).waitFor();
    await page.getByTestId('recent-runs').waitFor();
    await shot('dunning-07-run-fr', { fullPage: true });
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.goto(url('/dunning/outbox'));
    await page.getByRole('heading', { name: 'Outbox', level: 1 }).waitFor();
    await page.getByTestId('outbox-row').first().waitFor();
    await shot('dunning-08-outbox-en');
    await page.getByRole('button', { name: 'NL', exact: true }).click();
  });

  it('raised no errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
