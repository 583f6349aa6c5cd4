/**
 * One participant's connection as the group server sees it: the socket (here, or on another instance through
 * Redis), the member's place once welcomed, the close codes, the flood guards and the words of each refusal.
 */
import type { WebSocket } from 'ws';
import type { TogetherGroup } from '../../twin/together/group';
import type { RefusalReason } from '../../twin/together/protocol';

/** Close codes: the JSON message sent just before says more. */
export const CLOSE_REFUSED = 4403;
export const CLOSE_REMOVED = 4410;
export const CLOSE_ENDED = 4411;
export const CLOSE_REPLACED = 4409;
export const CLOSE_POLICY = 1008;

/** One end of a participant's connection: a socket here, or one on another instance (through the relay). */
export interface Peer {
  readonly open: boolean;
  send(text: string): void;
  close(code: number, reason: string): void;
  /** Where the socket is when it is on another instance. */
  readonly remote?: { instance: string; conn: string };
}

export interface Member {
  group?: TogetherGroup;
  id?: string;
  /** Frames that arrived while the hello was being answered (it may ask Redis). */
  pending?: string[];
  /** Refused or closed: later frames are ignored. */
  done?: boolean;
  /** This socket's group lives on another instance: frames go there. */
  routed?: { home: string; conn: string };
  /** The socket, when it is on this instance. */
  ws?: WebSocket;
  /** Messages in the current second, and chat lines in the current ten seconds (flood guards). */
  burst: { at: number; n: number };
  chat: { at: number; n: number };
}

const MAX_MESSAGES_PER_SECOND = 30;
const MAX_CHAT_PER_10S = 8;

export function newMember(ws?: WebSocket): Member {
  return { burst: { at: 0, n: 0 }, chat: { at: 0, n: 0 }, ...(ws ? { ws } : {}) };
}

/** Counts a frame; false once the member sends more than the flood guard allows (the socket is then closed). */
export function withinBurst(m: Member, now: number): boolean {
  if (now - m.burst.at >= 1000) m.burst = { at: now, n: 0 };
  return ++m.burst.n <= MAX_MESSAGES_PER_SECOND;
}

/** Counts a chat line; false when the member has said too much in the last ten seconds. */
export function withinChat(m: Member, now: number): boolean {
  if (now - m.chat.at >= 10_000) m.chat = { at: now, n: 0 };
  return ++m.chat.n <= MAX_CHAT_PER_10S;
}

export const refusalText: Record<RefusalReason, string> = {
  'no-such-group': 'there is no group with this code',
  locked: 'the group is locked: ask the guide to unlock it',
  removed: 'the guide removed you from this group',
  full: 'the group is full',
  ended: 'the group has ended',
  'too-many-tries': 'too many tries from this address: wait a few minutes',
  'bad-name': 'the display name is not valid',
  'no-such-exhibition': 'there is no such exhibition on this server',
  'bad-message': 'the first message must be create or join',
};
