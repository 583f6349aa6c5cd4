/**
 * Taking the stairs, ramp or lift in 3D, in the preview and in VR: stepping onto the marked floor at one end of a
 * vertical link (walking there, tapping it, or teleporting onto it) takes the visitor to its other end, on the other
 * level; the floor plan's level switcher follows. In the preview they climb: an eased move up (or down) the flight,
 * or a ride in the lift and a step out (src/twin/route/climb.ts); in VR it is a cut, as Babylon's teleport is (a
 * moving view the body does not feel is what makes people sick). Not in AR, where the visitor's own legs climb the
 * real stairs.
 */
import { PointerEventTypes } from '@babylonjs/core/Events/pointerEvents';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { EYE_HEIGHT } from '../twin/layout';
import { levelsOf, linkReached, linkSteps, type LinkStep } from '../twin/route/levels';
import type { Level } from '../twin/schema';
import { climbLegs, levelAtHeight } from '../twin/route/climb';
import { planOf } from '../twin/route/places';
import { LINK_PAD_RADIUS } from '../scene/architecture';
import type { VisitContext } from './context';

/** A visitor this close (m) to a link's end, on its level, has stepped onto it. */
const REACH = LINK_PAD_RADIUS;
/** After arriving, the visitor must step this far from every end before another one takes them (no ping-pong). */
const CLEAR = LINK_PAD_RADIUS + 0.5;

export class LevelWalk {
  private readonly steps: LinkStep[];
  private readonly levels: readonly Level[];
  /** The level the visitor was last known to stand on (undefined until first seen on a floor). */
  private level?: string;
  /** False from an arrival until the visitor has stepped off the end they arrived on. */
  private armed = true;
  private readonly last = new Vector3(NaN, NaN, NaN);

  constructor(
    private readonly c: VisitContext,
    /** Told the level the visitor is now on (the floor plan shows it). */
    private readonly arrived: (level: string) => void,
  ) {
    this.steps = linkSteps(planOf(c.ex));
    this.levels = levelsOf(planOf(c.ex));
  }

  /** Watches the visitor (cheap: only after they moved 10 cm) and taps on a link's marked floor. */
  start(): void {
    const scene = this.c.gallery?.scene;
    if (!scene || !this.steps.length || levelsOf(planOf(this.c.ex)).length < 2) return;
    scene.onBeforeRenderObservable.add(() => this.check());
    // First among the tap's observers: a tap that takes the stairs is not also a tap-to-walk onto their floor
    // (the walk would end the climb where it began).
    scene.onPointerObservable.add(
      (info, state) => {
        if (info.type !== PointerEventTypes.POINTERTAP || (info.event as PointerEvent).button > 0 || this.c.state.mode === 'ar') return;
        // What the visitor tapped, walls included: a marked floor behind a wall is not tapped.
        const hit = scene.pick(scene.pointerX, scene.pointerY, (m) => m.isPickable && m.isEnabled() && m.isVisible);
        const meta = hit?.pickedMesh?.metadata as { verticalLink?: string; end?: number } | undefined;
        if (meta?.verticalLink === undefined || meta.end === undefined) return;
        const step = this.steps.find((s) => s.link.id === meta.verticalLink && s.from.position === s.link.ends[meta.end!]?.position);
        if (!step) return;
        this.take(step);
        state.skipNextObservers = true;
      },
      undefined,
      true,
    );
  }

  private check(): void {
    if (this.c.state.mode === 'ar') return;
    const cam = this.c.gallery?.scene.activeCamera;
    if (!cam) return;
    // A scripted move in the preview (a climb, a glide to a work) turns gravity off until it ends or is cut short:
    // nothing is taken on the way, so a climb begun from afar is not sent back by the far end's marked floor.
    const visitor = this.c.preview?.visitor.camera;
    if (cam === visitor && !visitor.applyGravity) return;
    const p = cam.globalPosition;
    if (Vector3.DistanceSquared(p, this.last) < 0.01) return;
    this.last.copyFrom(p);
    const feet: [number, number, number] = [p.x, p.y - EYE_HEIGHT, p.z];
    // Down (or up) a flight on foot, not through its marked ends: the level shown follows the floor underfoot.
    const underfoot = levelAtHeight(feet[1], this.levels);
    if (underfoot && underfoot.id !== this.level) {
      const first = this.level === undefined;
      this.level = underfoot.id;
      if (!first) this.tell(underfoot.id);
    }
    // Halfway up a flight (walked on foot) or in the lift's car the visitor is on no floor: nothing is taken, and
    // the end they come to is not taken either until they step clear of it (walking down the stairs ends on their
    // foot's marked floor, which must not send them back up).
    if (!underfoot) {
      this.armed = false;
      return;
    }
    if (!this.armed) {
      this.armed = !linkReached(this.steps, feet, CLEAR);
      return;
    }
    const step = linkReached(this.steps, feet, REACH);
    if (step) this.take(step);
  }

  /** Takes the visitor to the link's other end: a climb or a lift ride in the preview, a cut in VR. */
  private take(step: LinkStep): void {
    const scene = this.c.gallery?.scene;
    const cam = scene?.activeCamera;
    if (!scene || !cam) return;
    this.armed = false;
    const rise = step.to.elevation - step.from.elevation;
    const f = cam.getDirection(Vector3.Forward(scene.useRightHandedSystem));
    const room = planOf(this.c.ex).rooms.find((r) => r.id === step.to.room)?.polygon;
    const legs = climbLegs(step, [f.x, f.z], EYE_HEIGHT, room);
    const preview = this.c.preview;
    if (this.c.state.mode === 'preview' && preview && cam === preview.visitor.camera) {
      // Leg by leg (the glide cuts where the visitor prefers reduced motion); a glide begun elsewhere ends the climb.
      void (async () => {
        for (const leg of legs) await preview.visitor.glide(leg.eye, leg.look, leg.seconds);
        this.c.gallery?.visibility?.update();
        this.c.requestRender();
      })();
    } else {
      // VR: the headset's camera moves as Babylon's own teleport moves it; its height above the floor is kept. Out of
      // a lift it stands where the step out would take it, off the marked floor.
      const [x, , z] = legs.at(-1)!.eye;
      cam.position.set(x, cam.position.y + rise, z);
    }
    // The rooms there are drawn (and walked on) from this frame: gravity must find the new floor before it falls.
    cam.computeWorldMatrix();
    this.c.gallery?.visibility?.update();
    this.last.set(NaN, NaN, NaN);
    this.level = step.to.level;
    this.tell(step.to.level, step.link.id);
  }

  /** Says the visitor is now on `levelId` (aloud, in #status and on the floor plan). */
  private tell(levelId: string, linkId?: string): void {
    const level = levelsOf(planOf(this.c.ex)).find((l) => l.id === levelId);
    const t = this.c.locale.t;
    this.c.status.announce(this.c.locale.fill(t.levelArrived, { level: this.c.locale.text(level?.name) || levelId }));
    this.c.status.report({ viewLevel: levelId, ...(linkId ? { viewLink: linkId } : {}) });
    this.arrived(levelId);
    this.c.requestRender();
  }
}
