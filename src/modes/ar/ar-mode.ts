/**
 * In-gallery AR on a phone: the twin registered to the real room. The twin's architecture and works render
 * depth-only (occluders), so only the overlays show over the camera image: floating labels with leader lines by
 * the nearest works, a backstory panel (the page's own panel in a WebXR DOM overlay; a world-space GUI panel where
 * the browser has no DOM overlay), and overlay animations played on the real object.
 *
 * Its parts, one feature a file: the session (../xr/session.ts), the twin as occluder under the registration root
 * (occluders.ts), registering it three ways (registration-flow.ts; the maths in registration.ts), the labels
 * (labels.ts), opening works and their animations (ar-works.ts), the instructions and controls (ar-hud.ts).
 * Loaded on demand by ar-button.ts.
 */
import type { WebXRDefaultExperience } from '@babylonjs/core/XR/webXRDefaultExperience';
import { WebXRFeatureName } from '@babylonjs/core/XR/webXRFeaturesManager';
import '@babylonjs/core/XR/motionController/webXROculusTouchMotionController';
import '@babylonjs/core/XR/motionController/webXRGenericMotionController';
import type { WebXRHitTest } from '@babylonjs/core/XR/features/WebXRHitTest';
import '@babylonjs/core/XR/features/WebXRHitTest';
import type { WebXRAnchorSystem } from '@babylonjs/core/XR/features/WebXRAnchorSystem';
import '@babylonjs/core/XR/features/WebXRAnchorSystem';
import '@babylonjs/core/XR/features/WebXRDOMOverlay';
import type { WebXRImageTracking } from '@babylonjs/core/XR/features/WebXRImageTracking';
import '@babylonjs/core/XR/features/WebXRImageTracking';
import { PointerEventTypes } from '@babylonjs/core/Events/pointerEvents';
import { SceneInstrumentation } from '@babylonjs/core/Instrumentation/sceneInstrumentation';
import type { AbstractMesh } from '@babylonjs/core/Meshes/abstractMesh';
import { Observable } from '@babylonjs/core/Misc/observable';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { Scene } from '@babylonjs/core/scene';
import type { Vec3 } from '../../twin/schema';
import type { PanelContext } from '../../ui/panel';
import { h, clear } from '../../ui/dom';
import { artworkIdOf } from '../../scene/artworks';
import { useOwnControllerProfiles } from '../xr/profiles';
import { XrSession } from '../xr/session';
import { loadMarkerImages, type MarkerImages } from './marker-images';
import { createXrExperience } from '../xr/experience';
import { xrLocale, type XrHost, type XrLocale } from '../xr/host';
import type { RegistrationMethod } from './logic';
import { ArOccluders } from './occluders';
import { ArRegistration, type ManualStep } from './registration-flow';
import { ArLabels } from './labels';
import { ArWorks } from './ar-works';
import { ArHud } from './ar-hud';
import { RouteGuide } from '../xr/route-guide';
import { routeProgressFor } from '../../twin/route/follow';
import { RouteLevels, twinFacing } from './route-levels';
import { arState, type ArState } from './ar-state';

export interface ArHost extends XrHost {
  /** The preview panel's context (language, favourites, acknowledgements), for the DOM-overlay panel. */
  panelContext: () => PanelContext;
  /** The DOM overlay's root (#ar-overlay). */
  overlay: HTMLElement;
  /** The session ended (by any route: Exit AR, the browser's own controls, an error): the twin is back as it was. */
  exited: () => void;
}

/**
 * In-gallery AR. `ArMode.create(host)` builds it on the gallery's scene (one per session: see ../xr/lifetime.ts); `enter()`
 * starts an `immersive-ar` session (rejecting, with the preview as it was, when the camera or session is refused);
 * leaving it, by any route, puts the twin back as it was, calls `host.exited()` and fires `onExitedObservable`.
 * `dispose()` removes everything it added to the scene and the overlay.
 */
