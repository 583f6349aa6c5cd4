/**
 * The VR walkthrough: the same gallery scene, entered with Babylon's default WebXR experience.
 * Teleport (arc onto walkable floors only) and snap turn come from Babylon's teleportation feature,
 * pointing and the trigger (or a pinch) from its pointer selection, hands from its hand tracking, and an
 * optional smooth movement from its movement feature. Works highlight under the ray and open a world-space
 * panel beside them; a wrist menu runs tours and settings. Loaded on demand (dynamic import) by the preview.
 */
import { WebXRDefaultExperience } from '@babylonjs/core/XR/webXRDefaultExperience';
import { WebXRFeatureName } from '@babylonjs/core/XR/webXRFeaturesManager';
import { WebXRState } from '@babylonjs/core/XR/webXRTypes';
import { WebXRMotionControllerManager } from '@babylonjs/core/XR/motionController/webXRMotionControllerManager';
import '@babylonjs/core/XR/features/WebXRControllerMovement';
import type { WebXRMotionControllerTeleportation } from '@babylonjs/core/XR/features/WebXRControllerTeleportation';
import type { WebXRInputSource } from '@babylonjs/core/XR/webXRInputSource';
import { WebXRControllerComponent } from '@babylonjs/core/XR/motionController/webXRControllerComponent';
import type { IWebXRMotionControllerAxesValue } from '@babylonjs/core/XR/motionController/webXRControllerComponent';
import { PointerEventTypes } from '@babylonjs/core/Events/pointerEvents';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { Quaternion, Vector3 } from '@babylonjs/core/Maths/math.vector';
import { Ray } from '@babylonjs/core/Culling/ray';
import { SceneInstrumentation } from '@babylonjs/core/Instrumentation/sceneInstrumentation';
import { Mesh } from '@babylonjs/core/Meshes/mesh';
import type { AbstractMesh } from '@babylonjs/core/Meshes/abstractMesh';
import type { Observer } from '@babylonjs/core/Misc/observable';
import type { Scene } from '@babylonjs/core/scene';
import { StackPanel } from '@babylonjs/gui/2D/controls/stackPanel';
import { Rectangle } from '@babylonjs/gui/2D/controls/rectangle';
import { Control } from '@babylonjs/gui/2D/controls/control';
import { dirToHeading, roomAt } from '../../twin/floorplan';
import { EYE_HEIGHT } from '../../twin/layout';
import type { Exhibition, Tour, Vec3 } from '../../twin/schema';
import { pick } from '../../twin/text';
import { fill, type Strings } from '../../ui/i18n';
import { artworkIdOf, type SceneArtwork } from '../../scene/artworks';
import type { Gallery } from '../../scene/gallery';
import {
  blocksTeleport,
  DEFAULT_SNAP_ANGLE,
  faceToward,
  headingToYaw,
  nextSnapAngle,
  panelFacing,
  panelPlacement,
  seatedLift,
  stopPose,
  textPerMetre,
  type PanelSize,
  type StandPose,
} from './logic';
import { PANEL_SIZE, VrPanel, type VrPanelContext } from './vr-panel';
import { ACCENT, MUTED, Surface } from './surface';
import { timeLapseFor } from '../../scene/time-lapse';

export interface VrFavourites {
  has(id: string): boolean;
  toggle(id: string): Promise<boolean>;
  onChange(listener: (ids: ReadonlySet<string>) => void): void;
}

export interface VrExit {
  /** Where the visitor stood (feet) and faced when they left VR. */
  pose: StandPose;
  /** The work whose panel was open, if any. */
  selected?: string;
  tour?: { id: string; index: number };
}

/** What every immersive mode (VR, AR) needs from the visit: the scene, the model, the visitor's state. */
export interface XrHost {
  gallery: Gallery;
  exhibition: Exhibition;
  lang: () => string;
  t: () => Strings;
  favourites?: VrFavourites;
  /** Advisory notices acknowledged in this visit (shared with the preview). */
  acknowledged: Set<string>;
  resolveMedia: (path: string) => string;
  setStatus: (data: Record<string, string>) => void;
  announce: (text: string) => void;
}

export interface VrHost extends XrHost {
  /** The preview's pose: VR starts here (on arrival, the exhibition's entrance). */
  startPose: () => StandPose;
  tour: () => { id: string; index: number } | undefined;
  exited: (result: VrExit) => void;
}

