/**
 * The VR walkthrough: the same gallery scene, entered with Babylon's default WebXR experience. Its parts, one
 * feature a file: the session (../xr/session.ts), moving (locomotion.ts: teleport onto walkable floors only,
 * snap turn, smooth movement, seated mode), works under the ray and their world-space panels (vr-works.ts), the
 * wrist menu with tours and settings (wrist-menu.ts), fades between tour stops (fade.ts). Loaded on demand
 * (dynamic import) by vr-button.ts.
 */
import type { WebXRDefaultExperience } from '@babylonjs/core/XR/webXRDefaultExperience';
import { PointerEventTypes } from '@babylonjs/core/Events/pointerEvents';
import { Quaternion, Vector3 } from '@babylonjs/core/Maths/math.vector';
import { SceneInstrumentation } from '@babylonjs/core/Instrumentation/sceneInstrumentation';
import { Observable, type Observer } from '@babylonjs/core/Misc/observable';
import type { Scene } from '@babylonjs/core/scene';
import { dirToHeading, roomAt } from '../../twin/floorplan';
import { EYE_HEIGHT } from '../../twin/layout';
import type { Tour, Vec3 } from '../../twin/schema';
import type { LiveSnapshot } from '../../twin/live/contract';
import { headingToYaw, nextSnapAngle, stopPose, type StandPose } from './logic';
import { useOwnControllerProfiles } from '../xr/profiles';
import { XrSession } from '../xr/session';
import { createXrExperience } from '../xr/experience';
import { xrLocale, type XrHost, type XrLocale } from '../xr/host';
import { teleportOptions, VrLocomotion } from './locomotion';
import { VrWorks } from './vr-works';
import { VrWristMenu } from './wrist-menu';
import { fade } from './fade';
import { RouteGuide } from '../xr/route-guide';

export type { XrHost } from '../xr/host';

export interface VrExit {
  /** Where the visitor stood (feet) and faced when they left VR. */
  pose: StandPose;
  /** The work whose panel was open, if any. */
  selected?: string;
  tour?: { id: string; index: number };
}

export interface VrHost extends XrHost {
  /** The preview's pose: VR starts here (on arrival, the exhibition's entrance). */
  startPose: () => StandPose;
  tour: () => { id: string; index: number } | undefined;
  /** The session ended (by any route: Exit VR, the headset's menu, an error): the preview takes over from here. */
  exited: (result: VrExit) => void;
}

/**
 * The VR walkthrough. `VrMode.create(host)` builds it on the gallery's scene (one per session: see ../xr/lifetime.ts);
 * `enter()` starts an `immersive-vr` session where the preview stands; leaving it, by any route, calls
 * `host.exited()` with where the visitor stood, their tour and open work, and fires `onExitedObservable`.
 * `dispose()` removes everything it added to the scene.
 */
export class VrMode {
  /** After each session, however it ended; the same result `host.exited()` gets. */
  readonly onExitedObservable = new Observable<VrExit>();
  private readonly scene: Scene;
  private readonly session: XrSession;
  private readonly locale: XrLocale;
  private readonly locomotion: VrLocomotion;
  private readonly works: VrWorks;
  private readonly menu: VrWristMenu;
  /** The visit's route, rehearsed: arrows on the floor to the next stop, ticked off on arrival (../xr/route-guide.ts). */
  private readonly route: RouteGuide;
  /** Draw calls and active triangles (both eyes) of the last few frames, for the budget. */
  private recent: { drawCalls: number; triangles: number }[] = [];
  private tour?: { tour: Tour; index: number };
  private lastPose?: StandPose;
  /** The headset's height above the real floor, from the last XR frame. */
  private eyeHeight = EYE_HEIGHT;
  private frames = 0;
  private moving = false;
  private instrumentation?: SceneInstrumentation;
  private liveObserver?: Observer<LiveSnapshot | undefined> | null;

