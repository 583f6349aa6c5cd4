/**
 * The wire contract of group visits at `/together` (one JSON message per WebSocket frame), validated with zod on
 * both ends. The first message a client sends is `create` or `join`; everything after that acts in its group.
 * Presence is quantised (5 cm, 2°) and sent at most PRESENCE_INTERVAL_MS apart per person: the server keeps each
 * person's latest and relays what changed to the group every PRESENCE_INTERVAL_MS, batched in one message.
 */
import { z } from 'zod';
import { Id } from '../schema-primitives';
import { CODE_LENGTH, TOKEN_PATTERN } from './codes';
import { MAX_CHAT_LENGTH, MAX_NAME_LENGTH } from './names';

/** At most four presence updates a second per person (each way). */
export const PRESENCE_INTERVAL_MS = 250;
/** A group of 30 is normal; 100 must work; past this, joins are refused as full. */
export const MAX_GROUP_SIZE = 120;
/** A frame larger than this is refused (a voice offer's SDP, with its gathered candidates, fits; see MAX_SDP_LENGTH). */
export const MAX_MESSAGE_BYTES = 16_384;
/** A session description relayed for voice (audio only, candidates gathered before it is sent: no trickle). */
export const MAX_SDP_LENGTH = 12_000;

export type Role = 'guide' | 'co-guide' | 'participant';

const Coordinate = z.number().finite().min(-2000).max(2000);
const Code = z.string().min(CODE_LENGTH).max(CODE_LENGTH + 6);
// Names and chat are checked further by names.ts (markup, control characters); zod bounds their size first.
const Name = z.string().max(MAX_NAME_LENGTH * 4);

/** Where a person is and what they look at: feet position (m), heading (° from −z toward +x), room, works. */
export const PresenceSchema = z.strictObject({
  p: z.tuple([Coordinate, Coordinate, Coordinate]),
  h: z.number().finite().min(-720).max(720),
  room: Id.optional(),
  /** The work the person points at (the guide's pointer is seen by all). */
  pointer: Id.optional(),
  /** The work whose story the person has open. */
  selected: Id.optional(),
  /** In VR (followers then fade rather than glide). */
  vr: z.boolean().optional(),
});
export type Presence = z.infer<typeof PresenceSchema>;

export const ClientMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('create'), name: Name, exhibition: Id }),
  z.strictObject({ type: z.literal('join'), code: Code, name: Name, token: z.string().regex(TOKEN_PATTERN).optional() }),
  z.strictObject({ type: z.literal('presence'), ...PresenceSchema.shape }),
  z.strictObject({ type: z.literal('chat'), text: z.string().max(MAX_CHAT_LENGTH * 4) }),
  z.strictObject({ type: z.literal('lock'), locked: z.boolean() }),
  z.strictObject({ type: z.literal('remove'), id: z.string().max(16) }),
  z.strictObject({ type: z.literal('role'), id: z.string().max(16), role: z.enum(['co-guide', 'participant']) }),
  z.strictObject({ type: z.literal('gather'), artwork: Id }),
  z.strictObject({ type: z.literal('open'), artwork: Id }),
  z.strictObject({ type: z.literal('end') }),
  /** Voice: this person's microphone joins (or leaves) the group's voice chat. */
  z.strictObject({ type: z.literal('voice'), on: z.boolean() }),
  /** Voice: a WebRTC offer or answer for one other member (the server relays it and nothing else of the media). */
  z.strictObject({ type: z.literal('signal'), to: z.string().max(16), kind: z.enum(['offer', 'answer']), sdp: z.string().max(MAX_SDP_LENGTH) }),
  /** Voice: the guide (or a co-guide) mutes every microphone; each person talks again by pushing to talk. */
  z.strictObject({ type: z.literal('mute-all') }),
]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

export interface ParticipantView {
  id: string;
  name: string;
  role: Role;
  connected: boolean;
  /** In the voice chat. */
  voice?: boolean;
}

export interface RosterMessage {
  type: 'roster';
  participants: ParticipantView[];
  locked: boolean;
  /** Whom followers follow: the guide, or while the guide is away a co-guide; none when neither is here. */
  leader?: string;
}

/** An RTCIceServer for voice: the museum's own TURN server across the internet (none on one network). */
export interface IceServerView {
  urls: string | string[];
  username?: string;
  credential?: string;
}

/** Why a join (or the connection) was refused; the app words each in the visitor's language. */
export type RefusalReason = 'no-such-group' | 'locked' | 'removed' | 'full' | 'ended' | 'too-many-tries' | 'bad-name' | 'no-such-exhibition' | 'bad-message';

export type ServerMessage =
  | { type: 'welcome'; code: string; exhibition: string; you: string; token: string; role: Role; roster: RosterMessage; iceServers?: IceServerView[] }
  | RosterMessage
  | { type: 'presence'; list: (Presence & { id: string })[] }
  | { type: 'chat'; from: string; name: string; text: string; at: number }
  | { type: 'gather'; artwork: string; by: string; order: string[] }
  | { type: 'open'; artwork: string; by: string }
  | { type: 'refused'; reason: RefusalReason; message: string }
  | { type: 'signal'; from: string; kind: 'offer' | 'answer'; sdp: string }
  | { type: 'mute-all'; by: string }
  | { type: 'removed' }
  | { type: 'ended' }
  | { type: 'error'; message: string };

/** Parses one frame from a client: the message, or a sentence saying what is wrong with it. */
export function parseClientMessage(raw: string): { ok: true; message: ClientMessage } | { ok: false; message: string } {
  if (raw.length > MAX_MESSAGE_BYTES) return { ok: false, message: `a message may be at most ${MAX_MESSAGE_BYTES} bytes` };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, message: 'a message must be JSON' };
  }
  const r = ClientMessageSchema.safeParse(json);
  if (r.success) return { ok: true, message: r.data };
  const issue = r.error.issues[0];
  return { ok: false, message: `bad message${issue?.path.length ? ` at ${issue.path.join('.')}` : ''}: ${issue?.message ?? 'invalid'}` };
}

const round = (v: number, step: number) => Math.round(v / step) * step;
/** Quantised: positions to 5 cm, heading to 2° in [0, 360). Repeated values then compare equal and are not resent. */
export function quantisePresence(p: Presence): Presence {
  const h = ((round(p.h, 2) % 360) + 360) % 360;
  return {
    p: [round(p.p[0], 0.05), round(p.p[1], 0.05), round(p.p[2], 0.05)].map((v) => Math.round(v * 100) / 100) as [number, number, number],
    h,
    ...(p.room ? { room: p.room } : {}),
    ...(p.pointer ? { pointer: p.pointer } : {}),
    ...(p.selected ? { selected: p.selected } : {}),
    ...(p.vr ? { vr: true } : {}),
  };
}

export function samePresence(a: Presence | undefined, b: Presence): boolean {
  return !!a && a.p[0] === b.p[0] && a.p[1] === b.p[1] && a.p[2] === b.p[2] && a.h === b.h && a.room === b.room && a.pointer === b.pointer && a.selected === b.selected && !!a.vr === !!b.vr;
}
