/**
 * Visit together in the browser: the header's *Together* button and drawer (src/ui/together-panel.ts), the
 * connection to `/together` (together-connection.ts), everyone's avatar in the preview (together-avatars.ts)
 * and dot on the floor plan, following the guide, gathering at a work, the guide opening a work for followers
 * (each sees it in their own language, with their own acknowledgements), and the chat. A link with
 * `?group=CODE` opens the drawer ready to join.
 */
import { headingToDir } from '../twin/floorplan';
import { artworkCentreY, artworkPose } from '../twin/layout';
import type { Vec2, Vec3 } from '../twin/schema';
import { normaliseGroupCode } from '../twin/together/codes';
import { gatherSpot } from '../twin/together/follow';
import { checkDisplayName } from '../twin/together/names';
import { type Presence, type RefusalReason, type RosterMessage, type ServerMessage } from '../twin/together/protocol';
import { byId, h } from '../ui/dom';
import type { Drawer } from '../ui/drawer';
import { togetherPanel, type ChatLine, type TogetherPanelState } from '../ui/together-panel';
import '../ui/together-panel.css';
import { safeStorage } from './chrome';
import type { VisitContext } from './context';
import type { FloorPlanManager } from './floor-plan';
import { GroupAvatars } from './together-avatars';
import { GroupDots } from './together-dots';
import { TogetherVoice } from './together-voice';
import { voiceSection, voiceWords } from '../ui/together-voice';
import { VrGroupFollower } from '../modes/vr/together';
import { arRegistrationRoot } from '../modes/ar/together';
import { sendPresenceFromFrames } from './together-presence';
import type { ImmersiveManager } from './immersive';
import { TogetherConnection } from './together-connection';
import { GroupMoves } from './together-follow';
import { groupOpenedView, HeadsetOpening } from './together-open';
import type { PresenceCost, TogetherState } from './together-state';

const NAME_KEY = 'museum-twin:together-name';
const KIND = 'together';

export class TogetherManager {
  private readonly button: HTMLButtonElement;
  private conn?: TogetherConnection;
  private roster?: RosterMessage;
  private welcome?: Extract<ServerMessage, { type: 'welcome' }>;
  private following = true;
  private message?: string;
  private connecting = false;
  private readonly chat: ChatLine[] = [];
  private readonly presence = new Map<string, Presence>();
  /** The roster's names by id: a batch of presence names up to 100 people. */
  private names = new Map<string, string>();
  private readonly dots = new GroupDots();
  private avatars?: GroupAvatars;
  private sending?: { frameMs: number };
  private presenceShown = true;
  /** A work opened because the guide did: not sent back as this person's own opening. */
  private openedForGroup?: string;
  private opened?: TogetherState['opened'];
  /** Works opened for the group, opened in this follower's headset once they stand in the work's room. */
  private readonly headset: HeadsetOpening;
  private readonly vr: VrGroupFollower;
  private readonly moves: GroupMoves;
  private readonly voice = new TogetherVoice(
    (m) => this.conn?.send(m),
    () => this.welcome?.you,
    () => this.render(),
  );
  private readonly codeFromLink = normaliseGroupCode(new URLSearchParams(location.search).get('group') ?? '');

  constructor(
    private readonly c: VisitContext,
    private readonly drawer: Drawer,
    private readonly plan: FloorPlanManager,
    private readonly openArtwork: (id: string) => void,
    private readonly immersive?: ImmersiveManager,
  ) {
    this.vr = new VrGroupFollower(c.ex, () => this.immersive?.vr?.current);
    this.moves = new GroupMoves(c, this.vr, () => this.headset.arrived());
    this.headset = new HeadsetOpening(c.ex, () => this.immersive?.vr?.current, () => this.moves.moving);
    this.button = h('button', { type: 'button', id: 'together-button', 'aria-expanded': 'false', 'aria-controls': 'drawer' }, c.locale.t.together.button) as HTMLButtonElement;
    const tools = byId('tours-button').parentElement!;
    tools.insertBefore(this.button, tools.querySelector('label.language'));
    this.button.addEventListener('click', () => (this.drawer.isOpen(KIND) ? this.drawer.close() : this.show()));
    c.locale.onChange((l) => {
      this.button.textContent = l.t.together.button;
      this.render();
    });
    // The guide (or a co-guide leading) opening a work opens it for those who follow.
    c.state.onChange('selected', (ch) => {
      if (!ch.value || !this.welcome || this.leaderId() !== this.welcome.you) return;
      if (this.openedForGroup === ch.value) return;
      this.conn?.send({ type: 'open', artwork: ch.value });
    });
  }

