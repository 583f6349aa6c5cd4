/**
 * Registering the twin to the real room, three ways the visitor can switch between (registration.ts has the maths):
 * - reference points (`aiming`): aim the reticle (a viewer-space hit test) at each named point and tap;
 * - a printed marker (`scanning`): Babylon's WebXR image tracking gives the marker's pose; steady detections give
 *   the transform (where the browser cannot track images, it says so and falls back);
 * - by hand (`placing`, then `adjusting`): the ghost floor outline is set down at the reticle, turned and slid,
 *   and confirmed.
 * The transform goes to the registration root, then a WebXR anchor holds it. `onChangedObservable` fires whenever
 * what the visitor should see or read changes (the HUD re-renders).
 */
import type { WebXRHitTest, IWebXRHitResult } from '@babylonjs/core/XR/features/WebXRHitTest';
import type { WebXRAnchorSystem, IWebXRAnchor } from '@babylonjs/core/XR/features/WebXRAnchorSystem';
import type { WebXRImageTracking, IWebXRTrackedImage } from '@babylonjs/core/XR/features/WebXRImageTracking';
import type { WebXRCamera } from '@babylonjs/core/XR/webXRCamera';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { Mesh } from '@babylonjs/core/Meshes/mesh';
import { CreateDisc } from '@babylonjs/core/Meshes/Builders/discBuilder';
import { CreateLineSystem } from '@babylonjs/core/Meshes/Builders/linesBuilder';
import type { LinesMesh } from '@babylonjs/core/Meshes/linesMesh';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import { Observable } from '@babylonjs/core/Misc/observable';
import type { Scene } from '@babylonjs/core/scene';
import { roomAt } from '../../twin/floorplan';
import type { Exhibition, Vec3 } from '../../twin/schema';
import type { XrLocale } from '../xr/host';
import { markerPoseFromMatrix, markerRegistrationFrom, placeAt, RegistrationError, solveRegistration, yawToFace, type MarkerPose, type RoomTransform } from './registration';
import { floorOutline, manualPivot, registrationMethods, type RegistrationMethod } from './logic';
import type { ArOccluders } from './occluders';

/** aiming: tapping reference points; scanning: looking for the marker; placing/adjusting: by hand. */
export type Phase = 'aiming' | 'scanning' | 'placing' | 'adjusting' | 'registered';

/** The transform in use and how it was found; `rms` is the fit's error (points) or the detections' spread (marker). */
export type Alignment = RoomTransform & { method: RegistrationMethod; rms?: number; residuals?: number[] };

export type ManualStep = 'turn-left' | 'turn-right' | 'left' | 'right' | 'away' | 'nearer';

/** Manual steps: small enough to land within a couple of centimetres; held buttons repeat. */
const TURN_STEP = (1 * Math.PI) / 180;
const SLIDE_STEP = 0.02;
/** Steady detections of the marker averaged before it counts. */
const MARKER_DETECTIONS = 10;

export interface IArRegistrationOptions {
  scene: Scene;
  exhibition: Exhibition;
  occluders: ArOccluders;
  camera: () => WebXRCamera;
  locale: XrLocale;
  hitTest?: WebXRHitTest;
  anchors?: WebXRAnchorSystem;
  imageTracking?: WebXRImageTracking;
  /** The marker of each tracked image, by the image's index (marker-images.ts); default: all the exhibition's. */
  trackedMarkers?: readonly Exhibition['arReferences']['markers'][number][];
  setStatus: (data: Record<string, string>) => void;
  announce: (text: string) => void;
}

export class ArRegistration {
  /** What the visitor should see or read changed: the HUD re-renders. */
  readonly onChangedObservable = new Observable<void>();
  /** A registration was made (the twin now lies on the room) or dropped (undefined, starting again). */
  readonly onRegisteredObservable = new Observable<Alignment | undefined>();
  phase: Phase = 'aiming';
  readonly methods: RegistrationMethod[];
  method: RegistrationMethod;
  /** Whether this session tracks images (set when it starts). */
  markerTracking = false;
  measured: Vec3[] = [];
  registration?: Alignment;
  manual?: { at: Vec3; yaw: number };
  anchor?: IWebXRAnchor;
  lastHit?: IWebXRHitResult;
  /** Why the last step failed or fell back; shown before the instruction until the next tap. */
  message = '';
  /** How many times the visitor pressed Realign (reported, never read back from the page). */
  private realigned = 0;
  private readonly reticle: Mesh;
  readonly outline: LinesMesh;
  private readonly pivot: Vec3;
  private markerSeen = new Map<number, MarkerPose[]>();

