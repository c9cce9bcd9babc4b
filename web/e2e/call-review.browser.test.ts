import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type APIRequestContext, type Page, request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls } from '../../src/db/schema/index.js';
import type { AppDeps } from '../../src/deps.js';
import { evaluateCall } from '../../src/modules/calls/evaluation.service.js';
import { createUser } from '../../src/test/factories.js';
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
  console.warn(`\n  SKIPPED call review browser tests: no Chromium at ${CHROMIUM_PATH}.\n`);
}

type Seeded = BrowserFixture & {
  senior: { email: string; password: string };
  collector: { email: string; password: string; name: string };
};

/** The browser fixture with a senior, a collector, and the collector's evaluated call with the fixture's debtor. */
async function seed(deps: AppDeps): Promise<Seeded> {
  const fixture = await seedBrowserFixture(deps);
  const orgId = fixture.organisationA.id;
  const senior = await createUser(deps.db, {
    orgId,
    role: 'senior_collector',
    name: 'Ria de Senior',
    values: { language: 'nl' },
  });
  const collector = await createUser(deps.db, {
    orgId,
    role: 'collector',
    name: 'Sanne Beller',
    values: { language: 'nl' },
  });
  const [call] = await deps.db
    .insert(calls)
    .values({
      orgId,
      debtorId: fixture.debtor.id,
      collectorId: collector.id,
      startedAt: new Date(deps.clock.now().getTime() - 2 * 3600_000),
      durationSeconds: 240,
      outcome: 'reached',
      result: 'promise',
      localHour: 10,
      localWeekday: 2,
    })
    .returning();
  if (!call) throw new Error('no call');
  await evaluateCall(
    deps,
    { orgId, userId: collector.id, label: collector.name, role: 'collector' },
    call.id,
    { wentWell: 'Direct naar toestel 214 gevraagd.', toImprove: 'Eerder een datum vastleggen.' },
  );
  return {
    ...fixture,
    senior: { email: senior.email, password: senior.password },
    collector: { email: collector.email, password: collector.password, name: collector.name },
  };
}

/**
 * A senior collector's coaching hour: a script line with a placeholder that does not exist is
 * refused naming the line, the fixed line is what the collector's prep sheet reads; the call
 * settings form; and a collector's evaluation reviewed with a comment from the keyboard.
 */