  /**
   * The group's avatars, made when this person first joins a group: a visit alone never pays for them (the names'
   * 768 × 1152 canvas, 3.5 MB of the page's memory; their materials, meshes and sprite manager). The names' texture
   * takes GPU memory only once a name is drawn: `npm run bench:ar-memory` counts the same before and after.
   */
  private makeAvatars(): void {
    const gallery = this.c.gallery;
    if (this.avatars || !gallery) return;
    this.avatars = new GroupAvatars(gallery.scene, (id) => this.workCentre(id), this.c.requestRender, this.c.keepFrameObserver);
    this.avatars.setShown(this.presenceShown);
  }

  /** Once the preview exists: the presence sender, and the drawer when the address names a group. */
  start(): void {
    const { gallery, preview } = this.c;
    if (!gallery || !preview) return;
    // In AR the avatars hang under the registration root, so the guide is seen where they stand in the room.
    gallery.scene.onBeforeRenderObservable.add(() => {
      if (this.welcome) this.avatars?.hangUnder(this.c.state.mode === 'ar' ? arRegistrationRoot(gallery.scene) : undefined);
    });
    this.sending = sendPresenceFromFrames(this.c, this.vr, gallery.scene, () => !!this.welcome, (p) => this.conn?.send({ type: 'presence', ...p }));
    // A work opened for the group waits in a following headset until the follower stands in its room.
    gallery.scene.onAfterRenderObservable.add(() => {
      if (!this.headset.pending) return;
      if (this.welcome && this.c.state.mode === 'vr' && this.following) this.headset.frame();
      else this.headset.clear();
    });
    if (this.codeFromLink) this.show();
  }

  state(): TogetherState {
    const g = this.welcome;
    return {
      ...(g ? { code: g.code, you: g.you, role: this.myRole() } : {}),
      ...(this.leaderId() ? { leader: this.leaderId() } : {}),
      following: this.following,
      people: this.roster?.participants ?? [],
      avatars: this.avatars?.drawn() ?? [],
      moving: this.moves.moving,
      vrFades: this.vr.fades,
      ...(this.opened ? { opened: this.opened } : {}),
      voice: this.voice.state(),
      ...(this.message ? { message: this.message } : {}),
    };
  }

  /** The page bench's switch: hidden, the group is not drawn nor its batches taken in (they still arrive, read). */
  presenceCost(shown?: boolean): PresenceCost {
    if (shown !== undefined) {
      this.presenceShown = shown;
      this.avatars?.setShown(shown);
    }
    const received = this.conn?.presence ?? { ms: 0, batches: 0 };
    return { shown: this.presenceShown, frameMs: (this.avatars?.frameMs ?? 0) + (this.sending?.frameMs ?? 0), receiveMs: received.ms, batches: received.batches };
  }

  private get t() {
    return this.c.locale.t.together;
  }

  private show(): void {
    this.drawer.open(KIND, this.button, this.t.title, this.body());
  }

  private render(): void {
    this.drawer.update(KIND, this.t.title, this.body());
  }

  private body(): Node[] {
    const g = this.welcome;
    const roster = this.roster;
    const state: TogetherPanelState = {
      name: safeStorage(() => localStorage.getItem(NAME_KEY)) ?? '',
      connecting: this.connecting,
      chat: this.chat,
      ...(this.message ? { message: this.message } : {}),
      ...(this.codeFromLink ? { codeFromLink: this.codeFromLink } : {}),
      ...(g && roster
        ? {
            group: {
              code: g.code,
              link: `${location.origin}${location.pathname}?group=${g.code}`,
              you: g.you,
              role: this.myRole(),
              people: roster.participants,
              locked: roster.locked,
              ...(roster.leader ? { leader: roster.leader } : {}),
              following: this.following,
            },
          }
        : {}),
    };
    const panel = togetherPanel(this.t, state, {
      start: (name) => this.connect(name, (conn, n) => conn.create(n, this.c.ex.id)),
      join: (code, name) => {
        const written = normaliseGroupCode(code);
        if (!written) return this.say(this.t.badCode);
        this.connect(name, (conn, n) => conn.join(written, n));
      },
      lock: (locked) => this.conn?.send({ type: 'lock', locked }),
      remove: (id) => this.conn?.send({ type: 'remove', id }),
      setRole: (id, role) => this.conn?.send({ type: 'role', id, role }),
      follow: (on) => {
        this.following = on;
        this.render();
        if (on) this.followLeader();
      },
      gather: () => this.gather(),
      end: () => this.conn?.send({ type: 'end' }),
      leave: () => this.conn?.leave(),
      say: (text) => this.conn?.send({ type: 'chat', text }),
    });
    if (!g) return panel;
    const v = this.voice.state();
    const voice = voiceSection(voiceWords(this.c.locale.lang), { on: v.on, talking: v.talking, leads: this.myRole() !== 'participant', ...(v.problem ? { problem: v.problem } : {}) }, {
      join: () => void this.voice.start(),
      leave: () => this.voice.stop(),
      talk: (on) => this.voice.talk(on),
      toggleMic: () => this.voice.toggleOpenMic(),
      muteAll: () => this.conn?.send({ type: 'mute-all' }),
    });
    // Voice before the chat (the chat is the last section).
    return [...panel.slice(0, -1), voice, ...panel.slice(-1)];
  }

