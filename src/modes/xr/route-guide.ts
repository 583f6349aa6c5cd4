/**
 * Following the visit's route in an immersive mode: the shared RouteProgress (src/twin/route/follow.ts, set by the
 * preview's "Plan my visit"), arrows on the floor from where the visitor stands toward the next stop and a ring at
 * it (route-arrows.ts), the stop ticked off on arrival or when its work is opened, and the next one pointed to.
 * AR places it under the registration root (the real floor); VR in the twin. `#status` reports `data-route-next`
 * (the next stop's work, '' when done), `data-route-ticked` (how many ticked off) and `data-route-arrows`.
 */
import type { Scene } from '@babylonjs/core/scene';
import type { TransformNode } from '@babylonjs/core/Meshes/transformNode';
import type { Exhibition, Vec3 } from '../../twin/schema';
import { RouteProgress, routeProgressFor, type ProgressChange, type WayPoint } from '../../twin/route/follow';
import { levelsOf } from '../../twin/route/levels';
import { planOf } from '../../twin/route/places';
import type { XrLocale } from './host';
import { RouteArrows } from './route-arrows';

export interface RouteGuideOptions {
  scene: Scene;
  exhibition: Exhibition;
  locale: XrLocale;
  /** AR's registration root; none in VR (the scene is the twin). */
  parent?: TransformNode;
  /** Where the visitor's eyes are, in twin coordinates; undefined while not known (AR: not registered yet). */
  eyes: () => Vec3 | undefined;
  /** The visitor's eyes above their floor (to find the level they stand on). */
  eyeHeight: () => number;
  setStatus: (data: Record<string, string>) => void;
  announce: (text: string) => void;
}

/** Frames between two looks at where the visitor is (the arrows move with them, not every frame). */
const EVERY = 5;

export class RouteGuide {
  readonly arrows: RouteArrows;
  private progress?: RouteProgress;
  private stopListening?: () => void;
  private stopProgress?: () => void;
  private frames = 0;
  private reportedArrows = '';
  private readonly shared;
  private readonly elevation: Map<string, number>;
  private readonly levels: { id: string; elevation: number }[];

  constructor(private readonly o: RouteGuideOptions) {
    this.arrows = new RouteArrows(o.scene, o.parent ? 'ar' : 'vr', o.parent);
    this.shared = routeProgressFor(o.exhibition);
    this.levels = [...levelsOf(planOf(o.exhibition))].sort((a, b) => a.elevation - b.elevation);
    this.elevation = new Map(this.levels.map((l) => [l.id, l.elevation]));
  }

  /** A session started: follow the visit's route (and any route planned while in it). */
  start(): void {
    this.stopListening?.();
    this.stopListening = this.shared.onChange((p) => this.use(p));
    this.use(this.shared.get());
  }

  /** The session ended: nothing shown, nothing listened to (the progress stays with the visit). */
  stop(): void {
    this.stopListening?.();
    this.stopListening = undefined;
    this.use(undefined);
  }

  /** Every frame while following: ticks off on arrival, moves the arrows with the visitor. */
  frame(): void {
    if (!this.progress || this.frames++ % EVERY !== 0) return;
    const at = this.where();
    if (!at) {
      this.arrows.hide();
      return;
    }
    this.progress.moved(at);
    this.draw(at);
  }

  /** The visitor opened a work: a stop of the route, if it is one, is ticked off. */
  opened(artwork: string | undefined): void {
    if (artwork) this.progress?.opened(artwork);
  }

  /** Where the visitor stands: the plan point under their eyes and the level of the floor below them. */
  where(): WayPoint | undefined {
    const eyes = this.o.eyes();
    if (!eyes) return undefined;
    const feet = eyes[1] - this.o.eyeHeight();
    // The highest level whose floor is at most half a metre above the feet (tracking drifts a little).
    let level = this.levels[0]!.id;
    for (const l of this.levels) if (l.elevation <= feet + 0.5) level = l.id;
    return { position: [eyes[0], eyes[2]], level };
  }

  state(): { next?: string; current: number; ticked: number[]; arrows: { position: Vec3; heading: number }[]; ring?: Vec3; world: Vec3[] } | undefined {
    const p = this.progress;
    if (!p) return undefined;
    return {
      next: p.route.stops[p.current]?.artwork,
      current: p.current,
      ticked: p.route.stops.map((_, i) => i).filter((i) => p.isTicked(i)),
      ...this.arrows.state(),
      world: this.arrows.worldArrows(),
    };
  }

  dispose(): void {
    this.stop();
    this.arrows.dispose();
  }

  private use(p: RouteProgress | undefined): void {
    this.stopProgress?.();
    this.stopProgress = undefined;
    this.progress = p;
    this.frames = 0;
    this.arrows.hide();
    if (p) this.stopProgress = p.onChange((c) => this.changed(c));
    this.report();
  }

  private draw(at: WayPoint): void {
    const p = this.progress;
    if (!p) return;
    // The stop, or on another floor the stairs or lift toward it (never a ring through the ceiling).
    this.arrows.show(p.arrows(at), p.target(at), (l) => this.elevation.get(l) ?? 0);
    const n = String(this.arrows.state().arrows.length);
    if (n !== this.reportedArrows) this.o.setStatus({ routeArrows: (this.reportedArrows = n) });
  }

  private changed(c: ProgressChange): void {
    const p = this.progress;
    if (!p) return;
    const { locale } = this.o;
    const t = locale.t;
    const title = (i: number) => locale.text(this.o.exhibition.artworks.find((a) => a.id === p.route.stops[i]?.artwork)?.title);
    if (c.kind === 'ticked') this.o.announce(`✓ ${locale.fill(t.routeStop, { i: c.stop + 1, title: title(c.stop) })}`);
    else if (c.kind === 'moved') {
      const left = p.route.stops.slice(c.stop).reduce((s, x) => s + x.dwellMinutes, 0) + p.route.legs.slice(c.stop).reduce((s, l) => s + l.minutes, 0);
      this.o.announce(`${locale.fill(t.routeProgress, { i: c.stop + 1, n: p.route.stops.length, min: Math.round(left) })}: ${title(c.stop)}`);
    }
    this.report();
    const at = this.where();
    if (at) this.draw(at);
  }

  private report(): void {
    const p = this.progress;
    this.o.setStatus({
      routeNext: p ? (p.route.stops[p.current]?.artwork ?? '') : '',
      routeTicked: p ? String(p.tickedCount) : '',
      ...(p ? {} : { routeArrows: (this.reportedArrows = '') }),
    });
  }
}
