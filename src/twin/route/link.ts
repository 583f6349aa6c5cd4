/**
 * The route link: a route's ids, settings and the visitor's own notes in the URL fragment (`#route=…`), never
 * sent to a server, short enough for a QR code a phone reads easily. The payload is compact JSON in base64url
 * (plain UTF-8: testable in Node and every browser, no async CompressionStream). Decoding is forgiving: a
 * hand-edited, stale or garbage link gives the valid part and messages that say what was dropped and why.
 */

export const LINK_VERSION = 1;
export const FRAGMENT_KEY = 'route';
/** The most stops a link may carry; more are dropped with a message. */
export const MAX_LINK_STOPS = 60;
export const MAX_NOTE = 280;
export const MAX_TITLE = 120;
/** Longer fragments are not read at all (a QR code holds about 3 kB; anything longer is not ours). */
const MAX_PAYLOAD = 12_000;

export interface RouteLink {
  exhibition: string;
  /** The exhibition's revision the route was made with (e.g. a hash of its file), if known. */
  revision?: string;
  /** Works, in visiting order. */
  stops: string[];
  mustSee: string[];
  budget: number | 'all-day';
  start?: string;
  end?: string;
  stepFree: boolean;
  avoidCrowded: boolean;
  /** The visitor's own title and notes per work (plain text, never markup). */
  title?: string;
  notes: Record<string, string>;
}

export type LinkMessage =
  | { kind: 'unreadable' }
  | { kind: 'newer-version'; version: number }
  | { kind: 'other-exhibition'; id: string }
  | { kind: 'other-revision' }
  | { kind: 'unknown-works'; ids: string[] }
  | { kind: 'capped'; kept: number; total: number }
  | { kind: 'bad-setting'; field: string };

export interface DecodedLink {
  link: RouteLink;
  messages: LinkMessage[];
}

interface Compact {
  v: number;
  x: string;
  r?: string;
  s: string[];
  m?: number[];
  b: number;
  a?: string;
  e?: string;
  f?: number;
  t?: string;
  n?: Record<string, string>;
}

/** The fragment for a route: `route=…` (without the '#'). */
export function encodeRouteLink(link: RouteLink): string {
  const index = new Map(link.stops.map((id, i) => [id, i]));
  const compact: Compact = { v: LINK_VERSION, x: link.exhibition, s: link.stops, b: link.budget === 'all-day' ? 0 : Math.round(link.budget) };
  if (link.revision) compact.r = link.revision;
  const must = link.mustSee.map((id) => index.get(id)).filter((i): i is number => i !== undefined);
  if (must.length) compact.m = must;
  if (link.start && link.start !== 'entrance') compact.a = link.start;
  if (link.end && link.end !== 'entrance') compact.e = link.end;
  const flags = (link.stepFree ? 1 : 0) | (link.avoidCrowded ? 2 : 0);
  if (flags) compact.f = flags;
  if (link.title) compact.t = clean(link.title, MAX_TITLE);
  const notes = Object.entries(link.notes).filter(([id, text]) => index.has(id) && text.trim() !== '');
  if (notes.length) compact.n = Object.fromEntries(notes.map(([id, text]) => [String(index.get(id)), clean(text, MAX_NOTE)]));
  return `${FRAGMENT_KEY}=${toBase64Url(JSON.stringify(compact))}`;
}

export interface LinkContext {
  exhibition: string;
  revision?: string;
  /** Ids of the works the exhibition has now. */
  artworks: ReadonlySet<string>;
}

/**
 * Reads a route link (a whole URL, a fragment, or just the payload) against the exhibition open now.
 * Never throws: what cannot be read is reported, and the rest is kept.
 */
