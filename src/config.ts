import { resolve } from 'node:path';
import { z } from 'zod';

/** The one reader of process.env: parsed once in a composition root and passed on. */
const ConfigSchema = z.object({
  databaseUrl: z.string().url().optional(),
  dataDir: z.string().min(1),
  host: z.string().default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  smtpUrl: z.string().optional(),
  /** Set when served over https so cookies get the Secure flag. */
  publicUrl: z.string().url().optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof ConfigSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse({
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.COLLECTDESK_DATA || 'data'),
    host: env.HOST || undefined,
    port: env.PORT || undefined,
    smtpUrl: env.SMTP_URL || undefined,
    publicUrl: env.PUBLIC_URL || undefined,
    logLevel: env.LOG_LEVEL || undefined,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`invalid environment:\n${lines}`);
  }
  return parsed.data;
}
