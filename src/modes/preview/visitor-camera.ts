/**
 * The visitor's body in the preview: eye height, collisions with walls and works, gravity onto floors,
 * keyboard (WASD / arrows) and mouse-drag look, and scripted moves (glide, cut, walk to a point).
 */
import { UniversalCamera } from '@babylonjs/core/Cameras/universalCamera';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { Scene } from '@babylonjs/core/scene';
import type { Observer } from '@babylonjs/core/Misc/observable';
import { dirToHeading, headingToDir } from '../../twin/floorplan';
import { EYE_HEIGHT } from '../../twin/layout';
import type { Vec3 } from '../../twin/schema';

export interface ViewerPose {
  /** Feet on the floor. */
  position: Vec3;
  heading: number;
}

const ELLIPSOID = new Vector3(0.3, EYE_HEIGHT / 2, 0.3);
/** The most one frame moves a glide on: at 1.1 s a glide shows at least four frames on the way, however slow. */
const MAX_GLIDE_STEP_MS = 200;

export class VisitorCamera {
  readonly camera: UniversalCamera;
  private move?: Observer<Scene>;
  /** Resolves the running glide's promise (set while a glide runs). */
  private settle?: () => void;
  private readonly tmp = new Vector3();

  constructor(
    private readonly scene: Scene,
    canvas: HTMLCanvasElement,
    start: ViewerPose,
    private readonly reducedMotion: () => boolean,
    private readonly now: () => number = () => performance.now(),
  ) {
    const cam = new UniversalCamera('visitor', new Vector3(start.position[0], start.position[1] + EYE_HEIGHT, start.position[2]), scene);
    cam.minZ = 0.05;
    cam.maxZ = 300;
    cam.fov = 1.05;
    cam.speed = 0.09;
    cam.inertia = 0.8;
    cam.angularSensibility = 2500;
    cam.keysUp = [87, 38];
    cam.keysDown = [83, 40];
    cam.keysLeft = [65];
    cam.keysRight = [68];
    cam.keysRotateLeft = [37, 81];
    cam.keysRotateRight = [39, 69];
    cam.checkCollisions = true;
    cam.applyGravity = true;
    cam.ellipsoid = ELLIPSOID.clone();
    scene.gravity = new Vector3(0, -0.25, 0);
    this.camera = cam;
    this.face(start.heading);
    cam.attachControl(canvas, true);
    scene.activeCamera = cam;
  }

  face(heading: number, pitch = 0): void {
    this.camera.rotation.set(pitch, 0, 0);
    const d = headingToDir(heading);
    this.lookAt(new Vector3(this.camera.position.x + d[0], this.camera.position.y + Math.tan(pitch), this.camera.position.z + d[1]));
  }

  lookAt(target: Vector3): void {
    this.camera.setTarget(target);
  }

  pose(): ViewerPose {
    const p = this.camera.position;
    const f = this.camera.getDirection(Vector3.Forward(this.scene.useRightHandedSystem));
    return { position: [p.x, p.y - EYE_HEIGHT, p.z], heading: dirToHeading([f.x, f.z]) };
  }

  /**
   * Moves smoothly to stand at `eye` looking at `target`; cuts when the visitor prefers reduced motion. Resolves when
   * the glide ends: arrived, or stopped by another move (so no caller waits for good on a glide that was replaced).
   */
  glide(eye: Vec3, target: Vec3, seconds = 1.1): Promise<void> {
    this.stop();
    const cam = this.camera;
    const to = new Vector3(...eye);
    const look = new Vector3(...target);
    if (this.reducedMotion() || seconds <= 0) {
      cam.position.copyFrom(to);
      cam.setTarget(look);
      return Promise.resolve();
    }
    const from = cam.position.clone();
    const fromTarget = cam.getTarget().clone();
    // Look along the current view at the same distance, so the turn blends with the move.
    const dist = Vector3.Distance(from, look);
    fromTarget.copyFrom(from.add(cam.getDirection(Vector3.Forward(this.scene.useRightHandedSystem)).scale(dist)));
    cam.checkCollisions = false;
    cam.applyGravity = false;
    // Time advances frame by frame, each step capped: a slow frame (a panel opening, an image upload) slows the
    // glide rather than swallowing it, so the visitor always sees the way they moved.
    let elapsed = 0;
    let last: number | undefined;
    return new Promise((resolve) => {
      this.settle = resolve;
      this.move = this.scene.onBeforeRenderObservable.add(() => {
        const now = this.now();
        elapsed += last === undefined ? 0 : Math.min(now - last, MAX_GLIDE_STEP_MS);
        last = now;
        const t = Math.min(1, elapsed / (seconds * 1000));
        const k = t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
        Vector3.LerpToRef(from, to, k, cam.position);
        Vector3.LerpToRef(fromTarget, look, k, this.tmp);
        cam.setTarget(this.tmp);
        if (t >= 1) this.stop();
      });
    });
  }

  /** Walks toward a floor point with collisions on (used by tap-to-walk and the touch joystick). */
  walkTo(point: Vec3, onArrive?: () => void): void {
    this.stop();
    const cam = this.camera;
    const last = cam.position.clone();
    let stuck = 0;
    this.move = this.scene.onBeforeRenderObservable.add(() => {
      const dx = point[0] - cam.position.x;
      const dz = point[2] - cam.position.z;
      const d = Math.hypot(dx, dz);
      if (d < 0.25 || stuck > 20) {
        this.stop();
        onArrive?.();
        return;
      }
      const step = Math.min(cam.speed * 0.6, d);
      cam.cameraDirection.addInPlaceFromFloats((dx / d) * step, 0, (dz / d) * step);
      stuck = Vector3.DistanceSquared(last, cam.position) < 1e-6 ? stuck + 1 : 0;
      last.copyFrom(cam.position);
    });
  }

  stop(): void {
    if (this.move) {
      this.scene.onBeforeRenderObservable.remove(this.move);
      this.move = undefined;
    }
    const settle = this.settle;
    this.settle = undefined;
    settle?.();
    this.camera.checkCollisions = true;
    this.camera.applyGravity = true;
  }

  /** Moves the visitor by a joystick vector (x: strafe, y: forward), in metres per frame at full tilt. */
  nudge(strafe: number, forward: number, turn: number): void {
    const cam = this.camera;
    const f = cam.getDirection(Vector3.Forward(this.scene.useRightHandedSystem));
    const r = cam.getDirection(Vector3.Right());
    const s = cam.speed * 0.8;
    cam.cameraDirection.addInPlaceFromFloats((f.x * forward + r.x * strafe) * s, 0, (f.z * forward + r.z * strafe) * s);
    cam.cameraRotation.y += turn * 0.025 * (this.scene.useRightHandedSystem ? -1 : 1);
  }
}
