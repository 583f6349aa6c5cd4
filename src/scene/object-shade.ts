/**
 * Objects' contact shade on their plinths (the baked tiers): the soft darkening round the foot of a vase or a bust
 * where it stands on its plinth's top, as a gallery's light from above leaves it. Objects do not move, so it is
 * baked as geometry from their catalogued footprint: one flat quad per object on the plinth's top, all of a room's
 * merged into one mesh (one draw call a room), multiplied over the plinth. The floor round a plinth, and round an
 * object standing on the floor, is already shaded in the floor's lightmap (baked-ao.ts).
 * Drawn because the real-time shadow map (shadows.ts) draws nothing in software WebGL; it needs no light.
 */
import type { Mesh } from '@babylonjs/core/Meshes/mesh';
import type { ShaderMaterial } from '@babylonjs/core/Materials/shaderMaterial';
import { Constants } from '@babylonjs/core/Engines/constants';
import type { Scene } from '@babylonjs/core/scene';
import { headingToDir } from '../twin/floorplan';
import type { ArtworkPose } from '../twin/layout';
import type { ObjectArtwork } from '../twin/schema';
import { buildFlatQuads, flatQuadMaterial, type FlatQuad } from './flat-quads';

/** A plinth's top beyond the object's own footprint (artworks.ts builds it so), and the shade's gap to its edge. */
const PLINTH_MARGIN = 0.25;
const EDGE_GAP = 0.02;
/** How dark the plinth is drawn at the object's foot (a share taken away), fading to nothing outward. */
export const SHADE_DEPTH = 0.45;
/** Above the plinth's top by this much, so the shade never fights it for depth. */
const ABOVE = 0.002;

/** One object's shade: a square on its plinth's top, and where in it the object's own footprint ends. */
export interface ShadeQuad {
  centre: [number, number, number];
  /** Half the square's side (metres), within the plinth's top. */
  half: number;
  /** The object's footprint radius as a share of `half` (darkest there, none at 1). */
  inner: number;
  /** The square's turn about the vertical, as the plinth's. */
  angle: number;
}

/** The shade of an object on a plinth or in a case (undefined for one standing on the floor). */
export function shadeQuad(art: ObjectArtwork, pose: ArtworkPose): ShadeQuad | undefined {
  if (art.display === 'none') return undefined;
  const { width, depth = width } = art.dimensions;
  const half = (Math.max(width, depth) + PLINTH_MARGIN) / 2 - EDGE_GAP;
  const foot = Math.min(width, depth) / 2;
  const [fx, fz] = headingToDir(pose.heading);
  return {
    centre: [pose.position[0], pose.position[1] + art.plinthHeight + ABOVE, pose.position[2]],
    half,
    inner: Math.min(foot / half, 0.95),
    angle: Math.atan2(fx, fz),
  };
}

// Darkest at the object's foot, falling off smoothly to nothing at the square's inscribed circle.
const FRAGMENT = `
precision highp float;
varying vec2 vUV;
varying vec4 vColor;
void main(void) {
  // The object's footprint radius comes in the quad's colour (red).
  float inner = vColor.r;
  float t = clamp((length(vUV) - inner) / max(1.0 - inner, 0.001), 0.0, 1.0);
  float shade = ${SHADE_DEPTH.toFixed(3)} * (1.0 - t) * (1.0 - t);
  gl_FragColor = vec4(vec3(1.0 - shade), 1.0);
}`;

/** The one material every room's shades share (one shader program, on the baked tiers only). */
export function shadeMaterial(scene: Scene): ShaderMaterial {
  // Multiplied over what is drawn beneath (the plinth): it darkens, never lightens, and keeps the plinth's hue.
  return flatQuadMaterial('object-shade', scene, FRAGMENT, Constants.ALPHA_MULTIPLY);
}

/** A shade's quad: its square turned as the plinth, the object's footprint radius in its colour. */
function shadeCorners(q: ShadeQuad): FlatQuad {
  const c = Math.cos(q.angle);
  const s = Math.sin(q.angle);
  const quad: FlatQuad = { positions: [], uvs: [], colors: [] };
  for (const [u, v] of [[-1, -1], [1, -1], [1, 1], [-1, 1]] as const) {
    const x = u * q.half;
    const z = v * q.half;
    quad.positions.push(q.centre[0] + x * c + z * s, q.centre[1], q.centre[2] - x * s + z * c);
    quad.uvs.push(u, v);
    quad.colors.push(q.inner, 0, 0, 1);
  }
  return quad;
}

/** One mesh of a room's shades (one draw call), not pickable, not colliding; undefined when it has none. */
export function buildShades(name: string, quads: ShadeQuad[], scene: Scene, material: ShaderMaterial): Mesh | undefined {
  return buildFlatQuads(name, quads.map(shadeCorners), scene, material);
}
