import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserFixture, seedBrowserFixture } from './fixture.js';
import {
  hasChromium,
  launchBrowser,
  SCREENSHOT_DIR,
  startTestServer,
  type TestBrowser,
  type TestServer,
} from './harness.js';

/**
 * A collector agrees a payment plan on the dossier (today is the server clock's 2026-03-15): the
 * form previews the schedule live with its warnings, saving needs them acknowledged, and the plan
 * then shows with its instalments and its letter.
 */
describe.skipIf(!hasChromium)('payment plans in Chromium', () => {
  let server: TestServer & { seeded: BrowserFixture };
  let browser: TestBrowser;
  let page: Page;
  let fixture: BrowserFixture;
  const pageErrors: string[] = [];
  const shot = (name: string) =>
    page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    server = await startTestServer(seedBrowserFixture);
    fixture = server.seeded;
    browser = await launchBrowser();
    page = browser.page;
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
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

  it('previews a schedule, asks to acknowledge its warnings, and shows the saved plan', async () => {
    await page.goto(`${server.baseUrl}/debtors/${fixture.debtor.id}`);
    const panel = page.getByTestId('plans-panel');
    await panel.getByText('Geen betalingsregelingen.').waitFor();
    await panel.getByRole('button', { name: 'Nieuwe regeling' }).click();
    const form = page.getByTestId('plan-form');
    await form.getByLabel('Aantal termijnen').fill('4');
    await form.getByLabel('Eerste termijn op').fill('2026-03-20');
    await form.getByLabel('Aanbetaling (€)').fill('100,00');
    const preview = page.getByTestId('plan-preview');
    await expect.poll(() => preview.locator('tbody tr').count()).toBe(5);
    await expect.poll(() => preview.locator('tbody tr').first().textContent()).toContain('100,00');
    const save = form.getByRole('button', { name: 'Regeling vastleggen en brief versturen' });
    // A down payment below the minimum instalment, and no contact chosen: two warnings to acknowledge.
    await preview.getByText('Termijn 1 (€ 100,00) is kleiner dan het minimum').waitFor();
    await preview.getByText('Er is geen contactpersoon gekozen').waitFor();
    expect(await save.isDisabled()).toBe(true);
    await shot('plans-01-form-with-warnings');
    await form.getByText('Ik heb de waarschuwingen gelezen').click();
    await save.click();
    const plan = panel.getByTestId('plan');
    await plan.waitFor();
    expect(await plan.getByText('Lopend').count()).toBe(1);
    expect(await plan.locator('tbody tr').count()).toBe(5);
    await shot('plans-02-saved');
    const letter = await browser.context.request.get(
      new URL(
        (await plan.getByRole('link', { name: 'Brief (PDF)' }).getAttribute('href')) ?? '',
        server.baseUrl,
      ).toString(),
    );
    expect(letter.headers()['content-type']).toBe('application/pdf');
    expect(pageErrors).toEqual([]);
  });
});
