/**
 * How the visitor moves in VR: Babylon's teleportation (arc onto walkable floors only, snap turn), or smooth
 * movement (Babylon's movement feature: the left stick walks where the visitor looks, the right stick snap-turns),
 * and seated mode (the view lifted to standing eye height). The settings persist in localStorage.
 */
import type { WebXRDefaultExperience } from '@babylonjs/core/XR/webXRDefaultExperience';
import { WebXRFeatureName } from '@babylonjs/core/XR/webXRFeaturesManager';
import '@babylonjs/core/XR/features/WebXRControllerMovement';
import type { WebXRMotionControllerTeleportation } from '@babylonjs/core/XR/features/WebXRControllerTeleportation';
import type { WebXRInputSource } from '@babylonjs/core/XR/webXRInputSource';
import { WebXRControllerComponent } from '@babylonjs/core/XR/motionController/webXRControllerComponent';
import type { IWebXRMotionControllerAxesValue } from '@babylonjs/core/XR/motionController/webXRControllerComponent';
import { Quaternion, Vector3 } from '@babylonjs/core/Maths/math.vector';
import { Ray } from '@babylonjs/core/Culling/ray';
import { Observable } from '@babylonjs/core/Misc/observable';
import type { AbstractMesh } from '@babylonjs/core/Meshes/abstractMesh';
import type { Scene } from '@babylonjs/core/scene';
import { blocksTeleport, DEFAULT_SNAP_ANGLE, seatedLift } from './logic';

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

export interface IVrLocomotionOptions {
  scene: Scene;
  floors: AbstractMesh[];
  setStatus: (data: Record<string, string>) => void;
  /** Whether the VR session is on (settings changed outside it only take effect on the next one). */
  active: () => boolean;
}

