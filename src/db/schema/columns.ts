import { bigint, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisations.js';

/** Column builders every aggregate uses: money in cents, the tenant, the creation instant. */
export const cents = (name: string) => bigint(name, { mode: 'number' });
export const orgId = () =>
  uuid('org_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' });
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