/** The world-space panel's context for an immersive mode: favourites and acknowledgements are the visit's. */
/** Controller models and profiles come from the app's own files (see xr-profiles-plugin.ts), never a CDN: VR and AR. */
export function useOwnControllerProfiles(): void {
  WebXRMotionControllerManager.BaseRepositoryUrl = new URL(`${import.meta.env.BASE_URL}xr-input`, location.href).href;
  WebXRMotionControllerManager.UseOnlineRepository = true;
  WebXRMotionControllerManager.PrioritizeOnlineRepository = true;
}

export function xrPanelContext(
  host: XrHost,
  panel: () => VrPanel,
  close: () => void,
  focusAnnotation: VrPanelContext['focusAnnotation'],
  mode: VrPanelContext['mode'] = 'vr',
): VrPanelContext {
  return {
    mode,
    exhibition: host.exhibition,
    lang: host.lang,
    t: host.t,
    timeLapse: (id) => timeLapseFor(host.gallery.scene, host.gallery.works.get(id), host.gallery.resolve),
    reducedMotion: () => matchMedia('(prefers-reduced-motion: reduce)').matches,
    isFavourite: (id) => host.favourites?.has(id) ?? false,
    toggleFavourite: (id) => void host.favourites?.toggle(id),
    acknowledged: (id) => host.acknowledged.has(id),
    acknowledge: (id) => {
      host.acknowledged.add(id);
      panel().refresh();
    },
    resolveMedia: host.resolveMedia,
    close,
    focusAnnotation,
  };
}

const SNAP_KEY = 'museum-twin:vr-snap';
const SMOOTH_KEY = 'museum-twin:vr-smooth';
const SEATED_KEY = 'museum-twin:vr-seated';

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function store(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage blocked: the setting lasts for this visit.
  }
}

export class VrMode {
  private readonly scene: Scene;
  private readonly panel: VrPanel;
  private readonly menu: Surface;
  private teleport?: WebXRMotionControllerTeleportation;
  private snapAngle = Number(stored(SNAP_KEY)) || DEFAULT_SNAP_ANGLE;
  private smooth = stored(SMOOTH_KEY) === 'on';
  private seated = stored(SEATED_KEY) === 'on';
  /** How far seated mode raises the view (metres); measured from the headset's height on the next frame when pending. */
  private lift = 0;
  private liftPending = false;
  /** Where the open panel was put (its centre at scale 1) and the floor under it: it turns and grows from there. */
  private panelAnchor?: { anchor: Vec3; floorY: number };
  /** Draw calls and active triangles (both eyes) of the last few frames, for the budget. */
  private recent: { drawCalls: number; triangles: number }[] = [];
  private tour?: { tour: Tour; index: number };
  private hovered?: string;
  private highlighted: AbstractMesh[] = [];
  private selectedWork?: SceneArtwork;
  private lastPose?: StandPose;
  /** The headset's height above the real floor, from the last XR frame. */
  private eyeHeight = EYE_HEIGHT;
  private frames = 0;
  private moving = false;
  private frameObserver?: Observer<Scene>;
  private instrumentation?: SceneInstrumentation;
  private lastValid?: Vector3;
  private entering = false;

  private constructor(
    private readonly host: VrHost,
    private readonly xr: WebXRDefaultExperience,
  ) {
    this.scene = host.gallery.scene;
    this.panel = new VrPanel(
      this.scene,
      xrPanelContext(host, () => this.panel, () => this.closePanel(), (a, n) => this.focusHotspot(a, n)),
    );
    this.menu = new Surface('vr-menu', this.scene, 0.3, 0.36, 600, 720);
    this.menu.mesh.setEnabled(false);
    host.favourites?.onChange(() => this.panel.refresh());
    this.wire();
  }

  static async create(host: VrHost): Promise<VrMode> {
    useOwnControllerProfiles();
    const xr = await WebXRDefaultExperience.CreateAsync(host.gallery.scene, {
      disableDefaultUI: true,
      // Near interaction loads a material snippet from Babylon's servers; pointing covers what it would do.
      disableNearInteraction: true,
      floorMeshes: host.gallery.architecture.floors,
      pointerSelectionOptions: { preferredHandedness: 'right' },
      teleportationOptions: VrMode.teleportOptions(),
      // Hands as jointed spheres made here: Babylon's default hand meshes come from its CDN.
      handSupportOptions: { handMeshes: { disableDefaultMeshes: true }, jointMeshes: { scaleFactor: 0.8 } },
    });
    if (!xr.baseExperience) throw new Error('WebXR could not be initialised');
    return new VrMode(host, xr);
  }

