/**
 * Picture lights: the soft pool each painting's light throws on the wall around it, brightest just above the
 * work and falling off to nothing. Drawn cheaply, as the gallery's light designer would see it in a render: one
 * quad per painting behind it on the wall, all of a room's quads merged into one mesh (one draw call a room),
 * screen-blended over the wall. The screen blend's colour is solved for the brightening a real pool gives
 * (poolColour): light added in proportion to the wall's own drawn level, so a white wall shows its pool as
 * clearly as a dark one, in the wall's hue, and stops short of blowing out to white.
 * No light source and no shadow map: the wall's own shading is untouched.
 */
import type { Mesh } from '@babylonjs/core/Meshes/mesh';
import type { ShaderMaterial } from '@babylonjs/core/Materials/shaderMaterial';
import { Constants } from '@babylonjs/core/Engines/constants';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import type { Scene } from '@babylonjs/core/scene';
import { headingToDir } from '../twin/floorplan';
import type { ArtworkPose } from '../twin/layout';
import type { Painting } from '../twin/schema';
import { buildFlatQuads, flatQuadMaterial, type FlatQuad } from './flat-quads';

/** Warm white of a 3000 K picture light, linear. */
const WARM = new Color3(1, 0.9, 0.76);
/** The pool reaches this far beyond the frame at the sides, and above and below it (metres). */
const SPREAD = { side: 0.8, above: 1.0, below: 0.7 };
/** In front of the wall's face by this much, so the pool never fights the wall for depth. */
const OFF_WALL = 0.006;

export interface PoolSpec {
  art: Painting;
  pose: ArtworkPose;
  /** Strength, 0–1 (light-levels.ts). */
  pool: number;
  /** The wall's colour (linear), so the pool keeps its hue. */
  wall: Color3;
  /** The room's drawn ambient level (light-levels.ts), which sets how bright the wall is drawn. */
  ambient: number;
}

/**
 * A lit wall's drawn level per channel, 0–1 on screen, on the baked tiers: its linear colour × the room's ambient
 * level × what the sky light, the environment and the works' exposure give a wall, in sRGB. Measured from the
 * looks bench's baked views: the hall's #eeeae2 walls at ambient 0.9 draw at 0.82 (a gain of 0.83), the
 * cabinet's #3f5566 at 0.62 a little darker than 0.8 would say (corner shade).
 */
const WALL_GAIN = 0.8;
const toScreen = (linear: number): number => (linear <= 0.0031308 ? 12.92 * linear : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055);
/** How much a pool of strength 1 brightens a wall at its centre: a share of the wall's own level and a little more. */
const LIFT = { relative: 0.55, absolute: 0.3 };
/** The screen blend's colour never goes past this: the pool's centre stays just short of white. */
const MAX_SCREEN = 0.9;

/**
 * The colour a pool is screen-blended with at its centre (s + d·(1−s)): solved for a brightening Δ that grows with
 * the wall's own level d (light reflected in proportion to the wall's colour, as a real picture light's is), warm
 * white. Per channel, so the wall keeps its hue.
 */
export function poolColour(wall: Color3, ambient: number, pool: number): [number, number, number] {
  return ([wall.r, wall.g, wall.b] as const).map((c, i) => {
    const d = Math.min(toScreen(Math.min(c * ambient * WALL_GAIN, 1)), 0.97);
    const lift = pool * (LIFT.relative * d + LIFT.absolute) * [WARM.r, WARM.g, WARM.b][i]!;
    return Math.min(lift / (1 - d), MAX_SCREEN);
  }) as [number, number, number];
}

// A soft ellipse, strongest a little above the middle (the light hangs above the frame), zero at the quad's edge.
const FRAGMENT = `
precision highp float;
varying vec2 vUV;
varying vec4 vColor;
void main(void) {
  vec2 p = vec2(vUV.x, (vUV.y - 0.15) * 1.1);
  float r2 = dot(p, p);
  float f = max(exp(-2.2 * r2) - exp(-2.2), 0.0) / (1.0 - exp(-2.2));
  f *= 0.85 + 0.25 * clamp(vUV.y, -1.0, 1.0);
  gl_FragColor = vec4(vColor.rgb * f, 1.0);
}`;

/** The one material every room's pools share (one shader program), screen-blended over the wall. */
export function poolMaterial(scene: Scene): ShaderMaterial {
  return flatQuadMaterial('picture-light-pool', scene, FRAGMENT, Constants.ALPHA_SCREENMODE);
}

/** The four corners and colour of one painting's pool, in world space. */
export function poolQuad(spec: PoolSpec): FlatQuad {
  const { art, pose } = spec;
  const [fx, fz] = headingToDir(pose.heading);
  // Along the wall, to the visitor's right when facing the work: facing × up.
  const rx = -fz;
  const rz = fx;
  const fw = art.frame.style === 'none' ? 0 : art.frame.width;
  const halfW = art.dimensions.width / 2 + fw + SPREAD.side;
  const top = art.dimensions.height / 2 + fw + SPREAD.above;
  const bottom = -(art.dimensions.height / 2 + fw + SPREAD.below);
  // Back from the canvas to the wall's face (layout.ts hangs the canvas half its depth plus 3 cm off the wall).
  const back = (art.dimensions.depth ?? 0.04) / 2 + 0.03 - OFF_WALL;
  const [cx, cy, cz] = pose.position;
  const ox = cx - fx * back;
  const oz = cz - fz * back;
  const positions: number[] = [];
  const uvs: number[] = [];
  for (const [s, y, u, v] of [
    [-1, bottom, -1, -1],
    [1, bottom, 1, -1],
    [1, top, 1, 1],
    [-1, top, -1, 1],
  ] as const) {
    positions.push(ox + rx * s * halfW, cy + y, oz + rz * s * halfW);
    uvs.push(u, v);
  }
  const c = poolColour(spec.wall, spec.ambient, spec.pool);
  const colors: number[] = [];
  for (let i = 0; i < 4; i++) colors.push(c[0]!, c[1]!, c[2]!, 1);
  return { positions, uvs, colors };
}

/** One mesh of a room's pools (one draw call), not pickable, not colliding. */
export function buildPools(name: string, specs: PoolSpec[], scene: Scene, material: ShaderMaterial): Mesh | undefined {
  return buildFlatQuads(name, specs.filter((s) => s.pool > 0).map(poolQuad), scene, material);
}