  constructor(private readonly o: IArRegistrationOptions) {
    const scene = o.scene;
    this.methods = registrationMethods(o.exhibition);
    this.method = this.methods[0] ?? 'manual';
    this.pivot = manualPivot(o.exhibition);
    this.reticle = CreateDisc('ar-reticle', { radius: 0.06, tessellation: 24, sideOrientation: Mesh.DOUBLESIDE }, scene);
    const rm = new StandardMaterial('ar-reticle-mat', scene);
    rm.disableLighting = true;
    rm.emissiveColor = Color3.FromHexString('#ffb347');
    this.reticle.material = rm;
    this.reticle.isPickable = false;
    this.reticle.setEnabled(false);
    // The ghost floor outline for placing by hand: twin coordinates, under the root, so it moves with it.
    const segments = floorOutline(o.exhibition).map(([a, b]) => [new Vector3(...a), new Vector3(...b)]);
    this.outline = CreateLineSystem('ar-outline', { lines: segments.length ? segments : [[Vector3.Zero(), Vector3.Zero()]] }, scene);
    this.outline.color = Color3.FromHexString('#7fd8ff');
    this.outline.isPickable = false;
    this.outline.parent = o.occluders.root;
    // Drawn over the twin's depth-only walls and floor, which would hide it (it lies in their very planes).
    this.outline.renderingGroupId = 1;
    this.outline.setEnabled(false);
    o.hitTest?.onHitTestResultObservable.add((results) => this.hit(results[0]));
    o.imageTracking?.onTrackedImageUpdatedObservable.add((image) => this.markerSeenAt(image));
    o.imageTracking?.onUntrackableImageFoundObservable.add(() => {
      o.setStatus({ arMarker: 'untrackable' });
      if (this.phase === 'scanning') this.fallBack(o.locale.t.arMarkerUntrackable);
    });
  }

  private get refs() {
    return this.o.exhibition.arReferences.points;
  }

  private changed(): void {
    this.onChangedObservable.notifyObservers();
  }

  /** The hit test's latest result: the reticle follows the floor; placing by hand, the outline follows it. */
  private hit(result: IWebXRHitResult | undefined): void {
    this.lastHit = result;
    const show = (this.phase === 'aiming' || this.phase === 'placing') && !!result;
    this.reticle.setEnabled(show);
    if (show) this.reticle.position.copyFrom(result.position);
    this.reticle.rotation.set(Math.PI / 2, 0, 0);
    // Placing by hand: the ghost outline follows the reticle, facing the way the phone looks.
    if (show && this.phase === 'placing') {
      const at: Vec3 = [result.position.x, result.position.y, result.position.z];
      const yaw = this.facingYaw();
      if (yaw !== undefined) this.o.occluders.setRoot(placeAt(this.pivot, at, yaw));
    }
  }

  /** The session ended: no anchor, reticle or outline. */
  ended(): void {
    this.dropAnchor();
    this.reticle.setEnabled(false);
    this.outline.setEnabled(false);
  }

  methodName(m: RegistrationMethod): string {
    const t = this.o.locale.t;
    return m === 'points' ? t.arMethodPoints : m === 'marker' ? t.arMethodMarker : t.arMethodManual;
  }

  alignedText(): string {
    const t = this.o.locale.t;
    const r = this.registration;
    const cm = ((r?.rms ?? 0) * 100).toFixed(1);
    return r?.method === 'manual' ? t.arAlignedManual : r?.method === 'marker' ? this.o.locale.fill(t.arAlignedMarker, { cm }) : this.o.locale.fill(t.arAligned, { cm });
  }

  /** What the visitor is asked to do now (after the last failure's message, if any). */
  instruction(): string {
    const loc = this.o.locale;
    const t = loc.t;
    let text = '';
    if (this.phase === 'aiming') {
      const n = this.measured.length;
      const ref = this.refs[n];
      const total = Math.min(this.refs.length, 4);
      text = ref ? loc.fill(t.arAimAt, { name: loc.text(ref.name), i: n + 1, n: total }) : '';
    } else if (this.phase === 'scanning') {
      const m = this.o.exhibition.arReferences.markers[0];
      text = m ? loc.fill(t.arFindMarker, { name: loc.text(m.name), cm: Math.round(m.widthMetres * 100) }) : '';
    } else if (this.phase === 'placing') {
      const ex = this.o.exhibition;
      const [x, , z] = ex.entrance.position;
      const room = roomAt(ex.space.rooms, [x, z]) ?? ex.space.rooms[0];
      text = loc.fill(t.arPlaceOutline, { room: room ? loc.text(room.name) : '' });
    } else if (this.phase === 'adjusting') text = t.arAdjustOutline;
    else text = this.alignedText();
    return this.message ? `${this.message} ${text}`.trim() : text;
  }

