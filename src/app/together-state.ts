/**
 * What a group visit shows to the journeys and the page bench (window.museumTwin.together() and
 * presenceCost()): the manager's state as data, without the manager.
 */
import type { Vec3 } from '../twin/schema';
import type { VoiceState } from './together-voice';
import type { GroupOpenedView } from './together-open';

/** What the journeys read (window.museumTwin.together()). */
export interface TogetherState {
  code?: string;
  you?: string;
  role?: string;
  leader?: string;
  following: boolean;
  people: { id: string; name: string; role: string; connected: boolean }[];
  /** Avatars drawn (preview, VR and AR share them), with their feet positions. */
  avatars: { id: string; position: Vec3 }[];
  /** A move to follow or gather is under way or waiting (a glide in the preview, a fade in VR). */
  moving: boolean;
  /** Fades a VR follower made to follow or gather. */
  vrFades: number;
  /** The last work opened for the group by someone else, and what this member's own mode and acknowledgements show of it. */
  opened?: { artwork: string; view: GroupOpenedView };
  voice: VoiceState;
  message?: string;
}

/**
 * For the page bench (bench/together-page.ts): whether the group is drawn and its presence taken in, and the
 * presence code's own time since the start (ms): in frames (the avatars placed, this person's presence sent), and
 * taking batches in (read and handled: avatars, floor-plan dots, pointers, following).
 */
export interface PresenceCost {
  shown: boolean;
  frameMs: number;
  receiveMs: number;
  batches: number;
}
