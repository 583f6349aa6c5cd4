/**
 * The 360° photographs of the rooms in the scene, for any mode: their viewpoint markers, and the photo view
 * (a cross-fade from the twin to the photograph and back). While a photo shows, the wall labels of its room are
 * drawn over it (rendering group 1, as the hotspots already are), so the twin's labels and hotspots still sit on
 * the works the photograph shows. Which camera looks does not matter: the dome follows the active one.
 */
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { Observer } from '@babylonjs/core/Misc/observable';
import type { AbstractMesh } from '@babylonjs/core/Meshes/abstractMesh';
import type { Scene } from '@babylonjs/core/scene';
import type { Panorama } from '../twin/panorama';
import { PanoramaDome } from './panorama-dome';
import { PanoramaMarkers } from './panorama-markers';
import { lookOfDirection } from './panorama-tile-queue';

export { panoramaIdOf } from './panorama-markers';

/** How long the cross-fade takes, ms (none when the visitor prefers reduced motion). */
export const CROSS_FADE_MS = 700;

export interface PanoramaViewOptions {
  resolve: (path: string) => string;
  requestRender: () => void;
  reducedMotion: () => boolean;
  /** The widest panorama level (px) this device loads. */
  maxWidth: number;
  onProblem?: (file: string, message: string) => void;
  /** The meshes drawn over the photo in a room: its works' wall labels. */
  labelsIn?: (room: string) => AbstractMesh[];
}

export interface PanoramaViewState {
  /** The panorama shown, or fading in or out. */
  shown?: string;
  room?: string;
  opacity: number;
  /** The sharpest level fully shown (-1: none yet), and how many levels it has. */
  level: number;
  levels: number;
  /** Tiles loaded per level. */
  tiles: number[];
}

export class PanoramaView {
  readonly markers: PanoramaMarkers;
  private readonly byId = new Map<string, { room: string; panorama: Panorama }>();
  private dome?: PanoramaDome;
  private room?: string;
  private fading?: Observer<Scene>;
  /** Tells the dome where the active camera looks, each frame, so the tiles in view load first. */
  private following?: Observer<Scene>;
  private fadeDone?: () => void;
  private lifted: { mesh: AbstractMesh; group: number }[] = [];

  constructor(
    readonly scene: Scene,
    entries: readonly { room: string; panorama: Panorama }[],
    private readonly options: PanoramaViewOptions,
  ) {
    for (const e of entries) this.byId.set(e.panorama.id, e);
    this.markers = new PanoramaMarkers(scene, entries.map((e) => e.panorama));
  }

  get(id: string): { room: string; panorama: Panorama } | undefined {
    return this.byId.get(id);
  }

  list(): { room: string; panorama: Panorama }[] {
    return [...this.byId.values()];
  }

  /** The panorama showing (fully or fading), if any. */
  get shown(): Panorama | undefined {
    return this.dome?.panorama;
  }

  /**
   * Shows a photograph: its lowest level loads, then the twin cross-fades into it; the sharper level follows.
   * `look` is where the visitor looks (plan heading, pitch), for the order the sharp tiles load in.
   */
  async show(id: string, look: { heading: number; pitch: number }): Promise<void> {
    const entry = this.byId.get(id);
    if (!entry) return;
    if (this.dome) this.close();
    const dome = new PanoramaDome(this.scene, entry.panorama, look, {
      maxWidth: this.options.maxWidth,
      resolve: this.options.resolve,
      onProblem: this.options.onProblem,
      requestRender: this.options.requestRender,
    });
    this.dome = dome;
    this.room = entry.room;
    this.follow(dome);
    await dome.firstLevel;
    if (this.dome !== dome) return;
    this.liftLabels(entry.room);
    this.markers.setVisible(false, id);
    await this.fade(dome, 1);
  }

  /** Cross-fades back to the twin and lets the photograph go. */
  async hide(): Promise<void> {
    const dome = this.dome;
    if (!dome) return;
    await this.fade(dome, 0);
    if (this.dome === dome) this.close();
  }

  /** Back to the twin at once (leaving VR, a new photo). */
  close(): void {
    this.stopFade();
    if (this.following) this.scene.onBeforeRenderObservable.remove(this.following);
    this.following = undefined;
    this.dome?.dispose();
    this.dome = undefined;
    this.room = undefined;
    for (const { mesh, group } of this.lifted) mesh.renderingGroupId = group;
    this.lifted = [];
    this.markers.setVisible(true);
    this.options.requestRender();
  }

  state(): PanoramaViewState {
    const d = this.dome;
    if (!d) return { opacity: 0, level: -1, levels: 0, tiles: [] };
    const levels = d.panorama.levels?.length ?? 1;
    return {
      shown: d.panorama.id,
      room: this.room,
      opacity: d.shownOpacity,
      level: d.level,
      levels,
      tiles: Array.from({ length: levels }, (_, i) => d.loaded.get(i) ?? 0),
    };
  }

  dispose(): void {
    this.close();
    this.markers.dispose();
  }

  private follow(dome: PanoramaDome): void {
    const forward = new Vector3();
    const axis = this.scene.useRightHandedSystem ? new Vector3(0, 0, -1) : new Vector3(0, 0, 1);
    this.following = this.scene.onBeforeRenderObservable.add(() => {
      const camera = this.scene.activeCamera;
      if (!camera) return;
      camera.getDirectionToRef(axis, forward);
      dome.setLook(lookOfDirection(forward.x, forward.y, forward.z));
    });
  }

  private liftLabels(room: string): void {
    for (const mesh of this.options.labelsIn?.(room) ?? []) {
      this.lifted.push({ mesh, group: mesh.renderingGroupId });
      mesh.renderingGroupId = 1;
    }
  }

  private stopFade(): void {
    if (this.fading) this.scene.onBeforeRenderObservable.remove(this.fading);
    this.fading = undefined;
    // A fade cut short (a new photo, leaving VR) still settles whoever awaited it.
    const done = this.fadeDone;
    this.fadeDone = undefined;
    done?.();
  }

  /** Animates the photograph's opacity to `to`, frame by frame (time-based), or at once with reduced motion. */
  private fade(dome: PanoramaDome, to: number): Promise<void> {
    this.stopFade();
    const from = dome.shownOpacity;
    if (this.options.reducedMotion() || from === to) {
      dome.setOpacity(to);
      this.options.requestRender();
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      this.fadeDone = resolve;
      const start = performance.now();
      // An observer per frame keeps the on-demand renderer drawing until the fade ends.
      this.fading = this.scene.onBeforeRenderObservable.add(() => {
        const t = Math.min(1, (performance.now() - start) / CROSS_FADE_MS);
        dome.setOpacity(from + (to - from) * (t * t * (3 - 2 * t)));
        if (t >= 1) this.stopFade();
      });
      this.options.requestRender();
    });
  }
}
