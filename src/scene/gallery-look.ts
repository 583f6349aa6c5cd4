/**
 * The gallery's look by graphics quality (quality-tier.ts): baked light and shade on the architecture
 * (baked-ao.ts), picture-light pools (picture-lights.ts), each room's ambient level by its lighting
 * (light-levels.ts), objects' contact shade on their plinths (object-shade.ts), and objects' real-time shadows
 * (shadows.ts, its code fetched for the full tier only). Everything is made the first time a tier asks
 * for it and switched, not rebuilt, when the tier changes; the `plain` tier leaves the scene exactly as built.
 */
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { Constants } from '@babylonjs/core/Engines/constants';
import { RawTexture } from '@babylonjs/core/Materials/Textures/rawTexture';
import { Texture } from '@babylonjs/core/Materials/Textures/texture';
import { VertexBuffer } from '@babylonjs/core/Buffers/buffer';
import { PBRMaterial } from '@babylonjs/core/Materials/PBR/pbrMaterial';
import { ImageProcessingConfiguration } from '@babylonjs/core/Materials/imageProcessingConfiguration';
import type { AbstractEngine } from '@babylonjs/core/Engines/abstractEngine';
import type { AbstractMesh } from '@babylonjs/core/Meshes/abstractMesh';
import type { Mesh } from '@babylonjs/core/Meshes/mesh';
import type { Scene } from '@babylonjs/core/scene';
import type { Exhibition } from '../twin/schema';
import { artworkPose } from '../twin/layout';
import { headingToDir } from '../twin/floorplan';
import { roomElevations } from '../twin/route/levels';
import type { Architecture } from './architecture';
import type { RoomVisibility } from './visibility';
import { insideCorners, shadeBytes, shadeFloor, wallLightmap, type Contact, type Opening, type Shade } from './baked-ao';
import { buildPools, poolMaterial, type PoolSpec } from './picture-lights';
import { buildShades, shadeMaterial, shadeQuad, type ShadeQuad } from './object-shade';
import { roomLights, workLight, type RoomLight } from './light-levels';
import { WorkDressing } from './gallery-look-dressing';
import type { ObjectShadows } from './shadows';
import { SHADOW_SHARE } from './shadow-light';
import { drawsBaked, drawsRealtimeShadows, type DeviceFacts, type GraphicsQuality } from './quality-tier';

const DEFAULT_WALL = '#f1eee8';
/**
 * The baked tiers' exposure: a painting front-on under its light then draws its image's own light. At the plain
 * tier's 1.05 the environment, the sky light and the canvas's glow together drew paintings 1.4–1.5× their image's
 * linear light (bench:colour's gain), washing light works and white walls out; 1.05 / 1.48 ≈ 0.71.
 */
export const WORKS_EXPOSURE = 0.71;
/**
 * Walls are drawn a share under their room's ambient level on the baked tiers, as a lit gallery's walls sit under
 * its works' light: room for each picture light's pool to show on a white wall (at the full level a white wall
 * was already near white and its pool was barely seen).
 */
export const WALLS_UNDER_WORKS = 0.85;
/**
 * Ceilings are lit above their room's level on the baked tiers: the track lights' spill and the floor's bounce.
 * Lit by the sky light's brown ground colour alone, they read taupe, not the white they are painted.
 */
const CEILING_LIFT = 1.35;
/**
 * A ceiling's light on the baked tiers. Facing the floor, it sees the environment's oak floor, whose warm bounce
 * alone drew it tan (sRGB 156 136 115 in the hall), not the white it is painted. A gallery's ceiling is lit by the
 * track lights' spill and the white walls as much as by the floor: the floor's bounce is kept at a share
 * (CEILING_BOUNCE) and the rest given back as light in the plaster's own colour (CEILING_SPILL of its colour at
 * ordinary gallery light, scaled by the room's level, so a dim cabinet's ceiling stays dim). Uniforms only.
 */
export const CEILING_BOUNCE = 0.4;
const CEILING_SPILL = 0.45;
/** light-levels.ts draws ordinary gallery light (150 lx) at this ambient level. */
const GALLERY_AMBIENT = 0.9;
/** A plinth's or case's footprint beyond the work's own (artworks.ts builds it so). */
const PLINTH_MARGIN = 0.25;

