/**
 * Visit together in AR. In AR the twin hangs under the registration root (occluders.ts names it `ar-root`) so it
 * lines up with the real room, and draws depth only; the group's avatars hang under the same root and keep their
 * colours, so the guide is seen where they stand in the twin, over the camera image. This person's presence is
 * the phone's camera brought back into the twin's coordinates.
 */
import { Matrix, Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { TransformNode } from '@babylonjs/core/Meshes/transformNode';
import type { Scene } from '@babylonjs/core/scene';
import { dirToHeading, roomAt } from '../../twin/floorplan';
import { EYE_HEIGHT } from '../../twin/layout';
import type { Exhibition } from '../../twin/schema';
import type { Presence } from '../../twin/together/protocol';

/** The registration root's name (ArOccluders creates it with the AR mode, and keeps it for the mode's life). */
export const AR_ROOT = 'ar-root';

/** The registration root while the AR mode exists. */
export function arRegistrationRoot(scene: Scene): TransformNode | undefined {
  return scene.getTransformNodeByName(AR_ROOT) ?? undefined;
}

/** Where the phone is in the twin (feet below the camera at eye height) and which way it looks. */
export function arPresence(scene: Scene, root: TransformNode, ex: Exhibition): Presence | undefined {
  const cam = scene.activeCamera;
  if (!cam) return undefined;
  cam.computeWorldMatrix(); // globalPosition is the one of the last computed matrix
  const toTwin = Matrix.Invert(root.computeWorldMatrix(true));
  const eye = Vector3.TransformCoordinates(cam.globalPosition, toTwin);
  const ahead = Vector3.TransformNormal(cam.getDirection(Vector3.Forward(scene.useRightHandedSystem)), toTwin);
  if (Math.hypot(ahead.x, ahead.z) < 1e-3) return undefined; // looking straight down: no heading
  const room = roomAt(ex.space.rooms, [eye.x, eye.z])?.id;
  return { p: [eye.x, Math.max(0, eye.y - EYE_HEIGHT), eye.z], h: dirToHeading([ahead.x, ahead.z]), ...(room ? { room } : {}) };
}
