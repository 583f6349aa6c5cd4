/**
 * In-gallery AR on a phone: the twin registered to the real room. The twin's architecture and works render
 * depth-only (occluders), so only the overlays show over the camera image: floating labels with leader lines by
 * the nearest works, a backstory panel (the page's own panel in a WebXR DOM overlay; a world-space GUI panel where
 * the browser has no DOM overlay), and overlay animations played on the real object.
 *
 * Registration by reference points: the visitor aims the reticle (a viewer-space hit test) at each named point
 * and taps; two or more points give the rigid transform (registration.ts), applied to one root node that parents
 * the whole twin and then held by a WebXR anchor. "Realign" starts again. Loaded on demand by ar-button.ts.
 */
import { WebXRDefaultExperience } from '@babylonjs/core/XR/webXRDefaultExperience';
import { WebXRFeatureName } from '@babylonjs/core/XR/webXRFeaturesManager';
import { WebXRState } from '@babylonjs/core/XR/webXRTypes';
import { WebXRMotionControllerManager } from '@babylonjs/core/XR/motionController/webXRMotionControllerManager';
import '@babylonjs/core/XR/motionController/webXROculusTouchMotionController';
import '@babylonjs/core/XR/motionController/webXRGenericMotionController';
import type { WebXRHitTest, IWebXRHitResult } from '@babylonjs/core/XR/features/WebXRHitTest';
import '@babylonjs/core/XR/features/WebXRHitTest';
import type { WebXRAnchorSystem, IWebXRAnchor } from '@babylonjs/core/XR/features/WebXRAnchorSystem';
import '@babylonjs/core/XR/features/WebXRAnchorSystem';
import '@babylonjs/core/XR/features/WebXRDOMOverlay';
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
import { headingToDir } from '../../twin/floorplan';
import type { Artwork, Exhibition, Vec3 } from '../../twin/schema';
import { pick } from '../../twin/text';
import { fill, type Strings } from '../../ui/i18n';
import { ArtworkPanel, type PanelContext } from '../../ui/panel';
import { h, clear } from '../../ui/dom';
import { artworkIdOf, type SceneArtwork } from '../../scene/artworks';
import type { Gallery } from '../../scene/gallery';
import { OverlayPlayer } from '../../scene/overlay';
import { panelPlacement } from '../vr/logic';
import { PANEL_SIZE, VrPanel } from '../vr/vr-panel';
import { Surface, MUTED } from '../vr/surface';
import { xrPanelContext, type XrHost } from '../vr/vr-mode';
import { apply, invert, RegistrationError, solveRegistration, type Registration } from './registration';
import { deOverlap, nearbyWorks, type LabelBox } from './logic';

export interface ArHost extends XrHost {
  /** The preview panel's context (language, favourites, acknowledgements), for the DOM-overlay panel. */
  panelContext: () => PanelContext;
  /** The DOM overlay's root (#ar-overlay). */
  overlay: HTMLElement;
  exited: () => void;
}

