/**
 * A 360° photograph drawn around the viewer: each tile of the equirectangular image is a patch of a sphere
 * centred on the eye (Babylon's `infiniteDistance`, so it follows the camera, both eyes in VR), built from the
 * same imageDirection the twin uses, so a work in the photo sits where the twin has it. Drawn over the twin
 * (depth test off, in the twin's rendering group) and under the hotspots (group 1). The lowest level shows
 * first; the sharpest level the device takes loads after it, tile by tile, nearest first to where the visitor looks
 * now (setLook: turning while it streams puts the tiles coming into view first).
 * (Babylon's PhotoDome draws one texture on one sphere; a 12K photo needs tiles, so the patches are ours.)
 */
import { Constants } from '@babylonjs/core/Engines/constants';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import { Texture } from '@babylonjs/core/Materials/Textures/texture';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { Mesh } from '@babylonjs/core/Meshes/mesh';
import { VertexData } from '@babylonjs/core/Meshes/mesh.vertexData';
import type { Scene } from '@babylonjs/core/scene';
import { imageDirection, panoramaLevels, tileBounds, type Panorama, type PanoramaLevel } from '../twin/panorama';
import { TileQueue, type Look } from './panorama-tile-queue';
import { textureLimited } from './limited-load';

/** Far enough for any room, inside the preview camera's far plane (300 m); the depth test is off anyway. */
const RADIUS = 120;
/** Drawn after every other transparent mesh of the twin. */
const ALPHA_INDEX = 1_000_000;

/** A sphere patch covering part of the image (u, v in 0–1), seen from inside, with the tile's own 0–1 UVs. */
export function spherePatch(name: string, scene: Scene, heading: number, b: { u0: number; u1: number; v0: number; v1: number }): Mesh {
  const nu = Math.max(2, Math.ceil(48 * (b.u1 - b.u0)));
  const nv = Math.max(2, Math.ceil(24 * (b.v1 - b.v0)));
  const positions: number[] = [];
  const uvs: number[] = [];
  const indices: number[] = [];
  for (let j = 0; j <= nv; j++) {
    for (let i = 0; i <= nu; i++) {
      const su = i / nu;
      const sv = j / nv;
      const d = imageDirection(heading, b.u0 + su * (b.u1 - b.u0), b.v0 + sv * (b.v1 - b.v0));
      positions.push(d[0] * RADIUS, d[1] * RADIUS, d[2] * RADIUS);
      // The texture loads flipped (invertY): v = 1 is the image's top row.
      uvs.push(su, 1 - sv);
    }
  }
  for (let j = 0; j < nv; j++) {
    for (let i = 0; i < nu; i++) {
      const a = j * (nu + 1) + i;
      indices.push(a, a + 1, a + nu + 1, a + 1, a + nu + 2, a + nu + 1);
    }
  }
  const vd = new VertexData();
  vd.positions = positions;
  vd.uvs = uvs;
  vd.indices = indices;
  const mesh = new Mesh(name, scene);
  vd.applyToMesh(mesh);
  mesh.infiniteDistance = true;
  mesh.isPickable = false;
  mesh.alphaIndex = ALPHA_INDEX;
  mesh.applyFog = false;
  // Never culled: the camera is inside the sphere.
  mesh.alwaysSelectAsActiveMesh = true;
  return mesh;
}

export interface DomeOptions {
  /** The widest level (px) to load: the device's texture budget. */
  maxWidth: number;
  resolve: (path: string) => string;
  /** A tile that could not be loaded: the dome keeps what it has. */
  onProblem?: (file: string, message: string) => void;
  /** Asks for frames (the app renders on demand). */
  requestRender: () => void;
}

/** The sharpest level not wider than maxWidth (the first level always qualifies). */
export function sharpLevel(levels: PanoramaLevel[], maxWidth: number): number {
  let best = 0;
  levels.forEach((l, i) => {
    if (i > 0 && l.width <= maxWidth) best = i;
  });
  return best;
}

export class PanoramaDome {
  private readonly meshes: Mesh[] = [];
  private readonly materials: StandardMaterial[] = [];
  private opacity = 0;
  private disposed = false;
  /** Where the visitor looks, and the queue of the level loading now. */
  private look: Look;
  private queue?: TileQueue;
  /** The tiles asked for, per level, in the order they were asked for (for tests and the journeys). */
  readonly requested = new Map<number, number[]>();
  /** Tiles shown, per level index. */
  readonly loaded = new Map<number, number>();
  /** Resolves once the first level shows in full. */
  readonly firstLevel: Promise<void>;
  /** Resolves once the sharp level has every tile (or gave up on some). */
  readonly sharp: Promise<void>;

