/**
 * One immersive session of a mode (VR or AR) on Babylon's default WebXR experience: entering and leaving, and
 * the events either mode builds on. `onEndedObservable` fires once for every session that started, however it
 * ends: the mode's own Exit button, the headset's or browser's system menu (the XRSession's `end` event fired
 * from outside), or an error that ends the session. A session that fails to start never fires it: the mode's
 * `enter()` rejects instead, after undoing what `prepare` did.
 *
 * It also holds the tap guard: a controller's taps belong to the immersive mode, so the preview must not take
 * them for taps on its canvas (walk to the floor, pick a work), even when Babylon delivers them after the
 * double-tap delay, once the session has ended.
 *
 * Every observer it or its mode adds through `observe()` is removed by `dispose()`, which also disposes of the
 * experience: the scene is left with the meshes and observers it had before the mode was created.
 */
import type { WebXRDefaultExperience } from '@babylonjs/core/XR/webXRDefaultExperience';
import { WebXRState } from '@babylonjs/core/XR/webXRTypes';
import { PointerEventTypes, type PointerInfo } from '@babylonjs/core/Events/pointerEvents';
import { Observable, type EventState, type Observer } from '@babylonjs/core/Misc/observable';
import type { Scene } from '@babylonjs/core/scene';

/** Babylon's XR features' own meshes and materials, by name (webXRControllerPointerSelection, webXRHandTracking). */
const XR_LEFTOVER_MESHES = new Set(['jointParent']);
const XR_LEFTOVER_MATERIALS = new Set(['laserPointerMat', 'targetMat']);

export interface IXrSessionOptions {
  sessionMode: 'immersive-vr' | 'immersive-ar';
  referenceSpaceType: XRReferenceSpaceType;
  sessionInit?: XRSessionInit;
  /** Runs before the session is requested (e.g. AR's occluders); `undo` reverts it when the request fails. */
  prepare?: () => void;
  undo?: () => void;
}

/** Whether a pointer event is a tap from an XR controller (or a hand, or the screen in AR). */
export function isXrTap(info: Pick<PointerInfo, 'type' | 'event'>): boolean {
  const tap = info.type === PointerEventTypes.POINTERTAP || info.type === PointerEventTypes.POINTERDOUBLETAP;
  return tap && (info.event as PointerEvent).pointerType === 'xr';
}

export class XrSession {
  /** The session has started (the first XR frame is on its way). */
  readonly onStartedObservable = new Observable<void>();
  /** The session has ended, by whatever route; once per started session. */
  readonly onEndedObservable = new Observable<void>();
  private running = false;
  private entering = false;
  private readonly observers: { observable: Observable<never>; observer: Observer<never> }[] = [];
  /** The scene's textures, materials and meshes before the experience: what `dispose()` leaves. */
  private readonly before: Set<unknown>;

  constructor(
    readonly xr: WebXRDefaultExperience,
    private readonly scene: Scene,
    private readonly options: IXrSessionOptions,
  ) {
    this.before = new Set<unknown>([...scene.textures, ...scene.materials, ...scene.meshes]);
    this.observe(xr.baseExperience.onStateChangedObservable, (state) => {
      if (state === WebXRState.IN_XR && !this.running) {
        this.running = true;
        this.onStartedObservable.notifyObservers();
      }
      if (state === WebXRState.NOT_IN_XR && this.running) {
        this.running = false;
        this.onEndedObservable.notifyObservers();
      }
    });
    this.observe(
      scene.onPointerObservable,
      (info, state) => {
        if (isXrTap(info)) state.skipNextObservers = true;
      },
      true,
    );
  }

  /** In the session, or entering it. */
  get active(): boolean {
    const s = this.xr.baseExperience.state;
    return s === WebXRState.IN_XR || s === WebXRState.ENTERING_XR;
  }

  /** The browser's session while one runs (tests end it from outside, as a headset's menu does). */
  get native(): XRSession | undefined {
    return this.active ? (this.xr.baseExperience.sessionManager.session ?? undefined) : undefined;
  }

  /** In the session now (XR frames are drawn). */
  get inXR(): boolean {
    return this.xr.baseExperience.state === WebXRState.IN_XR;
  }

  async enter(): Promise<void> {
    if (this.active || this.entering) return;
    this.entering = true;
    const { sessionMode, referenceSpaceType, sessionInit, prepare, undo } = this.options;
    prepare?.();
    try {
      await this.xr.baseExperience.enterXRAsync(sessionMode, referenceSpaceType, this.xr.renderTarget, sessionInit);
    } catch (e) {
      undo?.();
      throw e;
    } finally {
      this.entering = false;
    }
  }

  async exit(): Promise<void> {
    if (this.inXR) await this.xr.baseExperience.exitXRAsync();
  }

  /** Adds an observer that `dispose()` removes. */
  observe<T>(observable: Observable<T>, callback: (data: T, state: EventState) => void, insertFirst = false): Observer<T> {
    const observer = observable.add(callback, undefined, insertFirst)!;
    this.observers.push({ observable: observable as unknown as Observable<never>, observer: observer as unknown as Observer<never> });
    return observer;
  }

  /** Removes every observer added through `observe()` and disposes of the experience (leaving the session first). */
  async dispose(): Promise<void> {
    await this.exit().catch(() => undefined);
    for (const { observable, observer } of this.observers.splice(0)) observable.remove(observer);
    this.onStartedObservable.clear();
    this.onEndedObservable.clear();
    // The experience's dispose leaves its features (teleport target, hand joints, pointer rays) on the scene.
    this.xr.baseExperience.featuresManager.dispose();
    this.xr.dispose();
    // Babylon leaves each session's render target on the web ("opaque textures" cannot be destroyed), with its
    // scene and engine observers; the session that owned its framebuffer is over, so the wrapper goes too.
    const added = <T,>(list: T[]) => list.filter((x) => !this.before.has(x));
    for (const t of added(this.scene.textures)) if (t.name === 'XR renderTargetTexture') t.dispose();
    // What Babylon's features leave once their controllers are gone: the pointer's ray and target materials
    // (the meshes go, their materials stay) and the hand joints' shared source mesh.
    for (const m of added(this.scene.meshes)) if (XR_LEFTOVER_MESHES.has(m.name)) m.dispose(false, true);
    const used = new Set(this.scene.meshes.map((m) => m.material));
    for (const m of added(this.scene.materials)) if (XR_LEFTOVER_MATERIALS.has(m.name) && !used.has(m)) m.dispose(true, true);
  }
}
