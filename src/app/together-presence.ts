/**
 * This person's presence for the group: where they are — the headset in VR (src/modes/vr/together.ts), the phone
 * in AR brought back into the twin's coordinates (src/modes/ar/together.ts), else the preview's camera — and
 * sending it as they move.
 */
import { PointerEventTypes } from '@babylonjs/core/Events/pointerEvents';
import type { Scene } from '@babylonjs/core/scene';
import { PRESENCE_INTERVAL_MS, type Presence } from '../twin/together/protocol';
import { PresenceThrottle } from '../twin/together/smoothing';
import { artworkIdOf } from '../scene/artworks';
import { arPresence, arRegistrationRoot } from '../modes/ar/together';
import type { VrGroupFollower } from '../modes/vr/together';
import type { VisitContext } from './context';

/** Where this person is now, or nothing before there is a view. */
function presenceNow(c: VisitContext, vr: VrGroupFollower, scene: Scene): Presence | undefined {
  const inVr = vr.presence();
  if (inVr) return inVr;
  const arRoot = c.state.mode === 'ar' ? arRegistrationRoot(scene) : undefined;
  if (arRoot) return arPresence(scene, arRoot, c.ex);
  const preview = c.preview;
  if (!preview) return undefined;
  const pose = preview.pose();
  const room = preview.currentRoom();
  return { p: pose.position, h: pose.heading, ...(room ? { room } : {}) };
}

/**
 * Sends this person's presence from rendered frames (the view renders on demand; a move renders): at most every
 * PRESENCE_INTERVAL_MS and only when it changed, with the work under their mouse (picked at most as often) and
 * the work they have open. `joined`: in a group now.
 */
export function sendPresenceFromFrames(c: VisitContext, vr: VrGroupFollower, scene: Scene, joined: () => boolean, send: (p: Presence) => void): { frameMs: number } {
  /** The CPU time (ms) frames spent on it since the start: what the page bench reads. */
  const cost = { frameMs: 0 };
  const throttle = new PresenceThrottle<Presence>(PRESENCE_INTERVAL_MS, (p) => JSON.stringify(p));
  let pointer: string | undefined;
  scene.onAfterRenderObservable.add(() => {
    if (!joined()) return;
    const t0 = performance.now();
    const where = presenceNow(c, vr, scene);
    if (where) {
      const selected = c.state.selected;
      const p: Presence = { ...where, ...(pointer ? { pointer } : {}), ...(selected ? { selected } : {}) };
      if (throttle.offer(t0, p)) send(p);
    }
    cost.frameMs += performance.now() - t0;
  });
  let lastPick = 0;
  scene.onPointerObservable.add((info) => {
    if (info.type !== PointerEventTypes.POINTERMOVE || !joined()) return;
    const now = performance.now();
    if (now - lastPick < PRESENCE_INTERVAL_MS) return;
    lastPick = now;
    const hit = scene.pick(scene.pointerX, scene.pointerY, (m) => m.isPickable && m.isEnabled());
    pointer = hit?.pickedMesh ? artworkIdOf(hit.pickedMesh) : undefined;
  });
  return cost;
}
