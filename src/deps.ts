import { type Clock, systemClock } from './clock.js';
import type { Config } from './config.js';
import { type Database, type Db, migrateDatabase, openDatabase } from './db/client.js';

/** Everything a service needs from the outside world, created only in composition roots. */
export type AppDeps = {
  database: Database;
  db: Db;
  config: Config;
  clock: Clock;
};

export async function openDeps(
  config: Config,
  options: { clock?: Clock; migrate?: boolean } = {},
): Promise<AppDeps> {
  const database = await openDatabase(config);
  if (options.migrate !== false) await migrateDatabase(database);
  return { database, db: database.db, config, clock: options.clock ?? systemClock };
}
