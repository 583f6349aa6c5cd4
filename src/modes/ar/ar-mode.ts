/**
 * In-gallery AR on a phone: the twin registered to the real room. The twin's architecture and works render
 * depth-only (occluders), so only the overlays show over the camera image: floating labels with leader lines by
 * the nearest works, a backstory panel (the page's own panel in a WebXR DOM overlay; a world-space GUI panel where
 * the browser has no DOM overlay), and overlay animations played on the real object.
 *
 * Registration, three ways the visitor can switch between (registration.ts has the maths):
 * - reference points: aim the reticle (a viewer-space hit test) at each named point and tap; two or more points
 *   give the rigid transform;
 * - a printed marker: Babylon's WebXR image tracking (where the browser has it; otherwise it says so and falls
 *   back) gives the marker's pose; several steady detections give the transform;
 * - by hand: the twin's floor outline (a ghost) is set down where the reticle is, then turned and slid with
 *   on-screen controls until it matches the room, and confirmed.
 * The transform goes to one root node that parents the whole twin and is then held by a WebXR anchor. "Realign"
 * starts again. Loaded on demand by ar-button.ts.
 */
import { WebXRDefaultExperience } from '@babylonjs/core/XR/webXRDefaultExperience';
import { WebXRFeatureName } from '@babylonjs/core/XR/webXRFeaturesManager';
import { WebXRState } from '@babylonjs/core/XR/webXRTypes';
import '@babylonjs/core/XR/motionController/webXROculusTouchMotionController';
import '@babylonjs/core/XR/motionController/webXRGenericMotionController';
import type { WebXRHitTest, IWebXRHitResult } from '@babylonjs/core/XR/features/WebXRHitTest';
import '@babylonjs/core/XR/features/WebXRHitTest';
import type { WebXRAnchorSystem, IWebXRAnchor } from '@babylonjs/core/XR/features/WebXRAnchorSystem';
import '@babylonjs/core/XR/features/WebXRAnchorSystem';
import '@babylonjs/core/XR/features/WebXRDOMOverlay';
import type { WebXRImageTracking, IWebXRTrackedImage } from '@babylonjs/core/XR/features/WebXRImageTracking';
import '@babylonjs/core/XR/features/WebXRImageTracking';
import { PointerEventTypes } from '@babylonjs/core/Events/pointerEvents';
import { Color3, Color4 } from '@babylonjs/core/Maths/math.color';
import { Quaternion, Vector3 } from '@babylonjs/core/Maths/math.vector';
import { SceneInstrumentation } from '@babylonjs/core/Instrumentation/sceneInstrumentation';
import { TransformNode } from '@babylonjs/core/Meshes/transformNode';
import { Mesh } from '@babylonjs/core/Meshes/mesh';
import type { AbstractMesh } from '@babylonjs/core/Meshes/abstractMesh';
import { CreateBox } from '@babylonjs/core/Meshes/Builders/boxBuilder';
import { CreateDisc } from '@babylonjs/core/Meshes/Builders/discBuilder';
import { CreatePlane } from '@babylonjs/core/Meshes/Builders/planeBuilder';
import { CreateLineSystem } from '@babylonjs/core/Meshes/Builders/linesBuilder';
import type { LinesMesh } from '@babylonjs/core/Meshes/linesMesh';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import type { Material } from '@babylonjs/core/Materials/material';
import { DynamicTexture } from '@babylonjs/core/Materials/Textures/dynamicTexture';
import type { Observer } from '@babylonjs/core/Misc/observable';
import type { Scene } from '@babylonjs/core/scene';
import { StackPanel } from '@babylonjs/gui/2D/controls/stackPanel';
import { Rectangle } from '@babylonjs/gui/2D/controls/rectangle';
import { Control } from '@babylonjs/gui/2D/controls/control';
import { EYE_HEIGHT } from '../../twin/layout';
import { headingToDir, roomAt } from '../../twin/floorplan';
import type { Artwork, Exhibition, Vec3 } from '../../twin/schema';
import { pick } from '../../twin/text';
import { fill, type Strings } from '../../ui/i18n';
import { ArtworkPanel, type PanelContext } from '../../ui/panel';
import { h, clear } from '../../ui/dom';
import { artworkIdOf, type SceneArtwork } from '../../scene/artworks';
import { mayShow } from '../../twin/protocol';
import type { Gallery } from '../../scene/gallery';
import { OverlayPlayer } from '../../scene/overlay';
import { panelPlacement } from '../vr/logic';
import { PANEL_SIZE, VrPanel } from '../vr/vr-panel';
import { Surface, MUTED } from '../vr/surface';
import { useOwnControllerProfiles, xrPanelContext, type XrHost } from '../vr/vr-mode';
import {
  apply,
  invert,
  markerPoseFromMatrix,
  markerRegistrationFrom,
  placeAt,
  RegistrationError,
  solveRegistration,
  yawToFace,
  type MarkerPose,
  type RoomTransform,
} from './registration';
import { deOverlap, floorOutline, manualPivot, nearbyWorks, registrationMethods, type LabelBox, type RegistrationMethod } from './logic';
import { timeLapseFor } from '../../scene/time-lapse';

export interface ArHost extends XrHost {
  /** The preview panel's context (language, favourites, acknowledgements), for the DOM-overlay panel. */
  panelContext: () => PanelContext;
  /** The DOM overlay's root (#ar-overlay). */
  overlay: HTMLElement;
  exited: () => void;
}

/** aiming: tapping reference points; scanning: looking for the marker; placing/adjusting: by hand. */
type Phase = 'aiming' | 'scanning' | 'placing' | 'adjusting' | 'registered';

/** The transform in use and how it was found; `rms` is the fit's error (points) or the detections' spread (marker). */
type Alignment = RoomTransform & { method: RegistrationMethod; rms?: number; residuals?: number[] };

/** Manual steps: small enough to land within a couple of centimetres; held buttons repeat. */
const TURN_STEP = (1 * Math.PI) / 180;
const SLIDE_STEP = 0.02;
/** Steady detections of the marker averaged before it counts. */
const MARKER_DETECTIONS = 10;

const LABEL_W = 0.34;
const LABEL_H = 0.085;
/** How far above the work's top the label floats (before de-overlap). */
const LABEL_RISE = 0.22;

interface Label {
  mesh: Mesh;
  texture: DynamicTexture;
  id?: string;
  /** The point on the work (twin coordinates). */
  anchor?: Vector3;
}

interface Saved {
  clear: Color4;
  parents: TransformNode[];
  materials: [AbstractMesh, Material | null][];
  /**
   * Hidden meshes with whether each was enabled and visible. Hidden twice (disabled and invisible): the gallery's
   * room visibility enables every room once the twin hangs under the registration root.
   */
  disabled: [AbstractMesh, boolean, boolean][];
  /** Meshes whose world matrix was frozen (the architecture): thawed to follow the root, frozen again after. */
  frozen: AbstractMesh[];
}

