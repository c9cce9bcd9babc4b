import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { type ParsedMail, simpleParser } from 'mailparser';
import type { Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/clock.js';
import { type CalendarDate, todayIn } from '../../src/core/calendar-date.js';
import { callTasks, contacts, debtors, outboxMessages, users } from '../../src/db/schema/index.js';
import type { AppDeps } from '../../src/deps.js';
import { importBankStatements } from '../../src/modules/banking/bank-import.service.js';
import { bankEntry, bankFile } from '../../src/modules/banking/test-support.js';
import { changeCallLock } from '../../src/modules/calls/call-lock.service.js';
import { followUpAgreements } from '../../src/modules/calls/follow-up.service.js';
import { dispatchOutbox } from '../../src/modules/dunning/outbox.service.js';
import { createUser, TEST_PASSWORD } from '../../src/test/factories.js';
import { createMailer } from '../../src/worker.js';
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
  console.warn(`\n  SKIPPED workbench browser tests: no Chromium at ${CHROMIUM_PATH}.\n`);
}

/** The server's clock, moved by the test: the morning, the callback an hour later, next week. */
function movableClock(isoInstant: string): Clock & { set(isoInstant: string): void } {
  let instant = Temporal.Instant.from(isoInstant);
  return {
    now: () => new Date(instant.epochMilliseconds),
    today: (timeZone = 'Europe/Amsterdam') => todayIn(instant, timeZone),
    set: (next) => {
      instant = Temporal.Instant.from(next);
    },
  };
}

type WorkbenchFixture = BrowserFixture & { collector: { email: string; name: string } };

/**
 * The browser fixture plus a collector, Sanne, who owns the Zuiderduin dossier; the dunning
 * policy's call step for it is due today.
 */
async function seedWorkbench(deps: AppDeps): Promise<WorkbenchFixture> {
  const fixture = await seedBrowserFixture(deps);
  const orgId = fixture.organisationA.id;
  const collector = await createUser(deps.db, {
    orgId,
    role: 'collector',
    email: 'sanne@collectdesk.test',
    name: 'Sanne de Wit',
    values: { language: 'nl' },
  });
  await deps.db
    .update(debtors)
    .set({ assignedCollectorId: collector.id })
    .where(eq(debtors.id, fixture.debtor.id));
  const [petra] = await deps.db
    .select()
    .from(contacts)
    .where(and(eq(contacts.debtorId, fixture.debtor.id), eq(contacts.isCollectionsContact, true)));
  await deps.db.insert(callTasks).values({
    orgId,
    debtorId: fixture.debtor.id,
    reason: 'dunning_step',
    dueDate: deps.clock.today(),
    contactId: petra?.id ?? null,
    note: 'Call step of the NL business policy',
  });
  // A transfer the bank could not match: "already paid" should find it by the name.
  await importBankStatements(deps, { orgId, userId: null, label: 'bank import (test)' }, [
    bankFile('workbench-unmatched.xml', [
      {
        entries: [
          bankEntry({
            amountCents: 99_00,
            bookingDate: '2026-03-16',
            counterpartyName: 'H ZUIDERDUIN',
            counterpartyIban: 'NL20INGB0001234567',
            remittance: 'betaling factuur',
          }),
        ],
      },
    ]),
  ]);
  return { ...fixture, collector: { email: collector.email, name: collector.name } };
}

/**
 * A collector's morning on Tuesday 17 March 2026 (09:45 in Amsterdam): the queue, the prep sheet
 * with script and objections, a gatekeeper who says "call back at eleven", the callback with a
 * promise, its confirmation email through a real SMTP server on loopback, the debtor's click on
 * the link, and — a week later, nothing paid — the debtor back in the queue as a broken promise.
 */
