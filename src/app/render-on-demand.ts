/**
 * Renders only when something changed, so that an idle page draws nothing. A frame is drawn when:
 * - an XR session is running or a mode other than the preview is on (XR draws every frame, always);
 * - the camera moved, or anything asked for one (`request()`: input, resize, language, selection, …);
 * - the scene is busy: data still loading, animations or animation groups playing, meshes, textures or
 *   materials added, or someone is waiting on a frame (an observer on `onBeforeRenderObservable` or
 *   `onAfterRenderObservable` that was not there when rendering on demand started: a glide, a time-lapse
 *   playing, a test or benchmark awaiting `onAfterRenderObservable`);
 * and then for a short while after (culling, LOD swaps and inertia settle).
 * The engine's loop keeps ticking (one cheap check per animation frame); only `scene.render()` is skipped.
 */
import type { Engine } from '@babylonjs/core/Engines/engine';
import type { Scene } from '@babylonjs/core/scene';
import type { Matrix } from '@babylonjs/core/Maths/math.vector';
import type { Observer } from '@babylonjs/core/Misc/observable';

/** Frames drawn after the last change, and the least time they span. */
const SETTLE_FRAMES = 12;
const SETTLE_MS = 600;

export class RenderOnDemand {
  private readonly tick = () => this.frame();
  private running = false;
  private paused = false;
  private lastChange = performance.now();
  private framesSinceChange = 0;
  private lastView: Float32Array | number[] | undefined;
  private always = false;
  private readonly permanent = new Set<Observer<Scene>>();
  /** Frames drawn and skipped since the start (for tests and benchmarks). */
  readonly counts = { drawn: 0, skipped: 0 };

  constructor(
    private readonly engine: Engine,
    private readonly scene: Scene,
  ) {
    const dirty = () => this.request();
    scene.onNewMeshAddedObservable.add(dirty);
    scene.onNewTextureAddedObservable.add(dirty);
    scene.onNewMaterialAddedObservable.add(dirty);
    scene.onActiveCameraChanged.add(dirty);
  }

  /** Starts the loop. Observers present now count as permanent: they alone do not keep frames coming. */
  start(): void {
    this.keepCurrentObservers();
    this.request();
    this.resume();
  }

  /** Treats the frame observers present now as permanent (call after a mode added its own for good). */
  keepCurrentObservers(): void {
    for (const o of this.scene.onBeforeRenderObservable.observers) this.permanent.add(o);
    for (const o of this.scene.onAfterRenderObservable.observers) this.permanent.add(o);
  }

  /** Treats one frame observer added later as permanent (it asks for frames itself when it needs them). */
  keep(o: Observer<Scene>): void {
    this.permanent.add(o);
  }

  /** Asks for frames: something changed that the camera test cannot see. */
  request(): void {
    this.lastChange = performance.now();
    this.framesSinceChange = 0;
  }

  /** Draws every frame while on (XR sessions, immersive modes), on demand again when off. */
  setAlways(on: boolean): void {
    this.always = on;
    this.request();
  }

  /** Holds the view still (test hook) or lets it go on. */
  pause(paused: boolean): void {
    this.paused = paused;
    if (paused) this.stop();
    else {
      this.request();
      this.resume();
    }
  }

  private resume(): void {
    if (this.running || this.paused) return;
    this.running = true;
    this.engine.runRenderLoop(this.tick);
  }

  private stop(): void {
    if (!this.running) return;
    this.running = false;
    this.engine.stopRenderLoop(this.tick);
  }

  private frame(): void {
    if (this.needsFrame()) {
      this.scene.render();
      this.counts.drawn++;
      this.framesSinceChange++;
      if (this.cameraMoved()) this.request();
    } else this.counts.skipped++;
  }

  private needsFrame(): boolean {
    if (this.always || this.engine.customAnimationFrameRequester) return true;
    if (this.framesSinceChange < SETTLE_FRAMES || performance.now() - this.lastChange < SETTLE_MS) return true;
    if (this.cameraMoved() || this.busy()) {
      this.request();
      return true;
    }
    return false;
  }

  private busy(): boolean {
    const s = this.scene;
    if (s.getWaitingItemsCount() > 0 || s.animatables.length > 0) return true;
    if (s.animationGroups.some((g) => g.isPlaying)) return true;
    const waiting = (o: Observer<Scene>) => !this.permanent.has(o);
    return s.onBeforeRenderObservable.observers.some(waiting) || s.onAfterRenderObservable.observers.some(waiting);
  }

  private cameraMoved(): boolean {
    const cam = this.scene.activeCamera;
    if (!cam) return false;
    const m: Matrix = cam.getViewMatrix();
    const now = m.m;
    const last = this.lastView;
    let moved = !last || last.length !== now.length;
    if (!moved) for (let i = 0; i < now.length; i++) if (Math.abs(now[i]! - last![i]!) > 1e-6) moved = true;
    if (moved) this.lastView = Array.from(now);
    return moved;
  }
}