  private say(message: string | undefined): void {
    this.message = message;
    this.render();
  }

  private connect(rawName: string, go: (conn: TogetherConnection, name: string) => void): void {
    const name = checkDisplayName(rawName);
    if (!name.ok) return this.say(this.t.badName);
    safeStorage(() => localStorage.setItem(NAME_KEY, name.text));
    this.connecting = true;
    this.message = undefined;
    this.conn = new TogetherConnection({
      message: (m) => this.receive(m),
      reconnecting: (on) => this.say(on ? this.t.reconnecting : undefined),
      closed: (why, refused) => this.closed(why, refused),
    });
    go(this.conn, name.text);
    this.render();
  }

  private receive(m: ServerMessage): void {
    switch (m.type) {
      case 'welcome':
        this.welcome = m;
        this.makeAvatars();
        this.connecting = false;
        this.message = undefined;
        this.voice.useIceServers(m.iceServers ?? []);
        this.setRoster(m.roster);
        this.voice.rejoined(); // after a dropped connection, the calls start again (nothing when voice is off)
        this.c.requestRender(); // a frame sends this person's presence (the view renders on demand)
        return;
      case 'roster':
        return this.setRoster(m);
      case 'presence':
        if (!this.presenceShown) return;
        for (const p of m.list) {
          if (p.id === this.welcome?.you) continue;
          this.presence.set(p.id, p);
          this.avatars?.update(p.id, this.names.get(p.id) ?? '', p.p, p.h);
        }
        this.drawDots();
        this.showPointers();
        if (m.list.some((p) => p.id === this.leaderId())) this.followLeader();
        return;
      case 'chat':
        this.chat.push({ name: m.name, text: m.text, at: m.at });
        return this.render();
      case 'open':
        return this.groupOpened(m.artwork, m.by);
      case 'gather':
        return this.gathered(m.artwork, m.by, m.order);
      case 'error':
        return this.say(m.message);
      case 'signal':
        return void this.voice.signal(m.from, m.kind, m.sdp);
      case 'mute-all':
        this.voice.mutedBy(m.by);
        this.notice(voiceWords(this.c.locale.lang).mutedBy.replace('{name}', this.nameOf(m.by)));
        return this.render();
      default:
        return; // refused, removed, ended: closed() says so
    }
  }

  private closed(why: RefusalReason | 'removed' | 'ended' | 'unreachable' | 'left', refused: boolean): void {
    const t = this.t;
    const r = t.refused;
    const words: Record<string, string> = {
      'no-such-group': r.noSuchGroup,
      locked: r.locked,
      // Removed now, or refused at the door because removed earlier.
      removed: refused ? r.removed : t.removed,
      full: r.full,
      ended: t.ended,
      'too-many-tries': r.tooManyTries,
      'bad-name': r.badName,
      unreachable: t.noServer,
    };
    // Nothing of the group is kept: names, positions and chat go with it, and the microphone is let go.
    this.voice.stop(false);
    this.welcome = undefined;
    this.roster = undefined;
    this.names.clear();
    this.connecting = false;
    this.chat.length = 0;
    this.headset.clear();
    for (const id of this.presence.keys()) this.avatars?.remove(id);
    this.presence.clear();
    this.avatars?.setPointers(new Map());
    this.plan.minimap?.setOverlay(KIND, undefined);
    this.say(why === 'left' ? undefined : (words[why] ?? r.other));
    this.c.status.announce(this.message ?? '');
  }

  private setRoster(r: RosterMessage): void {
    const before = this.roster?.leader;
    this.roster = r;
    this.names = new Map(r.participants.map((p) => [p.id, p.name]));
    for (const id of [...this.presence.keys()]) {
      if (!r.participants.some((p) => p.id === id && p.connected)) {
        this.presence.delete(id);
        this.avatars?.remove(id);
      }
    }
    this.avatars?.setLeader(r.leader);
    this.voice.roster(r);
    if (before && r.leader && before !== r.leader) {
      // The guide dropped and a co-guide leads, or the guide is back and leads again: followers go to them now.
      const name = r.participants.find((p) => p.id === r.leader)?.name ?? '';
      this.notice(this.c.locale.fill(this.t.leading, { name }));
      this.followLeader();
    }
    this.drawDots();
    this.render();
  }

