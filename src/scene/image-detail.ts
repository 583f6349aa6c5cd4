/**
 * Keeps every work's image, and every texture of a work's model, at the level its on-screen size asks for
 * (image-levels.ts) and runs the frame's uploads (upload-budget.ts). Checked a few times a second on the engine's
 * frames (so in XR too), one level step per image per check: a work the visitor walks up to or opens rises to its
 * full image, one left behind or out of reach falls back to a small one, and comes back when the visitor returns.
 */
import type { Observer } from '@babylonjs/core/Misc/observable';
import type { AbstractEngine } from '@babylonjs/core/Engines/abstractEngine';
import type { Scene } from '@babylonjs/core/scene';
import type { TransformNode } from '@babylonjs/core/Meshes/transformNode';
import { firstLevel, nextLevel, screenPixels, wantedLevel } from './image-levels';
import { UploadBudget } from './upload-budget';

/** An image on a ladder of levels: a painting's (painting-image.ts) or a model's texture (model-texture.ts). */
export interface Ladder {
  /** Longest side of each level, px. */
  readonly sizes: readonly number[];
  /** The level shown now (-1: none yet). */
  readonly shown: number;
  /** A level change is under way, or the level may not change. */
  readonly busy: boolean;
  /** Texels on the GPU now. */
  readonly texels: number;
  /** Decodes and uploads `level` and shows it; `again`: even when it is the level shown (a lost context took it). */
  load(level: number, again?: boolean): Promise<void>;
  dispose(): void;
}

/** How often the levels are checked, ms. */
const CHECK_MS = 250;

interface Entry {
  image: Ladder;
  node: TransformNode;
  /** Longest side of the work, m (for a model's texture, times how much wider its texture is spread: model-texture.ts). */
  size: number;
  /** False when the work is out of the visitor's reach: it is held at the smallest level. */
  inReach: () => boolean;
  /** The work a model's texture belongs to (its key is the work's id and `#…`). */
  work?: string;
}

export class ImageDetail {
  readonly budget = new UploadBudget();
  private readonly entries = new Map<string, Entry>();
  /** Keys of each model's textures, by work. */
  private readonly textures = new Map<string, string[]>();
  private lastCheck = 0;
  private readonly observer: Observer<AbstractEngine>;
  private readonly restored: Observer<AbstractEngine>;
  /**
   * The works are out of sight for a while (AR draws the twin as an occluder and hides them): every image falls to
   * its smallest level, a step per check, as if out of reach, and rises again once this is false.
   */
  away = false;

  constructor(private readonly scene: Scene) {
    const engine = scene.getEngine();
    this.observer = engine.onBeginFrameObservable.add(() => this.frame());
    // A lost WebGL context takes every texture; Babylon makes again those it has a source for, not the levels
    // uploaded in bands (banded-upload.ts): each image's shown level is loaded again.
    this.restored = engine.onContextRestoredObservable.add(() => this.reload());
  }

  /** Loads every image's shown level again (after a lost WebGL context came back). */
  reload(): void {
    for (const e of this.entries.values()) if (e.image.shown >= 0 && !e.image.busy) void e.image.load(e.image.shown, true).catch(() => undefined);
  }

  /** Screen pixels across a work's longest side from where the camera is now (0 without a camera). */
  pixels(node: TransformNode, size: number): number {
    const cam = this.scene.activeCamera;
    if (!cam) return 0;
    const engine = this.scene.getEngine();
    const distance = node.getAbsolutePosition().subtract(cam.globalPosition).length();
    return screenPixels(size, distance, cam.fov, engine.getRenderHeight());
  }

  /** The level a work's image starts at: what it covers now, kept small (FIRST_LEVEL_MAX). */
  firstLevel(image: Ladder, node: TransformNode, size: number): number {
    return firstLevel(image.sizes, this.pixels(node, size));
  }

  /** Shows an image's first level, then follows it (a model's textures, each under its own key). */
  async follow(key: string, entry: Entry): Promise<void> {
    await entry.image.load(this.firstLevel(entry.image, entry.node, entry.size));
    this.track(key, entry);
  }

  /** Follows a work's image from now on (after its first level is shown). */
  track(id: string, entry: Entry): void {
    this.entries.get(id)?.image.dispose();
    this.entries.set(id, entry);
    if (entry.work !== undefined) {
      const keys = this.textures.get(entry.work) ?? [];
      if (!keys.includes(id)) keys.push(id);
      this.textures.set(entry.work, keys);
    }
  }

  /**
   * The level shown and the ladder of a work's image (tests, benchmarks); for a model, of its texture furthest
   * below the level it asks for.
   */
  level(id: string): { shown: number; sizes: number[]; pixels: number } | undefined {
    let worst: { shown: number; sizes: number[]; pixels: number } | undefined;
    let worstGap = -Infinity;
    for (const key of this.entries.has(id) ? [id] : (this.textures.get(id) ?? [])) {
      const e = this.entries.get(key)!;
      const l = { shown: e.image.shown, sizes: [...e.image.sizes], pixels: Math.round(this.pixels(e.node, e.size)) };
      const gap = wantedLevel(l.sizes, l.pixels) - l.shown;
      if (gap > worstGap) [worst, worstGap] = [l, gap];
    }
    return worst;
  }

  /** Texels of all works' images on the GPU now. */
  texels(): number {
    let n = 0;
    for (const e of this.entries.values()) n += e.image.texels;
    return n;
  }

  /** Whether uploads or level changes are waiting (rendering on demand keeps drawing for them). */
  get busy(): boolean {
    if (this.budget.pending) return true;
    for (const e of this.entries.values()) if (e.image.busy) return true;
    return false;
  }

  private frame(): void {
    this.budget.frame();
    const now = performance.now();
    if (now - this.lastCheck < CHECK_MS) return;
    this.lastCheck = now;
    this.check();
  }

  /** Moves every image one level toward what it asks for now (out of reach or away: down to the smallest). */
  check(): void {
    for (const e of this.entries.values()) {
      if (e.image.busy || e.image.shown < 0) continue;
      const pixels = !this.away && e.inReach() ? this.pixels(e.node, e.size) : 0;
      const next = nextLevel(e.image.sizes, e.image.shown, pixels);
      if (next !== e.image.shown) void e.image.load(next).catch(() => undefined);
    }
  }

  dispose(): void {
    this.scene.getEngine().onBeginFrameObservable.remove(this.observer);
    this.scene.getEngine().onContextRestoredObservable.remove(this.restored);
    for (const e of this.entries.values()) e.image.dispose();
    this.entries.clear();
    this.textures.clear();
  }
}
