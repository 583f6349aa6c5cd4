/**
 * The works' own surroundings on the baked tiers: plinths, wall labels and frames in their room's light (in a dim
 * cabinet they are as dim as its walls, not lit from within), oak frames with wood grain, and canvases with a
 * varnish's satin gloss that reflects the room (the exhibition's environment map). A room's works may be built long
 * after the first frame, so meshes are dressed as they arrive. Only uniforms, a texture and copies of materials
 * change, on the baked tiers alone: the `plain` tier (software renderers, the test suite) keeps every mesh as built
 * and compiles no new shader.
 */
import { Color4 } from '@babylonjs/core/Maths/math.color';
import { VertexBuffer } from '@babylonjs/core/Buffers/buffer';
import { PBRMaterial } from '@babylonjs/core/Materials/PBR/pbrMaterial';
import type { RawTexture } from '@babylonjs/core/Materials/Textures/rawTexture';
import type { AbstractMesh } from '@babylonjs/core/Meshes/abstractMesh';
import type { InstancedMesh } from '@babylonjs/core/Meshes/instancedMesh';
import { Mesh } from '@babylonjs/core/Meshes/mesh';
// Instances' own buffers (registerInstancedBuffer) come with Babylon's instanced mesh module.
import '@babylonjs/core/Meshes/instancedMesh';
import type { Scene } from '@babylonjs/core/scene';
import type { Exhibition } from '../twin/schema';
import { artworkPose } from '../twin/layout';
import { labelOf } from './labels';
import { barUVs, grainMean, grainTexels, grainTexture } from './materials-grain';
import type { RoomLight } from './light-levels';
import { SHADOW_SHARE } from './shadow-light';

/** Plinths' painted board on the baked tiers, as a share of the plain tier's colour (linear). */
const PLINTH_SHADE = 0.85;
/** light-levels.ts draws ordinary gallery light (150 lx) at this ambient level: surroundings there keep their colour. */
const GALLERY_AMBIENT = 0.9;
/**
 * A varnished canvas's roughness on the baked tiers (built at 0.75, matte): a satin gloss that reflects the room at
 * a glancing look and little front-on (a dielectric's 4 %). Only a uniform: no new shader. (Babylon's clear coat,
 * tried first, drew every canvas white in software WebGL.)
 */
const VARNISH_ROUGHNESS = 0.45;
/**
 * Glass cases on the baked tiers. As built (12 % opaque, and a dielectric's 4 % reflection of an environment as dim
 * as the room) a case was a faint blue tint; glass in a gallery reads by what it reflects: the room's light at its
 * edges and across its faces at a glancing look. Its reflection of the exhibition's environment map is strengthened,
 * its body made clearer and a little green, as float glass is; still one instanced mesh, one draw.
 */
export const GLASS = { alpha: 0.06, roughness: 0.02, environmentIntensity: 4, f0Factor: 2.5, colour: [0.82, 0.9, 0.88] as const };
/** Meshes dressed here, by name as they are added (a merged frame is `frame:…_merged` until renamed `frames:`). */
const DRESSED = /^(label:|plinth:|canvas:|frame|case:)/;

export class WorkDressing {
  private baked = false;
  private realtime = false;
  private readonly arrived: AbstractMesh[] = [];
  private readonly known = new Set<AbstractMesh>();
  /** Each work's level of light relative to ordinary gallery light, by id (made on first use). */
  private levels?: Map<string, number>;
  private plinthPlain?: PBRMaterial;
  private plinthBaked?: PBRMaterial;
  private glassPlain?: PBRMaterial;
  private glassBaked?: PBRMaterial;
  /** Frames' materials as built, and their baked copies per room. */
  private readonly framePlain = new Map<AbstractMesh, PBRMaterial>();
  private readonly frameBaked = new Map<AbstractMesh, PBRMaterial>();
  private grain?: { texture: RawTexture; mean: number };
  /** Canvases' roughness as built. */
  private readonly canvasRoughness = new WeakMap<PBRMaterial, number>();

  constructor(
    private readonly scene: Scene,
    private readonly exhibition: Exhibition,
    private readonly lights: () => Map<string, RoomLight>,
  ) {
    // Babylon tells of a new mesh a moment after it is made (its name and material are set by then).
    scene.onNewMeshAddedObservable.add((m) => {
      if (DRESSED.test(m.name)) this.arrived.push(m);
    });
    scene.onBeforeRenderObservable.add(() => {
      if (this.arrived.length) this.take();
    });
  }

  /** Dresses everything built so far for a tier, and what arrives later the same way. */
  set(baked: boolean, realtime: boolean): void {
    const changed = baked !== this.baked || realtime !== this.realtime || this.plinthPlain === undefined;
    this.baked = baked;
    this.realtime = realtime;
    // Everything built so far, told of or not yet.
    for (const m of this.scene.meshes) if (DRESSED.test(m.name)) this.arrived.push(m);
    this.take();
    if (!changed) return;
    this.plinthMaterial();
    this.glassMaterial();
    for (const m of this.known) this.dress(m);
  }

  /** A work's level of light relative to ordinary gallery light (1 there; under 1 in a dim room). */
  level(artworkId: string): number {
    if (!this.levels) {
      const lights = this.lights();
      this.levels = new Map();
      for (const art of this.exhibition.artworks) {
        let room: string | undefined;
        try {
          room = artworkPose(this.exhibition, art).room;
        } catch {
          // A work on a wall that does not exist: validation reports it; it stays in ordinary light.
        }
        const ambient = room !== undefined ? lights.get(room)?.ambient : undefined;
        this.levels.set(art.id, ambient === undefined ? 1 : ambient / GALLERY_AMBIENT);
      }
    }
    return this.levels.get(artworkId) ?? 1;
  }