export class ArMode {
  private readonly scene: Scene;
  private readonly root: TransformNode;
  private readonly occluder: StandardMaterial;
  private readonly reticle: Mesh;
  private readonly labels: Label[] = [];
  private readonly leaders: LinesMesh;
  private readonly guiPanel: VrPanel;
  private readonly hud: Surface;
  private readonly domPanel: ArtworkPanel;
  private readonly domHud: HTMLElement;
  private readonly panelEl: HTMLElement;
  private workOccluders?: Mesh;
  private saved?: Saved;
  private phase: Phase = 'aiming';
  private measured: Vec3[] = [];
  private registration?: Alignment;
  private readonly methods: RegistrationMethod[];
  private method: RegistrationMethod;
  /** Whether this session tracks images (set when it starts). */
  private markerTracking = false;
  private markerSeen = new Map<number, MarkerPose[]>();
  private readonly pivot: Vec3;
  private readonly outline: LinesMesh;
  private manual?: { at: Vec3; yaw: number };
  private repeat?: ReturnType<typeof setInterval>;
  private anchor?: IWebXRAnchor;
  private lastHit?: IWebXRHitResult;
  private message = '';
  private frames = 0;
  private frameObserver?: Observer<Scene>;
  private instrumentation?: SceneInstrumentation;
  private players = new Map<string, OverlayPlayer>();
  private openId?: string;
  private entering = false;
  private domOverlay = false;
  private shown: string[] = [];

  private constructor(
    private readonly host: ArHost,
    private readonly xr: WebXRDefaultExperience,
    private readonly hitTest: WebXRHitTest | undefined,
    private readonly anchors: WebXRAnchorSystem | undefined,
    private readonly imageTracking: WebXRImageTracking | undefined,
  ) {
    this.scene = host.gallery.scene;
    const scene = this.scene;
    this.root = new TransformNode('ar-root', scene);
    this.occluder = new StandardMaterial('ar-occluder', scene);
    this.occluder.disableColorWrite = true;
    this.occluder.disableLighting = true;
    this.occluder.backFaceCulling = false;
    this.reticle = CreateDisc('ar-reticle', { radius: 0.06, tessellation: 24, sideOrientation: Mesh.DOUBLESIDE }, scene);
    const rm = new StandardMaterial('ar-reticle-mat', scene);
    rm.disableLighting = true;
    rm.emissiveColor = Color3.FromHexString('#ffb347');
    this.reticle.material = rm;
    this.reticle.isPickable = false;
    this.reticle.setEnabled(false);
    for (let i = 0; i < 5; i++) this.labels.push(this.makeLabel(i));
    this.leaders = CreateLineSystem('ar-leaders', { lines: this.emptyLines(), updatable: true }, scene);
    this.leaders.color = Color3.FromHexString('#ffb347');
    this.leaders.isPickable = false;
    this.leaders.setEnabled(false);
    this.methods = registrationMethods(host.exhibition);
    this.method = this.methods[0] ?? 'manual';
    this.pivot = manualPivot(host.exhibition);
    // The ghost floor outline for placing by hand: twin coordinates, under the root, so it moves with it.
    const segments = floorOutline(host.exhibition).map(([a, b]) => [new Vector3(...a), new Vector3(...b)]);
    this.outline = CreateLineSystem('ar-outline', { lines: segments.length ? segments : this.emptyLines() }, scene);
    this.outline.color = Color3.FromHexString('#7fd8ff');
    this.outline.isPickable = false;
    this.outline.parent = this.root;
    // Drawn over the twin's depth-only walls and floor, which would hide it (it lies in their very planes).
    this.outline.renderingGroupId = 1;
    this.outline.setEnabled(false);
    this.guiPanel = new VrPanel(scene, xrPanelContext(host, () => this.guiPanel, () => this.closeWork(), () => undefined, 'ar'));
    this.guiPanel.surface.mesh.parent = this.root;
    this.hud = new Surface('ar-hud', scene, 0.36, 0.27, 720, 540);
    this.hud.mesh.setEnabled(false);
    // The DOM overlay: instructions and controls on top, the page's own artwork panel below.
    clear(host.overlay);
    this.domHud = h('div', { class: 'ar-hud' });
    this.panelEl = h('aside', { id: 'ar-panel', class: 'panel ar-panel', hidden: '' });
    host.overlay.append(this.domHud, this.panelEl);
    this.domPanel = new ArtworkPanel(this.panelEl, {
      close: () => this.closeWork(),
      openArtwork: (id) => this.openWork(id),
      toggleFavourite: (id) => void host.favourites?.toggle(id),
      acknowledgeAdvisory: (id) => {
        host.acknowledged.add(id);
        this.refreshPanel();
      },
      focusAnnotation: () => undefined,
      toggleAnimation: (id) => this.toggleAnimation(id),
      copyLink: async () => false,
    });
    host.favourites?.onChange(() => this.refreshPanel());
    this.wire();
  }

  static async create(host: ArHost): Promise<ArMode> {
    useOwnControllerProfiles();
    const xr = await WebXRDefaultExperience.CreateAsync(host.gallery.scene, {
      disableDefaultUI: true,
      disableTeleportation: true,
      disableNearInteraction: true,
      disableHandTracking: true,
      inputOptions: { doNotLoadControllerMeshes: true },
      pointerSelectionOptions: { preferredHandedness: 'right' },
    });
    if (!xr.baseExperience) throw new Error('WebXR could not be initialised');
    const fm = xr.baseExperience.featuresManager;
    let hitTest: WebXRHitTest | undefined;
    let anchors: WebXRAnchorSystem | undefined;
    try {
      hitTest = fm.enableFeature(WebXRFeatureName.HIT_TEST, 'latest', {}, true, false) as WebXRHitTest;
    } catch {
      hitTest = undefined;
    }
    try {
      anchors = fm.enableFeature(WebXRFeatureName.ANCHOR_SYSTEM, 'latest', { doNotRemoveAnchorsOnSessionEnded: false }, true, false) as WebXRAnchorSystem;
    } catch {
      anchors = undefined;
    }
    try {
      fm.enableFeature(WebXRFeatureName.DOM_OVERLAY, 'latest', { element: host.overlay }, true, false);
    } catch {
      // No DOM overlay: the GUI panel stands in.
    }
    // The printed markers, at their printed width; only where the exhibition has some (the images are fetched).
    let imageTracking: WebXRImageTracking | undefined;
    const markers = host.exhibition.arReferences.markers;
    if (markers.length) {
      try {
        imageTracking = fm.enableFeature(
          WebXRFeatureName.IMAGE_TRACKING,
          'latest',
          { images: markers.map((m) => ({ src: host.resolveMedia(m.image), estimatedRealWorldWidth: m.widthMetres })) },
          true,
          false,
        ) as WebXRImageTracking;
      } catch {
        imageTracking = undefined;
      }
    }
    return new ArMode(host, xr, hitTest, anchors, imageTracking);
  }

