/**
 * Voice in a group visit: WebRTC audio between the members who turn voice on, peer to peer (a full mesh: each
 * pair one RTCPeerConnection). The server only relays each pair's offer and answer over `/together`
 * (src/server/together/together.ts); no media goes through it and no third-party server is asked: without ICE
 * servers the browsers connect by their own addresses, which works on one network. Across the internet a museum
 * needs its own TURN server, which the server names in each welcome (MUSEUM_ICE_SERVERS, docs/together.md). Candidates are gathered before an offer or answer is sent (no
 * trickle): two messages a pair, well inside the server's flood guard.
 *
 * Who offers: of each pair, the member with the later id (`p7` after `p3`), so two never offer to each other.
 * Microphones start muted: participants push to talk (hold the button, or Space on it); the guide and co-guides
 * may leave theirs open. `mute-all` from a guide mutes everyone else.
 */
import type { ClientMessage, RosterMessage } from '../twin/together/protocol';

interface PeerLink {
  pc: RTCPeerConnection;
  audio: HTMLAudioElement;
  bytesReceived: number;
}

export interface VoiceState {
  on: boolean;
  talking: boolean;
  peers: { id: string; connection: RTCPeerConnectionState; tracks: number; bytesReceived: number }[];
  /** Why voice could not start (no microphone, permission refused). */
  problem?: string;
}

const order = (id: string) => Number(id.replace(/^\D+/, '')) || 0;

/** Resolves once the connection has gathered its candidates (they then travel inside the description). */
function gathered(pc: RTCPeerConnection): Promise<void> {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      if (pc.iceGatheringState !== 'complete') return;
      pc.removeEventListener('icegatheringstatechange', done);
      resolve();
    };
    pc.addEventListener('icegatheringstatechange', done);
  });
}

export class TogetherVoice {
  private stream?: MediaStream;
  private readonly peers = new Map<string, PeerLink>();
  private talking = false;
  private problem?: string;
  private stats?: ReturnType<typeof setInterval>;
  private readonly box = document.createElement('div');
  private iceServers: RTCIceServer[] = [];

  constructor(
    private readonly send: (m: ClientMessage) => void,
    private readonly you: () => string | undefined,
    private readonly changed: () => void,
  ) {
    this.box.hidden = true;
    this.box.className = 'together-voice-audio';
  }

  /** The ICE servers the server gave in its welcome (MUSEUM_ICE_SERVERS: the museum's own TURN); none on one network. */
  useIceServers(servers: RTCIceServer[]): void {
    this.iceServers = servers;
  }

  get on(): boolean {
    return !!this.stream;
  }