describe.skipIf(!hasChromium)('call review in Chromium', () => {
  let server: TestServer & { seeded: Seeded };
  let browser: TestBrowser;
  let page: Page;
  let fixture: Seeded;
  let collectorApi: APIRequestContext;
  const pageErrors: string[] = [];
  const shot = (name: string, options: { fullPage?: boolean } = {}) =>
    page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: options.fullPage ?? false });
  const url = (path: string) => `${server.baseUrl}${path}`;
  const prepSheet = async () => {
    const response = await collectorApi.get(`/api/debtors/${fixture.debtor.id}/prep-sheet`);
    expect(response.status()).toBe(200);
    return (await response.json()) as {
      script: { situation: string; language: string; sections: Record<string, string[]> };
    };
  };

  beforeAll(async () => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    server = await startTestServer(seed);
    fixture = server.seeded;
    collectorApi = await request.newContext({ baseURL: server.baseUrl });
    const login = await collectorApi.post('/api/auth/login', {
      data: { email: fixture.collector.email, password: fixture.collector.password },
    });
    expect(login.status()).toBe(200);
    browser = await launchBrowser();
    page = browser.page;
    await page.setViewportSize({ width: 1280, height: 720 });
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(url('/'));
    await page.getByLabel('E-mailadres').fill(fixture.senior.email);
    await page.getByLabel('Wachtwoord').fill(fixture.senior.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { name: 'Debiteuren' }).waitFor();
  });

  afterAll(async () => {
    await collectorApi?.dispose();
    await browser?.close();
    await server?.close();
  });

  it('refuses a script line with an unknown placeholder, naming it; the fixed line reaches the prep sheet', async () => {
    const before = await prepSheet();
    const { situation, language } = before.script;
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Coaching' }).click();
    await page.getByRole('heading', { name: 'Evaluaties van gesprekken', level: 1 }).waitFor();
    await page
      .getByRole('navigation', { name: 'Gesprekscoaching' })
      .getByRole('link', { name: 'Scripts en bezwaren' })
      .click();
    await page.getByRole('heading', { name: 'Scripts en bezwaren', level: 1 }).waitFor();
    await page
      .getByRole('group', { name: 'Taal' })
      .getByRole('button', {
        name: language === 'nl' ? 'Nederlands' : language === 'fr' ? 'Français' : 'English',
      })
      .click();
    await page.getByTestId(`situation-${situation}`).click();
    const editor = page.getByTestId('script-editor');
    await editor.getByText('Standaardtekst').waitFor();
    await expect.poll(() => editor.getByTestId('placeholders').textContent()).toContain('{overdueAmount}');

    const firstLine = editor.getByLabel('Opening, regel 1', { exact: true });
    await firstLine.fill('{greeting} {contactName}, het gaat om {openBedrag}.');
    await editor.getByTestId('script-save').click();
    const issues = page.getByTestId('script-issues');
    await issues.waitFor();
    expect(await issues.textContent()).toMatch(/Opening, regel 1: .*\{openBedrag\}/);
    expect(await firstLine.getAttribute('aria-invalid')).toBe('true');
    await shot('call-review-01-script-refused');
    // Nothing was saved: the prep sheet still reads the default.
    expect((await prepSheet()).script.sections.opening).toEqual(before.script.sections.opening);

    await firstLine.fill('{greeting} {contactName}, het gaat om {overdueAmount} van {debtorName}.');
    await editor.getByTestId('script-save').click();
    await editor.getByText('Opgeslagen.').waitFor();
    await expect.poll(() => editor.getByTestId('script-state').textContent()).toContain('Ria de Senior');
    // The list of situations reloads after the save.
    await expect.poll(() => page.getByTestId(`situation-${situation}`).textContent()).toContain('aangepast');
    await shot('call-review-02-script-saved');
    const after = await prepSheet();
    expect(after.script.sections.opening?.[0]).toMatch(
      new RegExp(`Petra Zuiderduin, het gaat om .+ van ${fixture.debtor.name.replace(/\./g, '\\.')}\\.$`),
    );
    expect(after.script.sections.closing).toEqual(before.script.sections.closing);
  });

  it('shows an objection and the call settings, naming the field the server refuses', async () => {
    await page.getByRole('group', { name: 'Soort tekst' }).getByRole('button', { name: 'Bezwaren' }).click();
    const objection = page.getByTestId('objection-editor');
    await objection.getByText('Antwoorden').waitFor();
    await shot('call-review-03-objection');

    await page
      .getByRole('navigation', { name: 'Gesprekscoaching' })
      .getByRole('link', { name: 'Belregels' })
      .click();
    await page.getByRole('heading', { name: 'Belregels', level: 1 }).waitFor();
    const form = page.getByTestId('call-settings');
    await form.getByTestId('setting-timing.goldenHours.0.from').waitFor();
    expect(await form.getByTestId('setting-timing.goldenHours.0.from').inputValue()).toBe('09:30');
    await form.getByTestId('setting-timing.goldenHours.0.from').fill('12:30');
    await form.getByTestId('settings-save').click();
    await page.getByTestId('settings-issues').waitFor();
    expect(await page.getByTestId('settings-issues').textContent()).toContain('Gouden uren');
    await shot('call-review-04-settings-refused');

    await form.getByTestId('setting-timing.goldenHours.0.from').fill('10:00');
    await form.getByTestId('setting-aftercare.thankKeptPromises').check();
    await form.getByTestId('settings-save').click();
    await form.getByText('Opgeslagen.').waitFor();
    const saved = await collectorApi.get('/api/call-settings');
    expect((await saved.json()).overrides).toEqual({
      timing: {
        goldenHours: [
          { from: '10:00', until: '11:30' },
          { from: '13:30', until: '15:30' },
        ],
      },
      aftercare: { thankKeptPromises: true },
    });
    await form.getByTestId('settings-reset').click();
    await expect
      .poll(() => form.getByTestId('settings-state').textContent())
      .toBe('Alle regels staan op de standaard.');
    await shot('call-review-07-settings-full', { fullPage: true });
  });

  it('reviews an evaluation from the keyboard; it leaves the list to review and shows on the timeline', async () => {
    await page
      .getByRole('navigation', { name: 'Gesprekscoaching' })
      .getByRole('link', { name: 'Evaluaties' })
      .click();
    await page.getByRole('heading', { name: 'Evaluaties van gesprekken', level: 1 }).waitFor();
    const row = page.getByTestId('evaluation-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Eerder een datum vastleggen.');
    expect(await row.textContent()).toContain('Sanne Beller');
    expect(await row.textContent()).toContain('Betaalbelofte');
    await shot('call-review-05-evaluations');

    await page.locator('body').press('r');
    const form = page.getByTestId('review-form');
    await form.getByRole('textbox').fill('Goed doorgevraagd; volgende keer de datum eerst.');
    await shot('call-review-06-review-form');
    await form.getByRole('textbox').press('Control+Enter');
    await page.getByText('Alle evaluaties zijn beoordeeld.').waitFor();

    await page.getByRole('button', { name: 'Beoordeeld', exact: true }).click();
    await page.getByTestId('evaluation-review').waitFor();
    expect(await page.getByTestId('evaluation-review').textContent()).toContain('Ria de Senior');

    await page.getByRole('link', { name: fixture.debtor.name }).click();
    await page.getByText(/reviewed: Goed doorgevraagd/).waitFor();
    expect(await page.getByText('Evaluatie van gesprek').count()).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });
});