  get active(): boolean {
    return this.xr.baseExperience.state === WebXRState.IN_XR || this.xr.baseExperience.state === WebXRState.ENTERING_XR;
  }

  private get camera() {
    return this.xr.baseExperience.camera;
  }

  private get refs() {
    return this.host.exhibition.arReferences.points;
  }

  private txt(m: Artwork['title'] | undefined): string {
    return pick(m, this.host.lang(), this.host.exhibition.defaultLanguage).text;
  }

  // ---------------------------------------------------------------- session

  async enter(): Promise<void> {
    if (this.active || this.entering) return;
    this.entering = true;
    this.prepareTwin();
    try {
      this.host.overlay.hidden = false;
      await this.xr.baseExperience.enterXRAsync('immersive-ar', 'local-floor', this.xr.renderTarget);
    } catch (e) {
      this.restoreTwin();
      this.host.overlay.hidden = true;
      throw e;
    } finally {
      this.entering = false;
    }
  }

  async exit(): Promise<void> {
    if (this.xr.baseExperience.state === WebXRState.IN_XR) await this.xr.baseExperience.exitXRAsync();
  }

  private wire(): void {
    const base = this.xr.baseExperience;
    base.onInitialXRPoseSetObservable.add((cam) => {
      // The scene is the phone's tracking space as it is: registration moves the twin, not the visitor.
      cam.position.setAll(0);
      cam.rotationQuaternion.set(0, 0, 0, 1);
    });
    base.onStateChangedObservable.add((state) => {
      if (state === WebXRState.IN_XR) this.started();
      if (state === WebXRState.NOT_IN_XR && this.saved) this.ended();
    });
    this.xr.pointerSelection.raySelectionPredicate = (m) => {
      const kind = (m.metadata as { kind?: string } | null)?.kind;
      return (kind === 'vr-ui' || kind === 'ar-label') && m.isEnabled() && m.isPickable;
    };
    // Taps (or a controller's select) are AR's: the preview must not walk or pick on them.
    this.scene.onPointerObservable.add(
      (info, state) => {
        if (!this.active) return;
        const tap = info.type === PointerEventTypes.POINTERTAP || info.type === PointerEventTypes.POINTERDOUBLETAP;
        if (tap && (info.event as PointerEvent).pointerType === 'xr') state.skipNextObservers = true;
      },
      undefined,
      true,
    );
    this.scene.onPointerObservable.add((info) => {
      if (!this.active || this.xr.baseExperience.state !== WebXRState.IN_XR || info.type !== PointerEventTypes.POINTERDOWN) return;
      const mesh = info.pickInfo?.hit ? info.pickInfo.pickedMesh : null;
      this.tap(mesh);
    });
    this.hitTest?.onHitTestResultObservable.add((results) => {
      this.lastHit = results[0];
      const show = (this.phase === 'aiming' || this.phase === 'placing') && !!this.lastHit;
      this.reticle.setEnabled(show);
      if (show) this.reticle.position.copyFrom(this.lastHit!.position);
      this.reticle.rotation.set(Math.PI / 2, 0, 0);
      // Placing by hand: the ghost outline follows the reticle, facing the way the phone looks.
      if (show && this.phase === 'placing') {
        const at: Vec3 = [this.lastHit!.position.x, this.lastHit!.position.y, this.lastHit!.position.z];
        const yaw = this.facingYaw();
        if (yaw !== undefined) this.setRoot(placeAt(this.pivot, at, yaw));
      }
    });
    this.imageTracking?.onTrackedImageUpdatedObservable.add((image) => this.markerSeenAt(image));
    this.imageTracking?.onUntrackableImageFoundObservable.add(() => {
      this.host.setStatus({ arMarker: 'untrackable' });
      if (this.phase === 'scanning') this.fallBack(this.host.t().arMarkerUntrackable);
    });
  }

  /** Whether this browser's session tracks images (WebXR image tracking is still an incubation in Chrome). */
  private sessionTracksImages(): boolean {
    if (!this.imageTracking) return false;
    const session = this.xr.baseExperience.sessionManager.session as XRSession & { enabledFeatures?: string[] };
    const frame = (globalThis as { XRFrame?: { prototype: object } }).XRFrame?.prototype;
    const api = 'XRImageTrackingResult' in globalThis && !!frame && 'getImageTrackingResults' in frame;
    return api && (!session.enabledFeatures || session.enabledFeatures.includes('image-tracking'));
  }

  private started(): void {
    const session = this.xr.baseExperience.sessionManager.session as XRSession & { domOverlayState?: { type: string } };
    this.domOverlay = !!session.domOverlayState;
    this.markerTracking = this.sessionTracksImages();
    this.host.overlay.hidden = !this.domOverlay;
    this.hud.mesh.setEnabled(!this.domOverlay);
    this.frames = 0;
    this.instrumentation ??= new SceneInstrumentation(this.scene);
    this.frameObserver = this.scene.onAfterRenderObservable.add(() => this.frame());
    this.startRegistration();
    this.host.setStatus({
      mode: 'ar',
      xr: 'running',
      arOverlay: this.domOverlay ? 'dom' : 'gui',
      arHitTest: this.hitTest ? 'on' : 'off',
      arMarker: this.host.exhibition.arReferences.markers.length ? (this.markerTracking ? 'tracking' : 'unsupported') : '',
    });
    this.host.announce(this.host.t().arEntered);
  }

  private ended(): void {
    if (this.frameObserver) this.scene.onAfterRenderObservable.remove(this.frameObserver);
    this.frameObserver = undefined;
    this.closeWork();
    for (const p of this.players.values()) if (p.playing) void p.toggle();
    this.dropAnchor();
    this.stopRepeat();
    this.hideLabels();
    this.reticle.setEnabled(false);
    this.outline.setEnabled(false);
    this.hud.mesh.setEnabled(false);
    this.host.overlay.hidden = true;
    this.restoreTwin();
    this.host.setStatus({ mode: 'preview', xr: 'ended', arPhase: '' });
    this.host.exited();
  }

  // ---------------------------------------------------------------- the twin as occluder