  private static teleportOptions() {
    return {
      blockerMeshesPredicate: (m: AbstractMesh) =>
        blocksTeleport({
          kind: (m.metadata as { kind?: string } | null)?.kind,
          artworkId: (m.metadata as { artworkId?: string } | null)?.artworkId,
          enabled: m.isEnabled(),
          pickable: m.isPickable,
          visible: m.isVisible,
          collides: m.checkCollisions,
        }),
      defaultTargetMeshOptions: { disableLighting: true },
    };
  }

  get active(): boolean {
    return this.xr.baseExperience.state === WebXRState.IN_XR || this.xr.baseExperience.state === WebXRState.ENTERING_XR;
  }

  private get camera() {
    return this.xr.baseExperience.camera;
  }

  // ---------------------------------------------------------------- session

  async enter(): Promise<void> {
    if (this.active || this.entering) return;
    this.entering = true;
    try {
      await this.xr.baseExperience.enterXRAsync('immersive-vr', 'local-floor', this.xr.renderTarget, { optionalFeatures: ['hand-tracking'] });
    } finally {
      this.entering = false;
    }
  }

  async exit(): Promise<void> {
    if (this.xr.baseExperience.state === WebXRState.IN_XR) await this.xr.baseExperience.exitXRAsync();
  }

  private wire(): void {
    const base = this.xr.baseExperience;
    this.teleport = this.xr.teleportation;
    this.configureTeleport();
    this.xr.pointerSelection.raySelectionPredicate = (m) => m.isPickable && m.isEnabled() && (m.isVisible || !!(m.metadata as { annotationId?: string } | null)?.annotationId);
    base.onInitialXRPoseSetObservable.add((cam) => {
      // Start where the visitor stands in the preview (on arrival: the entrance), feet on the real floor.
      const start = this.host.startPose();
      cam.position.set(start.position[0], start.position[1], start.position[2]);
      cam.rotationQuaternion = Quaternion.RotationYawPitchRoll(headingToYaw(start.heading), 0, 0);
      this.lastPose = start;
    });
    base.onStateChangedObservable.add((state) => {
      if (state === WebXRState.IN_XR) this.started();
      if (state === WebXRState.NOT_IN_XR) this.ended();
    });
    // The controller's taps are VR's: the preview must not take them for taps on its canvas (walk-to-floor),
    // even when Babylon delivers them after the double-tap delay, once the session has ended.
    this.scene.onPointerObservable.add(
      (info, state) => {
        const tap = info.type === PointerEventTypes.POINTERTAP || info.type === PointerEventTypes.POINTERDOUBLETAP;
        if (tap && (info.event as PointerEvent).pointerType === 'xr') state.skipNextObservers = true;
      },
      undefined,
      true,
    );
    this.scene.onPointerObservable.add((info) => {
      if (!this.active || info.type !== PointerEventTypes.POINTERDOWN) return;
      const hit = info.pickInfo?.hit ? info.pickInfo.pickedMesh : null;
      this.select(hit);
    });
    this.xr.input.onControllerAddedObservable.add((c) => this.controllerAdded(c));
  }

  private configureTeleport(): void {
    const tp = this.teleport;
    if (!tp) return;
    tp.rotationAngle = (this.snapAngle * Math.PI) / 180;
    tp.rotationEnabled = true;
    tp.backwardsMovementEnabled = true;
    // Babylon turns a right-handed scene's visitor round by 180° when the stick was pushed exactly straight
    // (x never left 0, so its aim angle stays 0): keep the heading the visitor had in that case.
    let before: Quaternion | undefined;
    tp.onBeforeCameraTeleport.add(() => (before = this.camera.rotationQuaternion.clone()));
    tp.onAfterCameraTeleport.add(() => {
      if (before && !this.stickAimed) this.camera.rotationQuaternion.copyFrom(before);
      // Babylon lands the eyes at the headset's real height above the floor: seated mode lifts them again.
      this.camera.position.y += this.lift;
      this.host.setStatus({ vrTeleports: String(++this.teleports) });
    });
    tp.onAfterCameraTeleportRotation.add(() => this.host.setStatus({ vrTurns: String(++this.turns) }));
  }

  private teleports = 0;
  /** Whether the thumbstick moved sideways during the current teleport push (Babylon then aims the landing). */
  private stickAimed = false;
  private pushing = false;
  private turns = 0;