export class ArMode {
  /** After each session, however it ended. */
  readonly onExitedObservable = new Observable<void>();
  private readonly scene: Scene;
  private readonly session: XrSession;
  private readonly locale: XrLocale;
  private readonly occluders: ArOccluders;
  private readonly registration: ArRegistration;
  private readonly labels: ArLabels;
  private readonly works: ArWorks;
  private readonly hud: ArHud;
  /** The visit's route, on the real floor once registered. */
  private readonly route: RouteGuide;
  /** The way up or down to a stop on another floor, in words. */
  private readonly levels: RouteLevels;
  private frames = 0;
  private instrumentation?: SceneInstrumentation;

  private constructor(
    private readonly host: ArHost,
    private readonly xr: WebXRDefaultExperience,
    private readonly hitTest: WebXRHitTest | undefined,
    anchors: WebXRAnchorSystem | undefined,
    imageTracking: WebXRImageTracking | undefined,
    markers: MarkerImages,
  ) {
    this.scene = host.gallery.scene;
    const scene = this.scene;
    this.locale = xrLocale(host);
    this.occluders = new ArOccluders(scene, host.gallery);
    this.session = new XrSession(xr, scene, {
      sessionMode: 'immersive-ar',
      referenceSpaceType: 'local-floor',
      prepare: () => {
        // Rooms the gallery would build later (streaming) are built now, so they hang under the registration root too.
        for (const a of host.exhibition.artworks) host.gallery.works.get(a.id);
        this.occluders.prepare();
        // AR hides the works (the real ones are in the room): their images need not hold the GPU's memory.
        host.gallery.worksAway(true);
        host.overlay.hidden = false;
      },
      undo: () => {
        host.gallery.worksAway(false);
        this.occluders.restore();
        host.overlay.hidden = true;
      },
    });
    const camera = () => xr.baseExperience.camera;
    this.registration = new ArRegistration({
      scene,
      exhibition: host.exhibition,
      occluders: this.occluders,
      camera,
      locale: this.locale,
      hitTest,
      anchors,
      imageTracking,
      trackedMarkers: markers.markers,
      setStatus: host.setStatus,
      announce: host.announce,
    });
    if (markers.refused.length) this.registration.markersRefused(markers.refused.map((r) => ({ name: this.locale.text(r.marker.name), reason: r.reason })));
    this.labels = new ArLabels({ scene, gallery: host.gallery, root: this.occluders.root, locale: this.locale, live: host.live });
    // The DOM overlay: instructions and controls on top, the page's own artwork panel below.
    clear(host.overlay);
    const domHud = h('div', { class: 'ar-hud' });
    const panelEl = h('aside', { id: 'ar-panel', class: 'panel ar-panel', hidden: '' });
    host.overlay.append(domHud, panelEl);
    this.works = new ArWorks({ host, locale: this.locale, occluders: this.occluders, camera, registration: () => this.registration.registration, panelElement: panelEl });
    this.hud = new ArHud({
      scene,
      element: domHud,
      locale: this.locale,
      useMethod: (m) => this.useMethod(m),
      adjust: (step) => this.adjust(step),
      confirm: () => this.confirm(),
      realign: () => this.realign(),
      toggleAnimation: (id) => void this.toggleAnimation(id),
      exit: () => void this.exit(),
    });
    this.registration.onChangedObservable.add(() => this.renderUi());
    this.registration.onRegisteredObservable.add((r) => {
      if (r) return;
      // Starting again: no work open, no held button, no labels until aligned.
      this.works.closeWork();
      this.hud.stopRepeat();
      this.labels.hide();
    });
    this.works.onChangedObservable.add(() => this.renderUi());
    this.route = new RouteGuide({
      scene,
      exhibition: host.exhibition,
      locale: this.locale,
      parent: this.occluders.root,
      eyes: () => this.twinEyes(),
      eyeHeight: () => this.camera.realWorldHeight || 1.4,
      setStatus: host.setStatus,
      announce: host.announce,
    });
    this.levels = new RouteLevels({ exhibition: host.exhibition, locale: this.locale, setStatus: host.setStatus, announce: host.announce });
    this.works.onChangedObservable.add(() => this.route.opened(this.works.openId));
    this.labels.onLabelsChangedObservable.add((ids) => host.setStatus({ arLabels: ids.join(',') }));
    this.wire();
  }

