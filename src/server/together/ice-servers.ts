/**
 * The ICE servers group members' browsers use for voice (WebRTC), from the server's environment, sent to each
 * member in their `welcome`:
 *
 * - `MUSEUM_ICE_SERVERS`: a JSON array of RTCIceServer entries, e.g.
 *   `[{"urls":"turn:turn.museum.example:3478"}]` — the museum's own TURN server (e.g. coturn). Unset: none, which
 *   is right on one network (browsers connect by their own addresses) and asks no third party.
 * - `MUSEUM_TURN_SECRET`: coturn's `static-auth-secret` (with `use-auth-secret`). A `turn:`/`turns:` entry written
 *   without a username then gets time-limited credentials per member (coturn's REST scheme: the username is
 *   `<expiry in unix seconds>:<random label>` (nothing that names the person or the group, which TURN logs would
 *   keep), the credential base64(HMAC-SHA1(secret, username))), so no lasting TURN
 *   password is handed to every visitor's browser.
 *
 * Bad values stop the server at start with a message naming the variable (a museum finds out before a class does).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';

/** One RTCIceServer as the browser takes it (the wire shape of `welcome.iceServers`). */
export interface IceServer {
  urls: string | string[];
  username?: string;
  credential?: string;
}

export interface IceSettings {
  servers: IceServer[];
  /** Shared secret with the TURN server: credentials are made per member. */
  turnSecret?: string;
  /** How long made credentials last (default 12 h: longer than a class, shorter than a leak is useful). */
  ttlSeconds?: number;
}

const IceUrl = z.string().regex(/^(stun|stuns|turn|turns):[^\s]+$/, 'each url must start with stun:, stuns:, turn: or turns:');
const IceServerSchema = z.strictObject({
  urls: z.union([IceUrl, z.array(IceUrl).min(1)]),
  username: z.string().min(1).max(256).optional(),
  credential: z.string().min(1).max(256).optional(),
});
const IceServersSchema = z.array(IceServerSchema).max(8, 'at most 8 ICE servers');

const isTurn = (s: IceServer) => (Array.isArray(s.urls) ? s.urls : [s.urls]).some((u) => /^turns?:/.test(u));

/** Reads `MUSEUM_ICE_SERVERS` and `MUSEUM_TURN_SECRET`; throws with a message naming the variable when one is wrong. */
export function iceSettingsFromEnv(env: Record<string, string | undefined>): IceSettings {
  const raw = env.MUSEUM_ICE_SERVERS?.trim();
  const secret = env.MUSEUM_TURN_SECRET?.trim() || undefined;
  if (secret !== undefined && secret.length < 16) throw new Error('MUSEUM_TURN_SECRET must be at least 16 characters long');
  if (!raw) {
    if (secret) throw new Error('MUSEUM_TURN_SECRET is set but MUSEUM_ICE_SERVERS names no TURN server');
    return { servers: [] };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error('MUSEUM_ICE_SERVERS must be a JSON array, e.g. [{"urls":"turn:turn.museum.example:3478"}]');
  }
  const r = IceServersSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new Error(`MUSEUM_ICE_SERVERS${issue?.path.length ? ` at ${issue.path.join('.')}` : ''}: ${issue?.message ?? 'invalid'}`);
  }
  const servers = r.data.map((s) => ({ ...s }) as IceServer);
  for (const [i, s] of servers.entries()) {
    if (isTurn(s) && !secret && (!s.username || !s.credential)) throw new Error(`MUSEUM_ICE_SERVERS at ${i}: a TURN server needs a username and credential, or MUSEUM_TURN_SECRET`);
  }
  return { servers, ...(secret ? { turnSecret: secret } : {}) };
}

/** The ICE servers for one member's welcome: TURN entries without a username get credentials made now. */
export function iceServersFor(settings: IceSettings, now = Date.now()): IceServer[] {
  const { turnSecret } = settings;
  const label = randomBytes(6).toString('hex');
  return settings.servers.map((s) => {
    if (!turnSecret || !isTurn(s) || s.username) return s;
    const username = `${Math.floor(now / 1000) + (settings.ttlSeconds ?? 12 * 3600)}:${label}`;
    return { ...s, username, credential: createHmac('sha1', turnSecret).update(username).digest('base64') };
  });
}