  private started(): void {
    const tour = this.host.tour();
    const t = tour ? this.host.exhibition.tours.find((x) => x.id === tour.id) : undefined;
    this.tour = t && tour ? { tour: t, index: tour.index } : undefined;
    this.menu.mesh.setEnabled(true);
    this.renderMenu();
    this.frames = 0;
    this.lastValid = undefined;
    this.recent = [];
    this.lift = 0;
    this.liftPending = this.seated;
    if (this.smooth) this.setSmooth(true, false);
    this.instrumentation ??= new SceneInstrumentation(this.scene);
    this.instrumentation.captureFrameTime = false;
    this.frameObserver = this.scene.onAfterRenderObservable.add(() => this.frame());
    this.host.setStatus({ mode: 'vr', xr: 'running', vrSnap: String(this.snapAngle), vrSmooth: this.smooth ? 'on' : 'off', vrSeated: this.seated ? 'on' : 'off' });
    this.host.announce(this.host.t().vrEntered);
  }

  private ended(): void {
    if (this.frameObserver) this.scene.onAfterRenderObservable.remove(this.frameObserver);
    this.frameObserver = undefined;
    this.unhighlight();
    const selected = this.panel.artworkId;
    this.closePanel();
    this.menu.mesh.setEnabled(false);
    const pose = this.lastPose ?? this.host.startPose();
    const tour = this.tour ? { id: this.tour.tour.id, index: this.tour.index } : undefined;
    this.tour = undefined;
    this.host.setStatus({ mode: 'preview', xr: 'ended' });
    this.host.exited({ pose, selected, tour });
  }

  // ---------------------------------------------------------------- every frame

  private frame(): void {
    if (this.xr.baseExperience.state !== WebXRState.IN_XR) return;
    this.frames++;
    this.measure();
    if (this.liftPending && this.camera.realWorldHeight > 0) {
      this.liftPending = false;
      this.setLift(seatedLift(this.camera.realWorldHeight));
    }
    const pose = this.currentPose();
    if (pose) this.lastPose = pose;
    if (this.smooth && !this.moving) this.keepOnFloor();
    this.placeMenu();
    this.facePanel();
    this.hover();
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
    return { position: [cam.position.x, cam.position.y - height - this.lift, cam.position.z], heading };
  }

  /** The last frame's draw calls and triangles (both eyes), kept for the last 10 frames. */
  private measure(): void {
    if (!this.instrumentation) return;
    this.recent.push({ drawCalls: this.instrumentation.drawCallsCounter.current, triangles: Math.round(this.scene.getActiveIndices() / 3) });
    if (this.recent.length > 10) this.recent.shift();
  }

  /** Seated mode: raises (or, turned off, lowers back) the view by the difference. */
  private setLift(lift: number): void {
    this.camera.position.y += lift - this.lift;
    this.lift = lift;
    this.lastValid = undefined;
  }

  /** The smallest text now on the panel, with its size, for readability. */
  private panelSize(): PanelSize {
    const px = this.panel.surface.smallestTextPx();
    return Number.isFinite(px) ? { ...PANEL_SIZE, smallestText: px * this.panel.surface.metresPerPixel } : PANEL_SIZE;
  }

  /** The open panel turns toward the visitor as they move, grows to stay readable, and closes once they walk away. */
  private facePanel(): void {
    if (!this.panel.artworkId || !this.panelAnchor) return;
    const eye = this.camera.position;
    const f = panelFacing({ ...this.panelAnchor, viewer: [eye.x, eye.y, eye.z], panel: this.panelSize() });
    if (!f.readable) {
      this.closePanel();
      return;
    }
    const mesh = this.panel.surface.mesh;
    mesh.position.set(...f.centre);
    mesh.rotation.set(0, f.yaw, 0);
    mesh.scaling.setAll(f.scale);
  }

  private hover(): void {
    let id: string | undefined;
    for (const c of this.xr.input.controllers) {
      const mesh = this.xr.pointerSelection.getMeshUnderPointer(c.uniqueId);
      id = artworkIdOf(mesh);
      if (id) break;
    }
    if (id === this.hovered) return;
    this.unhighlight();
    this.hovered = id;
    this.host.setStatus({ hovered: id ?? '' });
    const work = id ? this.host.gallery.works.get(id) : undefined;
    if (!work) return;
    for (const m of work.root.getChildMeshes(false)) {
      if (!(m instanceof Mesh) || !m.isPickable || !m.isEnabled() || (m.metadata as { annotationId?: string } | null)?.annotationId) continue;
      m.renderOverlay = true;
      m.overlayColor = Color3.FromHexString(ACCENT);
      m.overlayAlpha = 0.22;
      this.highlighted.push(m);
    }
  }