  /** Parents the twin to the registration root; walls and floors draw depth only, works become one occluder. */
  private prepareTwin(): void {
    const scene = this.scene;
    const mine = new Set<unknown>([this.root]);
    const saved: Saved = { clear: scene.clearColor.clone(), parents: [], materials: [], disabled: [], frozen: [] };
    this.root.position.setAll(0);
    this.root.rotationQuaternion = Quaternion.Identity();
    for (const n of [...scene.rootNodes]) {
      if (mine.has(n) || !(n instanceof TransformNode) || n.name.startsWith('ar-') || n.name.startsWith('vr-')) continue;
      n.parent = this.root;
      saved.parents.push(n);
    }
    const arch = new Set<AbstractMesh>([...this.host.gallery.architecture.floors, ...this.host.gallery.architecture.walls, ...[...this.host.gallery.architecture.byRoom.values()].flat()]);
    for (const m of this.root.getChildMeshes(false)) {
      // The AR mode's own meshes under the root (the ghost outline, the GUI panel) are not the twin's.
      if (m.name.startsWith('ar-') || m.name.startsWith('vr-')) continue;
      if (m.isWorldMatrixFrozen) {
        m.unfreezeWorldMatrix();
        saved.frozen.push(m);
      }
      // Every room's architecture, not only the rooms drawn now: in AR the twin is seen from its real place.
      if (arch.has(m) && m.isVisible) {
        saved.materials.push([m, m.material]);
        m.material = this.occluder;
      } else {
        saved.disabled.push([m, m.isEnabled(false), m.isVisible]);
        m.setEnabled(false);
        m.isVisible = false;
      }
    }
    this.buildWorkOccluders();
    this.timeLapsesOverReality(true);
    // The camera image shows through.
    scene.clearColor = new Color4(0, 0, 0, 0);
    this.saved = saved;
  }

  /**
   * One depth-only box per work (its frame, plinth or case and object), from its catalogued size, merged into a
   * single draw call. A work whose overlay animation plays is left out, so the animation is not hidden in its box.
   */
  private buildWorkOccluders(except?: string): void {
    const scene = this.scene;
    const boxes: Mesh[] = [];
    for (const w of this.host.gallery.works.values()) {
      const a = w.artwork;
      if (a.id === except) continue;
      const [fx, fz] = headingToDir(w.pose.heading);
      const p = w.pose.position;
      let size: [number, number, number];
      let centre: [number, number, number];
      if (a.kind === 'painting') {
        const frame = a.frame.style === 'none' ? 0 : a.frame.width;
        const d = a.dimensions.depth ?? 0.04;
        size = [a.dimensions.width + 2 * frame, a.dimensions.height + 2 * frame, d];
        centre = [p[0] - (fx * d) / 2, p[1], p[2] - (fz * d) / 2];
      } else {
        const base = a.display === 'none' ? 0 : a.plinthHeight;
        const pad = a.display === 'none' ? 0 : 0.1;
        const height = base + a.dimensions.height + (a.display === 'case' ? 0.05 : 0);
        size = [a.dimensions.width + pad, height, (a.dimensions.depth ?? a.dimensions.width) + pad];
        centre = [p[0], p[1] + height / 2, p[2]];
      }
      const box = CreateBox(`ar-occ-${a.id}`, { width: size[0], height: size[1], depth: size[2] }, scene);
      box.position.set(...centre);
      box.rotation.y = Math.atan2(fx, fz);
      boxes.push(box);
    }
    this.workOccluders?.dispose();
    this.workOccluders = boxes.length ? (Mesh.MergeMeshes(boxes, true, true) ?? undefined) : undefined;
    if (this.workOccluders) {
      this.workOccluders.name = 'ar-work-occluders';
      this.workOccluders.material = this.occluder;
      this.workOccluders.isPickable = false;
      this.workOccluders.parent = this.root;
    }
  }

  /** A work's time-lapse, moved from its present state, draws the earlier state on the real work (src/scene/time-lapse.ts). */
  private timeLapsesOverReality(on: boolean): void {
    for (const w of this.host.gallery.works.values()) timeLapseFor(this.scene, w, this.host.gallery.resolve)?.overReality(on);
  }

  private restoreTwin(): void {
    const s = this.saved;
    if (!s) return;
    this.saved = undefined;
    this.timeLapsesOverReality(false);
    this.scene.clearColor = s.clear;
    for (const [m, mat] of s.materials) m.material = mat;
    for (const [m, enabled, visible] of s.disabled) {
      m.isVisible = visible;
      m.setEnabled(enabled);
    }
    this.root.position.setAll(0);
    this.root.rotationQuaternion = Quaternion.Identity();
    this.root.computeWorldMatrix(true);
    for (const n of s.parents) n.parent = null;
    for (const m of s.frozen) m.freezeWorldMatrix();
    this.workOccluders?.dispose();
    this.workOccluders = undefined;
  }

  // ---------------------------------------------------------------- registration

  private startRegistration(): void {
    this.dropAnchor();
    this.closeWork();
    this.stopRepeat();
    this.measured = [];
    this.markerSeen.clear();
    this.manual = undefined;
    this.registration = undefined;
    this.hideLabels();
    // Until aligned the twin sits where it was; only the ghost outline (by hand) shows it.
    if (this.method === 'marker' && !this.markerTracking) {
      this.fallBack(fill(this.host.t().arMarkerUnsupported, { method: this.methodName(this.fallbackMethod()) }));
      return;
    }
    this.phase = this.method === 'points' ? 'aiming' : this.method === 'marker' ? 'scanning' : 'placing';
    this.outline.setEnabled(this.phase === 'placing');
    this.renderUi();
    this.host.setStatus({ arMethod: this.method, arPhase: this.phase, arPoint: this.phase === 'aiming' ? (this.refs[0]?.id ?? '') : '', arPoints: '0', arManual: '' });
  }

  /** The method to use when the marker cannot be: reference points if there are any, else by hand. */
  private fallbackMethod(): RegistrationMethod {
    return this.methods.find((m) => m !== 'marker') ?? 'manual';
  }

  /** Says why (e.g. no image tracking) and switches to the next method; the message stays until the next tap. */
  private fallBack(why: string): void {
    this.method = this.fallbackMethod();
    this.startRegistration();
    this.message = why;
    this.host.setStatus({ arFallback: why });
    this.renderUi();
  }

  /** The visitor picks a registration method: it starts afresh. */
  useMethod(method: RegistrationMethod): void {
    if (!this.methods.includes(method)) return;
    this.method = method;
    this.message = '';
    this.host.setStatus({ arFallback: '' });
    this.startRegistration();
  }

  /** "Realign": register again, the same way. */
  realign(): void {
    this.message = '';
    this.startRegistration();
    this.host.setStatus({ arRealigned: String(Number(this.status('arRealigned') || 0) + 1) });
  }

  private status(key: string): string | undefined {
    return (document.getElementById('status') as HTMLElement | null)?.dataset[key];
  }