describe.skipIf(!hasChromium)('the telephone workbench in Chromium', () => {
  const clock = movableClock('2026-03-17T08:45:00Z');
  let server: TestServer & { seeded: WorkbenchFixture };
  let browser: TestBrowser;
  let page: Page;
  let fixture: WorkbenchFixture;
  let smtp: SMTPServer;
  let smtpPort: number;
  const mails: ParsedMail[] = [];
  const pageErrors: string[] = [];

  const shot = (name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
  const url = (path: string) => `${server.baseUrl}${path}`;
  const zuiderduin = () => page.getByTestId('queue-row').filter({ hasText: fixture.debtor.name });
  /** No page-level horizontal scrolling at 1280 wide. */
  const horizontalOverflow = () =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  beforeAll(async () => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail) => {
            mails.push(mail);
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    smtpPort = (smtp.server.address() as AddressInfo).port;
    server = await startTestServer(seedWorkbench, { clock });
    fixture = server.seeded;
    browser = await launchBrowser();
    page = browser.page;
    await page.setViewportSize({ width: 1280, height: 720 });
    // There is no softphone here: Chromium would ask which application opens tel: links and take
    // the input while it asks. The app's own click handler (the call timer) still runs.
    await page.addInitScript(() => {
      document.addEventListener(
        'click',
        (event) => {
          if (event.target instanceof Element && event.target.closest('a[href^="tel:"]'))
            event.preventDefault();
        },
        true,
      );
    });
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(url('/'));
    await page.getByLabel('E-mailadres').fill(fixture.collector.email);
    await page.getByLabel('Wachtwoord').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { name: 'Debiteuren' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  });

  it('shows the queue of the morning with why each call, and opens the workbench by keyboard', async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Bellen' }).click();
    await page.getByRole('heading', { name: 'Belwachtrij', level: 1 }).waitFor();
    await zuiderduin().waitFor();
    expect(await page.getByTestId('queue-moment').textContent()).toContain('17-03-2026 om 09:45');
    const row = zuiderduin();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('Petra Zuiderduin');
    expect(text).toContain('belstap aanmaning');
    expect(text).toContain('09:30–11:30');
    expect(await row.getByRole('link', { name: /\+31 33 234 5678/ }).getAttribute('href')).toBe(
      fixture.debtor.phoneHref,
    );
    // Why this call: the parts of the score, with their points.
    expect(await row.getByTestId('why-this-call').textContent()).toMatch(/45 dagen te laat \+\d+/);
    // The whole organisation's queue has the large balances too, some of them waiting for later.
    await page.getByRole('button', { name: 'Iedereen' }).click();
    await page.waitForURL(/scope=all/);
    await page.getByTestId('queue-waiting').waitFor();
    const rowsOfAll = await page.getByTestId('queue-row').count();
    expect(await horizontalOverflow()).toBe(0);
    await shot('workbench-01-queue');
    await page.getByRole('button', { name: 'Mijn gesprekken' }).click();
    await page.waitForURL(/\/calls$/);
    await expect.poll(() => page.getByTestId('queue-row').count()).toBeLessThan(rowsOfAll);

    // n opens the strongest call now, Escape comes back.
    const first = await page.getByTestId('queue-row').first().getAttribute('data-debtor');
    await page.keyboard.press('n');
    await page.waitForURL(new RegExp(`/calls/${first}$`));
    await page.getByTestId('prep-sheet').waitFor();
    await page.keyboard.press('Escape');
    await page.waitForURL(/\/calls$/);
    await zuiderduin().waitFor();

    // j moves the cursor down to Zuiderduin, Enter opens the workbench.
    const ids = await page
      .getByTestId('queue-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-debtor')));
    await page.keyboard.press('k');
    for (let index = 0; index < ids.indexOf(fixture.debtor.id); index++) await page.keyboard.press('j');
    expect(await zuiderduin().getAttribute('aria-current')).toBe('true');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/calls/${fixture.debtor.id}$`));
    await page.getByTestId('prep-sheet').waitFor();
  });

  it('puts the prep sheet, the script and the objections side by side at 1280×720', async () => {
    const prep = page.getByTestId('prep-sheet');
    const contact = (await page.getByTestId('prep-contact').textContent()) ?? '';
    expect(contact).toContain('Petra Zuiderduin');
    expect(contact).toContain('Financiële administratie');
    expect(contact).toContain('toestel 214');
    expect(await page.getByTestId('gatekeeper-notes').textContent()).toContain(
      'vraag direct naar toestel 214',
    );
    const invoices = (await page.getByTestId('prep-invoices').textContent()) ?? '';
    for (const expected of [
      'F2026-1102',
      'Vervanging cv-ketel en 12 radiatoren',
      'Geleverd en getekend door H. Zuiderduin',
      'Betaling in twee termijnen toegestaan',
      '31-01-2026',
      'termijn 30 dagen',
    ]) {
      expect(invoices).toContain(expected);
    }
    const goals = (await page.getByTestId('prep-goals').textContent())?.replace(/\s/g, ' ') ?? '';
    expect(goals).toContain('€ 1.250,50');
    expect(goals).toContain('betalingsregeling');
    expect(await page.getByTestId('call-script').textContent()).toContain('Spreek ik met Petra Zuiderduin?');

    // Three columns next to each other, all starting at the same height, nothing scrolls sideways.
    const [queueBox, prepBox, scriptBox] = await Promise.all([
      page.getByTestId('compact-queue').boundingBox(),
      prep.boundingBox(),
      page.getByTestId('call-script').boundingBox(),
    ]);
    expect(queueBox && prepBox && scriptBox).toBeTruthy();
    if (!queueBox || !prepBox || !scriptBox) return;
    expect(queueBox.x + queueBox.width).toBeLessThanOrEqual(prepBox.x);
    expect(prepBox.x + prepBox.width).toBeLessThanOrEqual(scriptBox.x);
    expect(scriptBox.x + scriptBox.width).toBeLessThanOrEqual(1280);
    expect(Math.abs(prepBox.y - scriptBox.y)).toBeLessThan(20);
    expect(await horizontalOverflow()).toBe(0);

    // An objection: its counters and next actions open, and it counts as heard in this call.
    const objection = page.getByTestId('objection').filter({ hasText: 'In overleg, later terugbellen' });
    await objection.getByRole('button').first().click();
    await objection.getByRole('radio').first().check();
    expect(await page.getByTestId('objections').textContent()).toContain('1 gehoord');
    await shot('workbench-02-prep-script-objections');
    // The list scrolls under its heading, which keeps the count of objections heard in view.
    const objections = page.getByTestId('objections');
    const scrolledBy = await objections.evaluate((el) => {
      el.scrollTop = el.scrollHeight;
      return el.scrollTop;
    });
    expect(scrolledBy).toBeGreaterThan(0);
    const pane = await objections.boundingBox();
    const heading = await page.locator('#objections-title').boundingBox();
    expect(heading?.y ?? -1).toBeGreaterThanOrEqual((pane?.y ?? 0) - 1);
    await shot('workbench-02b-objections-scrolled');
    await objections.evaluate((el) => {
      el.scrollTop = 0;
    });

    // "Never saw the invoice": the copy of the overdue invoices goes to Petra on the spot.
    const neverSaw = page.getByTestId('objection').filter({ hasText: 'Factuur nooit gezien' });
    await neverSaw.getByRole('button').first().click();
    await neverSaw.getByTestId('resend-invoice').click();
    expect(await neverSaw.getByTestId('invoice-copy-sent').textContent()).toBe(
      'Kopie verstuurd naar petra@zuiderduin.example',
    );
    const queued = await server.deps.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.debtorId, fixture.debtor.id), eq(outboxMessages.status, 'queued')));
    const copy = queued.find((m) => m.subject.startsWith('Kopie van factuur'));
    expect(copy?.toAddress).toBe('petra@zuiderduin.example');
    expect(copy?.subject).toContain('F2026-1102');
    expect(copy?.bodyText).toContain('Beste Petra Zuiderduin,');

    // "Already paid": the payments to check open inline, with the way to the matching screen.
    const alreadyPaid = page.getByTestId('objection').filter({ hasText: 'Al betaald' });
    await alreadyPaid.getByRole('button').first().click();
    await alreadyPaid.getByTestId('check-payments').click();
    const checks = alreadyPaid.getByTestId('check-payments-panel');
    expect(await checks.textContent()).toContain('Niet-gekoppelde bankbetalingen');
    expect((await checks.getByTestId('unmatched-candidates').textContent())?.replace(/\s/g, ' ')).toContain(
      '€ 99,00 · H ZUIDERDUIN',
    );
    expect(await checks.getByRole('link').getAttribute('href')).toBe('/bank/matching');
    await checks.scrollIntoViewIfNeeded();
    await shot('workbench-02b-next-actions-on-the-spot');
  });

  it('records a gatekeeper who says to call back at eleven: a callback task, the debtor waits', async () => {
    await page.getByTestId('dial').click();
    await expect.poll(() => page.getByTestId('call-timer').textContent()).not.toBe('0:00');
    await page.keyboard.press('4');
    const dialog = page.getByTestId('outcome-dialog');
    await dialog.waitFor();
    // The timer stopped when the outcome dialog opened; that duration is what gets saved.
    expect(await dialog.getByTestId('outcome-duration').textContent()).not.toContain(' 0:00');
    expect(await dialog.locator('label.chosen').textContent()).toContain('Receptie: terugbellen');
    expect(await dialog.getByTestId('heard-objections').textContent()).toContain(
      'In overleg, later terugbellen',
    );
    await dialog.getByTestId('gatekeeper-name').fill('Joyce');
    expect(await dialog.getByTestId('callback-date').inputValue()).toBe('2026-03-17');
    await dialog.getByTestId('callback-time').fill('11:00');
    await dialog.getByTestId('call-notes').fill('Petra in overleg tot elf uur.');
    await dialog.getByTestId('call-notes').press('Control+Enter');

    // Saved: on to Sanne's next call (the day's share of the other collectors' work decides whether
    // there is one); Escape goes back to the queue.
    await page.waitForURL((next) => !next.pathname.endsWith(fixture.debtor.id));
    expect(await page.getByTestId('call-saved').textContent()).toContain('Terugbeltaak staat klaar');
    if (new URL(page.url()).pathname !== '/calls') {
      await page.getByTestId('prep-sheet').waitFor();
      await page.keyboard.press('Escape');
      await page.waitForURL(/\/calls$/);
    }
    const waiting = page.getByTestId('queue-waiting');
    await waiting.waitFor();
    expect(await waiting.textContent()).toContain(fixture.debtor.name);
    expect(await waiting.textContent()).toMatch(/terugbellen om 17-03-2026,? 11:00/);
  });

  it('calls back at eleven and records a promise, acknowledging the warning that it is too little', async () => {
    clock.set('2026-03-17T10:05:00Z');
    await page.keyboard.press('r');
    await expect.poll(() => zuiderduin().textContent()).toContain('terugbellen');
    await zuiderduin().getByRole('link', { name: fixture.debtor.name }).click();
    await page.getByTestId('prep-sheet').waitFor();
    expect(await page.getByTestId('prep-calls').textContent()).toContain('Receptie: terugbellen');

    await page.getByTestId('dial').click();
    await page.keyboard.press('5');
    const dialog = page.getByTestId('outcome-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('agreement-amount').inputValue()).toBe('1250,50');
    await dialog.getByTestId('agreement-amount').fill('300');
    await dialog.getByTestId('agreement-date').fill('2026-03-19');
    await dialog.getByTestId('cause').selectOption('cash_flow');
    await dialog.getByTestId('save-outcome').click();
    const warnings = dialog.getByTestId('outcome-warnings');
    await warnings.waitFor();
    expect((await warnings.textContent())?.replace(/\s/g, ' ')).toMatch(
      /€ 300,00 is minder dan het minimale doel van € 375,15/,
    );
    expect(await dialog.getByTestId('save-outcome').isDisabled()).toBe(true);
    await shot('workbench-03-outcome-dialog');
    await dialog.getByTestId('acknowledge-warnings').check();
    await dialog.getByText('Korte evaluatie (optioneel)').click();
    await dialog.getByTestId('went-well').fill('Meteen de juiste persoon, bedrag en datum genoemd');
    await dialog.getByTestId('save-outcome').click();
    await page.waitForURL((next) => !next.pathname.endsWith(fixture.debtor.id));
    expect(await page.getByTestId('call-saved').textContent()).toContain('De bevestiging gaat per e-mail');
    expect(await page.getByTestId('call-saved').textContent()).toContain('Evaluatie opgeslagen');
  });

  it('sends the confirmation through SMTP; the link the debtor clicks shows on the timeline', async () => {
    const mailer = createMailer(`smtp://127.0.0.1:${smtpPort}`);
    if (!mailer) throw new Error('no mailer');
    await dispatchOutbox({ db: server.deps.db, mailer, clock });
    const mail = mails.find((m) => m.text?.includes('/confirm/'));
    expect(mail?.to).toMatchObject({ value: [{ address: 'petra@zuiderduin.example' }] });
    expect(mail?.text).toMatch(/300,00/);
    const link = /https?:\/\/\S+\/confirm\/[A-Za-z0-9_-]+/.exec(mail?.text ?? '')?.[0];
    expect(link?.startsWith(server.baseUrl)).toBe(true);

    await page.goto(link ?? '');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Dank u wel');
    await page.goto(url(`/debtors/${fixture.debtor.id}`));
    await page.getByText('The debtor confirmed receipt of the agreement').waitFor();
    await page.getByText(/Call of .* evaluated/).waitFor();
  });

  it('a week later, nothing paid: the follow-up puts the debtor back in the queue as a broken promise', async () => {
    clock.set('2026-03-24T08:45:00Z');
    await followUpAgreements(server.deps, {
      orgId: fixture.organisationA.id,
      today: clock.today() as CalendarDate,
    });
    await page.goto(url('/calls'));
    await zuiderduin().waitFor();
    expect(await zuiderduin().textContent()).toContain('belofte gebroken');
    expect(await page.getByTestId('queue-moment').textContent()).toContain('24-03-2026');

    // A colleague is on the phone with them already: the workbench says who, and records nothing.
    const [colleague] = await server.deps.db.select().from(users).where(eq(users.email, fixture.email));
    if (!colleague) throw new Error('the demo admin is missing');
    await changeCallLock(
      server.deps,
      { orgId: fixture.organisationA.id, userId: colleague.id, label: colleague.name, role: 'admin' },
      fixture.debtor.id,
      'acquire',
    );
    await zuiderduin().getByRole('link', { name: fixture.debtor.name }).click();
    await page.getByTestId('prep-sheet').waitFor();
    expect(await page.getByTestId('lock-held').textContent()).toContain(
      `${fixture.userName} belt deze debiteur nu`,
    );
    expect(await page.getByTestId('open-outcome').isDisabled()).toBe(true);

    // The same screen in French still fits in 1280×720.
    await page.getByRole('button', { name: 'FR', exact: true }).click();
    await page.getByRole('heading', { name: 'Objections' }).waitFor();
    expect(await page.getByTestId('lock-held').textContent()).toContain('appelle ce débiteur');
    expect(await horizontalOverflow()).toBe(0);
    await shot('workbench-04-fr-lock-held');
    await page.getByRole('button', { name: 'NL', exact: true }).click();
    expect(await page.getByTestId('prep-promises').textContent()).toContain('1 gebroken');
  });

  it('raised no errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