type Phase = 'aiming' | 'registered';

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
  disabled: AbstractMesh[];
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
  private registration?: Registration;
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
    this.guiPanel = new VrPanel(scene, xrPanelContext(host, () => this.guiPanel, () => this.closeWork(), () => undefined));
    this.guiPanel.surface.mesh.parent = this.root;
    this.hud = new Surface('ar-hud', scene, 0.36, 0.2, 720, 400);
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
    // Controller profiles from the app's own files (as in VR), never a CDN.
    WebXRMotionControllerManager.BaseRepositoryUrl = new URL(`${import.meta.env.BASE_URL}xr-input`, location.href).href;
    WebXRMotionControllerManager.UseOnlineRepository = true;
    WebXRMotionControllerManager.PrioritizeOnlineRepository = true;
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
    return new ArMode(host, xr, hitTest, anchors);
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
      const show = this.phase === 'aiming' && !!this.lastHit;
      this.reticle.setEnabled(show);
      if (show) this.reticle.position.copyFrom(this.lastHit!.position);
      this.reticle.rotation.set(Math.PI / 2, 0, 0);
    });
  }

  private started(): void {
    const session = this.xr.baseExperience.sessionManager.session as XRSession & { domOverlayState?: { type: string } };
    this.domOverlay = !!session.domOverlayState;
    this.host.overlay.hidden = !this.domOverlay;
    this.hud.mesh.setEnabled(!this.domOverlay);
    this.frames = 0;
    this.instrumentation ??= new SceneInstrumentation(this.scene);
    this.frameObserver = this.scene.onAfterRenderObservable.add(() => this.frame());
    this.startRegistration();
    this.host.setStatus({ mode: 'ar', xr: 'running', arOverlay: this.domOverlay ? 'dom' : 'gui', arHitTest: this.hitTest ? 'on' : 'off' });
    this.host.announce(this.host.t().arEntered);
  }

  private ended(): void {
    if (this.frameObserver) this.scene.onAfterRenderObservable.remove(this.frameObserver);
    this.frameObserver = undefined;
    this.closeWork();
    for (const p of this.players.values()) if (p.playing) void p.toggle();
    this.dropAnchor();
    this.hideLabels();
    this.reticle.setEnabled(false);
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
      if (m.isWorldMatrixFrozen) {
        m.unfreezeWorldMatrix();
        saved.frozen.push(m);
      }
      if (!m.isEnabled(false)) continue;
      if (arch.has(m) && m.isVisible) {
        saved.materials.push([m, m.material]);
        m.material = this.occluder;
      } else {
        saved.disabled.push(m);
        m.setEnabled(false);
      }
    }
    this.buildWorkOccluders();
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

  private restoreTwin(): void {
    const s = this.saved;
    if (!s) return;
    this.saved = undefined;
    this.scene.clearColor = s.clear;
    for (const [m, mat] of s.materials) m.material = mat;
    for (const m of s.disabled) m.setEnabled(true);
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
    this.phase = 'aiming';
    this.measured = [];
    this.hideLabels();
    this.renderUi();
    this.host.setStatus({ arPhase: 'aiming', arPoint: this.refs[0]?.id ?? '', arPoints: '0' });
  }

  /** "Realign": measure the reference points again. */
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
      this.registration = solveRegistration(twin, this.measured);
    } catch (e) {
      this.message = e instanceof RegistrationError ? fill(t.arRegistrationFailed, { reason: e.message }) : String(e);
      this.measured = [];
      this.host.setStatus({ arPoints: '0', arPoint: this.refs[0]?.id ?? '', arError: this.message });
      this.renderUi();
      return;
    }
    this.applyRegistration(this.registration);
  }

  private applyRegistration(r: Registration): void {
    this.root.position.set(...r.translation);
    this.root.rotationQuaternion = Quaternion.RotationYawPitchRoll(r.yaw, 0, 0);
    this.root.computeWorldMatrix(true);
    this.phase = 'registered';
    this.reticle.setEnabled(false);
    this.host.setStatus({ arPhase: 'registered', arRms: r.rms.toFixed(4), arPoint: '', arError: '' });
    this.host.announce(fill(this.host.t().arAligned, { cm: (r.rms * 100).toFixed(1) }));
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
    if (this.phase === 'registered' && this.frames % 6 === 1) this.placeLabels();
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
    const r = this.registration;
    if (!r) return;
    const v = this.viewer();
    const world = this.root.computeWorldMatrix(true);
    const candidates = [...this.host.gallery.works.values()].map((w) => {
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
    return !!w && w.artwork.sensitivity.level !== 'restricted' && OverlayPlayer.available(w);
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

  private instruction(): string {
    const t = this.host.t();
    if (this.message) return this.message;
    if (this.phase === 'aiming') {
      const n = this.measured.length;
      const ref = this.refs[n];
      const total = Math.min(this.refs.length, 4);
      return ref ? fill(t.arAimAt, { name: this.txt(ref.name), i: n + 1, n: total }) : '';
    }
    return fill(t.arAligned, { cm: ((this.registration?.rms ?? 0) * 100).toFixed(1) });
  }

  private renderUi(): void {
    const t = this.host.t();
    const text = this.instruction();
    const anim = this.openId && this.hasAnimation(this.openId) ? this.players.get(this.openId)?.playing : undefined;
    const animLabel = this.openId && this.hasAnimation(this.openId) ? (anim ? t.arPause : t.arPlay) : '';
    // DOM overlay (phones).
    clear(this.domHud);
    const row = h('div', { class: 'ar-controls' });
    const realign = h('button', { type: 'button', class: 'ar-realign' }, t.arRealign);
    realign.addEventListener('click', () => this.realign());
    const exit = h('button', { type: 'button', class: 'ar-exit' }, t.arExit);
    exit.addEventListener('click', () => void this.exit());
    row.append(realign, exit);
    this.domHud.append(h('p', { class: 'ar-instruction', role: 'status' }, text), row);
    // GUI fallback.
    const s = this.hud;
    const rootC = s.ui.rootContainer;
    for (const c of [...rootC.children]) c.dispose();
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
    col.addControl(s.text('instruction', text, 30, { height: '170px', wrap: true }));
    const buttons = new StackPanel('hud-row');
    buttons.isVertical = false;
    buttons.height = '100px';
    col.addControl(buttons);
    buttons.addControl(s.button('realign', t.arRealign, () => this.realign(), { width: '220px', height: '86px', fontSize: 28 }));
    if (animLabel && this.openId) {
      const id = this.openId;
      buttons.addControl(s.button('animation', animLabel, () => void this.toggleAnimation(id), { width: '220px', height: '86px', fontSize: 28, background: '#6b4f1d' }));
    } else s.forget('animation');
    buttons.addControl(s.button('exit', t.arExit, () => void this.exit(), { width: '220px', height: '86px', fontSize: 28, background: '#5b2a24' }));
    col.addControl(s.text('hint', this.phase === 'registered' ? t.arTapLabel : '', 24, { color: MUTED, height: '60px' }));
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
      registration: r ? { yaw: r.yaw, translation: r.translation, rms: r.rms, residuals: r.residuals } : undefined,
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