  private tap(mesh: AbstractMesh | null | undefined): void {
    const kind = (mesh?.metadata as { kind?: string } | null)?.kind;
    if (kind === 'vr-ui') return; // the GUI takes it
    if (kind === 'ar-label') {
      const id = artworkIdOf(mesh);
      if (id) this.openWork(id);
      return;
    }
    if (this.phase === 'aiming') this.measure();
    else if (this.phase === 'placing') this.place();
    else if (this.openId) this.closeWork();
  }

  private measure(): void {
    const t = this.host.t();
    const hit = this.lastHit;
    if (!hit) {
      this.message = t.arNoSurface;
      this.renderUi();
      return;
    }
    this.measured.push([hit.position.x, hit.position.y, hit.position.z]);
    this.message = '';
    const n = this.measured.length;
    this.host.setStatus({ arPoints: String(n), arPoint: this.refs[n]?.id ?? '' });
    if (n < Math.min(this.refs.length, 4)) {
      this.renderUi();
      return;
    }
    const twin = this.refs.slice(0, n).map((r) => r.position);
    try {
      const r = solveRegistration(twin, this.measured);
      this.applyRegistration({ method: 'points', yaw: r.yaw, translation: r.translation, rms: r.rms, residuals: r.residuals });
    } catch (e) {
      this.fail(e);
    }
  }

  /** A registration that could not be made: say why, and start this method again. */
  private fail(e: unknown): void {
    const reason = e instanceof RegistrationError ? fill(this.host.t().arRegistrationFailed, { reason: e.message }) : String(e);
    this.measured = [];
    this.markerSeen.clear();
    this.host.setStatus({ arPoints: '0', arPoint: this.phase === 'aiming' ? (this.refs[0]?.id ?? '') : '', arError: reason });
    this.message = reason;
    this.renderUi();
  }

  // ---------------------------------------------------------------- by marker

  private markerSeenAt(image: IWebXRTrackedImage): void {
    if (this.phase !== 'scanning' || image.emulated) return;
    const twin = this.host.exhibition.arReferences.markers[image.id];
    if (!twin) return;
    let pose: MarkerPose;
    try {
      pose = markerPoseFromMatrix(image.transformationMatrix.m);
    } catch {
      return;
    }
    const seen = this.markerSeen.get(image.id) ?? [];
    seen.push(pose);
    this.markerSeen.set(image.id, seen);
    this.host.setStatus({ arMarkerSeen: `${twin.id}:${seen.length}` });
    if (seen.length < MARKER_DETECTIONS) return;
    try {
      const fit = markerRegistrationFrom(twin, seen.slice(-MARKER_DETECTIONS));
      this.message = '';
      this.applyRegistration({ method: 'marker', yaw: fit.yaw, translation: fit.translation, rms: fit.spread });
    } catch (e) {
      this.fail(e);
    }
  }

  // ---------------------------------------------------------------- by hand

  /** The turn that makes the twin's entrance face the way the phone looks now (undefined looking straight down). */
  private facingYaw(): number | undefined {
    const f = this.camera.getDirection(Vector3.Forward(this.scene.useRightHandedSystem));
    try {
      return yawToFace(this.host.exhibition.entrance.heading, [f.x, f.y, f.z]);
    } catch {
      return undefined;
    }
  }

  /** Tap while placing: the outline is set down at the reticle; now turn and slide it. */
  private place(): void {
    const hit = this.lastHit;
    if (!hit) {
      this.message = this.host.t().arNoSurface;
      this.renderUi();
      return;
    }
    this.message = '';
    this.manual = { at: [hit.position.x, hit.position.y, hit.position.z], yaw: this.facingYaw() ?? 0 };
    this.phase = 'adjusting';
    this.reticle.setEnabled(false);
    this.applyManual();
    this.host.setStatus({ arPhase: 'adjusting' });
    this.renderUi();
  }

  /** One step of the manual controls; slides are in the visitor's view (left/right, away/nearer on the floor). */
  adjust(step: 'turn-left' | 'turn-right' | 'left' | 'right' | 'away' | 'nearer'): void {
    const m = this.manual;
    if (this.phase !== 'adjusting' || !m) return;
    if (step === 'turn-left') m.yaw += TURN_STEP;
    else if (step === 'turn-right') m.yaw -= TURN_STEP;
    else {
      const f = this.camera.getDirection(Vector3.Forward(this.scene.useRightHandedSystem));
      let fx = f.x;
      let fz = f.z;
      const n = Math.hypot(fx, fz) || 1;
      fx /= n;
      fz /= n;
      // Right of a forward (fx, fz) on the floor, y up, right-handed: (−fz, fx).
      const [dx, dz] = step === 'away' ? [fx, fz] : step === 'nearer' ? [-fx, -fz] : step === 'right' ? [-fz, fx] : [fz, -fx];
      m.at = [m.at[0] + dx * SLIDE_STEP, m.at[1], m.at[2] + dz * SLIDE_STEP];
    }
    this.applyManual();
  }

  private applyManual(): void {
    const m = this.manual;
    if (!m) return;
    this.setRoot(placeAt(this.pivot, m.at, m.yaw));
    this.host.setStatus({ arManual: `${((m.yaw * 180) / Math.PI).toFixed(1)}°,${m.at.map((v) => v.toFixed(3)).join(',')}` });
  }

  /** Confirm: the placed outline is the registration. */
  confirm(): void {
    const m = this.manual;
    if (this.phase !== 'adjusting' || !m) return;
    this.stopRepeat();
    this.applyRegistration({ method: 'manual', ...placeAt(this.pivot, m.at, m.yaw) });
  }

  private stopRepeat(): void {
    if (this.repeat) clearInterval(this.repeat);
    this.repeat = undefined;
  }

  private setRoot(t: RoomTransform): void {
    this.root.position.set(...t.translation);
    this.root.rotationQuaternion = Quaternion.RotationYawPitchRoll(t.yaw, 0, 0);
    this.root.computeWorldMatrix(true);
  }

  private applyRegistration(r: Alignment): void {
    this.registration = r;
    this.setRoot(r);
    this.phase = 'registered';
    this.reticle.setEnabled(false);
    this.outline.setEnabled(false);
    this.host.setStatus({ arPhase: 'registered', arRms: r.rms === undefined ? '' : r.rms.toFixed(4), arPoint: '', arError: '' });
    this.host.announce(this.alignedText());
    this.renderUi();
    // Hold it with an anchor: it follows the phone's refined understanding of the room.
    if (this.anchors) {
      this.host.setStatus({ arAnchor: 'pending' });
      this.anchors
        .addAnchorAtPositionAndRotationAsync(this.root.position.clone(), this.root.rotationQuaternion!.clone())
        .then((anchor) => {
          if (this.phase !== 'registered' || this.registration !== r) {
            void anchor.remove();
            return;
          }
          this.anchor = anchor;
          anchor.attachedNode = this.root;
          this.host.setStatus({ arAnchor: 'held' });
        })
        .catch(() => this.host.setStatus({ arAnchor: 'none' }));
    } else this.host.setStatus({ arAnchor: 'none' });
  }