  private unhighlight(): void {
    for (const m of this.highlighted) m.renderOverlay = false;
    this.highlighted = [];
    this.hovered = undefined;
  }

  /** Smooth movement has no collisions of its own: step back when the visitor leaves the floor or meets a wall. */
  private keepOnFloor(): void {
    const cam = this.camera;
    const here = cam.position.clone();
    const floors = this.host.gallery.architecture.floors;
    const down = this.scene.pickWithRay(new Ray(here, new Vector3(0, -1, 0), 10), (m) => floors.includes(m));
    let ok = !!down?.hit;
    if (ok && this.lastValid) {
      const d = here.subtract(this.lastValid);
      d.y = 0;
      const len = d.length();
      if (len > 1e-4) {
        const from = new Vector3(this.lastValid.x, here.y - 0.6, this.lastValid.z);
        const wall = this.scene.pickWithRay(new Ray(from, d.scale(1 / len), len + 0.25), (m) => m.checkCollisions && !floors.includes(m) && m.isEnabled());
        if (wall?.hit) ok = false;
      }
    }
    if (ok) this.lastValid = here;
    else if (this.lastValid) cam.position.set(this.lastValid.x, cam.position.y, this.lastValid.z);
  }

  // ---------------------------------------------------------------- works

  private select(mesh: AbstractMesh | null | undefined): void {
    if (mesh && (mesh.metadata as { kind?: string } | null)?.kind === 'vr-ui') return; // the GUI takes it
    const meta = mesh?.metadata as { annotationId?: string; artworkId?: string } | undefined;
    if (meta?.annotationId && meta.artworkId) {
      if (this.panel.artworkId !== meta.artworkId) this.openWork(meta.artworkId);
      this.panel.showAnnotation(meta.annotationId);
      this.focusHotspot(meta.artworkId, meta.annotationId);
      return;
    }
    const id = artworkIdOf(mesh);
    if (id) {
      this.openWork(id);
      return;
    }
    // Pointing away from any work and pulling the trigger closes the panel.
    this.closePanel();
  }

  openWork(id: string): void {
    const work = this.host.gallery.works.get(id);
    if (!work) return;
    if (this.selectedWork && this.selectedWork !== work) for (const h of this.selectedWork.hotspots) h.setEnabled(false);
    this.selectedWork = work;
    for (const h of work.hotspots) h.setEnabled(true);
    const eye = this.camera.position;
    const room = this.host.exhibition.space.rooms.find((r) => r.id === work.pose.room)?.polygon;
    const place = panelPlacement({
      work: work.pose,
      workWidth: work.artwork.dimensions.width + (work.artwork.kind === 'object' ? 0.3 : 0),
      floorY: work.artwork.kind === 'painting' ? (this.lastPose?.position[1] ?? 0) : work.pose.position[1],
      viewer: [eye.x, eye.y, eye.z],
      room,
      panel: this.panelSize(),
    });
    const mesh = this.panel.surface.mesh;
    mesh.position.set(...place.centre);
    mesh.rotation.set(0, place.yaw, 0);
    mesh.scaling.setAll(place.scale);
    this.panelAnchor = { anchor: place.anchor, floorY: place.floorY };
    this.panel.open(work.artwork);
    this.host.setStatus({ selected: id, vrPanel: id });
    this.host.announce(pick(work.artwork.title, this.host.lang(), this.host.exhibition.defaultLanguage).text);
  }

  closePanel(): void {
    if (this.selectedWork) for (const h of this.selectedWork.hotspots) h.setEnabled(false);
    this.selectedWork = undefined;
    this.panelAnchor = undefined;
    if (!this.panel.artworkId) return;
    this.panel.close();
    this.host.setStatus({ selected: '', vrPanel: '' });
  }

  private focusHotspot(artworkId: string, annotationId: string | undefined): void {
    const work = this.host.gallery.works.get(artworkId);
    for (const s of work?.hotspots ?? []) s.scaling.setAll(s.metadata?.annotationId === annotationId ? 1.8 : 1);
  }

  // ---------------------------------------------------------------- moving the visitor

  /** Puts the visitor somewhere with a short fade through black: no sliding, no sudden jump. */
  async moveTo(pose: StandPose): Promise<void> {
    this.moving = true;
    try {
      await this.fade(0, 160);
      const cam = this.camera;
      const height = this.eyeHeight;
      cam.position.set(pose.position[0], pose.position[1] + height + this.lift, pose.position[2]);
      cam.rotationQuaternion.copyFrom(Quaternion.RotationYawPitchRoll(headingToYaw(pose.heading), 0, 0));
      this.lastValid = undefined;
      this.lastPose = pose;
      await this.fade(1, 220);
    } finally {
      this.moving = false;
    }
  }