/** Babylon's teleportation options: only walkable floors are targets (walls, plinths, works are not). */
export function teleportOptions() {
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

export class VrLocomotion {
  /** A setting changed (snap angle, smooth movement, seated): the menu shows it. */
  readonly onSettingsChangedObservable = new Observable<void>();
  snapAngle = Number(stored(SNAP_KEY)) || DEFAULT_SNAP_ANGLE;
  smooth = stored(SMOOTH_KEY) === 'on';
  seated = stored(SEATED_KEY) === 'on';
  /** How far seated mode raises the view (metres); measured from the headset's height on the next frame when pending. */
  lift = 0;
  private liftPending = false;
  private teleport?: WebXRMotionControllerTeleportation;
  private teleports = 0;
  private turns = 0;
  /** Whether the thumbstick moved sideways during the current teleport push (Babylon then aims the landing). */
  private stickAimed = false;
  private pushing = false;
  /** Where smooth movement last had the visitor on the floor and clear of walls. */
  private lastValid?: Vector3;

  constructor(
    private readonly xr: WebXRDefaultExperience,
    private readonly options: IVrLocomotionOptions,
  ) {
    this.teleport = xr.teleportation;
    this.configureTeleport();
  }

  private get camera() {
    return this.xr.baseExperience.camera;
  }

  /** A new session: seated mode measures again, smooth movement comes back if it was on. */
  started(): void {
    this.lastValid = undefined;
    this.lift = 0;
    this.liftPending = this.seated;
    if (this.smooth) this.setSmooth(true, false);
  }

  /** The visitor was moved (a tour stop): smooth movement's last valid place no longer holds. */
  moved(): void {
    this.lastValid = undefined;
  }

  /** Every XR frame: seated mode's lift once measured; smooth movement kept on the floor (unless `moving`). */
  frame(moving: boolean): void {
    if (this.liftPending && this.camera.realWorldHeight > 0) {
      this.liftPending = false;
      this.setLift(seatedLift(this.camera.realWorldHeight));
    }
    if (this.smooth && !moving) this.keepOnFloor();
  }

  status(): Record<string, string> {
    return { vrSnap: String(this.snapAngle), vrSmooth: this.smooth ? 'on' : 'off', vrSeated: this.seated ? 'on' : 'off' };
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
      this.options.setStatus({ vrTeleports: String(++this.teleports) });
    });
    tp.onAfterCameraTeleportRotation.add(() => this.options.setStatus({ vrTurns: String(++this.turns) }));
  }

  /** A controller's thumbstick: the right one snap-turns during smooth movement; a push forward starts a teleport. */
  controllerAdded(c: WebXRInputSource): void {
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
    });
  }

  setSnap(angle: number): void {
    this.snapAngle = angle;
    store(SNAP_KEY, String(angle));
    if (this.teleport) this.teleport.rotationAngle = (angle * Math.PI) / 180;
    this.options.setStatus({ vrSnap: String(angle) });
    this.onSettingsChangedObservable.notifyObservers();
  }

  /** Seated mode: the view rises so a seated visitor sees the rooms from standing eye height. */
  setSeated(on: boolean): void {
    this.seated = on;
    store(SEATED_KEY, on ? 'on' : 'off');
    if (on) this.liftPending = true;
    else {
      this.liftPending = false;
      if (this.options.active()) this.setLift(0);
    }
    this.options.setStatus({ vrSeated: on ? 'on' : 'off' });
    this.onSettingsChangedObservable.notifyObservers();
  }

  /** Seated mode: raises (or, turned off, lowers back) the view by the difference. */
  private setLift(lift: number): void {
    this.camera.position.y += lift - this.lift;
    this.lift = lift;
    this.lastValid = undefined;
  }

  /**
   * Smooth movement: the left stick walks where the visitor looks (Babylon's movement feature) and the right
   * stick still snap-turns. Babylon's movement and teleport features exclude each other, so teleport is off
   * while smooth movement is on, and comes back when it is turned off.
   */
  setSmooth(on: boolean, remember = true): void {
    const fm = this.xr.baseExperience.featuresManager;
    if (this.options.active()) {
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
            { xrInput: this.xr.input, floorMeshes: this.options.floors, ...teleportOptions() },
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
    this.options.setStatus({ vrSmooth: on ? 'on' : 'off' });
    this.onSettingsChangedObservable.notifyObservers();
  }

  /**
   * A snap turn on the right stick while smooth movement is on (teleport, which turns otherwise, is off then):
   * the same rotation Babylon's teleport applies, by the chosen angle. `direction` 1 turns right.
   */
  private snapTurnCamera(direction: 1 | -1): void {
    const q = this.camera.rotationQuaternion;
    const rotation = ((this.snapAngle * Math.PI) / 180) * direction * (this.options.scene.useRightHandedSystem ? -1 : 1);
    Quaternion.FromEulerAngles(0, rotation, 0).multiplyToRef(q, q);
    this.options.setStatus({ vrTurns: String(++this.turns) });
  }

  /** Smooth movement has no collisions of its own: step back when the visitor leaves the floor or meets a wall. */
  private keepOnFloor(): void {
    const scene = this.options.scene;
    const cam = this.camera;
    const here = cam.position.clone();
    const floors = this.options.floors;
    const down = scene.pickWithRay(new Ray(here, new Vector3(0, -1, 0), 10), (m) => floors.includes(m));
    let ok = !!down?.hit;
    if (ok && this.lastValid) {
      const d = here.subtract(this.lastValid);
      d.y = 0;
      const len = d.length();
      if (len > 1e-4) {
        const from = new Vector3(this.lastValid.x, here.y - 0.6, this.lastValid.z);
        const wall = scene.pickWithRay(new Ray(from, d.scale(1 / len), len + 0.25), (m) => m.checkCollisions && !floors.includes(m) && m.isEnabled());
        if (wall?.hit) ok = false;
      }
    }
    if (ok) this.lastValid = here;
    else if (this.lastValid) cam.position.set(this.lastValid.x, cam.position.y, this.lastValid.z);
  }
}