  /** Asks for the microphone (muted until the person talks) and joins the group's voice chat. */
  async start(): Promise<void> {
    if (this.stream) return;
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true }, video: false });
    } catch (e) {
      this.problem = e instanceof Error ? e.name : 'error';
      this.changed();
      return;
    }
    delete this.problem;
    this.setMic(false);
    if (!this.box.isConnected) document.body.append(this.box);
    this.stats = setInterval(() => void this.measure(), 1000);
    this.send({ type: 'voice', on: true });
    this.changed();
  }

  /** Leaves the voice chat: every connection closed, the microphone released. */
  stop(tell = true): void {
    for (const id of [...this.peers.keys()]) this.drop(id);
    for (const t of this.stream?.getTracks() ?? []) t.stop();
    this.stream = undefined;
    this.talking = false;
    if (this.stats) clearInterval(this.stats);
    if (tell) this.send({ type: 'voice', on: false });
    this.changed();
  }

  /** Back after a dropped connection: the server let go of this person's voice, so the calls start again. */
  rejoined(): void {
    if (!this.stream) return;
    for (const id of [...this.peers.keys()]) this.drop(id);
    this.send({ type: 'voice', on: true });
  }

  /** Push to talk: on while held. Released anywhere (the drawer may redraw under the finger). */
  talk(on: boolean): void {
    if (!this.stream || on === this.talking) return;
    this.setMic(on);
    if (on) {
      const release = (e: Event) => {
        if (e instanceof KeyboardEvent && e.key !== ' ' && e.key !== 'Enter') return;
        for (const [type, f] of listeners) window.removeEventListener(type, f);
        this.talk(false);
      };
      const listeners: [string, (e: Event) => void][] = ['pointerup', 'pointercancel', 'keyup', 'blur'].map((type) => [type, release]);
      for (const [type, f] of listeners) window.addEventListener(type, f);
    }
  }

  /** An open microphone (guides), until toggled off or muted by a guide. */
  toggleOpenMic(): void {
    if (this.stream) this.setMic(!this.talking);
  }

  /** A guide muted everyone (but themselves). */
  mutedBy(by: string): void {
    if (by !== this.you()) this.setMic(false);
  }

  /** The roster: connect to every member newly in voice (when it is this side's turn to offer), drop those gone. */
  roster(r: RosterMessage): void {
    const you = this.you();
    if (!this.stream || !you) return;
    const inVoice = new Set(r.participants.filter((p) => p.voice && p.connected && p.id !== you).map((p) => p.id));
    for (const id of [...this.peers.keys()]) if (!inVoice.has(id)) this.drop(id);
    for (const id of inVoice) if (!this.peers.has(id) && order(you) > order(id)) void this.offer(id);
  }

  /** An offer or answer from another member, relayed by the server. */
  async signal(from: string, kind: 'offer' | 'answer', sdp: string): Promise<void> {
    if (!this.stream) return;
    try {
      if (kind === 'offer') {
        this.drop(from); // a new offer replaces the pair's connection (the other side reconnected)
        const link = this.link(from);
        await link.pc.setRemoteDescription({ type: 'offer', sdp });
        await link.pc.setLocalDescription(await link.pc.createAnswer());
        await gathered(link.pc);
        this.send({ type: 'signal', to: from, kind: 'answer', sdp: link.pc.localDescription!.sdp });
      } else {
        await this.peers.get(from)?.pc.setRemoteDescription({ type: 'answer', sdp });
      }
    } catch {
      this.drop(from); // a description this browser cannot use: no call with that person, the rest go on
      this.changed();
    }
  }

  state(): VoiceState {
    return {
      on: this.on,
      talking: this.talking,
      peers: [...this.peers].map(([id, l]) => ({ id, connection: l.pc.connectionState, tracks: l.pc.getReceivers().filter((r) => r.track.kind === 'audio' && r.track.readyState === 'live').length, bytesReceived: l.bytesReceived })),
      ...(this.problem ? { problem: this.problem } : {}),
    };
  }

  private setMic(on: boolean): void {
    for (const t of this.stream?.getAudioTracks() ?? []) t.enabled = on;
    this.talking = on && !!this.stream;
    this.changed();
  }

  private async offer(id: string): Promise<void> {
    const link = this.link(id);
    try {
      await link.pc.setLocalDescription(await link.pc.createOffer());
      await gathered(link.pc);
      if (this.peers.get(id) === link) this.send({ type: 'signal', to: id, kind: 'offer', sdp: link.pc.localDescription!.sdp });
    } catch {
      this.drop(id);
    }
  }

  private link(id: string): PeerLink {
    const pc = new RTCPeerConnection({ iceServers: this.iceServers });
    for (const t of this.stream!.getAudioTracks()) pc.addTrack(t, this.stream!);
    const audio = document.createElement('audio');
    audio.autoplay = true;
    audio.dataset.person = id;
    this.box.append(audio);
    pc.addEventListener('track', (e) => {
      audio.srcObject = e.streams[0] ?? new MediaStream([e.track]);
      this.changed();
    });
    pc.addEventListener('connectionstatechange', () => this.changed());
    const link: PeerLink = { pc, audio, bytesReceived: 0 };
    this.peers.set(id, link);
    return link;
  }

  private drop(id: string): void {
    const l = this.peers.get(id);
    if (!l) return;
    l.pc.close();
    l.audio.srcObject = null;
    l.audio.remove();
    this.peers.delete(id);
  }

  /** Bytes of audio received from each member (what shows that sound arrives, for people and tests alike). */
  private async measure(): Promise<void> {
    for (const l of this.peers.values()) {
      const report = await l.pc.getStats();
      report.forEach((s: { type: string; kind?: string; bytesReceived?: number }) => {
        if (s.type === 'inbound-rtp' && s.kind === 'audio') l.bytesReceived = s.bytesReceived ?? 0;
      });
    }
  }
}
