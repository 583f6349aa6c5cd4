import { Color3 } from '@babylonjs/core/Maths/math.color';
import { PBRMaterial } from '@babylonjs/core/Materials/PBR/pbrMaterial';
import type { Scene } from '@babylonjs/core/scene';
import type { Finish } from '../twin/schema';
import type { Texture } from '@babylonjs/core/Materials/Textures/texture';
import { textureLimited } from './limited-load';

/** One material per distinct finish, so rooms with the same walls share a draw state. */
export class MaterialLibrary {
  private readonly cache = new Map<string, PBRMaterial>();
  /** Finishes' textures not fetched yet (in-gallery AR draws surfaces depth-only: it needs none). */
  private readonly held: [PBRMaterial, string][] = [];
  constructor(
    private readonly scene: Scene,
    private readonly resolve: (path: string) => string,
    private holdTextures = false,
    /** Told of a finish's texture that could not be loaded (the surface keeps its colour). */
    private readonly onProblem: (path: string, message: string) => void = () => undefined,
    /** How a texture is fetched: within the image limits, decoded off the main thread (limited-load.ts). */
    private readonly loadTexture: (url: string, scene: Scene) => Promise<Texture> = textureLimited,
  ) {}

  /** A finish's texture, put on the material when it has arrived. */
  private texture(m: PBRMaterial, path: string): void {
    this.loadTexture(this.resolve(path), this.scene).then(
      (t) => (m.albedoTexture = t),
      (e: unknown) => this.onProblem(path, `the surface texture '${path}' could not be loaded (${(e as Error).message}); the surface shows its colour`),
    );
  }

  /** Fetches the textures held back so far, and every later one at once. */
  loadTextures(): void {
    this.holdTextures = false;
    for (const [m, path] of this.held.splice(0)) this.texture(m, path);
  }

  finish(name: string, finish: Finish, fallback: Finish): PBRMaterial {
    const f = finish ?? fallback;
    const key = `${f.color}|${f.roughness ?? ''}|${f.texture ?? ''}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const m = new PBRMaterial(`${name}-${this.cache.size}`, this.scene);
    m.albedoColor = Color3.FromHexString(f.color).toLinearSpace();
    m.metallic = 0;
    m.roughness = f.roughness ?? 0.85;
    m.backFaceCulling = false;
    if (f.texture && this.holdTextures) this.held.push([m, f.texture]);
    else if (f.texture) this.texture(m, f.texture);
    this.cache.set(key, m);
    return m;
  }

  solid(name: string, hex: string, roughness: number, metallic = 0): PBRMaterial {
    const key = `solid|${hex}|${roughness}|${metallic}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const m = new PBRMaterial(name, this.scene);
    m.albedoColor = Color3.FromHexString(hex).toLinearSpace();
    m.roughness = roughness;
    m.metallic = metallic;
    this.cache.set(key, m);
    return m;
  }
}

export const FRAME_FINISHES: Record<string, { color: string; roughness: number; metallic: number }> = {
  gilded: { color: '#c9a24a', roughness: 0.35, metallic: 1 },
  oak: { color: '#8a6a43', roughness: 0.6, metallic: 0 },
  black: { color: '#1c1b1a', roughness: 0.45, metallic: 0 },
  white: { color: '#ecebe6', roughness: 0.5, metallic: 0 },
};
