/**
 * World-space panels in an immersive mode (VR, and AR without a DOM overlay), with no browser: where a work's
 * panel goes beside it, how it turns and grows to stay readable as the visitor moves, how a long story is split
 * into pages, which caption shows. The Babylon side (world-panel.ts and the modes) only applies them.
 */
import { headingToDir, pointInPolygon } from '../../twin/floorplan';
import type { ArtworkPose } from '../../twin/layout';
import type { Vec2, Vec3 } from '../../twin/schema';
import { inlineText, parseRichText } from '../../twin/richtext';

/** Text on a world-space panel must be at least this tall per metre of viewing distance. */
export const MIN_TEXT_PER_METRE = 0.015;

/** The yaw that turns a panel's +z (its readable face) toward a point. RotationY maps +z to (sin θ, 0, cos θ). */
export function faceToward(from: Vec2, to: Vec2): number {
  return Math.atan2(to[0] - from[0], to[1] - from[1]);
}

/** How much to enlarge a panel so its smallest text (in metres at scale 1) stays readable at `distance`. */
export function readableScale(distance: number, smallestText: number): number {
  return Math.max(1, (MIN_TEXT_PER_METRE * distance) / smallestText);
}

export interface PanelSize {
  width: number;
  height: number;
  /** Height of the smallest text on the panel, in metres, at scale 1. */
  smallestText: number;
}

export interface PanelPlacement {
  /** Where it goes at scale 1; `centre` rises from here when the panel must grow. */
  anchor: Vec3;
  floorY: number;
  centre: Vec3;
  /** Rotation about +y (radians) so the panel's face looks at the visitor. */
  yaw: number;
  scale: number;
  side: 'right' | 'left' | 'front';
}

function insideWithMargin(p: Vec2, poly: Vec2[] | undefined, margin: number): boolean {
  if (!poly) return true;
  const probes: Vec2[] = [p, [p[0] + margin, p[1]], [p[0] - margin, p[1]], [p[0], p[1] + margin], [p[0], p[1] - margin]];
  return probes.every((q) => pointInPolygon(q, poly));
}

/**
 * Beside the work, on the visitor's right (or left when the right runs into a wall), a little out from the
 * wall, centred a little below eye height, turned to face the visitor, and enlarged if the visitor stands
 * far enough away that its text would be too small to read.
 */
export function panelPlacement(opts: {
  work: Pick<ArtworkPose, 'position' | 'heading'>;
  /** Width of the work (metres) along its face. */
  workWidth: number;
  /** Floor height under the work's viewing area. */
  floorY: number;
  /** The visitor's eye. */
  viewer: Vec3;
  room?: Vec2[];
  panel: PanelSize;
}): PanelPlacement {
  const f = headingToDir(opts.work.heading);
  // The visitor looks along −f; their right is (f.z, −f.x).
  const right: Vec2 = [f[1], -f[0]];
  const base: Vec2 = [opts.work.position[0], opts.work.position[2]];
  const side = opts.workWidth / 2 + 0.15 + opts.panel.width / 2;
  const out = 0.35;
  const candidates: [PanelPlacement['side'], Vec2][] = [
    ['right', [base[0] + right[0] * side + f[0] * out, base[1] + right[1] * side + f[1] * out]],
    ['left', [base[0] - right[0] * side + f[0] * out, base[1] - right[1] * side + f[1] * out]],
    ['front', [base[0] + f[0] * 1.0 + right[0] * 0.4, base[1] + f[1] * 1.0 + right[1] * 0.4]],
  ];
  const margin = opts.panel.width / 2 + 0.05;
  const [chosenSide, at] = candidates.find(([, p]) => insideWithMargin(p, opts.room, margin)) ?? candidates[2]!;
  const centreY = opts.floorY + Math.min(Math.max(opts.viewer[1] - opts.floorY - 0.2, 1.2), 1.6);
  const anchor: Vec3 = [at[0], centreY, at[1]];
  const { centre, yaw, scale } = panelFacing({ anchor, floorY: opts.floorY, viewer: opts.viewer, panel: opts.panel });
  return { anchor, floorY: opts.floorY, centre, yaw, scale, side: chosenSide };
}

/** A panel never grows past this: beyond it the visitor is better served by walking closer. */
export const MAX_PANEL_SCALE = 3;

/**
 * How a placed panel follows the visitor as they move (every frame in VR): it stays where it was put
 * (`anchor`, its centre at scale 1), turns about the vertical to face the visitor's eye, grows so its
 * smallest text stays at least 1.5 cm per metre of distance, and rises as it grows so it never dips into the
 * floor. Past MAX_PANEL_SCALE it cannot stay readable: `readable` is then false (the visitor has walked away
 * from the work, and the VR mode closes its panel).
 */
export function panelFacing(opts: { anchor: Vec3; floorY: number; viewer: Vec3; panel: PanelSize }): Pick<PanelPlacement, 'centre' | 'yaw' | 'scale'> & { distance: number; readable: boolean } {
  const [x, y, z] = opts.anchor;
  const [vx, vy, vz] = opts.viewer;
  let scale = 1;
  let centreY = y;
  let distance = Math.hypot(x - vx, y - vy, z - vz);
  // Rising moves the centre, which changes the distance: a few rounds settle both (each only grows).
  for (let i = 0; i < 4; i++) {
    scale = Math.min(readableScale(distance, opts.panel.smallestText), MAX_PANEL_SCALE);
    centreY = Math.max(y, opts.floorY + (opts.panel.height * scale) / 2 + 0.05);
    distance = Math.hypot(x - vx, centreY - vy, z - vz);
  }
  const readable = textPerMetre(opts.panel.smallestText * scale, distance) >= MIN_TEXT_PER_METRE - 1e-9;
  return { centre: [x, centreY, z], yaw: faceToward([x, z], [vx, vz]), scale, distance, readable };
}

/** Text height per metre of viewing distance: what MIN_TEXT_PER_METRE bounds from below. */
export function textPerMetre(textHeight: number, distance: number): number {
  return distance > 0 ? textHeight / distance : Infinity;
}

/**
 * Splits a backstory (the safe rich-text subset) into plain-text pages of at most `maxChars`, breaking at
 * paragraphs, then sentences, then words. Markup never reaches the panel as markup: links keep their text.
 */
export function storyPages(src: string, maxChars = 520): string[] {
  const paragraphs = parseRichText(src)
    .map((b) => inlineText(b.children).trim())
    .filter(Boolean);
  const pieces: string[] = [];
  for (const p of paragraphs) {
    if (p.length <= maxChars) {
      pieces.push(p);
      continue;
    }
    let chunk = '';
    for (const s of p.match(/[^.!?…]+[.!?…]*\s*/g) ?? [p]) {
      for (const part of s.length > maxChars ? (s.match(new RegExp(`.{1,${maxChars}}(\\s|$)`, 'g')) ?? [s]) : [s]) {
        if (chunk && (chunk + part).length > maxChars) {
          pieces.push(chunk.trim());
          chunk = '';
        }
        chunk += part;
      }
    }
    if (chunk.trim()) pieces.push(chunk.trim());
  }
  const pages: string[] = [];
  let page = '';
  for (const piece of pieces) {
    if (page && page.length + 2 + piece.length > maxChars) {
      pages.push(page);
      page = '';
    }
    page = page ? `${page}\n\n${piece}` : piece;
  }
  if (page) pages.push(page);
  return pages.length ? pages : [''];
}

/** The caption showing at `time` (seconds), or ''. */
export function captionAt(cues: { start: number; end: number; text: string }[], time: number): string {
  return cues.find((c) => time >= c.start && time < c.end)?.text ?? '';
}
