/**
 * One group visit as pure state: who is in it (names in memory only), their roles, the lock, removals, the
 * latest presence of each, and who leads. The server (src/server/together/) drives it from WebSocket messages;
 * it decides nothing about sockets or time itself (the caller passes `now`).
 *
 * Roles: the guide created the group and holds its secret token; the guide may name co-guides. Guide and
 * co-guides may lock, remove, gather and open works for all; only the guide names co-guides. While the guide is
 * away (dropped, not yet back) the first co-guide present leads, and may end the group.
 */
import { newToken } from './codes';
import { MAX_GROUP_SIZE, quantisePresence, samePresence, type ParticipantView, type Presence, type RefusalReason, type Role, type RosterMessage } from './protocol';

export interface Participant {
  readonly id: string;
  readonly token: string;
  name: string;
  role: Role;
  connected: boolean;
  /** When the connection dropped (for the rejoin grace period). */
  awaySince?: number;
  presence?: Presence;
  /** In the voice chat (until they leave it or their connection drops). */
  voice?: boolean;
  /** Joined order: gathering spaces people out in this order. */
  readonly seq: number;
}

export type JoinResult = { ok: true; participant: Participant; rejoined: boolean } | { ok: false; reason: RefusalReason };

export type Action = 'lock' | 'remove' | 'gather' | 'open' | 'role' | 'end' | 'mute';

export class TogetherGroup {
  private readonly people = new Map<string, Participant>();
  /** Tokens of removed participants: the same link (and browser) cannot come back. */
  private readonly removedTokens = new Set<string>();
  private readonly changed = new Set<string>();
  private nextSeq = 1;
  locked = false;
  ended = false;

  constructor(
    readonly code: string,
    readonly exhibition: string,
    private readonly maxSize = MAX_GROUP_SIZE,
  ) {}

  /** The guide's first join: the group's creator, with the token that is the guide's secret. */
  createGuide(name: string): Participant {
    if (this.people.size) throw new Error('the group already has a guide');
    return this.add(name, 'guide');
  }

  /** A join with a display name (already checked), and the token of an earlier connection when rejoining. */
  join(name: string, token: string | undefined): JoinResult {
    if (this.ended) return { ok: false, reason: 'ended' };
    if (token) {
      if (this.removedTokens.has(token)) return { ok: false, reason: 'removed' };
      const back = [...this.people.values()].find((p) => p.token === token);
      if (back) {
        back.connected = true;
        delete back.awaySince;
        back.name = name;
        this.changed.add(back.id);
        return { ok: true, participant: back, rejoined: true };
      }
    }
    if (this.locked) return { ok: false, reason: 'locked' };
    if (this.people.size >= this.maxSize) return { ok: false, reason: 'full' };
    return { ok: true, participant: this.add(name, 'participant'), rejoined: false };
  }

  private add(name: string, role: Role): Participant {
    const seq = this.nextSeq++;
    const p: Participant = { id: `p${seq}`, token: newToken(), name, role, connected: true, seq };
    this.people.set(p.id, p);
    return p;
  }

  get(id: string): Participant | undefined {
    return this.people.get(id);
  }

  get size(): number {
    return this.people.size;
  }

  /** The connection dropped: the participant stays (away) so a rejoin within the grace period finds its place. */
  disconnected(id: string, now: number): void {
    const p = this.people.get(id);
    if (!p) return;
    p.connected = false;
    p.awaySince = now;
    delete p.voice; // the peer connections went with the page
  }

  /** Forgets those away longer than `graceMs` (their names go with them); returns their ids. */
  forgetAway(now: number, graceMs: number): string[] {
    const gone: string[] = [];
    for (const p of this.people.values()) {
      if (!p.connected && p.awaySince !== undefined && now - p.awaySince >= graceMs && p.role !== 'guide') {
        this.people.delete(p.id);
        gone.push(p.id);
      }
    }
    return gone;
  }

  /** Nobody connected: the server ends a group left empty past the grace period. */
  get empty(): boolean {
    return ![...this.people.values()].some((p) => p.connected);
  }

  /** Whom followers follow: the guide when connected, else the earliest co-guide connected. */
  leader(): Participant | undefined {
    const present = [...this.people.values()].filter((p) => p.connected);
    return present.find((p) => p.role === 'guide') ?? present.filter((p) => p.role === 'co-guide').sort((a, b) => a.seq - b.seq)[0];
  }

  /** May this participant do this? */
  may(id: string, action: Action): boolean {
    const p = this.people.get(id);
    if (!p || this.ended) return false;
    if (p.role === 'participant') return false;
    if (action === 'role') return p.role === 'guide';
    if (action === 'end') return p.role === 'guide' || this.leader()?.id === p.id;
    return true;
  }

  setLocked(by: string, locked: boolean): boolean {
    if (!this.may(by, 'lock')) return false;
    this.locked = locked;
    return true;
  }

  /** Removes a participant for good: their token is refused from now on. The guide cannot be removed. */
  remove(by: string, id: string): boolean {
    const p = this.people.get(id);
    if (!p || !this.may(by, 'remove') || p.role === 'guide' || id === by) return false;
    this.removedTokens.add(p.token);
    this.people.delete(id);
    this.changed.delete(id);
    return true;
  }

  setRole(by: string, id: string, role: 'co-guide' | 'participant'): boolean {
    const p = this.people.get(id);
    if (!p || !this.may(by, 'role') || p.role === 'guide') return false;
    p.role = role;
    return true;
  }

  /** Ends the group: everyone is let go and every name forgotten. */
  end(by: string): boolean {
    if (!this.may(by, 'end')) return false;
    this.endNow();
    return true;
  }

  endNow(): void {
    this.ended = true;
    this.people.clear();
    this.removedTokens.clear();
    this.changed.clear();
  }

  setVoice(id: string, on: boolean): void {
    const p = this.people.get(id);
    if (!p) return;
    if (on) p.voice = true;
    else delete p.voice;
  }

  /** Takes a presence update (quantised); an unchanged one is not relayed again. */
  setPresence(id: string, presence: Presence): void {
    const p = this.people.get(id);
    if (!p) return;
    const q = quantisePresence(presence);
    if (samePresence(p.presence, q)) return;
    p.presence = q;
    this.changed.add(id);
  }

  /** The presence that changed since the last call, for one batched relay. */
  takeChangedPresence(): (Presence & { id: string })[] {
    const out: (Presence & { id: string })[] = [];
    for (const id of this.changed) {
      const p = this.people.get(id);
      if (p?.presence && p.connected) out.push({ id, ...p.presence });
    }
    this.changed.clear();
    return out;
  }

  /** Everyone's latest presence (for someone who just joined). */
  allPresence(): (Presence & { id: string })[] {
    return [...this.people.values()].filter((p) => p.presence && p.connected).map((p) => ({ id: p.id, ...p.presence! }));
  }

  /** Participants in joined order (gathering spaces them out in this order). */
  order(): string[] {
    return [...this.people.values()].sort((a, b) => a.seq - b.seq).map((p) => p.id);
  }

  roster(): RosterMessage {
    const participants: ParticipantView[] = [...this.people.values()].sort((a, b) => a.seq - b.seq).map((p) => ({ id: p.id, name: p.name, role: p.role, connected: p.connected, ...(p.voice ? { voice: true } : {}) }));
    const leader = this.leader()?.id;
    return { type: 'roster', participants, locked: this.locked, ...(leader ? { leader } : {}) };
  }
}