  /** Starts the current method afresh (also at the start of each session). */
  start(): void {
    this.dropAnchor();
    this.measured = [];
    this.markerSeen.clear();
    this.manual = undefined;
    this.registration = undefined;
    this.onRegisteredObservable.notifyObservers(undefined);
    // Until aligned the twin sits where it was; only the ghost outline (by hand) shows it.
    if (this.method === 'marker' && !this.markerTracking) {
      this.fallBack(this.o.locale.fill(this.o.locale.t.arMarkerUnsupported, { method: this.methodName(this.fallbackMethod()) }));
      return;
    }
    this.phase = this.method === 'points' ? 'aiming' : this.method === 'marker' ? 'scanning' : 'placing';
    this.outline.setEnabled(this.phase === 'placing');
    this.changed();
    this.o.setStatus({ arMethod: this.method, arPhase: this.phase, arPoint: this.phase === 'aiming' ? (this.refs[0]?.id ?? '') : '', arPoints: '0', arManual: '' });
  }

  /** The method to use when the marker cannot be: reference points if there are any, else by hand. */
  private fallbackMethod(): RegistrationMethod {
    return this.methods.find((m) => m !== 'marker') ?? 'manual';
  }

  /** Says why (e.g. no image tracking) and switches to the next method; the message stays until the next tap. */
  private fallBack(why: string): void {
    this.method = this.fallbackMethod();
    this.start();
    this.message = why;
    this.o.setStatus({ arFallback: why });
    this.changed();
  }

  /** The visitor picks a registration method: it starts afresh. */
  useMethod(method: RegistrationMethod): void {
    if (!this.methods.includes(method)) return;
    this.method = method;
    this.message = '';
    this.o.setStatus({ arFallback: '' });
    this.start();
  }

  /** "Realign": register again, the same way. */
  realign(): void {
    this.message = '';
    this.start();
    this.o.setStatus({ arRealigned: String(++this.realigned) });
  }

  /** A tap on nothing in particular: measure a point, or set the outline down. Whether it was used. */
  tap(): boolean {
    if (this.phase === 'aiming') this.measure();
    else if (this.phase === 'placing') this.place();
    else return false;
    return true;
  }

  private measure(): void {
    const t = this.o.locale.t;
    const hit = this.lastHit;
    if (!hit) {
      this.message = t.arNoSurface;
      this.changed();
      return;
    }
    this.measured.push([hit.position.x, hit.position.y, hit.position.z]);
    this.message = '';
    const n = this.measured.length;
    this.o.setStatus({ arPoints: String(n), arPoint: this.refs[n]?.id ?? '' });
    if (n < Math.min(this.refs.length, 4)) {
      this.changed();
      return;
    }
    const twin = this.refs.slice(0, n).map((r) => r.position);
    try {
      const r = solveRegistration(twin, this.measured);
      this.apply({ method: 'points', yaw: r.yaw, translation: r.translation, rms: r.rms, residuals: r.residuals });
    } catch (e) {
      this.fail(e);
    }
  }

  /** A registration that could not be made: say why, and start this method again. */
  private fail(e: unknown): void {
    const reason = e instanceof RegistrationError ? this.o.locale.fill(this.o.locale.t.arRegistrationFailed, { reason: e.message }) : String(e);
    this.measured = [];
    this.markerSeen.clear();
    this.o.setStatus({ arPoints: '0', arPoint: this.phase === 'aiming' ? (this.refs[0]?.id ?? '') : '', arError: reason });
    this.message = reason;
    this.changed();
  }

  /** Markers whose images could not be used: said before the instruction, and named for tests (`data-ar-marker-refused`). */
  markersRefused(refused: readonly { name: string; reason: string }[]): void {
    this.message = refused.map((r) => this.o.locale.fill(this.o.locale.t.arMarkerRefused, r)).join(' ');
    this.o.setStatus({ arMarkerRefused: refused.map((r) => r.name).join(',') });
    this.changed();
  }