  private constructor(
    private readonly host: VrHost,
    private readonly xr: WebXRDefaultExperience,
  ) {
    this.scene = host.gallery.scene;
    this.locale = xrLocale(host);
    this.session = new XrSession(xr, this.scene, { sessionMode: 'immersive-vr', referenceSpaceType: 'local-floor', sessionInit: { optionalFeatures: ['hand-tracking'] } });
    this.locomotion = new VrLocomotion(xr, { scene: this.scene, floors: host.gallery.architecture.floors, setStatus: host.setStatus, active: () => this.active });
    this.works = new VrWorks(host, xr, () => this.lastPose?.position[1] ?? 0);
    this.menu = new VrWristMenu(this.scene, xr, {
      exhibition: host.exhibition,
      locale: this.locale,
      tour: () => this.tour,
      settings: () => this.locomotion,
      startTour: (id) => this.startTour(id),
      stepTour: (d) => this.stepTour(d),
      endTour: () => this.endTour(),
      nextSnap: () => this.setSnap(nextSnapAngle(this.locomotion.snapAngle)),
      toggleSmooth: () => this.setSmooth(!this.locomotion.smooth),
      toggleSeated: () => this.setSeated(!this.locomotion.seated),
      exit: () => void this.exit(),
      live: host.live,
      openWork: () => this.works.panel.artworkId,
    });
    this.locomotion.onSettingsChangedObservable.add(() => this.menu.render());
    // The live twin: the menu's Live button counts the alerts, its page follows the snapshot and the open work.
    this.liveObserver = host.live?.onSnapshotChangedObservable.add(() => this.active && this.menu.refreshLive());
    this.works.onPanelChangedObservable.add(() => this.menu.refreshLive());
    this.route = new RouteGuide({
      scene: this.scene,
      exhibition: host.exhibition,
      locale: this.locale,
      eyes: () => (this.lastPose ? [this.camera.position.x, this.camera.position.y - this.locomotion.lift, this.camera.position.z] : undefined),
      eyeHeight: () => this.eyeHeight,
      setStatus: host.setStatus,
      announce: host.announce,
    });
    this.works.onPanelChangedObservable.add(() => this.route.opened(this.works.panel.artworkId));
    this.wire();
  }

  /** Loads Babylon's default WebXR experience on the gallery's scene (own controller profiles, no CDN) and the mode on it. */
  static async create(host: VrHost): Promise<VrMode> {
    useOwnControllerProfiles();
    const xr = await createXrExperience(host.gallery.scene, {
      disableDefaultUI: true,
      // Near interaction loads a material snippet from Babylon's servers; pointing covers what it would do.
      disableNearInteraction: true,
      floorMeshes: host.gallery.architecture.floors,
      pointerSelectionOptions: { preferredHandedness: 'right' },
      teleportationOptions: teleportOptions(),
      // Hands as jointed spheres made here: Babylon's default hand meshes come from its CDN.
      handSupportOptions: { handMeshes: { disableDefaultMeshes: true }, jointMeshes: { scaleFactor: 0.8 } },
    });
    if (!xr.baseExperience) throw new Error('WebXR could not be initialised');
    return new VrMode(host, xr);
  }

  /** In VR, or entering it. */
  get active(): boolean {
    return this.session.active;
  }

  /** The browser's session while one runs. */
  get xrSession(): XRSession | undefined {
    return this.session.native;
  }

  private get camera() {
    return this.xr.baseExperience.camera;
  }

  // ---------------------------------------------------------------- session

  /** Starts the session where the preview stands. Rejects (and the preview stays) when the browser refuses it. */
  async enter(): Promise<void> {
    await this.session.enter();
  }

  async exit(): Promise<void> {
    await this.session.exit();
  }

  /** Leaves VR if in it and removes what the mode added to the scene (experience, panel, menu, observers). */
  async dispose(): Promise<void> {
    await this.session.dispose();
    this.works.dispose();
    this.route.dispose();
    this.menu.dispose();
    this.host.live?.onSnapshotChangedObservable.remove(this.liveObserver ?? null);
    this.instrumentation?.dispose();
    this.onExitedObservable.clear();
  }

  private wire(): void {
    const base = this.xr.baseExperience;
    this.xr.pointerSelection.raySelectionPredicate = (m) => m.isPickable && m.isEnabled() && (m.isVisible || !!(m.metadata as { annotationId?: string } | null)?.annotationId);
    this.session.observe(base.onInitialXRPoseSetObservable, (cam) => {
      // Start where the visitor stands in the preview (on arrival: the entrance), feet on the real floor.
      const start = this.host.startPose();
      cam.position.set(start.position[0], start.position[1], start.position[2]);
      cam.rotationQuaternion = Quaternion.RotationYawPitchRoll(headingToYaw(start.heading), 0, 0);
      this.lastPose = start;
    });
    this.session.onStartedObservable.add(() => this.started());
    this.session.onEndedObservable.add(() => this.ended());
    this.session.observe(this.scene.onPointerObservable, (info) => {
      if (!this.active || info.type !== PointerEventTypes.POINTERDOWN) return;
      this.works.select(info.pickInfo?.hit ? info.pickInfo.pickedMesh : null);
    });
    this.session.observe(this.scene.onAfterRenderObservable, () => {
      if (this.session.inXR) this.frame();
    });
    this.xr.input.onControllerAddedObservable.add((c) => {
      this.locomotion.controllerAdded(c);
      // A / X: next tour stop. B / Y: show or hide the menu.
      c.onMotionControllerInitObservable.add((mc) => {
        for (const [id, action] of [
          ['a-button', () => this.stepTour(1)],
          ['x-button', () => this.stepTour(1)],
          ['b-button', () => this.menu.toggle(this.active)],
          ['y-button', () => this.menu.toggle(this.active)],
        ] as const) {
          mc.getComponent(id)?.onButtonStateChangedObservable.add((comp) => {
            if (comp.changes.pressed?.current) action();
          });
        }
      });
    });
  }

