/**
 * Crowding in the 3D gallery: each zone's floor tinted by how crowded it is, in the floor plan's language
 * (the same three colours, plain / lines / cross-hatch, so the levels never depend on colour alone;
 * src/live/model.ts CROWDING_PATTERN). A thin translucent sheet just above each room's floor, unlit and
 * unpickable; one material per level, so a new reading only swaps materials. Shown in every mode that draws
 * this scene (preview, VR, AR's gallery).
 */
import earcut from 'earcut';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { Mesh } from '@babylonjs/core/Meshes/mesh';
import { VertexData } from '@babylonjs/core/Meshes/mesh.vertexData';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import { RawTexture } from '@babylonjs/core/Materials/Textures/rawTexture';
import { Texture } from '@babylonjs/core/Materials/Textures/texture';
import type { Scene } from '@babylonjs/core/scene';
import type { Crowding } from '../twin/live/contract';
import type { Vec2 } from '../twin/schema';

/** The plan's fills (src/ui/live.css) and hatch colour. */
export const CROWDING_COLOUR: Record<Crowding, string> = { quiet: '#d7ecd9', busy: '#f5dd9f', crowded: '#f2b8ae' };
const HATCH = '#5f5850';
const PATTERN: Record<Crowding, 'plain' | 'lines' | 'cross'> = { quiet: 'plain', busy: 'lines', crowded: 'cross' };
/** The hatching repeats every this many metres (the plan's 0.9 m). */
const PERIOD_M = 0.9;
/** Above the floor, so the sheet never fights it for depth. */
const LIFT_M = 0.015;

const TILE = 64;

/**
 * One tile of a level's pattern as RGBA pixels: the level's colour, with a hatch line along one edge (`lines`) or
 * two (`cross`), as wide as the plan's (0.3 and 0.22 of a period). Lines sit half on each side of the edge, so
 * they are whole where tiles meet.
 */
export function crowdingTile(level: Crowding, size: number): Uint8Array {
  const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const fill = rgb(CROWDING_COLOUR[level]);
  const hatch = rgb(HATCH);
  const half = (size * (PATTERN[level] === 'cross' ? 0.22 : 0.3)) / 2;
  const onLine = (v: number) => v < half || v >= size - half;
  const out = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const line = PATTERN[level] !== 'plain' && (onLine(x) || (PATTERN[level] === 'cross' && onLine(y)));
      out.set([...(line ? hatch : fill), 255], (y * size + x) * 4);
    }
  }
  return out;
}

/** A zone as the 3D floor draws it: its outline and the room whose floor it lies on. */
export interface FloorZone {
  readonly id: string;
  readonly polygon: readonly Vec2[];
  readonly room?: string;
}

export class CrowdingFloor {
  private readonly meshes = new Map<string, Mesh>();
  private readonly materials = new Map<Crowding, StandardMaterial>();
  private readonly shown = new Map<string, Crowding>();

  constructor(private readonly scene: Scene) {}

  /**
   * Tints each zone by its crowding; a zone without a current count gets no tint (the legend's words say "no
   * data"). Returns whether anything changed (the caller asks for a frame only then).
   */
  show(zones: readonly FloorZone[], crowding: (zoneId: string) => Crowding | undefined): boolean {
    let changed = false;
    for (const z of zones) {
      const level = crowding(z.id);
      if (this.shown.get(z.id) === level) continue;
      changed = true;
      if (level === undefined) {
        this.shown.delete(z.id);
        this.meshes.get(z.id)?.setEnabled(false);
        continue;
      }
      this.shown.set(z.id, level);
      const mesh = this.meshes.get(z.id) ?? this.sheet(z);
      mesh.material = this.material(level);
      mesh.metadata = { crowdingFloor: true, zone: z.id, crowding: level };
      mesh.setEnabled(true);
    }
    return changed;
  }

  /** Takes every tint away (Live turned off). Returns whether anything was shown. */
  hide(): boolean {
    const had = this.shown.size > 0;
    for (const m of this.meshes.values()) m.setEnabled(false);
    this.shown.clear();
    return had;
  }

  /** What is tinted, zone by zone (for tests). */
  state(): Record<string, Crowding> {
    return Object.fromEntries(this.shown);
  }

  dispose(): void {
    for (const m of this.meshes.values()) m.dispose(false, false);
    for (const m of this.materials.values()) {
      m.emissiveTexture?.dispose();
      m.dispose();
    }
    this.meshes.clear();
    this.materials.clear();
    this.shown.clear();
  }

  /** A flat sheet over the zone's outline at its room's floor height, UVs in metres. */
  private sheet(z: FloorZone): Mesh {
    const floor = z.room ? this.scene.getMeshByName(`floor:${z.room}`) : null;
    const y = (floor ? floor.getBoundingInfo().boundingBox.maximumWorld.y : 0) + LIFT_M;
    const positions: number[] = [];
    const uvs: number[] = [];
    for (const p of z.polygon) {
      positions.push(p[0], y, p[1]);
      uvs.push(p[0] / PERIOD_M, p[1] / PERIOD_M);
    }
    const vd = new VertexData();
    vd.positions = positions;
    vd.indices = earcut(z.polygon.flatMap((p) => [p[0], p[1]]));
    vd.normals = z.polygon.flatMap(() => [0, 1, 0]);
    vd.uvs = uvs;
    const mesh = new Mesh(`crowding-floor:${z.id}`, this.scene);
    vd.applyToMesh(mesh);
    mesh.isPickable = false;
    mesh.checkCollisions = false;
    mesh.doNotSyncBoundingInfo = true;
    mesh.freezeWorldMatrix();
    this.meshes.set(z.id, mesh);
    return mesh;
  }

  /** One unlit, translucent material per level: the level's colour with its hatching (a 64 px tile). */
  private material(level: Crowding): StandardMaterial {
    let m = this.materials.get(level);
    if (m) return m;
    const tex = RawTexture.CreateRGBATexture(crowdingTile(level, TILE), TILE, TILE, this.scene, true, false, Texture.TRILINEAR_SAMPLINGMODE);
    tex.name = `crowding-floor-${level}`;
    tex.wrapU = tex.wrapV = Texture.WRAP_ADDRESSMODE;
    tex.wAng = Math.PI / 4; // the plan's hatching runs at 45°
    m = new StandardMaterial(`crowding-floor-${level}`, this.scene);
    m.emissiveTexture = tex;
    m.diffuseColor = Color3.Black();
    m.specularColor = Color3.Black();
    m.disableLighting = true;
    m.alpha = 0.6;
    m.zOffset = -2;
    m.backFaceCulling = false;
    this.materials.set(level, m);
    return m;
  }
}