  constructor(
    private readonly scene: Scene,
    readonly panorama: Panorama,
    look: { heading: number; pitch: number },
    private readonly options: DomeOptions,
  ) {
    this.look = { ...look };
    const levels = panoramaLevels(panorama);
    this.firstLevel = this.loadLevel(levels, 0);
    const sharp = sharpLevel(levels, options.maxWidth);
    this.sharp = sharp === 0 ? this.firstLevel : this.firstLevel.then(() => this.loadLevel(levels, sharp));
  }

  /** The visitor turned: the tiles still to load come in the new order, those now in view first. */
  setLook(look: Look): void {
    this.look = { ...look };
    this.queue?.setLook(look);
  }

  /** The level shown sharpest so far, fully loaded (-1 before the first). */
  get level(): number {
    const levels = panoramaLevels(this.panorama);
    let best = -1;
    for (const [i, n] of this.loaded) if (n === levels[i]!.tiles.length && i > best) best = i;
    return best;
  }

  /** 0 (only the twin) … 1 (only the photograph). */
  setOpacity(a: number): void {
    this.opacity = a;
    for (const m of this.materials) m.alpha = a;
    for (const mesh of this.meshes) mesh.setEnabled(a > 0 && mesh.metadata?.ready === true);
  }

  get shownOpacity(): number {
    return this.opacity;
  }

  private async loadLevel(levels: PanoramaLevel[], index: number): Promise<void> {
    const level = levels[index]!;
    const queue = (this.queue = new TileQueue(level, this.panorama.heading, this.look));
    this.loaded.set(index, 0);
    const asked: number[] = [];
    this.requested.set(index, asked);
    // A few at a time, in look order: the part in view arrives first without flooding the connection.
    const worker = async () => {
      for (let i = queue.next(); i !== undefined && !this.disposed; i = queue.next()) {
        asked.push(i);
        await this.loadTile(level, index, i);
      }
    };
    await Promise.all([worker(), worker(), worker()]);
  }

  private async loadTile(level: PanoramaLevel, levelIndex: number, tile: number): Promise<void> {
    const file = level.tiles[tile]!;
    try {
      // Within the image limits, decoded off the main thread (limited-load.ts): a stalled, oversized or wrong tile
      // is a problem entry, and the lower level keeps showing there.
      const texture = await textureLimited(this.options.resolve(file), this.scene, `panorama:${this.panorama.id}:${levelIndex}:${tile}`);
      texture.wrapU = Texture.CLAMP_ADDRESSMODE;
      texture.wrapV = Texture.CLAMP_ADDRESSMODE;
      if (this.disposed) texture.dispose();
      else this.addTile(texture, level, levelIndex, tile);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.options.onProblem?.(file, message ? `the panorama tile could not be loaded (${message})` : 'the panorama tile could not be loaded');
    }
    this.options.requestRender();
  }

  private addTile(texture: Texture, level: PanoramaLevel, levelIndex: number, tile: number): void {
    const mesh = spherePatch(`panorama:${this.panorama.id}:${levelIndex}:${tile}`, this.scene, this.panorama.heading, tileBounds(level, tile));
    // Sharper levels draw over the lower ones.
    mesh.alphaIndex = ALPHA_INDEX + levelIndex;
    const mat = new StandardMaterial(`${mesh.name}-mat`, this.scene);
    mat.disableLighting = true;
    mat.emissiveTexture = texture;
    mat.diffuseColor = Color3.Black();
    mat.specularColor = Color3.Black();
    mat.backFaceCulling = false;
    mat.fogEnabled = false;
    mat.disableDepthWrite = true;
    mat.depthFunction = Constants.ALWAYS;
    mat.transparencyMode = StandardMaterial.MATERIAL_ALPHABLEND;
    mat.alpha = this.opacity;
    mesh.material = mat;
    mesh.metadata = { ready: true, kind: 'panorama-tile' };
    mesh.setEnabled(this.opacity > 0);
    this.meshes.push(mesh);
    this.materials.push(mat);
    this.loaded.set(levelIndex, (this.loaded.get(levelIndex) ?? 0) + 1);
  }

  dispose(): void {
    this.disposed = true;
    for (const m of this.meshes) m.dispose(false, true);
    this.meshes.length = 0;
    this.materials.length = 0;
  }
}
