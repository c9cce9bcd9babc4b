import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDemoLogin, saveDemoLogin } from './demo-login-file.js';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('demo login beside the embedded database', () => {
  it('is kept for later starts, readable by its owner only', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'collectdesk-login-'));
    dirs.push(dir);
    expect(await readDemoLogin(dir)).toBeUndefined();
    await saveDemoLogin(dir, { email: 'demo@collectdesk.test', password: 'kwpz-7hdm-ra4x' });
    expect(await readDemoLogin(dir)).toBe('demo@collectdesk.test / kwpz-7hdm-ra4x');
    expect((await stat(join(dir, 'demo-login.txt'))).mode & 0o777).toBe(0o600);
  });
});