  private baseExposure?: number;

  private fade(to: 0 | 1, ms: number): Promise<void> {
    const ip = this.scene.imageProcessingConfiguration;
    this.baseExposure ??= ip.exposure;
    const target = to * this.baseExposure;
    const from = ip.exposure;
    const start = performance.now();
    return new Promise((resolve) => {
      const obs = this.scene.onBeforeRenderObservable.add(() => {
        const k = Math.min(1, (performance.now() - start) / ms);
        ip.exposure = from + (target - from) * k;
        if (k >= 1) {
          this.scene.onBeforeRenderObservable.remove(obs);
          resolve();
        }
      });
    });
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
    this.renderMenu();
  }

  private async goToStop(): Promise<void> {
    if (!this.tour) return;
    const stop = this.tour.tour.stops[this.tour.index]!;
    const work = this.host.gallery.works.get(stop.artwork);
    this.host.setStatus({ tour: this.tour.tour.id, tourStop: String(this.tour.index) });
    this.renderMenu();
    if (!work) return;
    this.closePanel();
    await this.moveTo(stopPose(this.host.exhibition, work.artwork, work.pose));
    this.openWork(stop.artwork);
  }

  // ---------------------------------------------------------------- menu

  private controllerAdded(c: WebXRInputSource): void {
    c.onMotionControllerInitObservable.add((mc) => {
      let turning = false;
      mc.getComponent('xr-standard-thumbstick')?.onAxisValueChangedObservable.add(({ x, y }) => {
        if (this.smooth && c.inputSource.handedness === 'right') {
          if (!turning && Math.abs(x) > 0.7) {
            turning = true;
            this.snapTurnCamera(x > 0 ? 1 : -1);
          } else if (Math.abs(x) < 0.3) turning = false;
        }
        if (y < -0.7 && !this.pushing) {
          this.pushing = true;
          this.stickAimed = x !== 0;
        } else if (this.pushing && x !== 0) this.stickAimed = true;
        if (x === 0 && y === 0) this.pushing = false;
      });
      // A / X: next tour stop. B / Y: show or hide the menu.
      for (const [id, action] of [
        ['a-button', () => this.stepTour(1)],
        ['x-button', () => this.stepTour(1)],
        ['b-button', () => this.toggleMenu()],
        ['y-button', () => this.toggleMenu()],
      ] as const) {
        mc.getComponent(id)?.onButtonStateChangedObservable.add((comp) => {
          if (comp.changes.pressed?.current) action();
        });
      }
    });
  }

  private menuHidden = false;

  private toggleMenu(): void {
    this.menuHidden = !this.menuHidden;
    this.menu.mesh.setEnabled(!this.menuHidden && this.active);
  }

  /** Above the left wrist, turned toward the eyes; without a left hand or controller, floating low on the left. */
  private placeMenu(): void {
    if (this.menuHidden) return;
    const left = this.xr.input.controllers.find((c) => c.inputSource.handedness === 'left');
    const anchor = left?.grip ?? left?.pointer;
    const eye = this.camera.position;
    const m = this.menu.mesh;
    if (anchor) {
      const p = anchor.getAbsolutePosition();
      m.position.set(p.x, p.y + 0.22, p.z);
    } else {
      const f = this.camera.getDirection(Vector3.Forward(this.scene.useRightHandedSystem));
      const flat = new Vector3(f.x, 0, f.z).normalize();
      const leftDir = new Vector3(flat.z, 0, -flat.x);
      m.position.set(eye.x + flat.x * 0.55 + leftDir.x * 0.3, eye.y - 0.45, eye.z + flat.z * 0.55 + leftDir.z * 0.3);
    }
    m.rotation.set(0, faceToward([m.position.x, m.position.z], [eye.x, eye.z]), 0);
  }