  private started(): void {
    const tour = this.host.tour();
    const t = tour ? this.host.exhibition.tours.find((x) => x.id === tour.id) : undefined;
    this.tour = t && tour ? { tour: t, index: tour.index } : undefined;
    this.menu.show(true);
    this.menu.render();
    this.frames = 0;
    this.recent = [];
    this.locomotion.started();
    this.route.start();
    this.instrumentation ??= new SceneInstrumentation(this.scene);
    this.instrumentation.captureFrameTime = false;
    this.host.setStatus({ mode: 'vr', xr: 'running', ...this.locomotion.status() });
    this.host.announce(this.locale.t.vrEntered);
  }

  /** However the session ended: the preview gets where the visitor stood, their tour and open work. */
  private ended(): void {
    const selected = this.works.panel.artworkId;
    this.works.ended();
    this.route.stop();
    this.menu.show(false);
    const pose = this.lastPose ?? this.host.startPose();
    const tour = this.tour ? { id: this.tour.tour.id, index: this.tour.index } : undefined;
    this.tour = undefined;
    this.moving = false;
    this.host.setStatus({ mode: 'preview', xr: 'ended' });
    const result: VrExit = { pose, selected, tour };
    this.host.exited(result);
    this.onExitedObservable.notifyObservers(result);
  }

  // ---------------------------------------------------------------- every frame

  private frame(): void {
    this.frames++;
    this.measure();
    const pose = this.currentPose();
    if (pose) this.lastPose = pose;
    this.locomotion.frame(this.moving);
    this.menu.place();
    this.works.frame();
    this.route.frame();
    if (this.frames % 15 === 0 && pose) {
      this.host.setStatus({ vrPose: `${pose.position.map((v) => v.toFixed(2)).join(',')};${pose.heading.toFixed(1)}` });
    }
  }

  /** The visitor's feet and heading, from the headset pose. */
  private currentPose(): StandPose | undefined {
    const cam = this.camera;
    // Only readable inside the XR frame callback: cached for use outside it.
    const height = cam.realWorldHeight;
    if (!height) return undefined;
    this.eyeHeight = height;
    const f = cam.getDirection(Vector3.Forward(this.scene.useRightHandedSystem));
    const heading = Math.hypot(f.x, f.z) > 1e-4 ? dirToHeading([f.x, f.z]) : (this.lastPose?.heading ?? 0);
    return { position: [cam.position.x, cam.position.y - height - this.locomotion.lift, cam.position.z], heading };
  }

  /** The last frame's draw calls and triangles (both eyes), kept for the last 10 frames. */
  private measure(): void {
    if (!this.instrumentation) return;
    this.recent.push({ drawCalls: this.instrumentation.drawCallsCounter.current, triangles: Math.round(this.scene.getActiveIndices() / 3) });
    if (this.recent.length > 10) this.recent.shift();
  }

  // ---------------------------------------------------------------- works

  openWork(id: string): void {
    this.works.openWork(id);
  }

  closePanel(): void {
    this.works.closePanel();
  }

  // ---------------------------------------------------------------- moving the visitor

  /** Puts the visitor somewhere with a short fade through black: no sliding, no sudden jump. */
  async moveTo(pose: StandPose): Promise<void> {
    this.moving = true;
    try {
      await fade(this.scene, 0, 160);
      const cam = this.camera;
      cam.position.set(pose.position[0], pose.position[1] + this.eyeHeight + this.locomotion.lift, pose.position[2]);
      cam.rotationQuaternion.copyFrom(Quaternion.RotationYawPitchRoll(headingToYaw(pose.heading), 0, 0));
      this.locomotion.moved();
      this.lastPose = pose;
      await fade(this.scene, 1, 220);
    } finally {
      this.moving = false;
    }
  }