  private dropAnchor(): void {
    if (!this.anchor) return;
    this.anchor.attachedNode = undefined;
    void Promise.resolve(this.anchor.remove()).catch(() => undefined);
    this.anchor = undefined;
    this.host.setStatus({ arAnchor: '' });
  }

  // ---------------------------------------------------------------- every frame

  private frame(): void {
    if (this.xr.baseExperience.state !== WebXRState.IN_XR) return;
    this.frames++;
    if (!this.domOverlay) this.placeHud();
    // While the outline is adjusted by hand the labels show too: they help to see when it matches.
    if ((this.phase === 'registered' || this.phase === 'adjusting') && this.frames % 6 === 1) this.placeLabels();
  }

  private viewer(): { position: Vec3; forward: Vec3 } {
    const cam = this.camera;
    const f = cam.getDirection(Vector3.Forward(this.scene.useRightHandedSystem));
    return { position: [cam.position.x, cam.position.y, cam.position.z], forward: [f.x, f.y, f.z] };
  }

  /** The point on a work a label points at, in twin coordinates: just above the image or the object. */
  private static labelAnchor(w: SceneArtwork): Vector3 {
    const p = w.pose.position;
    const a = w.artwork;
    // A little out from the wall, so the label and its line stand clear of it.
    const [fx, fz] = headingToDir(w.pose.heading);
    if (a.kind === 'painting') return new Vector3(p[0] + fx * 0.08, p[1] + a.dimensions.height / 2 + 0.04, p[2] + fz * 0.08);
    const plinth = a.display === 'none' ? 0 : a.plinthHeight;
    return new Vector3(p[0], p[1] + plinth + a.dimensions.height + 0.04, p[2]);
  }

  private placeLabels(): void {
    const v = this.viewer();
    const world = this.root.computeWorldMatrix(true);
    // Only works their communities allow in the gallery's AR get a label (and so can be opened there).
    const candidates = [...this.host.gallery.works.values()].filter((w) => mayShow(w.artwork, 'ar')).map((w) => {
      const local = ArMode.labelAnchor(w);
      const p = Vector3.TransformCoordinates(local, world);
      return { id: w.artwork.id, position: [p.x, p.y, p.z] as Vec3, local, work: w };
    });
    // With a work open, only its label stays: the panel is the visitor's focus.
    const near = nearbyWorks(candidates, v);
    const ids = this.openId && near.includes(this.openId) ? [this.openId] : near;
    // De-overlap in the viewer's frame: right, up, ahead.
    const cam = this.camera;
    const view = cam.getViewMatrix();
    const boxes: LabelBox[] = [];
    for (const id of ids) {
      const c = candidates.find((x) => x.id === id)!;
      const p = Vector3.TransformCoordinates(new Vector3(c.position[0], c.position[1] + LABEL_RISE + LABEL_H / 2, c.position[2]), view);
      // Right-handed view space looks along −z.
      const depth = this.scene.useRightHandedSystem ? -p.z : p.z;
      boxes.push({ id, right: p.x, up: p.y, depth, width: LABEL_W, height: LABEL_H });
    }
    const lift = deOverlap(boxes);
    const lines: Vector3[][] = this.emptyLines();
    ids.forEach((id, i) => {
      const c = candidates.find((x) => x.id === id)!;
      const label = this.labels[i]!;
      const up = LABEL_RISE + (lift.get(id) ?? 0);
      const pos = new Vector3(c.position[0], c.position[1] + up + LABEL_H / 2, c.position[2]);
      // In world coordinates: a billboard ignores its parent's turn, so labels are not parented to the root.
      label.mesh.position.copyFrom(pos);
      label.anchor = c.local;
      if (label.id !== id) {
        label.id = id;
        label.mesh.metadata = { kind: 'ar-label', artworkId: id };
        this.drawLabel(label, c.work.artwork);
      }
      label.mesh.setEnabled(true);
      lines[i] = [new Vector3(...c.position), pos.subtract(new Vector3(0, LABEL_H / 2, 0))];
    });
    for (let i = ids.length; i < this.labels.length; i++) {
      this.labels[i]!.mesh.setEnabled(false);
      this.labels[i]!.id = undefined;
    }
    CreateLineSystem('ar-leaders', { lines, instance: this.leaders });
    this.leaders.setEnabled(ids.length > 0);
    const key = ids.join(',');
    if (key !== this.shown.join(',')) {
      this.shown = ids;
      this.host.setStatus({ arLabels: key });
    }
  }

  private emptyLines(): Vector3[][] {
    return Array.from({ length: 5 }, () => [Vector3.Zero(), Vector3.Zero()]);
  }

  private hideLabels(): void {
    for (const l of this.labels) {
      l.mesh.setEnabled(false);
      l.id = undefined;
    }
    this.leaders.setEnabled(false);
    this.shown = [];
    this.host.setStatus({ arLabels: '' });
  }

  private makeLabel(i: number): Label {
    const mesh = CreatePlane(`ar-label-${i}`, { width: LABEL_W, height: LABEL_H, sideOrientation: Mesh.DOUBLESIDE }, this.scene);
    mesh.billboardMode = Mesh.BILLBOARDMODE_ALL;
    mesh.isPickable = true;
    mesh.metadata = { kind: 'ar-label' };
    const texture = new DynamicTexture(`ar-label-${i}-text`, { width: 512, height: 128 }, this.scene, true);
    const mat = new StandardMaterial(`ar-label-${i}-mat`, this.scene);
    mat.disableLighting = true;
    mat.emissiveTexture = texture;
    mat.diffuseColor = Color3.Black();
    mat.backFaceCulling = false;
    mesh.material = mat;
    mesh.setEnabled(false);
    return { mesh, texture };
  }

  private drawLabel(label: Label, art: Artwork): void {
    const ctx = label.texture.getContext() as CanvasRenderingContext2D;
    ctx.fillStyle = '#1f1c19';
    ctx.fillRect(0, 0, 512, 128);
    ctx.strokeStyle = '#ffb347';
    ctx.lineWidth = 6;
    ctx.strokeRect(3, 3, 506, 122);
    ctx.fillStyle = '#f4efe6';
    ctx.textAlign = 'center';
    ctx.font = '600 40px Georgia, serif';
    const title = this.txt(art.title);
    ctx.fillText(title.length > 24 ? `${title.slice(0, 23)}…` : title, 256, 62);
    ctx.fillStyle = '#c9bfb1';
    ctx.font = '26px system-ui, Arial, sans-serif';
    ctx.fillText(this.txt(art.creator.name).slice(0, 36), 256, 104);
    label.texture.update(true);
  }

  // ---------------------------------------------------------------- works