export function decodeRouteLink(text: string, ctx: LinkContext): DecodedLink {
  const messages: LinkMessage[] = [];
  const empty: RouteLink = { exhibition: ctx.exhibition, stops: [], mustSee: [], budget: 60, stepFree: false, avoidCrowded: false, notes: {} };
  const payload = payloadOf(text);
  let raw: unknown;
  try {
    if (payload.length > MAX_PAYLOAD) throw new Error('too long');
    raw = JSON.parse(fromBase64Url(payload));
  } catch {
    return { link: empty, messages: [{ kind: 'unreadable' }] };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { link: empty, messages: [{ kind: 'unreadable' }] };
  const c = raw as Partial<Record<keyof Compact, unknown>>;
  if (typeof c.v === 'number' && c.v > LINK_VERSION) messages.push({ kind: 'newer-version', version: c.v });
  if (typeof c.x === 'string' && c.x !== ctx.exhibition) messages.push({ kind: 'other-exhibition', id: c.x.slice(0, 80) });
  else if (typeof c.r === 'string' && ctx.revision !== undefined && c.r !== ctx.revision) messages.push({ kind: 'other-revision' });

  const listed = Array.isArray(c.s) ? c.s.filter((id): id is string => typeof id === 'string') : [];
  if (!Array.isArray(c.s)) messages.push({ kind: 'bad-setting', field: 'stops' });
  const capped = listed.slice(0, MAX_LINK_STOPS);
  if (listed.length > MAX_LINK_STOPS) messages.push({ kind: 'capped', kept: MAX_LINK_STOPS, total: listed.length });
  const seen = new Set<string>();
  const unknown: string[] = [];
  const kept: { id: string; at: number }[] = [];
  capped.forEach((id, at) => {
    if (seen.has(id)) return;
    seen.add(id);
    if (ctx.artworks.has(id)) kept.push({ id, at });
    else unknown.push(id.slice(0, 80));
  });
  if (unknown.length) messages.push({ kind: 'unknown-works', ids: unknown.slice(0, 20) });
  const idAt = new Map(kept.map((k) => [k.at, k.id]));

  const link: RouteLink = { ...empty, stops: kept.map((k) => k.id) };
  if (typeof c.r === 'string' && c.r) link.revision = c.r.slice(0, 80);
  if (Array.isArray(c.m)) link.mustSee = [...new Set(c.m.map((i) => idAt.get(i as number)).filter((id): id is string => id !== undefined))];
  if (c.b === 0) link.budget = 'all-day';
  else if (typeof c.b === 'number' && Number.isFinite(c.b) && c.b >= 5 && c.b <= 24 * 60) link.budget = Math.round(c.b);
  else messages.push({ kind: 'bad-setting', field: 'budget' });
  if (typeof c.a === 'string' && /^[a-z0-9][a-z0-9_-]{0,79}$/.test(c.a)) link.start = c.a;
  if (typeof c.e === 'string' && /^[a-z0-9][a-z0-9_-]{0,79}$/.test(c.e)) link.end = c.e;
  if (typeof c.f === 'number') {
    link.stepFree = (c.f & 1) !== 0;
    link.avoidCrowded = (c.f & 2) !== 0;
  }
  if (typeof c.t === 'string' && c.t.trim()) link.title = clean(c.t, MAX_TITLE);
  if (c.n && typeof c.n === 'object' && !Array.isArray(c.n)) {
    for (const [k, v] of Object.entries(c.n as Record<string, unknown>)) {
      const id = idAt.get(Number(k));
      if (id !== undefined && typeof v === 'string' && v.trim()) link.notes[id] = clean(v, MAX_NOTE);
    }
  }
  return { link, messages };
}

/** The payload of `…#route=XYZ`, `#route=XYZ`, `route=XYZ` or `XYZ`. */
function payloadOf(text: string): string {
  const hash = text.includes('#') ? text.slice(text.indexOf('#') + 1) : text;
  for (const part of hash.split('&')) if (part.startsWith(`${FRAGMENT_KEY}=`)) return part.slice(FRAGMENT_KEY.length + 1);
  return hash;
}

/** Plain text: no control characters, trimmed, at most `max` characters. */
function clean(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim().slice(0, max);
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new Error('not base64url');
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (ch) => ch.charCodeAt(0)));
}

/** A short fingerprint of the exhibition's works (FNV-1a over their ids): a link made with other works says so. */
export function exhibitionRevision(ex: { artworks: readonly { id: string }[] }): string {
  let h = 0x811c9dc5;
  for (const id of ex.artworks.map((a) => a.id).sort()) {
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x2c, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
