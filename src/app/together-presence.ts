/**
 * Where this person is, for the group: the headset in VR (src/modes/vr/together.ts), the phone in AR brought back
 * into the twin's coordinates (src/modes/ar/together.ts), else the preview's camera.
 */
import type { Scene } from '@babylonjs/core/scene';
import type { Presence } from '../twin/together/protocol';
import { arPresence, arRegistrationRoot } from '../modes/ar/together';
import type { VrGroupFollower } from '../modes/vr/together';
import type { VisitContext } from './context';

export function presenceNow(c: VisitContext, vr: VrGroupFollower, scene: Scene): Presence | undefined {
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
