import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import { Scene } from '@babylonjs/core/scene';
import { FreeCamera } from '@babylonjs/core/Cameras/freeCamera';
import { TransformNode } from '@babylonjs/core/Meshes/transformNode';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { Locale } from '../../i18n';
import { loadStrings } from '../../i18n/strings';
import { validateExhibition } from '../../twin/validate';
import { planRoute } from '../../twin/route/plan';
import { RouteProgress, type WayPoint } from '../../twin/route/follow';
import { RouteLevels, twinFacing } from './route-levels';

// The default exhibition: its mezzanine over the stair hall, stairs up the east side (foot at 15, 9.4).
const r = validateExhibition(JSON.parse(readFileSync(fileURLToPath(new URL('../../../assets/default/exhibition.json', import.meta.url)), 'utf8')));
if (!r.ok) throw new Error('the default exhibition does not validate');
const ex = r.exhibition;

// Italian and Arabic are fetched on demand (strings.ts).
beforeAll(() => Promise.all([loadStrings('it'), loadStrings('ar')]));

function setup(lang: string, stepFree = false) {
  const status: Record<string, string>[] = [];
  const told: string[] = [];
  const levels = new RouteLevels({ exhibition: ex, locale: new Locale(lang, 'en'), setStatus: (d) => status.push(d), announce: (t) => told.push(t) });
  const route = planRoute(ex, { favourites: ['red-rhythm', 'study-for-red-rhythm'], budget: 60, keepOrder: true, stepFree });
  return { levels, status, told, progress: new RouteProgress(route, 1) };
}

describe('AR: the way to a stop on another floor', () => {
  const hallDoor: WayPoint = { position: [10.5, 1.5], level: 'ground' };

  it('tells the visitor to go up by the stairs, on the side they are, once (not again as they walk on)', () => {
    const { levels, status, told, progress } = setup('en');
    const sentence = levels.update(progress, hallDoor, 180);
    expect(sentence).toMatch(/^Take the stairs ahead up to Mezzanine, \d+ m$/);
    expect(told).toEqual([sentence]);
    expect(status).toEqual([{ routeLevel: 'stairs:up:mezzanine' }]);
    // Walking on toward the stairs: the words shown count down, nothing is announced again.
    const later = levels.update(progress, { position: [13, 8], level: 'ground' }, 180);
    expect(later).not.toBe(sentence);
    expect(told).toHaveLength(1);
    // Upstairs the stop is on the visitor's level: the status is cleared, nothing more said.
    expect(levels.update(progress, { position: [15, 0.8], level: 'mezzanine' }, 0)).toBeUndefined();
    expect(status.at(-1)).toEqual({ routeLevel: '' });
    expect(told).toHaveLength(1);
  });

  it('on a step-free route says the lift, in the visitor’s language', () => {
    const { levels, progress } = setup('it', true);
    expect(levels.update(progress, hallDoor, 180)).toMatch(/^Prendi l'ascensore .+ fino a Mezzanino, \d+ m$/);
  });

  it('reads the phone’s facing in the twin’s frame: the registration root turned a quarter turns it back', () => {
    const scene = new Scene(new NullEngine());
    const camera = new FreeCamera('phone', new Vector3(0, 1.4, 0), scene);
    camera.setTarget(new Vector3(0, 1.4, -5)); // the real room's −z
    camera.computeWorldMatrix();
    const root = new TransformNode('registration', scene);
    expect(twinFacing(camera, root)).toBeCloseTo(0, 6);
    // The twin turned a quarter about y in the real room (its +x along the room's −z): the phone faces the twin's +x.
    root.rotation.y = Math.PI / 2;
    expect(twinFacing(camera, root)).toBeCloseTo(90, 6);
    scene.dispose();
  });
});
