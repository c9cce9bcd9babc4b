import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli.js';
import { fixedClock } from '../../clock.js';
import { loadConfig } from '../../config.js';
import type { CalendarDate } from '../../core/calendar-date.js';
import type { Database } from '../../db/client.js';
import type { AppDeps } from '../../deps.js';
import { createTestDatabase } from '../../test/db.js';
import { findDefaultMembership } from '../auth/auth.repo.js';
import { verifyPassword } from '../auth/passwords.js';
import { demoCli } from './demo.cli.js';
import { ensureDemoPortfolio, seedDemoPortfolio } from './demo.service.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

const clock = fixedClock('2026-03-16T09:00:00Z');
const today = '2026-03-16' as CalendarDate;

type Count = { n: number };
const countOf = async (sql: string, params: unknown[] = []) =>
  Number((await database.query<Count>(sql, params))[0]?.n ?? 0);

describe('demo portfolio in the database', () => {
  it('ensureDemoPortfolio seeds an empty database once, with a working login and two tenants', async () => {
    const login = await ensureDemoPortfolio({ db: database.db, clock }, { password: 'demo-password' });
    expect(login).toEqual({ email: 'demo@collectdesk.test', password: 'demo-password' });

    const orgs = await database.query<{ slug: string; country: string }>(
      'select slug, country from organisations order by slug',
    );
    expect(orgs).toEqual([
      { slug: 'peeters-claes', country: 'BE' },
      { slug: 'van-der-berg', country: 'NL' },
    ]);
    const [admin] = await database.query<{ password_hash: string; memberships: number }>(
      `select u.password_hash, (select count(*)::int from memberships m where m.user_id = u.id) as memberships
       from users u where u.email = 'demo@collectdesk.test'`,
    );
    expect(admin?.memberships).toBe(2);
    // A new session opens in the Dutch main tenant, not in the Belgian one seeded after it.
    const [adminId] = await database.query<{ id: string }>(
      `select id from users where email = 'demo@collectdesk.test'`,
    );
    const defaultOrg = await findDefaultMembership(database.db, adminId?.id ?? '');
    expect(defaultOrg?.slug).toBe('van-der-berg');
    expect(await verifyPassword(admin?.password_hash ?? '', 'demo-password')).toBe(true);
    expect(await countOf(`select count(*)::int as n from users`)).toBe(9);

    const nl = `(select id from organisations where slug = 'van-der-berg')`;
    expect(await countOf(`select count(*)::int as n from debtors where org_id = ${nl}`)).toBe(300);
    expect(
      await countOf(`select count(*)::int as n from invoices where org_id = ${nl} and kind = 'invoice'`),
    ).toBe(2000);
    // Balances were refreshed: overdue debtors exist and agree with their invoices.
    const [balances] = await database.query<{ debtors: number; overdue: number; check: number }>(
      `select count(*) filter (where overdue_cents > 0)::int as debtors, sum(overdue_cents)::bigint as overdue,
         (select sum(open_cents) from invoices i where i.org_id = d.org_id and i.kind = 'invoice'
            and i.due_date < '2026-03-16' and i.status <> 'written_off')::bigint as check
       from debtors d where org_id = ${nl} and balances_as_of = '2026-03-16' group by org_id`,
    );
    expect(balances?.debtors).toBeGreaterThan(30);
    expect(balances?.overdue).toBe(balances?.check);

    const again = await ensureDemoPortfolio({ db: database.db, clock });
    expect(again).toBeUndefined();
    expect(await countOf('select count(*)::int as n from organisations')).toBe(2);
    expect(await countOf(`select count(*)::int as n from debtors where org_id = ${nl}`)).toBe(300);
  });

  it('stores consistent rows: allocations match payments and invoices, timeline per dossier', async () => {
    const mismatches = await countOf(
      `select count(*)::int as n from invoices i
       left join (select invoice_id, sum(amount_cents) as paid from allocations group by invoice_id) a
         on a.invoice_id = i.id
       where coalesce(a.paid, 0) <> i.total_cents - i.open_cents`,
    );
    expect(mismatches).toBe(0);
    expect(
      await countOf(
        `select count(*)::int as n from invoices i where not exists
           (select 1 from timeline_events t where t.invoice_id = i.id)`,
      ),
    ).toBe(0);
    expect(
      await countOf(`select count(*)::int as n from disputes d join invoices i on i.id = d.invoice_id
                     where d.status = 'open' and i.status <> 'disputed'`),
    ).toBe(0);
    expect(
      await countOf(`select count(*)::int as n from debtors d where not exists
                     (select 1 from contacts c where c.debtor_id = d.id and c.is_collections_contact)`),
    ).toBe(0);
  });

  it('adds another organisation from the same seed with the same data and its own ids', async () => {
    const small = { debtors: 40, invoices: 200, seed: 7, today };
    const a = await seedDemoPortfolio(database, { ...small, orgSlug: 'copy-a' });
    const b = await seedDemoPortfolio(database, { ...small, orgSlug: 'copy-b' });
    expect(a.login).toBeUndefined();
    expect(b.users.find((u) => u.email === 'demo@collectdesk.test')?.isNew).toBe(false);
    expect(b.counts).toEqual(a.counts);
    const differences = await countOf(
      `select count(*)::int as n from (
         (select number, name, open_cents::text, overdue_cents::text from debtors where org_id = $1
          except select number, name, open_cents::text, overdue_cents::text from debtors where org_id = $2)
         union all
         (select number, total_cents::text, open_cents::text, due_date::text from invoices where org_id = $1
          except select number, total_cents::text, open_cents::text, due_date::text from invoices where org_id = $2)
       ) x`,
      [a.organisation.id, b.organisation.id],
    );
    expect(differences).toBe(0);
    await expect(
      seedDemoPortfolio(database, { debtors: 5, invoices: 5, seed: 1, today, orgSlug: 'copy-a' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('runs as `collectdesk demo --json` and refuses an existing slug with exit code 1', async () => {
    const out: string[] = [];
    const deps: AppDeps = {
      database: { ...database, close: async () => undefined },
      db: database.db,
      clock,
      config: loadConfig({ COLLECTDESK_DATA: '/nonexistent' }),
    };
    const run = (args: string[]) => {
      out.length = 0;
      return runCli(args, { registrations: [demoCli], deps: async () => deps });
    };
    const spy = captureStdout(out);
    try {
      expect(
        await run(['demo', '--debtors', '12', '--invoices', '40', '--org-slug', 'cli-demo', '--json']),
      ).toBe(0);
      const report = JSON.parse(out.join(''));
      expect(report).toMatchObject({
        organisation: { slug: 'cli-demo' },
        counts: { debtors: 12, invoices: 40 },
        login: null,
        seed: 1,
        today: '2026-03-16',
      });
      expect(await run(['demo', '--debtors', '12', '--org-slug', 'cli-demo'])).toBe(1);
      expect(await run(['demo', '--debtors', 'many'])).toBe(2);
      expect(await run(['demo', '--org-slug', 'Bad Slug!'])).toBe(2);
      expect(await run(['demo', '--help'])).toBe(0);
    } finally {
      spy.restore();
    }
  });
});

/** runCli writes to process.stdout/stderr; collect what it writes during a test. */
function captureStdout(sink: string[]) {
  const write = process.stdout.write.bind(process.stdout);
  const writeErr = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    sink.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((_chunk: string | Uint8Array) => true) as typeof process.stderr.write;
  return {
    restore: () => {
      process.stdout.write = write;
      process.stderr.write = writeErr;
    },
  };
}
