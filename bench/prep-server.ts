/**
 * The API server of bench/workbench in its own process, as production runs it: the real buildApp
 * on a real PostgreSQL pool (openPostgres), the clock fixed at the bench's moment. Prints
 * `LISTENING <url>` once it accepts connections and stops on SIGTERM (a `--cpu-prof` profile is
 * written then).
 *
 *   BENCH_SERVER_DATABASE_URL=… BENCH_SERVER_NOW=2026-…Z node --import tsx bench/prep-server.ts
 */
import { fixedClock } from '../src/clock.js';
import { openPostgres } from '../src/db/client.js';
import { closeOnSignal, startServer } from '../src/server.js';
import { testConfig } from '../src/test/http.js';

const url = process.env.BENCH_SERVER_DATABASE_URL;
const now = process.env.BENCH_SERVER_NOW;
if (!url || !now) throw new Error('BENCH_SERVER_DATABASE_URL and BENCH_SERVER_NOW are needed');

const database = await openPostgres(url);
const server = await startServer(
  { database, db: database.db, config: testConfig({ logLevel: 'silent' }), clock: fixedClock(now) },
  { host: '127.0.0.1', port: 0 },
);
process.stdout.write(`LISTENING ${server.url}\n`);
await closeOnSignal(server);
await database.close();
