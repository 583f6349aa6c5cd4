/**
 * Taking the stairs, ramp or lift in 3D, in the preview and in VR: stepping onto the marked floor at one end of a
 * vertical link (walking there, tapping it, or teleporting onto it) puts the visitor at its other end, on the other
 * level, facing the way they faced; the floor plan's level switcher follows. Not in AR, where the visitor's own legs
 * climb the real stairs.
 */
import { PointerEventTypes } from '@babylonjs/core/Events/pointerEvents';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { EYE_HEIGHT } from '../twin/layout';
import { levelsOf, linkReached, linkSteps, type LinkStep } from '../twin/route/levels';
import { planOf } from '../twin/route/places';
import { LINK_PAD_RADIUS } from '../scene/architecture';
import type { VisitContext } from './context';

/** A visitor this close (m) to a link's end, on its level, has stepped onto it. */
const REACH = LINK_PAD_RADIUS;
/** After arriving, the visitor must step this far from every end before another one takes them (no ping-pong). */
const CLEAR = LINK_PAD_RADIUS + 0.5;

export class LevelWalk {
  private readonly steps: LinkStep[];
  /** False from an arrival until the visitor has stepped off the end they arrived on. */
  private armed = true;
  private readonly last = new Vector3(NaN, NaN, NaN);

  constructor(
    private readonly c: VisitContext,
    /** Told the level the visitor is now on (the floor plan shows it). */
    private readonly arrived: (level: string) => void,
  ) {
    this.steps = linkSteps(planOf(c.ex));
  }

  /** Watches the visitor (cheap: only after they moved 10 cm) and taps on a link's marked floor. */
  start(): void {
    const scene = this.c.gallery?.scene;
    if (!scene || !this.steps.length || levelsOf(planOf(this.c.ex)).length < 2) return;
    scene.onBeforeRenderObservable.add(() => this.check());
    scene.onPointerObservable.add((info) => {
      if (info.type !== PointerEventTypes.POINTERTAP || (info.event as PointerEvent).button > 0 || this.c.state.mode === 'ar') return;
      const hit = scene.pick(scene.pointerX, scene.pointerY, (m) => m.isPickable && m.isEnabled() && !!(m.metadata as { verticalLink?: string } | null)?.verticalLink);
      const meta = hit?.pickedMesh?.metadata as { verticalLink: string; end: number } | undefined;
      if (!meta) return;
      const step = this.steps.find((s) => s.link.id === meta.verticalLink && s.from.position === s.link.ends[meta.end]?.position);
      if (step) this.take(step);
    });
  }

  private check(): void {
    if (this.c.state.mode === 'ar') return;
    const cam = this.c.gallery?.scene.activeCamera;
    if (!cam) return;
    const p = cam.globalPosition;
    if (Vector3.DistanceSquared(p, this.last) < 0.01) return;
    this.last.copyFrom(p);
    const feet: [number, number, number] = [p.x, p.y - EYE_HEIGHT, p.z];
    if (!this.armed) {
      this.armed = !linkReached(this.steps, feet, CLEAR);
      return;
    }
    const step = linkReached(this.steps, feet, REACH);
    if (step) this.take(step);
  }

  /** Puts the visitor at the link's other end: a cut (a fade in the preview would hide nothing a cut does not). */
  private take(step: LinkStep): void {
    const scene = this.c.gallery?.scene;
    const cam = scene?.activeCamera;
    if (!scene || !cam) return;
    this.armed = false;
    const rise = step.to.elevation - step.from.elevation;
    const [x, z] = step.to.position;
    const preview = this.c.preview;
    if (this.c.state.mode === 'preview' && preview && cam === preview.visitor.camera) {
      const eyeY = step.to.elevation + EYE_HEIGHT;
      const f = cam.getDirection(Vector3.Forward(scene.useRightHandedSystem));
      const len = Math.hypot(f.x, f.z) || 1;
      void preview.visitor.glide([x, eyeY, z], [x + f.x / len, eyeY, z + f.z / len], 0);
    } else {
      // VR: the headset's camera moves as Babylon's own teleport moves it; its height above the floor is kept.
      cam.position.set(x, cam.position.y + rise, z);
    }
    // The rooms there are drawn (and walked on) from this frame: gravity must find the new floor before it falls.
    cam.computeWorldMatrix();
    this.c.gallery?.visibility?.update();
    this.last.set(NaN, NaN, NaN);
    const level = levelsOf(planOf(this.c.ex)).find((l) => l.id === step.to.level);
    const t = this.c.locale.t;
    this.c.status.announce(this.c.locale.fill(t.levelArrived, { level: this.c.locale.text(level?.name) || step.to.level }));
    this.c.status.report({ viewLevel: step.to.level, viewLink: step.link.id });
    this.arrived(step.to.level);
    this.c.requestRender();
  }
}