  private renderMenu(): void {
    const t = this.host.t();
    const s = this.menu;
    const root = s.ui.rootContainer;
    for (const c of [...root.children]) c.dispose();
    const card = new Rectangle('menu-card');
    card.background = '#1f1c19f2';
    card.cornerRadius = 24;
    card.thickness = 3;
    card.color = '#5a4d40';
    root.addControl(card);
    const col = new StackPanel('menu-column');
    col.width = '560px';
    col.top = '16px';
    col.verticalAlignment = Control.VERTICAL_ALIGNMENT_TOP;
    card.addControl(col);
    const wide = { width: '560px', height: '78px', fontSize: 30 };
    if (this.tour) {
      const { tour, index } = this.tour;
      const stop = tour.stops[index]!;
      const art = this.host.exhibition.artworks.find((a) => a.id === stop.artwork);
      const txt = (m: Parameters<typeof pick>[0]) => pick(m, this.host.lang(), this.host.exhibition.defaultLanguage).text;
      col.addControl(s.text('tour-title', `${txt(tour.title)} · ${fill(t.tourStop, { i: index + 1, n: tour.stops.length })}`, 28, { color: MUTED, height: '80px' }));
      col.addControl(s.text('tour-work', art ? txt(art.title) : stop.artwork, 32, { bold: true, height: '90px' }));
      const row = new StackPanel('tour-row');
      row.isVertical = false;
      row.height = '90px';
      col.addControl(row);
      row.addControl(s.button('tour:previous', `‹ ${t.previous}`, () => this.stepTour(-1), { width: '270px', height: '80px', fontSize: 28 }));
      row.addControl(s.button('tour:next', `${t.vrNextStop} ›`, () => this.stepTour(1), { width: '290px', height: '80px', fontSize: 28, background: '#6b4f1d' }));
      col.addControl(s.button('tour:end', t.endTour, () => this.endTour(), wide));
    } else {
      col.addControl(s.text('tours-title', t.tours, 30, { bold: true, color: MUTED, height: '56px' }));
      for (const tour of this.host.exhibition.tours.slice(0, 3)) {
        const title = pick(tour.title, this.host.lang(), this.host.exhibition.defaultLanguage).text;
        col.addControl(s.button(`tour:${tour.id}`, `▶ ${title}`, () => this.startTour(tour.id), wide));
      }
      if (!this.host.exhibition.tours.length) col.addControl(s.text('no-tours', '—', 28, { color: MUTED, height: '60px' }));
    }
    col.addControl(s.button('snap', fill(t.vrSnapTurn, { n: this.snapAngle }), () => this.setSnap(nextSnapAngle(this.snapAngle)), wide));
    col.addControl(s.button('smooth', fill(t.vrSmooth, { state: this.smooth ? t.vrOn : t.vrOff }), () => this.setSmooth(!this.smooth), wide));
    col.addControl(s.button('seated', fill(t.vrSeated, { state: this.seated ? t.vrOn : t.vrOff }), () => this.setSeated(!this.seated), wide));
    col.addControl(s.button('exit', t.vrExit, () => void this.exit(), { ...wide, background: '#5b2a24' }));
  }

  setSnap(angle: number): void {
    this.snapAngle = angle;
    store(SNAP_KEY, String(angle));
    if (this.teleport) this.teleport.rotationAngle = (angle * Math.PI) / 180;
    this.host.setStatus({ vrSnap: String(angle) });
    this.renderMenu();
  }

  /** Seated mode: the view rises so a seated visitor sees the rooms from standing eye height. */
  setSeated(on: boolean): void {
    this.seated = on;
    store(SEATED_KEY, on ? 'on' : 'off');
    if (on) this.liftPending = true;
    else {
      this.liftPending = false;
      if (this.active) this.setLift(0);
    }
    this.host.setStatus({ vrSeated: on ? 'on' : 'off' });
    this.renderMenu();
  }

