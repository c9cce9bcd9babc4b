// tsc does not copy the SQL migrations; the built CLI applies them from dist/db/migrations.
import { cpSync } from 'node:fs';

cpSync('src/db/migrations', 'dist/db/migrations', { recursive: true });