  private myRole(): 'guide' | 'co-guide' | 'participant' {
    const you = this.welcome?.you;
    return this.roster?.participants.find((p) => p.id === you)?.role ?? this.welcome?.role ?? 'participant';
  }

  private leaderId(): string | undefined {
    return this.roster?.leader;
  }

  private nameOf(id: string): string {
    return this.names.get(id) ?? '';
  }

  private notice(text: string): void {
    this.chat.push({ name: '', text, at: Date.now(), notice: true });
    this.c.status.announce(text);
  }

  private workTitle(id: string): string | undefined {
    const a = this.c.ex.artworks.find((w) => w.id === id);
    return a ? this.c.locale.text(a.title) : undefined;
  }

  /**
   * The guide opened a work: followers open it too, in their own language, under their own mode's protocols and
   * with their own acknowledgements (together-open.ts): the preview's panel or the headset's shows the work, its
   * notice, or why it is not shown. In AR nothing opens by itself (the phone's view is the room's).
   */
  private groupOpened(artwork: string, by: string): void {
    const title = this.workTitle(artwork);
    const art = this.c.ex.artworks.find((w) => w.id === artwork);
    if (!title || !art || by === this.welcome?.you) return;
    const mode = this.c.state.mode;
    this.opened = { artwork, view: groupOpenedView(art, mode, (id) => this.c.acknowledged.has(id)) };
    this.notice(this.c.locale.fill(this.t.opened, { name: this.nameOf(by), work: title }));
    if (this.following && mode === 'preview') {
      this.openedForGroup = artwork;
      this.openArtwork(artwork);
    } else if (this.following && mode === 'vr') {
      this.openedForGroup = artwork;
      this.headset.open(artwork);
    }
    this.render();
  }

  /** Everyone but the one who called goes to their own place in front of the work. */
  private gathered(artwork: string, by: string, order: string[]): void {
    const title = this.workTitle(artwork);
    const you = this.welcome?.you;
    if (!title || !you || by === you) return;
    this.notice(this.c.locale.fill(this.t.gathered, { name: this.nameOf(by), work: title }));
    const slot = order.filter((id) => id !== by).indexOf(you);
    const spot = gatherSpot(this.c.ex, artwork, Math.max(0, slot));
    if (spot) this.moves.gather(spot);
    this.render();
  }

  private gather(): void {
    const artwork = this.c.state.selected ?? this.moves.nearestWork();
    if (!artwork) return this.say(this.t.noWorkNear);
    this.conn?.send({ type: 'gather', artwork });
  }

  /** Follows the leader's latest presence (together-follow.ts): to this member's place behind them. */
  private followLeader(): void {
    const leader = this.leaderId();
    const you = this.welcome?.you;
    if (!this.following || !leader || !you || leader === you) return;
    const lp = this.presence.get(leader);
    if (!lp) return;
    const order = (this.roster?.participants ?? []).filter((p) => p.id !== leader).map((p) => p.id);
    this.moves.follow(lp, Math.max(0, order.indexOf(you)));
  }

  /** The group's dots on the floor plan (together-dots.ts): one layer, kept, changed in place. */
  private drawDots(): void {
    const map = this.plan.minimap;
    if (!map) return;
    if (!this.welcome) return map.setOverlay(KIND, undefined);
    this.dots.update(this.presence, this.roster?.participants ?? [], this.leaderId());
    if (!this.dots.layer.isConnected) map.setOverlay(KIND, this.dots.layer);
  }

  /** Rings in front of the works the leader points at or has open (the guide's pointer is seen by all). */
  private showPointers(): void {
    const leader = this.leaderId();
    const lp = leader && leader !== this.welcome?.you ? this.presence.get(leader) : undefined;
    const at = lp?.pointer ?? lp?.selected;
    this.avatars?.setPointers(new Map(leader && at ? [[leader, at]] : []));
  }

  private workCentre(id: string): { centre: Vec3; normal: Vec3 } | undefined {
    const a = this.c.ex.artworks.find((w) => w.id === id);
    if (!a) return undefined;
    const pose = artworkPose(this.c.ex, a);
    const d: Vec2 = headingToDir(pose.heading);
    return { centre: [pose.position[0], artworkCentreY(a, pose), pose.position[2]], normal: [d[0], 0, d[1]] };
  }
}