  openWork(id: string): void {
    const work = this.host.gallery.works.get(id);
    if (!work) return;
    this.openId = id;
    if (this.domOverlay) {
      this.domPanel.show(work.artwork, this.domContext());
    } else {
      // Beside the real work, turned toward the visitor, placed in twin coordinates under the root.
      const r = this.registration;
      const eye = this.camera.position;
      const viewerTwin = r ? apply(invert(r), [eye.x, eye.y, eye.z]) : ([eye.x, eye.y, eye.z] as Vec3);
      const room = this.host.exhibition.space.rooms.find((x) => x.id === work.pose.room)?.polygon;
      const place = panelPlacement({
        work: work.pose,
        workWidth: work.artwork.dimensions.width + (work.artwork.kind === 'object' ? 0.3 : 0),
        floorY: work.artwork.kind === 'painting' ? viewerTwin[1] - (this.camera.realWorldHeight || EYE_HEIGHT) : work.pose.position[1],
        viewer: viewerTwin,
        room,
        panel: PANEL_SIZE,
      });
      const mesh = this.guiPanel.surface.mesh;
      mesh.position.set(...place.centre);
      mesh.rotation.set(0, place.yaw, 0);
      mesh.scaling.setAll(place.scale);
      this.guiPanel.open(work.artwork);
    }
    this.renderUi();
    this.host.setStatus({ selected: id, arPanel: id });
    this.host.announce(this.txt(work.artwork.title));
  }

  closeWork(): void {
    if (!this.openId) return;
    this.openId = undefined;
    this.guiPanel.close();
    this.domPanel.hide();
    this.renderUi();
    this.host.setStatus({ selected: '', arPanel: '' });
  }

  private domContext(): PanelContext {
    const ctx = this.host.panelContext();
    return { ...ctx, hasAnimation: (id) => this.hasAnimation(id) };
  }

  private refreshPanel(): void {
    if (this.domOverlay) this.domPanel.refresh(this.domContext());
    else this.guiPanel.refresh();
  }

  private hasAnimation(id: string): boolean {
    const w = this.host.gallery.works.get(id);
    return !!w && mayShow(w.artwork, 'ar') && OverlayPlayer.available(w);
  }

  /** Plays or pauses a work's overlay animation on the real object (the twin's node, registered). */
  async toggleAnimation(id: string): Promise<boolean> {
    const w = this.host.gallery.works.get(id);
    if (!w || !this.hasAnimation(id)) return false;
    let p = this.players.get(id);
    if (!p) this.players.set(id, (p = new OverlayPlayer(this.scene, w, this.host.resolveMedia)));
    const playing = await p.toggle();
    // A clip of the work's own model plays on that model: show it while it plays.
    if (!w.artwork.animation?.model) {
      for (const m of w.root.getChildMeshes(false)) if (m !== w.label.mesh && !(m.metadata as { annotationId?: string } | null)?.annotationId) m.setEnabled(playing);
    }
    if (this.saved) this.buildWorkOccluders(playing ? id : undefined);
    this.host.setStatus({ arAnimation: playing ? `${id}:playing` : `${id}:paused` });
    this.renderUi();
    return playing;
  }

  // ---------------------------------------------------------------- instructions and controls

  private methodName(m: RegistrationMethod): string {
    const t = this.host.t();
    return m === 'points' ? t.arMethodPoints : m === 'marker' ? t.arMethodMarker : t.arMethodManual;
  }

  private alignedText(): string {
    const t = this.host.t();
    const r = this.registration;
    const cm = ((r?.rms ?? 0) * 100).toFixed(1);
    return r?.method === 'manual' ? t.arAlignedManual : r?.method === 'marker' ? fill(t.arAlignedMarker, { cm }) : fill(t.arAligned, { cm });
  }

  private instruction(): string {
    const t = this.host.t();
    let text = '';
    if (this.phase === 'aiming') {
      const n = this.measured.length;
      const ref = this.refs[n];
      const total = Math.min(this.refs.length, 4);
      text = ref ? fill(t.arAimAt, { name: this.txt(ref.name), i: n + 1, n: total }) : '';
    } else if (this.phase === 'scanning') {
      const m = this.host.exhibition.arReferences.markers[0];
      text = m ? fill(t.arFindMarker, { name: this.txt(m.name), cm: Math.round(m.widthMetres * 100) }) : '';
    } else if (this.phase === 'placing') {
      const ex = this.host.exhibition;
      const [x, , z] = ex.entrance.position;
      const room = roomAt(ex.space.rooms, [x, z]) ?? ex.space.rooms[0];
      text = fill(t.arPlaceOutline, { room: room ? this.txt(room.name) : '' });
    } else if (this.phase === 'adjusting') text = t.arAdjustOutline;
    else text = this.alignedText();
    return this.message ? `${this.message} ${text}`.trim() : text;
  }