  /** Loads Babylon's default WebXR experience (no teleport, hands or controller meshes) with hit test, anchors, DOM overlay and image tracking where available. */
  static async create(host: ArHost): Promise<ArMode> {
    useOwnControllerProfiles();
    const xr = await createXrExperience(host.gallery.scene, {
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
    // The printed markers, at their printed width; only where the exhibition has some, fetched within the limits.
    let imageTracking: WebXRImageTracking | undefined;
    const markers = await loadMarkerImages(host.exhibition.arReferences.markers, host.resolveMedia);
    if (markers.images.length) {
      try {
        imageTracking = fm.enableFeature(WebXRFeatureName.IMAGE_TRACKING, 'latest', { images: markers.images }, true, false) as WebXRImageTracking;
      } catch {
        imageTracking = undefined;
      }
    }
    return new ArMode(host, xr, hitTest, anchors, imageTracking, markers);
  }

  /** In AR, or entering it. */
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

  /** Starts the session (the twin turns into occluders first). Rejects, with the twin as it was, when refused. */
  async enter(): Promise<void> {
    await this.session.enter();
  }

  async exit(): Promise<void> {
    await this.session.exit();
  }

  /** Leaves AR if in it and removes what the mode added to the scene and the overlay. */
  async dispose(): Promise<void> {
    await this.session.dispose();
    this.works.dispose();
    this.route.dispose();
    this.labels.dispose();
    this.registration.dispose();
    this.hud.dispose();
    this.occluders.dispose();
    this.instrumentation?.dispose();
    clear(this.host.overlay);
    this.onExitedObservable.clear();
  }

  private wire(): void {
    const base = this.xr.baseExperience;
    this.session.observe(base.onInitialXRPoseSetObservable, (cam) => {
      // The scene is the phone's tracking space as it is: registration moves the twin, not the visitor.
      cam.position.setAll(0);
      cam.rotationQuaternion.set(0, 0, 0, 1);
    });
    this.session.onStartedObservable.add(() => this.started());
    this.session.onEndedObservable.add(() => this.ended());
    this.xr.pointerSelection.raySelectionPredicate = (m) => {
      const kind = (m.metadata as { kind?: string } | null)?.kind;
      return (kind === 'vr-ui' || kind === 'ar-label') && m.isEnabled() && m.isPickable;
    };
    this.session.observe(this.scene.onPointerObservable, (info) => {
      if (!this.session.inXR || info.type !== PointerEventTypes.POINTERDOWN) return;
      this.tap(info.pickInfo?.hit ? info.pickInfo.pickedMesh : null);
    });
    this.session.observe(this.scene.onAfterRenderObservable, () => {
      if (this.session.inXR) this.frame();
    });
  }

  /** Whether this browser's session tracks images (WebXR image tracking is still an incubation in Chrome). */
  private sessionTracksImages(): boolean {
    if (!this.hasImageTracking) return false;
    const session = this.xr.baseExperience.sessionManager.session as XRSession & { enabledFeatures?: string[] };
    const frame = (globalThis as { XRFrame?: { prototype: object } }).XRFrame?.prototype;
    const api = 'XRImageTrackingResult' in globalThis && !!frame && 'getImageTrackingResults' in frame;
    return api && (!session.enabledFeatures || session.enabledFeatures.includes('image-tracking'));
  }

  private get hasImageTracking(): boolean {
    return !!this.xr.baseExperience.featuresManager.getEnabledFeature(WebXRFeatureName.IMAGE_TRACKING);
  }

  private started(): void {
    const session = this.xr.baseExperience.sessionManager.session as XRSession & { domOverlayState?: { type: string } };
    const domOverlay = !!session.domOverlayState;
    this.works.domOverlay = domOverlay;
    this.registration.markerTracking = this.sessionTracksImages();
    this.host.overlay.hidden = !domOverlay;
    this.hud.surface.mesh.setEnabled(!domOverlay);
    this.frames = 0;
    this.instrumentation ??= new SceneInstrumentation(this.scene);
    this.registration.start();
    this.route.start();
    this.host.setStatus({
      mode: 'ar',
      xr: 'running',
      arOverlay: domOverlay ? 'dom' : 'gui',
      arHitTest: this.hitTest ? 'on' : 'off',
      arMarker: this.host.exhibition.arReferences.markers.length ? (this.registration.markerTracking ? 'tracking' : 'unsupported') : '',
    });
    this.host.announce(this.locale.t.arEntered);
  }

  /** However the session ended: everything of AR hidden, the twin back as it was, the preview told. */
  private ended(): void {
    this.works.ended();
    this.route.stop();
    this.levels.reset();
    this.registration.ended();
    this.hud.stopRepeat();
    this.labels.hide();
    this.hud.surface.mesh.setEnabled(false);
    this.host.overlay.hidden = true;
    this.occluders.restore();
    this.host.gallery.worksAway(false);
    this.host.setStatus({ mode: 'preview', xr: 'ended', arPhase: '' });
    this.host.exited();
    this.onExitedObservable.notifyObservers();
  }

  // ---------------------------------------------------------------- registration

  /** The visitor picks a registration method: it starts afresh. */
  useMethod(method: RegistrationMethod): void {
    this.registration.useMethod(method);
  }

  /** "Realign": register again, the same way. */
  realign(): void {
    this.registration.realign();
  }

  /** One step of the manual controls; slides are in the visitor's view (left/right, away/nearer on the floor). */
  adjust(step: ManualStep): void {
    this.registration.adjust(step);
  }

  /** Confirm: the placed outline is the registration. */
  confirm(): void {
    if (this.registration.phase !== 'adjusting') return;
    this.hud.stopRepeat();
    this.registration.confirm();
  }

  private tap(mesh: AbstractMesh | null | undefined): void {
    const kind = (mesh?.metadata as { kind?: string } | null)?.kind;
    if (kind === 'vr-ui') return; // the GUI takes it
    if (kind === 'ar-label') {
      const id = artworkIdOf(mesh);
      if (id) this.openWork(id);
      return;
    }
    if (!this.registration.tap() && this.works.openId) this.closeWork();
  }

  // ---------------------------------------------------------------- works

  openWork(id: string): void {
    this.works.openWork(id);
  }

  closeWork(): void {
    this.works.closeWork();
  }

  /** Plays or pauses a work's overlay animation on the real object (the twin's node, registered). */
  toggleAnimation(id: string): Promise<boolean> {
    return this.works.toggleAnimation(id);
  }

  // ---------------------------------------------------------------- every frame

  private frame(): void {
    this.frames++;
    if (!this.works.domOverlay) this.hud.place(this.camera);
    // While the outline is adjusted by hand the labels show too: they help to see when it matches.
    const phase = this.registration.phase;
    if ((phase === 'registered' || phase === 'adjusting') && this.frames % 6 === 1) this.labels.place(this.camera, this.works.openId);
    this.route.frame();
    if (this.frames % 5 === 0) this.levels.update(routeProgressFor(this.host.exhibition).get(), this.route.where(), twinFacing(this.camera, this.occluders.root));
  }

  /** The phone's camera in twin coordinates, once the twin is registered to the room (before, no route is shown). */
  private twinEyes(): Vec3 | undefined {
    if (this.registration.phase !== 'registered') return undefined;
    const root = this.occluders.root.computeWorldMatrix(true);
    const eyes = Vector3.TransformCoordinates(this.camera.globalPosition, root.clone().invert());
    return [eyes.x, eyes.y, eyes.z];
  }

  private renderUi(): void {
    const id = this.works.openId;
    this.hud.render({
      instruction: this.registration.instruction(),
      phase: this.registration.phase,
      methods: this.registration.methods,
      method: this.registration.method,
      methodName: (m) => this.registration.methodName(m),
      animation: id && this.works.hasAnimation(id) ? { id, playing: this.works.playing(id) } : undefined,
    });
  }

  // ---------------------------------------------------------------- tests and measurements

  /** What the tests read of the AR session (ar-state.ts). */
  state(): ArState {
    return arState({ registration: this.registration, works: this.works, occluders: this.occluders, labels: this.labels, route: this.route, locale: this.locale, gallery: this.host.gallery, inXR: this.active, frames: this.frames });
  }

  /** Where a named GUI control (HUD or panel) is in the world. */
  controlPoint(name: string): Vec3 | undefined {
    return this.hud.surface.controlPoint(name) ?? this.works.guiPanel.surface.controlPoint(name) ?? this.works.liveCard.surface.controlPoint(name);
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
