/**
 * A work's overlay animation (a reconstruction, original colours, how it was assembled): either a clip of
 * the work's own model or a separate GLB placed in the work's own coordinates. Loaded only when first played,
 * so nobody downloads an animation they never asked for. Every mode (preview, VR, AR) plays it the same way.
 * A separate GLB comes within the model download limits, its own files too (limited-load.ts), as the works' models do.
 */
import type { AnimationGroup } from '@babylonjs/core/Animations/animationGroup';
import type { TransformNode } from '@babylonjs/core/Meshes/transformNode';
import type { Scene } from '@babylonjs/core/scene';
import type { SceneArtwork } from './artworks';
import { loadModelLimited } from './limited-load';

export class OverlayPlayer {
  private groups?: AnimationGroup[];
  private nodes: TransformNode[] = [];
  private loading?: Promise<void>;
  playing = false;

  constructor(
    private readonly scene: Scene,
    private readonly work: SceneArtwork,
    private readonly resolve: (path: string) => string,
    /** Replaceable in tests. */
    private readonly fetcher: typeof fetch = fetch,
  ) {}

  /** Whether this work has something to play. */
  static available(work: SceneArtwork): boolean {
    const a = work.artwork.animation;
    if (!a || (work.state !== 'ready' && work.state !== 'loading')) return false;
    // A separate animation model stands on its own (in-gallery AR never loads the work's own model); a clip needs it.
    return a.model !== undefined || (work.state === 'ready' && work.animations.length > 0);
  }

  private load(): Promise<void> {
    const a = this.work.artwork.animation!;
    if (!a.model) {
      const own = this.work.animations;
      this.groups = [own.find((g) => g.name === a.clip) ?? own[0]!].filter(Boolean);
      return Promise.resolve();
    }
    this.loading ??= loadModelLimited(this.resolve(a.model), this.scene, this.fetcher).then((container) => {
      container.addAllToScene();
      for (const node of container.rootNodes) node.parent = this.work.origin;
      this.nodes = container.rootNodes as TransformNode[];
      for (const g of container.animationGroups) g.stop();
      const named = container.animationGroups.filter((g) => !a.clip || g.name === a.clip);
      this.groups = named.length ? named : container.animationGroups;
    });
    return this.loading;
  }

  /**
   * Plays or pauses; resolves to whether it now plays. Rejects with the loader's error if the GLB is broken, and with
   * FetchLimitError or ModelFileError (their messages name the file and the limit) when a file of it is refused.
   */
  async toggle(): Promise<boolean> {
    await this.load();
    const loop = this.work.artwork.animation?.loop ?? true;
    if (this.playing) {
      for (const g of this.groups ?? []) g.pause();
      this.playing = false;
    } else {
      for (const n of this.nodes) n.setEnabled(true);
      for (const g of this.groups ?? []) g.play(loop);
      this.playing = true;
    }
    return this.playing;
  }
}