  private take(): void {
    for (const m of this.arrived.splice(0)) {
      if (m.isDisposed() || this.known.has(m)) continue;
      this.known.add(m);
      if (this.baked || this.plinthBaked) this.dress(m);
    }
  }

  private dress(m: AbstractMesh): void {
    const [kind, id = ''] = splitName(m.name);
    if (kind === 'label') labelOf(m)?.setLight(this.baked ? this.level(id) : 1);
    else if (kind === 'plinth') this.plinth(m as InstancedMesh, id);
    else if (kind === 'canvas') this.varnish(m);
    else if (kind === 'frames') this.frame(m, id);
    // The first case may come with a room built after the tier was chosen.
    else if (kind === 'case' && this.baked && !this.glassBaked) this.glassMaterial();
  }

  /** The cases' one glass material: as built on the plain tier, glass that reflects the room on the baked tiers. */
  private glassMaterial(): void {
    const source = this.scene.getMeshByName('case-source');
    const plain = this.glassPlain ?? source?.material;
    if (!source || !(plain instanceof PBRMaterial)) return;
    this.glassPlain = plain;
    if (!this.glassBaked) {
      const glass = plain.clone(`${plain.name}:baked`);
      glass.alpha = GLASS.alpha;
      glass.roughness = GLASS.roughness;
      glass.environmentIntensity = GLASS.environmentIntensity;
      glass.metallicF0Factor = GLASS.f0Factor;
      glass.albedoColor.set(...GLASS.colour);
      this.glassBaked = glass;
    }
    source.material = this.baked ? this.glassBaked : plain;
  }

  /**
   * Plinths are instances of one mesh with one material: painted board a shade under the plain tier's white (whose
   * standard tone curve dims whites that PBR Neutral keeps), on the full tier a further share less, which the
   * shadow light gives back where it is not shadowed; each instance then takes its room's light as its colour.
   */
  private plinthMaterial(): void {
    const source = this.scene.getMeshByName('plinth-source');
    const plain = this.plinthPlain ?? source?.material;
    if (!source || !(plain instanceof PBRMaterial)) return;
    this.plinthPlain = plain;
    this.plinthBaked ??= plain.clone(`${plain.name}:baked`);
    this.plinthBaked.albedoColor = plain.albedoColor.scale(PLINTH_SHADE * (this.realtime ? 1 - SHADOW_SHARE : 1));
    source.material = this.baked ? this.plinthBaked : plain;
    if (this.baked && source instanceof Mesh && !source.instancedBuffers?.[VertexBuffer.ColorInstanceKind]) {
      // The per-instance colour (Babylon's instanced "instanceColor" buffer) is added on the baked tiers only.
      source.registerInstancedBuffer(VertexBuffer.ColorInstanceKind, 4);
      source.instancedBuffers[VertexBuffer.ColorInstanceKind] = new Color4(1, 1, 1, 1);
    }
  }

  private plinth(m: InstancedMesh, id: string): void {
    // The first plinth may come with a room built after the tier was chosen.
    if (this.baked && !this.plinthBaked) this.plinthMaterial();
    if (!m.instancedBuffers || !(VertexBuffer.ColorInstanceKind in m.instancedBuffers)) return;
    const level = this.baked ? this.level(id) : 1;
    m.instancedBuffers[VertexBuffer.ColorInstanceKind] = new Color4(level, level, level, 1);
  }

  /** A varnished canvas: glossier on the baked tiers, as built on plain. */
  private varnish(m: AbstractMesh): void {
    const mat = m.material;
    if (!(mat instanceof PBRMaterial)) return;
    if (!this.canvasRoughness.has(mat)) this.canvasRoughness.set(mat, mat.roughness ?? 0.75);
    mat.roughness = this.baked ? VARNISH_ROUGHNESS : this.canvasRoughness.get(mat)!;
  }

  /** A room's frames of one style: in the room's light, and oak with its grain, on the baked tiers. */
  private frame(m: AbstractMesh, room: string): void {
    const plain = this.framePlain.get(m) ?? m.material;
    if (!(plain instanceof PBRMaterial)) return;
    this.framePlain.set(m, plain);
    if (!this.baked) {
      m.material = plain;
      return;
    }
    let baked = this.frameBaked.get(m);
    if (!baked) {
      baked = plain.clone(`${plain.name}:${m.name}`);
      const oak = m.name.endsWith(':oak');
      if (oak) {
        this.grain ??= (() => {
          const texels = grainTexels();
          return { texture: grainTexture(this.scene, texels), mean: grainMean(texels) };
        })();
        const positions = m.getVerticesData(VertexBuffer.PositionKind);
        if (positions) {
          m.setVerticesData(VertexBuffer.UVKind, barUVs(positions), false, 2);
          baked.albedoTexture = this.grain.texture;
        }
      }
      // The room's light (as the plinths'); oak's grain darkens on average, so its colour makes up for the mean.
      const level = this.roomLevel(room);
      baked.albedoColor = plain.albedoColor.scale(level / (oak && baked.albedoTexture ? this.grain!.mean : 1));
      this.frameBaked.set(m, baked);
    }
    m.material = baked;
  }

  private roomLevel(room: string): number {
    const ambient = this.lights().get(room)?.ambient;
    return ambient === undefined ? 1 : ambient / GALLERY_AMBIENT;
  }
}

/** `label:<id>` → ['label', id]; `frames:<room>:<style>` → ['frames', room] (`frames:<style>`: no room). */
function splitName(name: string): [string, string?] {
  const i = name.indexOf(':');
  if (i < 0) return [name];
  const kind = name.slice(0, i);
  const rest = name.slice(i + 1);
  return kind === 'frames' ? [kind, rest.includes(':') ? rest.slice(0, rest.lastIndexOf(':')) : ''] : [kind, rest];
}
