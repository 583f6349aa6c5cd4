/**
 * Accounts and sign-in sessions in SQLite (<dataDir>/accounts.sqlite, better-sqlite3). A session id is 32 random
 * bytes given to the browser once; only its SHA-256 is stored, so a copy of the database signs nobody in.
 * Listeners hear of every change to a user, so open connections can lose their rights at once.
 */
import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { ROLES, type Account, type Role } from './permissions';
import { MIN_PASSWORD_LENGTH, hashPassword } from './passwords';

export const ADMIN_USER = 'admin';
/** How long a sign-in lasts. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** A user name: what people type, kept simple so it is never confused in a log or a URL. */
export const USER_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;
export const COMMUNITY_ID = /^[a-z0-9][a-z0-9_-]{0,79}$/;

export interface StoredAccount extends Account {
  readonly passwordHash: string;
  readonly createdAt: string;
}

/** A request that cannot be done, in words for the person who asked (the API answers 400 or 404 with it). */
export class AccountError extends Error {
  override name = 'AccountError';
  constructor(
    message: string,
    readonly status: 400 | 404 | 409 = 400,
  ) {
    super(message);
  }
}

interface Row {
  id: number;
  name: string;
  role: string | null;
  community: string | null;
  password: string;
  created_at: string;
}

const toAccount = (r: Row): StoredAccount => ({
  id: r.id,
  name: r.name,
  role: (ROLES as readonly string[]).includes(r.role ?? '') ? (r.role as Role) : null,
  community: r.community,
  passwordHash: r.password,
  createdAt: r.created_at,
});

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Checks a role and its community together: a keeper keeps one community, nobody else names one. */
export function checkRole(role: Role | null, community: string | null | undefined): string | null {
  if (role !== null && !ROLES.includes(role)) throw new AccountError(`role must be one of ${ROLES.join(', ')}`);
  if (role === 'keeper') {
    if (!community) throw new AccountError('a community keeper needs --community <id> (the communityId in the works’ sensitivity)');
    if (!COMMUNITY_ID.test(community)) throw new AccountError('a community id is 1–80 lowercase letters, digits, "-" or "_"');
    return community;
  }
  if (community) throw new AccountError('only a keeper names a community');
  return null;
}

export class AccountStore {
  private readonly db: Database.Database;
  private readonly listeners = new Set<(account: Account | undefined, id: number) => void>();

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS users (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL UNIQUE,
        role TEXT,
        community TEXT,
        password TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS sessions (
        id_hash TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS sessions_user ON sessions(user_id);
    `);
    this.db.pragma('foreign_keys = ON');
  }

  /** The store in a data folder. */
  static open(dataDir: string): AccountStore {
    return new AccountStore(join(dataDir, 'accounts.sqlite'));
  }

  /** Hears of every change to a user (undefined: removed). */
  onChange(listener: (account: Account | undefined, id: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(id: number): void {
    const a = this.byId(id);
    for (const l of this.listeners) l(a, id);
  }

  list(): StoredAccount[] {
    return (this.db.prepare('SELECT * FROM users ORDER BY name').all() as Row[]).map(toAccount);
  }

  get(name: string): StoredAccount | undefined {
    const r = this.db.prepare('SELECT * FROM users WHERE name = ?').get(name) as Row | undefined;
    return r && toAccount(r);
  }

  byId(id: number): StoredAccount | undefined {
    const r = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as Row | undefined;
    return r && toAccount(r);
  }

  async add(input: { name: string; role: Role | null; community?: string | null; password: string }): Promise<StoredAccount> {
    if (!USER_NAME.test(input.name)) throw new AccountError('a user name is 1–64 lowercase letters, digits, ".", "-" or "_"');
    const community = checkRole(input.role, input.community);
    checkPassword(input.password);
    if (this.get(input.name)) throw new AccountError(`there is already a user '${input.name}'`, 409);
    const hash = await hashPassword(input.password);
    const r = this.db
      .prepare('INSERT INTO users (name, role, community, password, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(input.name, input.role, community, hash, new Date().toISOString());
    return this.byId(Number(r.lastInsertRowid))!;
  }

  /** Changes a role (null: no role, read only). Takes effect on open connections through the listeners. */
  setRole(name: string, role: Role | null, community?: string | null): StoredAccount {
    const a = this.mustGet(name);
    const c = checkRole(role, community);
    if (a.role === 'admin' && role !== 'admin') this.keepOneAdmin(a.id);
    this.db.prepare('UPDATE users SET role = ?, community = ? WHERE id = ?').run(role, c, a.id);
    this.changed(a.id);
    return this.byId(a.id)!;
  }

  /** A new password signs the user out everywhere. */
  async setPassword(name: string, password: string): Promise<void> {
    const a = this.mustGet(name);
    checkPassword(password);
    const hash = await hashPassword(password);
    this.db.prepare('UPDATE users SET password = ? WHERE id = ?').run(hash, a.id);
    this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(a.id);
    this.changed(a.id);
  }

  remove(name: string): void {
    const a = this.mustGet(name);
    if (a.role === 'admin') this.keepOneAdmin(a.id);
    this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(a.id);
    this.db.prepare('DELETE FROM users WHERE id = ?').run(a.id);
    this.changed(a.id);
  }

  /** MUSEUM_ADMIN_PASSWORD: creates `admin`, or resets its password and role. */
  async ensureAdmin(password: string): Promise<void> {
    const a = this.get(ADMIN_USER);
    if (!a) await this.add({ name: ADMIN_USER, role: 'admin', password });
    else {
      if (a.role !== 'admin') this.setRole(ADMIN_USER, 'admin');
      await this.setPassword(ADMIN_USER, password);
    }
  }

  /** Starts a session; the returned token goes to the browser and nowhere else. */
  createSession(userId: number, now = Date.now()): { token: string; expiresAt: Date } {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = now + SESSION_TTL_MS;
    this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now);
    this.db.prepare('INSERT INTO sessions (id_hash, user_id, expires_at) VALUES (?, ?, ?)').run(sha256(token), userId, expiresAt);
    return { token, expiresAt: new Date(expiresAt) };
  }

  /** The account signed in with this token, if the session is current. */
  sessionAccount(token: string | undefined, now = Date.now()): StoredAccount | undefined {
    if (!token || token.length > 100) return undefined;
    const r = this.db.prepare('SELECT user_id FROM sessions WHERE id_hash = ? AND expires_at > ?').get(sha256(token), now) as { user_id: number } | undefined;
    return r ? this.byId(r.user_id) : undefined;
  }

  endSession(token: string): void {
    this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(sha256(token));
  }

  close(): void {
    this.listeners.clear();
    this.db.close();
  }

  private mustGet(name: string): StoredAccount {
    const a = this.get(name);
    if (!a) throw new AccountError(`there is no user '${name}'`, 404);
    return a;
  }

  private keepOneAdmin(leaving: number): void {
    const others = this.db.prepare("SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND id != ?").get(leaving) as { n: number };
    if (others.n === 0) throw new AccountError('this is the last admin: make another user admin first', 409);
  }
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new AccountError(`a password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > 1024) throw new AccountError('a password may have at most 1024 characters');
}