  private renderUi(): void {
    const t = this.host.t();
    const text = this.instruction();
    const anim = this.openId && this.hasAnimation(this.openId) ? this.players.get(this.openId)?.playing : undefined;
    const animLabel = this.openId && this.hasAnimation(this.openId) ? (anim ? t.arPause : t.arPlay) : '';
    const adjusting = this.phase === 'adjusting';
    const steps = [
      ['turn-left', t.arTurnLeft],
      ['turn-right', t.arTurnRight],
      ['left', t.arSlideLeft],
      ['right', t.arSlideRight],
      ['away', t.arSlideAway],
      ['nearer', t.arSlideNearer],
    ] as const;
    // DOM overlay (phones).
    clear(this.domHud);
    const button = (cls: string, label: string, act: () => void, attrs: Record<string, string> = {}) => {
      const b = h('button', { type: 'button', class: cls, ...attrs }, label);
      b.addEventListener('click', act);
      return b;
    };
    this.domHud.append(h('p', { class: 'ar-instruction', role: 'status' }, text));
    if (this.methods.length > 1) {
      const group = h('div', { class: 'ar-methods', role: 'group', 'aria-label': t.arMethods });
      for (const m of this.methods) group.append(button(`ar-method ar-method-${m}`, this.methodName(m), () => this.useMethod(m), { 'aria-pressed': String(m === this.method), 'data-method': m }));
      this.domHud.append(group);
    }
    if (adjusting) {
      const pad = h('div', { class: 'ar-adjust', role: 'group', 'aria-label': t.arAdjustOutline });
      for (const [step, label] of steps) pad.append(this.repeatingButton(`ar-step ar-step-${step}`, label, () => this.adjust(step)));
      pad.append(button('ar-confirm', t.arConfirm, () => this.confirm()));
      this.domHud.append(pad);
    }
    const row = h('div', { class: 'ar-controls' });
    row.append(button('ar-realign', t.arRealign, () => this.realign()), button('ar-exit', t.arExit, () => void this.exit()));
    this.domHud.append(row);
    // GUI fallback.
    const s = this.hud;
    const rootC = s.ui.rootContainer;
    for (const c of [...rootC.children]) c.dispose();
    for (const name of ['animation', 'confirm', ...steps.map(([step]) => `step:${step}`), ...(['points', 'marker', 'manual'] as const).map((m) => `method:${m}`)]) s.forget(name);
    const card = new Rectangle('hud-card');
    card.background = '#1f1c19e0';
    card.cornerRadius = 20;
    card.thickness = 2;
    card.color = '#5a4d40';
    rootC.addControl(card);
    const col = new StackPanel('hud-column');
    col.width = '690px';
    col.verticalAlignment = Control.VERTICAL_ALIGNMENT_TOP;
    card.addControl(col);
    col.addControl(s.text('instruction', text, 26, { height: '130px', wrap: true }));
    const row2 = (name: string) => {
      const r = new StackPanel(name);
      r.isVertical = false;
      r.height = '84px';
      col.addControl(r);
      return r;
    };
    if (this.methods.length > 1) {
      const methods = row2('hud-methods');
      for (const m of this.methods) {
        methods.addControl(s.button(`method:${m}`, this.methodName(m), () => this.useMethod(m), { width: '220px', height: '72px', fontSize: 24, background: m === this.method ? '#35607a' : undefined }));
      }
    }
    if (adjusting) {
      const pad = row2('hud-adjust');
      for (const [step, label] of steps) pad.addControl(s.button(`step:${step}`, label, () => this.adjust(step), { width: '112px', height: '72px', fontSize: 20 }));
      const ok = row2('hud-confirm');
      ok.addControl(s.button('confirm', t.arConfirm, () => this.confirm(), { width: '300px', height: '72px', fontSize: 26, background: '#35607a' }));
    }
    const buttons = row2('hud-row');
    buttons.addControl(s.button('realign', t.arRealign, () => this.realign(), { width: '220px', height: '72px', fontSize: 26 }));
    if (animLabel && this.openId) {
      const id = this.openId;
      buttons.addControl(s.button('animation', animLabel, () => void this.toggleAnimation(id), { width: '220px', height: '72px', fontSize: 26, background: '#6b4f1d' }));
    }
    buttons.addControl(s.button('exit', t.arExit, () => void this.exit(), { width: '220px', height: '72px', fontSize: 26, background: '#5b2a24' }));
    if (!adjusting) col.addControl(s.text('hint', this.phase === 'registered' ? t.arTapLabel : '', 22, { color: MUTED, height: '50px' }));
  }

  /** A DOM button that steps once per tap, and keeps stepping while held (turning a whole room by 1° taps is slow). */
  private repeatingButton(cls: string, label: string, step: () => void): HTMLButtonElement {
    const b = h('button', { type: 'button', class: cls }, label) as HTMLButtonElement;
    let held = false;
    b.addEventListener('pointerdown', (e) => {
      held = true;
      step();
      this.stopRepeat();
      let n = 0;
      // A short pause before repeating, so a tap is one step.
      this.repeat = setInterval(() => {
        if (++n > 4) step();
      }, 80);
      b.setPointerCapture?.(e.pointerId);
    });
    const release = () => this.stopRepeat();
    b.addEventListener('pointerup', release);
    b.addEventListener('pointercancel', release);
    b.addEventListener('lostpointercapture', release);
    // A click that followed a pointerdown has stepped already; a keyboard or synthetic click steps once.
    b.addEventListener('click', () => {
      if (held) held = false;
      else step();
    });
    return b;
  }

  /** The GUI fallback's controls float low in front of the visitor. */
  private placeHud(): void {
    const cam = this.camera;
    const f = cam.getDirection(Vector3.Forward(this.scene.useRightHandedSystem));
    const flat = new Vector3(f.x, 0, f.z);
    if (flat.lengthSquared() < 1e-6) flat.set(0, 0, -1);
    flat.normalize();
    const m = this.hud.mesh;
    m.position.set(cam.position.x + flat.x * 0.6, cam.position.y - 0.3, cam.position.z + flat.z * 0.6);
    // The quad faces +z: turn it toward the visitor.
    m.rotation.set(0.35, Math.atan2(-flat.x, -flat.z), 0);
  }

  // ---------------------------------------------------------------- tests and measurements

  state() {
    const labels = this.labels
      .filter((l) => l.id && l.mesh.isEnabled())
      .map((l) => {
        const p = l.mesh.getAbsolutePosition();
        const a = l.anchor ? Vector3.TransformCoordinates(l.anchor, this.root.getWorldMatrix()) : undefined;
        return { id: l.id!, position: [p.x, p.y, p.z] as Vec3, anchor: a ? ([a.x, a.y, a.z] as Vec3) : undefined };
      });
    const r = this.registration;
    return {
      phase: this.phase,
      inXR: this.active,
      frames: this.frames,
      overlay: this.domOverlay ? 'dom' : 'gui',
      measured: this.measured.map((p) => [...p]),
      method: this.method,
      methods: [...this.methods],
      markerTracking: this.markerTracking,
      manual: this.manual ? { yaw: this.manual.yaw, at: [...this.manual.at] } : undefined,
      outline: this.outline.isEnabled(),
      registration: r ? { method: r.method, yaw: r.yaw, translation: r.translation, rms: r.rms, residuals: r.residuals } : undefined,
      anchored: !!this.anchor,
      hit: this.lastHit ? ([this.lastHit.position.x, this.lastHit.position.y, this.lastHit.position.z] as Vec3) : undefined,
      instruction: this.instruction(),
      labels,
      panel: this.openId
        ? { artworkId: this.openId, title: this.domOverlay ? this.txt(this.host.gallery.works.get(this.openId)?.artwork.title) : this.guiPanel.title, ...(this.domOverlay ? {} : this.guiPanel.state) }
        : undefined,
      animation: this.openId ? (this.players.get(this.openId)?.playing ?? false) : false,
      root: (() => {
        const p = this.root.getAbsolutePosition();
        return [p.x, p.y, p.z] as Vec3;
      })(),
    };
  }

  /** Where a named GUI control (HUD or panel) is in the world. */
  controlPoint(name: string): Vec3 | undefined {
    return this.hud.controlPoint(name) ?? this.guiPanel.surface.controlPoint(name);
  }

  /** Tests: the same as the visitor's tap with no label under it. */
  tapForTest(): void {
    this.tap(null);
  }

  stats(): { drawCalls: number; activeMeshes: number; activeTriangles: number } {
    return {
      drawCalls: this.instrumentation?.drawCallsCounter.lastSecAverage || this.instrumentation?.drawCallsCounter.current || 0,
      activeMeshes: this.scene.getActiveMeshes().length,
      activeTriangles: Math.round(this.scene.getActiveIndices() / 3),
    };
  }
}
