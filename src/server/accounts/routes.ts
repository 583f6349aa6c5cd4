/**
 * Sign-in and user management over HTTP, validated with zod. The session is a cookie `museum_session`
 * (HttpOnly, SameSite=Strict, Secure over https, Path=/), parsed with @fastify/cookie.
 *
 *   POST   /api/session          {name, password} → the account; 401 wrong; 429 after repeated failures
 *   DELETE /api/session          signs out
 *   GET    /api/session          {account} (null for a visitor)
 *   GET    /api/users            admin: every account
 *   POST   /api/users            admin: {name, role, community?, password}
 *   PATCH  /api/users/:name      admin: {role?, community?, password?} (role null removes it)
 *   DELETE /api/users/:name      admin
 *
 * Writes need a session (401) and the right role (403); a write from another origin is refused (403).
 */
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { ROLES, type Account } from './permissions';
import { decoyHash, verifyPassword } from './passwords';
import { AccountError, type AccountStore, type StoredAccount } from './store';
import { SignInLimiter } from './sign-in-limiter';

export const SESSION_COOKIE = 'museum_session';

const SignIn = z.object({ name: z.string().min(1).max(64), password: z.string().min(1).max(1024) }).strict();
const Role = z.enum(ROLES, { error: `role must be one of ${ROLES.join(', ')}` });
const NewUser = z.object({ name: z.string().min(1).max(64), role: Role, community: z.string().max(80).optional(), password: z.string().max(1024) }).strict();
const UserPatch = z
  .object({ role: Role.nullable().optional(), community: z.string().max(80).nullable().optional(), password: z.string().max(1024).optional() })
  .strict();
const NameParams = z.object({ name: z.string().min(1).max(64) });

/** An account as the API shows it: never the password hash. */
export const publicAccount = (a: Account) => ({ name: a.name, role: a.role, community: a.community });

const describe = (e: z.ZodError) => e.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');

/** The session token a raw request carries (the WebSocket upgrade at /collab has no Fastify request). */
export function sessionToken(req: IncomingMessage): string | undefined {
  const header = req.headers.cookie;
  return header ? fastifyCookie.parse(header)[SESSION_COOKIE] : undefined;
}

/** The account signed in on a raw request. */
export function accountOfRequest(store: AccountStore, req: IncomingMessage): StoredAccount | undefined {
  return store.sessionAccount(sessionToken(req));
}

/**
 * For a write: the account when it may (`allowed`), else answers 401 (no session) or 403 (wrong role, or a
 * request from another origin) and returns undefined.
 */
export function requireAccount(store: AccountStore, req: FastifyRequest, reply: FastifyReply, allowed: (a: Account) => boolean, what: string): StoredAccount | undefined {
  const origin = req.headers.origin;
  if (origin && origin !== 'null' && URL.canParse(origin) && new URL(origin).host !== req.headers.host) {
    void reply.code(403).send({ error: 'writes are accepted only from this server’s own pages' });
    return undefined;
  }
  const account = accountOfRequest(store, req.raw);
  if (!account) {
    void reply.code(401).send({ error: `sign in to ${what}` });
    return undefined;
  }
  if (!allowed(account)) {
    void reply.code(403).send({ error: `${account.name} (${account.role ?? 'no role'}) may not ${what}` });
    return undefined;
  }
  return account;
}

export interface AccountsOptions {
  readonly store: AccountStore;
  readonly limiter?: SignInLimiter;
}

export async function registerAccounts(app: FastifyInstance, o: AccountsOptions): Promise<void> {
  const { store } = o;
  const limiter = o.limiter ?? new SignInLimiter();
  await app.register(fastifyCookie);

  const fail = (reply: FastifyReply, e: unknown) => {
    if (e instanceof AccountError) return reply.code(e.status).send({ error: e.message });
    throw e;
  };
  const admin = (req: FastifyRequest, reply: FastifyReply, what: string) => requireAccount(store, req, reply, (a) => a.role === 'admin', what);

  app.post('/api/session', async (req, reply) => {
    const body = SignIn.safeParse(req.body);
    if (!body.success) return reply.code(400).send({ error: describe(body.error) });
    const { name, password } = body.data;
    const wait = limiter.retryAfter(req.ip, name);
    if (wait > 0) return reply.code(429).header('Retry-After', String(wait)).send({ error: `too many failed sign-ins: try again in ${Math.ceil(wait / 60)} minute(s)` });
    const account = store.get(name);
    // The same scrypt work whether or not the user exists: the answer's timing does not tell.
    const ok = await verifyPassword(password, account?.passwordHash ?? (await decoyHash()));
    if (!account || !ok) {
      limiter.failed(req.ip, name);
      return reply.code(401).send({ error: 'the user name or the password is wrong' });
    }
    limiter.succeeded(name);
    const session = store.createSession(account.id);
    void reply.setCookie(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: req.protocol === 'https',
      path: '/',
      expires: session.expiresAt,
    });
    return { account: publicAccount(account) };
  });

  app.delete('/api/session', async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) store.endSession(token);
    void reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: req.protocol === 'https' });
    return reply.code(204).send();
  });

  app.get('/api/session', async (req) => {
    const a = accountOfRequest(store, req.raw);
    return { account: a ? publicAccount(a) : null };
  });

  app.get('/api/users', async (req, reply) => {
    if (!admin(req, reply, 'list users')) return reply;
    return store.list().map((a) => ({ ...publicAccount(a), createdAt: a.createdAt }));
  });

  app.post('/api/users', async (req, reply) => {
    if (!admin(req, reply, 'add users')) return reply;
    const body = NewUser.safeParse(req.body);
    if (!body.success) return reply.code(400).send({ error: describe(body.error) });
    try {
      return reply.code(201).send(publicAccount(await store.add(body.data)));
    } catch (e) {
      return fail(reply, e);
    }
  });

  app.patch('/api/users/:name', async (req, reply) => {
    if (!admin(req, reply, 'change users')) return reply;
    const params = NameParams.safeParse(req.params);
    const body = UserPatch.safeParse(req.body);
    if (!params.success || !body.success) return reply.code(400).send({ error: describe((params.error ?? body.error)!) });
    const { name } = params.data;
    try {
      if (body.data.password !== undefined) await store.setPassword(name, body.data.password);
      if (body.data.role !== undefined) store.setRole(name, body.data.role, body.data.community);
      const a = store.get(name);
      if (!a) return reply.code(404).send({ error: `there is no user '${name}'` });
      return publicAccount(a);
    } catch (e) {
      return fail(reply, e);
    }
  });

  app.delete('/api/users/:name', async (req, reply) => {
    if (!admin(req, reply, 'remove users')) return reply;
    const params = NameParams.safeParse(req.params);
    if (!params.success) return reply.code(400).send({ error: describe(params.error) });
    try {
      store.remove(params.data.name);
      return reply.code(204).send();
    } catch (e) {
      return fail(reply, e);
    }
  });
}