/** What the browser says about itself, for the tier's choice. */
export function deviceFacts(engine: AbstractEngine, ar: boolean): DeviceFacts {
  return {
    // WebGL engines report the unmasked renderer (WEBGL_debug_renderer_info) where the browser gives it.
    renderer: (engine as { getGlInfo?: () => { renderer: string } }).getGlInfo?.().renderer ?? '',
    userAgent: navigator.userAgent,
    ar,
    coarsePointer: matchMedia('(pointer: coarse)').matches,
  };
}

interface Swap {
  mesh: AbstractMesh;
  plain: PBRMaterial;
  baked: PBRMaterial;
  /** The room's ambient level, and whether the objects' shadow light falls on the mesh (floors). */
  ambient: number;
  shadowed: boolean;
}

export class GalleryLook {
  quality: GraphicsQuality = 'plain';
  private swaps?: Swap[];
  private pools: Mesh[] = [];
  /** Objects' contact shade on their plinths, a mesh a room. */
  private shades: Mesh[] = [];
  private shadows?: ObjectShadows;
  private shadowsMade?: Promise<void>;
  /** Objects' meshes that have arrived, for the shadow map when it is made. */
  private readonly casters: AbstractMesh[] = [];
  /** Plinths, labels, frames and canvases, dressed for the tier as their rooms are built. */
  private readonly dressing: WorkDressing;
  private lights?: Map<string, RoomLight>;
  /** The image processing the scene was built with, given back on the plain tier. */
  private plainImage?: { toneMappingType: number; contrast: number; exposure: number };

  constructor(
    private readonly scene: Scene,
    private readonly exhibition: Exhibition,
    private readonly architecture: Architecture,
    private readonly visibility: RoomVisibility | null,
  ) {
    this.dressing = new WorkDressing(scene, exhibition, () => this.roomLights());
  }

  /** Every room's light (light-levels.ts), worked out once. */
  private roomLights(): Map<string, RoomLight> {
    return (this.lights ??= roomLights(this.exhibition));
  }

  /** Switches to a tier: what it draws is made on first use, what it does not draw is hidden. */
  setQuality(quality: GraphicsQuality): void {
    this.quality = quality;
    const baked = drawsBaked(quality);
    if (baked && !this.swaps) this.bake();
    const realtime = drawsRealtimeShadows(quality);
    for (const s of this.swaps ?? []) {
      s.mesh.material = baked ? s.baked : s.plain;
      // The shadow light adds to a floor what its shadow takes away: the baked level makes room for it.
      s.baked.lightmapTexture!.level = s.ambient * (realtime && s.shadowed ? 1 - SHADOW_SHARE : 1);
    }
    for (const p of this.pools) p.isVisible = baked;
    for (const p of this.shades) p.isVisible = baked;
    this.dressing.set(baked, realtime);
    this.colourTrue(baked);
    if (realtime) this.makeShadows();
    this.shadows?.setEnabled(realtime);
  }

  /**
   * The objects' shadow map, made once: its code (ShadowGenerator, its blur and light) is fetched the first time
   * the full tier is asked for, so the tiers that never draw it never load it. Casters that arrive meanwhile are
   * in `casters`; a tier changed meanwhile is read when it is made. A chunk that cannot be fetched leaves the
   * tier without real-time shadows, as before it was made.
   */
  private makeShadows(): void {
    this.shadowsMade ??= import('./shadows').then(
      ({ ObjectShadows }) => {
        this.shadows = new ObjectShadows(this.scene, this.receivers(), [...this.casters, ...this.plinths()]);
        this.shadows.setEnabled(drawsRealtimeShadows(this.quality));
      },
      () => undefined,
    );
  }

  /** Resolves once the shadow map the full tier asked for is made (at once when none was asked for). */
  shadowsReady(): Promise<void> {
    return this.shadowsMade ?? Promise.resolve();
  }

  /**
   * Colour-true works: Khronos' PBR Neutral tone mapping leaves colours below its highlight threshold as they are
   * and compresses highlights without shifting their hue (the standard curve works per channel, so saturated
   * colours drift and light paintings wash out); contrast stays neutral; and the view is exposed for the works, as
   * a museum's photographer exposes (WORKS_EXPOSURE). Measured by bench/colour.ts.
   */
  private colourTrue(on: boolean): void {
    const ip = this.scene.imageProcessingConfiguration;
    if (on) {
      this.plainImage ??= { toneMappingType: ip.toneMappingType, contrast: ip.contrast, exposure: ip.exposure };
      ip.toneMappingType = ImageProcessingConfiguration.TONEMAPPING_KHR_PBR_NEUTRAL;
      ip.contrast = 1;
      ip.exposure = WORKS_EXPOSURE;
    } else if (this.plainImage) {
      ip.toneMappingType = this.plainImage.toneMappingType;
      ip.contrast = this.plainImage.contrast;
      ip.exposure = this.plainImage.exposure;
    }
  }

