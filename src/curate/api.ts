/** The server's session and publishing API (src/server/accounts/routes.ts, src/server/publish/routes.ts). */

export interface Account {
  readonly name: string;
  readonly role: 'admin' | 'curator' | 'conservator' | 'keeper' | null;
  readonly community: string | null;
}

export type SignInResult =
  | { ok: true; account: Account }
  | { ok: false; kind: 'wrong' | 'too-many' | 'other'; retryAfterS?: number; message: string };

const json = { 'Content-Type': 'application/json' };

export async function currentAccount(): Promise<Account | null> {
  const res = await fetch('/api/session', { credentials: 'same-origin' });
  if (!res.ok) return null;
  return ((await res.json()) as { account: Account | null }).account;
}

export async function signIn(name: string, password: string): Promise<SignInResult> {
  const res = await fetch('/api/session', { method: 'POST', headers: json, body: JSON.stringify({ name, password }), credentials: 'same-origin' });
  const body = (await res.json().catch(() => ({}))) as { account?: Account; error?: string };
  if (res.ok && body.account) return { ok: true, account: body.account };
  const message = body.error ?? `HTTP ${res.status}`;
  if (res.status === 401) return { ok: false, kind: 'wrong', message };
  if (res.status === 429) return { ok: false, kind: 'too-many', retryAfterS: Number(res.headers.get('Retry-After') ?? 60), message };
  return { ok: false, kind: 'other', message };
}

export async function signOut(): Promise<void> {
  await fetch('/api/session', { method: 'DELETE', credentials: 'same-origin' });
}

export type PublishResult = { ok: true; version: number } | { ok: false; error: string; messages: string[] };

export async function publish(exhibitionId: string): Promise<PublishResult> {
  const res = await fetch(`/api/exhibitions/${encodeURIComponent(exhibitionId)}/publish`, { method: 'POST', credentials: 'same-origin' });
  const body = (await res.json().catch(() => ({}))) as { version?: number; error?: string; messages?: string[] };
  if (res.ok && typeof body.version === 'number') return { ok: true, version: body.version };
  return { ok: false, error: body.error ?? `HTTP ${res.status}`, messages: body.messages ?? [] };
}

/** Who may change texts and placements (src/server/accounts/permissions.ts is the authority; this only greys out). */
export const mayEditLayoutAndTexts = (a: Account): boolean => a.role === 'admin' || a.role === 'curator';

/** One change in the draft's history (GET /api/exhibitions/:id/changes). */
export interface HistoryEntry {
  readonly seq: number;
  readonly user: string;
  readonly at: string;
  readonly summary: { path: string; kind: string; value?: unknown }[];
}

/** One difference between two versions (src/twin/exhibition-diff.ts). */
export interface Difference {
  readonly kind: string;
  readonly path: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

const base = (id: string) => `/api/exhibitions/${encodeURIComponent(id)}`;

async function answer<T>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => ({}))) as T & { error?: string };
  if (!res.ok) throw new Error(body.error ?? `HTTP ${res.status}`);
  return body;
}

/** The latest changes, of the whole draft or of one work. */
export async function history(exhibitionId: string, artwork?: string): Promise<HistoryEntry[]> {
  const q = new URLSearchParams({ limit: '30', ...(artwork ? { artwork } : {}) });
  return answer(await fetch(`${base(exhibitionId)}/changes?${q}`, { credentials: 'same-origin' }));
}

/** What differs from the draft after change `from` to the draft now. */
export async function compareWithNow(exhibitionId: string, from: number): Promise<Difference[]> {
  return (await answer<{ differences: Difference[] }>(await fetch(`${base(exhibitionId)}/compare?from=${from}`, { credentials: 'same-origin' }))).differences;
}

/** Makes the draft as it was after change `seq` again, as a new change (conservation and protocols are kept). */
export async function restore(exhibitionId: string, seq: number): Promise<void> {
  await answer(await fetch(`${base(exhibitionId)}/restore`, { method: 'POST', headers: json, body: JSON.stringify({ seq }), credentials: 'same-origin' }));
}
