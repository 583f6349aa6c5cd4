/**
 * Light and shade laid over the room as flat quads (picture lights' pools on walls, objects' shade on plinths):
 * a room's quads merged into one mesh, one draw call a room, drawn by one small shader program blended over what
 * is beneath. No light source and no shadow map: the surfaces' own shading is untouched.
 */
import { Mesh } from '@babylonjs/core/Meshes/mesh';
import { VertexData } from '@babylonjs/core/Meshes/mesh.vertexData';
import { ShaderMaterial } from '@babylonjs/core/Materials/shaderMaterial';
import type { Scene } from '@babylonjs/core/scene';

/** One quad: four corners in world space, their (−1…1) coordinates, and a colour a corner (RGBA, 0–1). */
export interface FlatQuad {
  positions: number[];
  uvs: number[];
  colors: number[];
}

const VERTEX = `
precision highp float;
attribute vec3 position;
attribute vec2 uv;
attribute vec4 color;
uniform mat4 viewProjection;
varying vec2 vUV;
varying vec4 vColor;
void main(void) {
  vUV = uv;
  vColor = color;
  gl_Position = viewProjection * vec4(position, 1.0);
}`;

/**
 * A material for quads, blended over what is drawn beneath by `alphaMode` (a Babylon `Constants.ALPHA_…`): the
 * fragment shader gets `vUV` (−1…1 across the quad) and `vColor` (the corner's colour).
 */
export function flatQuadMaterial(name: string, scene: Scene, fragmentSource: string, alphaMode: number): ShaderMaterial {
  const m = new ShaderMaterial(name, scene, { vertexSource: VERTEX, fragmentSource }, {
    attributes: ['position', 'uv', 'color'],
    uniforms: ['viewProjection'],
    needAlphaBlending: true,
  });
  m.alphaMode = alphaMode;
  // Over a surface, never hiding what stands in front of it; seen from either side.
  m.disableDepthWrite = true;
  m.backFaceCulling = false;
  return m;
}

/** One mesh of quads (one draw call), not pickable, not colliding, never moving; undefined for none. */
export function buildFlatQuads(name: string, quads: FlatQuad[], scene: Scene, material: ShaderMaterial): Mesh | undefined {
  if (!quads.length) return undefined;
  const positions: number[] = [];
  const uvs: number[] = [];
  const colors: number[] = [];
  const indices: number[] = [];
  for (const q of quads) {
    const base = positions.length / 3;
    positions.push(...q.positions);
    uvs.push(...q.uvs);
    colors.push(...q.colors);
    indices.push(base, base + 1, base + 2, base, base + 2, base + 3);
  }
  const vd = new VertexData();
  vd.positions = positions;
  vd.uvs = uvs;
  vd.colors = colors;
  vd.indices = indices;
  const mesh = new Mesh(name, scene);
  vd.applyToMesh(mesh);
  mesh.material = material;
  mesh.isPickable = false;
  mesh.checkCollisions = false;
  mesh.hasVertexAlpha = false;
  mesh.freezeWorldMatrix();
  return mesh;
}
