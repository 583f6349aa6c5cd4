/**
 * A phone following a route in a building of several floors (AR): while the next stop is on another level, the
 * arrows end at the stairs, ramp or lift the route takes and the ring marks it (RouteProgress.target), and the
 * visitor is told in words, once per change, "Take the stairs ahead up to Mezzanine, 12 m" (the route's own
 * directions, src/ui/route-directions.ts), never pointed at a work through the ceiling. `#status` reports
 * `data-route-level` ("stairs:up:mezzanine", '' when the stop is on the visitor's level).
 */
import type { Camera } from '@babylonjs/core/Cameras/camera';
import type { TransformNode } from '@babylonjs/core/Meshes/transformNode';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { dirToHeading } from '../../twin/floorplan';
import type { RouteProgress, WayPoint } from '../../twin/route/follow';
import type { Exhibition } from '../../twin/schema';
import { RouteWords } from '../../ui/route-directions';
import type { XrLocale } from '../xr/host';

export interface RouteLevelsOptions {
  exhibition: Exhibition;
  locale: XrLocale;
  setStatus: (data: Record<string, string>) => void;
  announce: (text: string) => void;
}

/** The way the phone faces on the plan (degrees, 0 toward −z), in twin coordinates under the registration root. */
export function twinFacing(camera: Camera, root: TransformNode): number {
  const forward = camera.getDirection(Vector3.Forward(camera.getScene().useRightHandedSystem));
  const local = Vector3.TransformNormal(forward, root.computeWorldMatrix(true).clone().invert());
  return dirToHeading([local.x, local.z]);
}

export class RouteLevels {
  private readonly words: RouteWords;
  /** The change last told (kind, way, level): told again only when it changes, not as the metres count down. */
  private told = '';

  constructor(private readonly o: RouteLevelsOptions) {
    this.words = new RouteWords(o.exhibition, o.locale);
  }

  /**
   * Where the visitor now stands and faces: tells them of a new change of level on the way ahead, and returns the
   * sentence for it (shown while it lasts), undefined when the next stop is on their level.
   */
  update(progress: RouteProgress | undefined, at: WayPoint | undefined, facing: number): string | undefined {
    const step = progress && at ? progress.levelStep(at, facing) : undefined;
    const key = step && step.kind !== 'door' && step.kind !== 'arrive' ? `${step.kind}:${step.up ? 'up' : 'down'}:${step.level}` : '';
    const sentence = step ? this.words.steps([step])[0] : undefined;
    if (key !== this.told) {
      this.told = key;
      this.o.setStatus({ routeLevel: key });
      if (sentence) this.o.announce(sentence);
    }
    return sentence;
  }

  /** The route was left (a session ended, no route): nothing told. */
  reset(): void {
    if (this.told) this.o.setStatus({ routeLevel: '' });
    this.told = '';
  }
}