  private markerSeenAt(image: IWebXRTrackedImage): void {
    if (this.phase !== 'scanning' || image.emulated) return;
    const twin = (this.o.trackedMarkers ?? this.o.exhibition.arReferences.markers)[image.id];
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
    this.o.setStatus({ arMarkerSeen: `${twin.id}:${seen.length}` });
    if (seen.length < MARKER_DETECTIONS) return;
    try {
      const fit = markerRegistrationFrom(twin, seen.slice(-MARKER_DETECTIONS));
      this.message = '';
      this.apply({ method: 'marker', yaw: fit.yaw, translation: fit.translation, rms: fit.spread });
    } catch (e) {
      this.fail(e);
    }
  }

  /** The turn that makes the twin's entrance face the way the phone looks now (undefined looking straight down). */
  private facingYaw(): number | undefined {
    const f = this.o.camera().getDirection(Vector3.Forward(this.o.scene.useRightHandedSystem));
    try {
      return yawToFace(this.o.exhibition.entrance.heading, [f.x, f.y, f.z]);
    } catch {
      return undefined;
    }
  }

  /** Tap while placing: the outline is set down at the reticle; now turn and slide it. */
  private place(): void {
    const hit = this.lastHit;
    if (!hit) {
      this.message = this.o.locale.t.arNoSurface;
      this.changed();
      return;
    }
    this.message = '';
    this.manual = { at: [hit.position.x, hit.position.y, hit.position.z], yaw: this.facingYaw() ?? 0 };
    this.phase = 'adjusting';
    this.reticle.setEnabled(false);
    this.applyManual();
    this.o.setStatus({ arPhase: 'adjusting' });
    this.changed();
  }

  /** One step of the manual controls; slides are in the visitor's view (left/right, away/nearer on the floor). */
  adjust(step: ManualStep): void {
    const m = this.manual;
    if (this.phase !== 'adjusting' || !m) return;
    if (step === 'turn-left') m.yaw += TURN_STEP;
    else if (step === 'turn-right') m.yaw -= TURN_STEP;
    else {
      const f = this.o.camera().getDirection(Vector3.Forward(this.o.scene.useRightHandedSystem));
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
    this.o.occluders.setRoot(placeAt(this.pivot, m.at, m.yaw));
    this.o.setStatus({ arManual: `${((m.yaw * 180) / Math.PI).toFixed(1)}°,${m.at.map((v) => v.toFixed(3)).join(',')}` });
  }

  /** Confirm: the placed outline is the registration. Whether there was one to confirm. */
  confirm(): boolean {
    const m = this.manual;
    if (this.phase !== 'adjusting' || !m) return false;
    this.apply({ method: 'manual', ...placeAt(this.pivot, m.at, m.yaw) });
    return true;
  }

  private apply(r: Alignment): void {
    this.registration = r;
    this.o.occluders.setRoot(r);
    this.phase = 'registered';
    this.reticle.setEnabled(false);
    this.outline.setEnabled(false);
    this.o.setStatus({ arPhase: 'registered', arRms: r.rms === undefined ? '' : r.rms.toFixed(4), arPoint: '', arError: '' });
    this.o.announce(this.alignedText());
    this.onRegisteredObservable.notifyObservers(r);
    this.changed();
    // Hold it with an anchor: it follows the phone's refined understanding of the room.
    const anchors = this.o.anchors;
    if (anchors) {
      this.o.setStatus({ arAnchor: 'pending' });
      const root = this.o.occluders.root;
      anchors
        .addAnchorAtPositionAndRotationAsync(root.position.clone(), root.rotationQuaternion!.clone())
        .then((anchor) => {
          if (this.phase !== 'registered' || this.registration !== r) {
            void anchor.remove();
            return;
          }
          this.anchor = anchor;
          anchor.attachedNode = root;
          this.o.setStatus({ arAnchor: 'held' });
        })
        .catch(() => this.o.setStatus({ arAnchor: 'none' }));
    } else this.o.setStatus({ arAnchor: 'none' });
  }

  private dropAnchor(): void {
    if (!this.anchor) return;
    this.anchor.attachedNode = undefined;
    void Promise.resolve(this.anchor.remove()).catch(() => undefined);
    this.anchor = undefined;
    this.o.setStatus({ arAnchor: '' });
  }

  dispose(): void {
    this.dropAnchor();
    this.reticle.material?.dispose();
    this.reticle.dispose();
    this.outline.dispose();
  }
}
