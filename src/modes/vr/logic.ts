/**
 * The VR walkthrough's decisions that need no browser: where a visitor may land, how a snap turn
 * changes the heading, where a work's panel goes and how big it must be to read, where a tour stop
 * puts the visitor. Panel placement and story pages are the XR modes' (../xr/panel-logic.ts), re-exported here.
 * The Babylon side (vr-mode.ts) only applies them.
 */
import { dirToHeading } from '../../twin/floorplan';
import { EYE_HEIGHT, viewpoint, type ArtworkPose } from '../../twin/layout';
import type { Artwork, Exhibition, Vec3 } from '../../twin/schema';

// The panel maths is the XR modes' (AR shows the same panel): re-exported for VR's callers and tests.
export {
  captionAt,
  faceToward,
  MAX_PANEL_SCALE,
  MIN_TEXT_PER_METRE,
  panelFacing,
  panelPlacement,
  readableScale,
  storyPages,
  textPerMetre,
} from '../xr/panel-logic';

/** Snap-turn angles a visitor can choose; 45° is the default the issue asks for. */
export const SNAP_ANGLES = [30, 45, 60, 90] as const;
export const DEFAULT_SNAP_ANGLE = 45;

/** What the teleport ray can learn about a mesh. */
export interface MeshFacts {
  kind?: string;
  artworkId?: string;
  annotationId?: string;
  enabled: boolean;
  pickable: boolean;
  visible: boolean;
  collides: boolean;
}

/** Only walkable floors are teleport targets: never walls, plinths, works, panels or the space outside. */
export function isTeleportable(m: Pick<MeshFacts, 'kind' | 'enabled'>): boolean {
  return m.enabled && m.kind === 'floor';
}

/**
 * What stops the teleport ray before it reaches a floor: anything solid or visibly pickable that is not a
 * floor (walls, plinths, cases, works, the visitor's own panels). Ceilings and helpers that neither collide
 * nor are pickable let the ray through.
 */
export function blocksTeleport(m: MeshFacts): boolean {
  if (!m.enabled || m.kind === 'floor') return false;
  return m.collides || (m.pickable && m.visible);
}

/** Normalises degrees to [0, 360). */
export function normaliseHeading(h: number): number {
  const r = h % 360;
  return r < 0 ? r + 360 : Math.abs(r) < 1e-9 ? 0 : r;
}

/** The heading after one snap turn: `direction` 1 turns right (clockwise seen from above), −1 left. */
export function snapTurn(heading: number, direction: 1 | -1, angle = DEFAULT_SNAP_ANGLE): number {
  return normaliseHeading(heading + direction * angle);
}

/** The smallest signed difference b − a between two headings, in (−180, 180]. */
export function headingDelta(a: number, b: number): number {
  const d = normaliseHeading(b - a);
  return d > 180 ? d - 360 : d;
}

/** The next snap angle in the settings menu (cycles). */
export function nextSnapAngle(current: number): number {
  const i = SNAP_ANGLES.indexOf(current as (typeof SNAP_ANGLES)[number]);
  return SNAP_ANGLES[(i + 1) % SNAP_ANGLES.length]!;
}

/**
 * A heading (0 toward −z, 90 toward +x) as a rotation about +y in the right-handed scene, and back.
 * Rotating −z by θ gives (−sin θ, 0, −cos θ), so θ = −heading.
 */
export function headingToYaw(heading: number): number {
  return (-heading * Math.PI) / 180;
}

export function yawToHeading(yaw: number): number {
  return normaliseHeading((-yaw * 180) / Math.PI);
}

/** Seated mode never lifts the view by more than this (a visitor lying down is not what it is for). */
export const MAX_SEATED_LIFT = 0.9;

/**
 * Seated mode: how far to raise the view so a seated visitor's eyes are at standing eye height. Measured once
 * from the headset's height above the real floor when the mode is turned on (not every frame, so the view still
 * follows the visitor's own head movements up and down).
 */
export function seatedLift(headHeight: number, standingEye = EYE_HEIGHT): number {
  if (!(headHeight > 0)) return 0;
  return Math.min(Math.max(standingEye - headHeight, 0), MAX_SEATED_LIFT);
}

export interface StandPose {
  /** Feet on the floor. */
  position: Vec3;
  heading: number;
}

/** Where a tour stop puts the visitor: the work's comfortable viewpoint, feet on the floor, facing the work. */
export function stopPose(ex: Exhibition, art: Artwork, pose?: ArtworkPose): StandPose {
  const vp = viewpoint(ex, art, pose);
  const heading = dirToHeading([vp.target[0] - vp.eye[0], vp.target[2] - vp.eye[2]]);
  return { position: [vp.eye[0], vp.eye[1] - EYE_HEIGHT, vp.eye[2]], heading };
}

