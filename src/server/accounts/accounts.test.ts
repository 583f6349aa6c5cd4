import Fastify, { type FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords';
import { registerAccounts, SESSION_COOKIE } from './routes';
import { SignInLimiter } from './sign-in-limiter';
import { AccountStore } from './store';

let dir: string;
let store: AccountStore;
let app: FastifyInstance;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'accounts-'));
  store = AccountStore.open(dir);
  app = Fastify();
  await registerAccounts(app, { store, limiter: new SignInLimiter({ perUser: 3, perAddress: 10 }) });
  await store.ensureAdmin('admin-password-1');
});

afterEach(async () => {
  await app.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const signIn = async (name: string, password: string) => {
  const r = await app.inject({ method: 'POST', url: '/api/session', payload: { name, password } });
  const cookie = r.cookies.find((c) => c.name === SESSION_COOKIE);
  return { status: r.statusCode, cookie, header: cookie ? `${SESSION_COOKIE}=${cookie.value}` : '' };
};

describe('passwords', () => {
  it('hashes with scrypt and a per-user salt, and verifies only the right password', async () => {
    const a = await hashPassword('correct horse');
    const b = await hashPassword('correct horse');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse', a)).toBe(true);
    expect(await verifyPassword('correct hors', a)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
  });
});

describe('sessions', () => {
  it('signs in with an HttpOnly, SameSite=Strict cookie, says who is signed in, and signs out', async () => {
    const s = await signIn('admin', 'admin-password-1');
    expect(s.status).toBe(200);
    expect(s.cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(s.cookie?.expires).toBeInstanceOf(Date);
    const me = await app.inject({ url: '/api/session', headers: { cookie: s.header } });
    expect(me.json()).toEqual({ account: { name: 'admin', role: 'admin', community: null } });
    expect((await app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie: s.header } })).statusCode).toBe(204);
    expect((await app.inject({ url: '/api/session', headers: { cookie: s.header } })).json()).toEqual({ account: null });
  });

  it('stores only a hash of the session id', async () => {
    const s = await signIn('admin', 'admin-password-1');
    expect(store.sessionAccount(s.cookie!.value)?.name).toBe('admin');
    const db = (await import('better-sqlite3')).default(join(dir, 'accounts.sqlite'));
    const rows = db.prepare('SELECT id_hash FROM sessions').all() as { id_hash: string }[];
    db.close();
    expect(rows.map((r) => r.id_hash)).not.toContain(s.cookie!.value);
  });

  it('answers 401 for a wrong password and 429 after repeated failures, even with the right one', async () => {
    for (let i = 0; i < 3; i++) expect((await signIn('admin', 'wrong-password')).status).toBe(401);
    const r = await app.inject({ method: 'POST', url: '/api/session', payload: { name: 'admin', password: 'admin-password-1' } });
    expect(r.statusCode).toBe(429);
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('refuses a malformed sign-in with a message', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/session', payload: { name: 'admin' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatch(/password/);
  });

  it('MUSEUM_ADMIN_PASSWORD resets the admin password at the next start', async () => {
    await store.ensureAdmin('another-password');
    expect((await signIn('admin', 'admin-password-1')).status).toBe(401);
    expect((await signIn('admin', 'another-password')).status).toBe(200);
  });
});

describe('user management', () => {
  it('lets the admin add, change and remove users; 401 without a session, 403 for another role', async () => {
    const admin = await signIn('admin', 'admin-password-1');
    const add = (cookie: string, payload: object) => app.inject({ method: 'POST', url: '/api/users', headers: { cookie }, payload });
    expect((await add('', { name: 'ana', role: 'curator', password: 'curator-pass-1' })).statusCode).toBe(401);
    expect((await add(admin.header, { name: 'ana', role: 'curator', password: 'curator-pass-1' })).statusCode).toBe(201);
    expect((await add(admin.header, { name: 'kim', role: 'keeper', password: 'keeper-pass-1' })).json().error).toMatch(/community/);
    expect((await add(admin.header, { name: 'kim', role: 'keeper', community: 'san-ravo', password: 'keeper-pass-1' })).statusCode).toBe(201);
    expect((await add(admin.header, { name: 'bo', role: 'chef', password: 'whatever-pass' })).statusCode).toBe(400);

    const ana = await signIn('ana', 'curator-pass-1');
    expect((await add(ana.header, { name: 'eve', role: 'admin', password: 'eve-password-1' })).statusCode).toBe(403);
    expect((await app.inject({ url: '/api/users', headers: { cookie: ana.header } })).statusCode).toBe(403);

    const list = await app.inject({ url: '/api/users', headers: { cookie: admin.header } });
    expect(list.json().map((u: { name: string }) => u.name)).toEqual(['admin', 'ana', 'kim']);
    expect(JSON.stringify(list.json())).not.toMatch(/scrypt/);

    const patch = await app.inject({ method: 'PATCH', url: '/api/users/ana', headers: { cookie: admin.header }, payload: { role: null } });
    expect(patch.json()).toEqual({ name: 'ana', role: null, community: null });
    expect((await app.inject({ method: 'DELETE', url: '/api/users/kim', headers: { cookie: admin.header } })).statusCode).toBe(204);
    expect(store.get('kim')).toBeUndefined();
  });

  it('keeps the last admin', async () => {
    const admin = await signIn('admin', 'admin-password-1');
    const r = await app.inject({ method: 'DELETE', url: '/api/users/admin', headers: { cookie: admin.header } });
    expect(r.statusCode).toBe(409);
  });

  it('refuses a write from another origin', async () => {
    const admin = await signIn('admin', 'admin-password-1');
    const r = await app.inject({ url: '/api/users', headers: { cookie: admin.header, origin: 'https://evil.example', host: 'localhost' } });
    expect(r.statusCode).toBe(403);
  });

  it('tells listeners when a role changes, so open connections can close', async () => {
    await store.add({ name: 'cy', role: 'conservator', password: 'conservator-1' });
    const heard: (string | null | undefined)[] = [];
    store.onChange((a) => heard.push(a?.role));
    store.setRole('cy', null);
    store.remove('cy');
    expect(heard).toEqual([null, undefined]);
  });
});
