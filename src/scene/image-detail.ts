/**
 * Keeps every work's image at the level its on-screen size asks for (image-levels.ts) and runs the frame's
 * uploads (upload-budget.ts). Checked a few times a second on the engine's frames (so in XR too), one level step
 * per work per check: a work the visitor walks up to or opens rises to its full image, one left behind or out of
 * reach falls back to a small one, and comes back when the visitor returns.
 */
import type { Observer } from '@babylonjs/core/Misc/observable';
import type { AbstractEngine } from '@babylonjs/core/Engines/abstractEngine';
import type { Scene } from '@babylonjs/core/scene';
import type { TransformNode } from '@babylonjs/core/Meshes/transformNode';
import { firstLevel, nextLevel, screenPixels } from './image-levels';
import { UploadBudget } from './upload-budget';
import type { PaintingImage } from './painting-image';

/** How often the levels are checked, ms. */
const CHECK_MS = 250;

interface Entry {
  image: PaintingImage;
  node: TransformNode;
  /** Longest side of the work, m. */
  size: number;
  /** False when the work is out of the visitor's reach: it is held at the smallest level. */
  inReach: () => boolean;
}

export class ImageDetail {
  readonly budget = new UploadBudget();
  private readonly entries = new Map<string, Entry>();
  private lastCheck = 0;
  private readonly observer: Observer<AbstractEngine>;

  constructor(private readonly scene: Scene) {
    const engine = scene.getEngine();
    this.observer = engine.onBeginFrameObservable.add(() => this.frame());
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
  firstLevel(image: PaintingImage, node: TransformNode, size: number): number {
    return firstLevel(image.sizes, this.pixels(node, size));
  }

  /** Follows a work's image from now on (after its first level is shown). */
  track(id: string, entry: Entry): void {
    this.entries.get(id)?.image.dispose();
    this.entries.set(id, entry);
  }

  /** The level shown and the ladder of a work's image (tests, benchmarks). */
  level(id: string): { shown: number; sizes: number[]; pixels: number } | undefined {
    const e = this.entries.get(id);
    return e && { shown: e.image.shown, sizes: [...e.image.sizes], pixels: Math.round(this.pixels(e.node, e.size)) };
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
    for (const e of this.entries.values()) {
      if (e.image.busy || e.image.shown < 0) continue;
      const pixels = e.inReach() ? this.pixels(e.node, e.size) : 0;
      const next = nextLevel(e.image.sizes, e.image.shown, pixels);
      if (next !== e.image.shown) void e.image.load(next).catch(() => undefined);
    }
  }

  dispose(): void {
    this.scene.getEngine().onBeginFrameObservable.remove(this.observer);
    for (const e of this.entries.values()) e.image.dispose();
    this.entries.clear();
  }
}