  /** An object's model has arrived: it casts a shadow on the full tier. */
  objectArrived(meshes: AbstractMesh[]): void {
    this.casters.push(...meshes);
    this.shadows?.add([...meshes, ...this.plinths()]);
  }

  /**
   * Plinths cast too: an object's shadow stops on its plinth's top, and the plinth's own falls on the floor. Their
   * instances, not their hidden source: a shadow map skips an invisible mesh, and draws an instance through it.
   */
  private plinths(): AbstractMesh[] {
    return (this.scene.getMeshByName('plinth-source') as Mesh | null)?.instances ?? [];
  }

  /** What the tier draws now, for tests and the benchmark (shadows: once their code has arrived and the map is made). */
  state(): { quality: GraphicsQuality; lightmaps: number; pools: number; shades: number; shadows: boolean } {
    const baked = drawsBaked(this.quality);
    const shadows = drawsRealtimeShadows(this.quality) && this.shadows !== undefined;
    return { quality: this.quality, lightmaps: baked ? (this.swaps?.length ?? 0) : 0, pools: baked ? this.pools.length : 0, shades: baked ? this.shades.length : 0, shadows };
  }

  private receivers(): AbstractMesh[] {
    const plinth = this.scene.getMeshByName('plinth-source');
    return [...this.architecture.floors, ...(plinth ? [plinth] : [])];
  }

  /** Lightmaps for every room's floor, ceiling and walls, and its picture lights' pools. */
  private bake(): void {
    this.swaps = [];
    const { space } = this.exhibition;
    if (space.kind !== 'floorplan') return;
    const lights = this.roomLights();
    const contacts = this.contacts();
    const pools = new Map<string, PoolSpec[]>();
    const shades = new Map<string, ShadeQuad[]>();
    for (const art of this.exhibition.artworks) {
      const pose = artworkPose(this.exhibition, art);
      if (pose.room === undefined) continue;
      if (art.kind !== 'painting') {
        const quad = shadeQuad(art, pose);
        if (quad) shades.set(pose.room, [...(shades.get(pose.room) ?? []), quad]);
        continue;
      }
      const room = space.rooms.find((r) => r.id === pose.room)!;
      const wall = Color3.FromHexString((room.walls ?? space.walls)?.color ?? DEFAULT_WALL).toLinearSpace();
      const list = pools.get(pose.room) ?? [];
      list.push({ art, pose, pool: workLight(art, lights.get(pose.room)).pool, wall, ambient: (lights.get(pose.room)?.ambient ?? 0.9) * WALLS_UNDER_WORKS });
      pools.set(pose.room, list);
    }
    const material = pools.size ? poolMaterial(this.scene) : undefined;
    const shading = shades.size ? shadeMaterial(this.scene) : undefined;
    const corners = insideCorners(space.rooms.map((r) => r.polygon), space.wallThickness / 2);
    const elevation = roomElevations(space);
    for (const room of space.rooms) {
      const ambient = lights.get(room.id)?.ambient ?? 0.9;
      const meshes = this.architecture.byRoom.get(room.id) ?? [];
      const openings: Opening[] = space.doorways.filter((d) => d.rooms.includes(room.id)).map((d) => ({ position: d.position, width: d.width }));
      const inset = space.wallThickness / 2;
      for (const mesh of meshes) {
        const kind = mesh.name.split(':')[0];
        if (kind === 'floor') this.lightmap(mesh, ambient, overPlan(mesh, shadeFloor(room.polygon, openings, contacts.get(room.id) ?? [], inset)));
        else if (kind === 'ceiling') {
          this.lightmap(mesh, ambient * CEILING_LIFT, overPlan(mesh, shadeFloor(room.polygon, [], [], inset)));
          this.plaster(this.swaps.at(-1), ambient);
        }
        else if (kind === 'walls') {
          const positions = mesh.getVerticesData(VertexBuffer.PositionKind);
          if (positions) this.lightmap(mesh, ambient * WALLS_UNDER_WORKS, wallLightmap(positions, room.height ?? space.wallHeight, space.wallThickness, corners, elevation.get(room.id) ?? 0));
        }
      }
      const specs = pools.get(room.id);
      const mesh = specs && material ? buildPools(`picture-lights:${room.id}`, specs, this.scene, material) : undefined;
      if (mesh) {
        this.pools.push(mesh);
        this.visibility?.add(room.id, { nodes: [mesh] });
      }
      const quads = shades.get(room.id);
      const shade = quads && shading ? buildShades(`object-shade:${room.id}`, quads, this.scene, shading) : undefined;
      if (shade) {
        this.shades.push(shade);
        this.visibility?.add(room.id, { nodes: [shade] });
      }
    }
    // A finish's texture arrives after the bake: the baked copy of its material takes it too.
    this.scene.onBeforeRenderObservable.add(() => {
      for (const s of this.swaps!) if (s.baked.albedoTexture !== s.plain.albedoTexture) s.baked.albedoTexture = s.plain.albedoTexture;
    });
  }