  // ---------------------------------------------------------------- tours

  startTour(id: string): void {
    const tour = this.host.exhibition.tours.find((t) => t.id === id);
    if (!tour?.stops.length) return;
    this.tour = { tour, index: 0 };
    void this.goToStop();
  }

  stepTour(delta: number): void {
    if (!this.tour) return;
    const index = Math.min(Math.max(this.tour.index + delta, 0), this.tour.tour.stops.length - 1);
    if (index === this.tour.index) return;
    this.tour.index = index;
    void this.goToStop();
  }

  endTour(): void {
    this.tour = undefined;
    this.host.setStatus({ tour: '', tourStop: '' });
    this.menu.render();
  }

  private async goToStop(): Promise<void> {
    if (!this.tour) return;
    const stop = this.tour.tour.stops[this.tour.index]!;
    const work = this.host.gallery.works.get(stop.artwork);
    this.host.setStatus({ tour: this.tour.tour.id, tourStop: String(this.tour.index) });
    this.menu.render();
    if (!work) return;
    this.works.closePanel();
    await this.moveTo(stopPose(this.host.exhibition, work.artwork, work.pose));
    this.works.openWork(stop.artwork);
  }

  // ---------------------------------------------------------------- settings

  setSnap(angle: number): void {
    this.locomotion.setSnap(angle);
  }

  /** Seated mode: the view rises so a seated visitor sees the rooms from standing eye height. */
  setSeated(on: boolean): void {
    this.locomotion.setSeated(on);
  }

  /** Smooth movement (the left stick walks) instead of teleport; see VrLocomotion.setSmooth. */
  setSmooth(on: boolean, remember = true): void {
    this.locomotion.setSmooth(on, remember);
  }

  // ---------------------------------------------------------------- tests and measurements

  /** `eyeHeight`: the eyes above the floor (the headset's real height, plus seated mode's lift). */
  viewer(): { position: Vec3; heading: number; room?: string; inXR: boolean; frames: number; eyeHeight: number; lift: number } | undefined {
    const pose = this.lastPose;
    if (!pose) return undefined;
    const room = roomAt(this.host.exhibition.space.rooms, [pose.position[0], pose.position[2]])?.id;
    const lift = this.locomotion.lift;
    return { ...pose, room, inXR: this.active, frames: this.frames, eyeHeight: this.eyeHeight + lift, lift };
  }

  /** The open panel: what it shows and how it stands toward the visitor (VrWorks.panelState). */
  panelState() {
    return this.works.panelState();
  }

  /**
   * Where a named control of the panel or the menu is in the world; also a hotspot of the open work
   * (`hotspot:<work>:<annotation>`) or the middle of a work as drawn (`work:<id>`), for tests to aim at.
   */
  controlPoint(name: string): [number, number, number] | undefined {
    if (name.startsWith('work:')) {
      const meshes = this.host.gallery.works
        .get(name.slice(5))
        ?.root.getChildMeshes(false)
        .filter((m) => m.isEnabled() && m.isPickable && m.isVisible && !(m.metadata as { annotationId?: string } | null)?.annotationId && m.getTotalVertices() > 0);
      if (!meshes?.length) return undefined;
      const min = new Vector3(Infinity, Infinity, Infinity);
      const max = new Vector3(-Infinity, -Infinity, -Infinity);
      for (const m of meshes) {
        const box = m.getBoundingInfo().boundingBox;
        min.minimizeInPlace(box.minimumWorld);
        max.maximizeInPlace(box.maximumWorld);
      }
      const c = min.add(max).scale(0.5);
      return [c.x, c.y, c.z];
    }
    if (name.startsWith('hotspot:')) return this.works.hotspotPoint(name);
    return this.works.panel.surface.controlPoint(name) ?? this.menu.surface.controlPoint(name);
  }

  /**
   * The heaviest of the last 10 frames in draw calls and in triangles (both eyes together), what is drawn now,
   * and the number of views.
   */
  stats(): { drawCalls: number; activeTriangles: number; activeMeshes: number; views: number; totalMeshes: number; frames: number } {
    return {
      drawCalls: Math.max(0, ...this.recent.map((r) => r.drawCalls)),
      activeTriangles: Math.max(0, ...this.recent.map((r) => r.triangles)),
      activeMeshes: this.scene.getActiveMeshes().length,
      views: Math.max(1, this.camera.rigCameras.length),
      totalMeshes: this.scene.meshes.length,
      frames: this.recent.length,
    };
  }
}