  /**
   * Smooth movement: the left stick walks where the visitor looks (Babylon's movement feature) and the right
   * stick still snap-turns. Babylon's movement and teleport features exclude each other, so teleport is off
   * while smooth movement is on, and comes back when it is turned off.
   */
  setSmooth(on: boolean, remember = true): void {
    const fm = this.xr.baseExperience.featuresManager;
    if (this.active) {
      try {
        if (on) {
          if (fm.getEnabledFeature(WebXRFeatureName.TELEPORTATION)) fm.disableFeature(WebXRFeatureName.TELEPORTATION);
          this.teleport = undefined;
          // No glide after the stick is let go: moving on when the visitor has stopped is what makes people sick.
          this.camera.inertia = 0;
          fm.enableFeature(
            WebXRFeatureName.MOVEMENT,
            'latest',
            {
              xrInput: this.xr.input,
              movementOrientationFollowsViewerPose: true,
              movementOrientationFollowsController: false,
              movementSpeed: 0.5,
              rotationEnabled: false,
              // Babylon moves with the right stick by default; here the left walks and the right turns.
              customRegistrationConfigurations: [
                {
                  allowedComponentTypes: [WebXRControllerComponent.THUMBSTICK_TYPE, WebXRControllerComponent.TOUCHPAD_TYPE],
                  forceHandedness: 'left',
                  axisChangedHandler: (axes: IWebXRMotionControllerAxesValue, state: { moveX: number; moveY: number }, ctx: { movementThreshold: number }) => {
                    state.moveX = Math.abs(axes.x) > ctx.movementThreshold ? axes.x : 0;
                    state.moveY = Math.abs(axes.y) > ctx.movementThreshold ? axes.y : 0;
                  },
                },
              ],
            },
            true,
            false,
          );
        } else {
          if (fm.getEnabledFeature(WebXRFeatureName.MOVEMENT)) fm.disableFeature(WebXRFeatureName.MOVEMENT);
          this.teleport = fm.enableFeature(
            WebXRFeatureName.TELEPORTATION,
            'latest',
            { xrInput: this.xr.input, floorMeshes: this.host.gallery.architecture.floors, ...VrMode.teleportOptions() },
            true,
            false,
          ) as WebXRMotionControllerTeleportation;
          this.teleport.setSelectionFeature(this.xr.pointerSelection);
          this.configureTeleport();
        }
      } catch (e) {
        // An error thrown here would stop the XR frame loop: keep the way of moving the visitor had.
        console.error('VR: the way of moving could not be changed', e);
        return;
      }
    }
    this.smooth = on;
    if (remember) store(SMOOTH_KEY, on ? 'on' : 'off');
    this.host.setStatus({ vrSmooth: on ? 'on' : 'off' });
    this.renderMenu();
  }

  /**
   * A snap turn on the right stick while smooth movement is on (teleport, which turns otherwise, is off then):
   * the same rotation Babylon's teleport applies, by the chosen angle. `direction` 1 turns right.
   */
  private snapTurnCamera(direction: 1 | -1): void {
    const q = this.camera.rotationQuaternion;
    const rotation = ((this.snapAngle * Math.PI) / 180) * direction * (this.scene.useRightHandedSystem ? -1 : 1);
    Quaternion.FromEulerAngles(0, rotation, 0).multiplyToRef(q, q);
    this.host.setStatus({ vrTurns: String(++this.turns) });
  }

  // ---------------------------------------------------------------- tests and measurements

  /** `eyeHeight`: the eyes above the floor (the headset's real height, plus seated mode's lift). */
  viewer(): { position: Vec3; heading: number; room?: string; inXR: boolean; frames: number; eyeHeight: number; lift: number } | undefined {
    const pose = this.lastPose;
    if (!pose) return undefined;
    const room = roomAt(this.host.exhibition.space.rooms, [pose.position[0], pose.position[2]])?.id;
    return { ...pose, room, inXR: this.active, frames: this.frames, eyeHeight: this.eyeHeight + this.lift, lift: this.lift };
  }

  /**
   * The open panel: what it shows, and how it stands toward the visitor: `facing` is the cosine between its
   * face and the direction to the eye in plan (1 = square on); `textPerMetre`, its smallest text's height per
   * metre of distance from the eye.
   */
  panelState() {
    if (!this.panel.artworkId) return undefined;
    const mesh = this.panel.surface.mesh;
    const eye = this.camera.position;
    const c = mesh.position;
    const toEye = [eye.x - c.x, eye.z - c.z];
    const plan = Math.hypot(toEye[0]!, toEye[1]!) || 1;
    const facing = (Math.sin(mesh.rotation.y) * toEye[0]! + Math.cos(mesh.rotation.y) * toEye[1]!) / plan;
    const distance = Vector3.Distance(eye, c);
    const textHeight = this.panelSize().smallestText * mesh.scaling.x;
    return {
      artworkId: this.panel.artworkId,
      title: this.panel.title,
      ...this.panel.state,
      scale: mesh.scaling.x,
      centre: [c.x, c.y, c.z] as Vec3,
      facing,
      distance,
      textHeight,
      textPerMetre: textPerMetre(textHeight, distance),
    };
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
    if (name.startsWith('hotspot:')) {
      const h = this.selectedWork?.hotspots.find((m) => m.name === name && m.isEnabled());
      if (!h) return undefined;
      const p = h.getAbsolutePosition();
      return [p.x, p.y, p.z];
    }
    return this.panel.surface.controlPoint(name) ?? this.menu.controlPoint(name);
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