  /** A ceiling's baked material: painted plaster in its room's light (CEILING_SPILL). */
  private plaster(swap: Swap | undefined, ambient: number): void {
    if (!swap?.mesh.name.startsWith('ceiling:')) return;
    swap.baked.environmentIntensity = CEILING_BOUNCE;
    swap.baked.emissiveColor = swap.plain.albedoColor.scale((CEILING_SPILL * ambient) / GALLERY_AMBIENT);
  }

  /** Footprints that shade each room's floor: plinths and cases at their size, free-standing objects at theirs. */
  private contacts(): Map<string, Contact[]> {
    const out = new Map<string, Contact[]>();
    for (const art of this.exhibition.artworks) {
      if (art.kind !== 'object') continue;
      const pose = artworkPose(this.exhibition, art);
      if (pose.room === undefined) continue;
      const { width, depth = width } = art.dimensions;
      const footprint = Math.max(width, depth) + PLINTH_MARGIN;
      const half: [number, number] = art.display === 'none' ? [width / 2, depth / 2] : [footprint / 2, footprint / 2];
      const [fx, fz] = headingToDir(pose.heading);
      out.set(pose.room, [...(out.get(pose.room) ?? []), { centre: [pose.position[0], pose.position[2]], half, angle: Math.atan2(fx, fz) }]);
    }
    return out;
  }

  /**
   * A mesh's lightmap: its second UVs (over the room's plan, or the walls' atlas) and a copy of its material that
   * multiplies the lit colour by the map at the room's ambient level.
   */
  private lightmap(mesh: AbstractMesh, ambient: number, { shade, uv2, atlas = false }: { shade: Shade; uv2: Float32Array; atlas?: boolean }): void {
    const plain = mesh.material;
    if (!(plain instanceof PBRMaterial)) return;
    mesh.setVerticesData(VertexBuffer.UV2Kind, uv2, false, 2);
    // The walls' atlas has blocks side by side: no mipmaps, which would blend neighbouring blocks.
    const mips = !atlas;
    const texture = RawTexture.CreateRGBATexture(shadeBytes(shade), shade.width, shade.height, this.scene, mips, false, mips ? Constants.TEXTURE_TRILINEAR_SAMPLINGMODE : Constants.TEXTURE_BILINEAR_SAMPLINGMODE);
    texture.name = `lightmap:${mesh.name}`;
    texture.gammaSpace = false;
    texture.coordinatesIndex = 1;
    texture.wrapU = Texture.CLAMP_ADDRESSMODE;
    texture.wrapV = Texture.CLAMP_ADDRESSMODE;
    texture.level = ambient;
    const baked = plain.clone(`${plain.name}:${mesh.name}`);
    baked.lightmapTexture = texture;
    baked.useLightmapAsShadowmap = true;
    this.swaps!.push({ mesh, plain, baked, ambient, shadowed: mesh.name.startsWith('floor:') });
  }
}

/** Second UVs for a floor or ceiling: its positions over the shade's bounds in plan. */
function overPlan(mesh: AbstractMesh, shade: Shade): { shade: Shade; uv2: Float32Array } {
  const positions = mesh.getVerticesData(VertexBuffer.PositionKind) ?? [];
  const n = positions.length / 3;
  const uv2 = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    uv2[i * 2] = (positions[i * 3]! - shade.min[0]) / shade.span[0];
    uv2[i * 2 + 1] = (positions[i * 3 + 2]! - shade.min[1]) / shade.span[1];
  }
  return { shade, uv2 };
}
