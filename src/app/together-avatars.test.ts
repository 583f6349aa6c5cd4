import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UniversalCamera } from '@babylonjs/core/Cameras/universalCamera';
import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { Mesh } from '@babylonjs/core/Meshes/mesh';
import { TransformNode } from '@babylonjs/core/Meshes/transformNode';
import { Scene } from '@babylonjs/core/scene';
import { EYE_HEIGHT } from '../twin/layout';
import { GroupAvatars, NAME_DISTANCE, NAMES_SHOWN } from './together-avatars';
import { installSilentCanvas } from '../scene/canvas-testing';

beforeAll(installSilentCanvas);

describe('the group in 3D (GroupAvatars)', () => {
  let scene: Scene;
  let avatars: GroupAvatars;
  let renders = 0;

  beforeEach(() => {
    scene = new Scene(new NullEngine());
    // The viewer at the hall's south side looking north, as in the benches.
    const camera = new UniversalCamera('visitor', new Vector3(5, EYE_HEIGHT, 7.5), scene);
    camera.setTarget(new Vector3(5, EYE_HEIGHT, 0));
    renders = 0;
    avatars = new GroupAvatars(scene, () => undefined, () => renders++);
  });
  afterEach(() => scene.dispose());

  const heads = (role: 'person' | 'leader') => scene.getMeshByName(`together-heads-${role}`) as Mesh;
  /** The names on show, in the world. */
  const shownNames = () => scene.spriteManagers!.find((m) => m.name === 'together-names')!.sprites.filter((s) => s.isVisible).map((s) => s.position);
  /** Whose head each name on show is above (a name 0.3 m above the head), by the avatars drawn. */
  const boards = () =>
    shownNames().map((p) => {
      const d = avatars.drawn().find((x) => Math.hypot(x.position[0] - p.x, x.position[1] + EYE_HEIGHT + 0.3 - p.y, x.position[2] - p.z) < 1e-3);
      return d?.id ?? `nobody at ${p.toString()}`;
    });
  /** A class of `n` standing on a grid in the hall, 0.9 m apart (as the benches place them). */
  const grid = (n: number): [number, number, number][] => Array.from({ length: n }, (_, i) => [0.6 + (i % 10) * 0.9, 0, 0.6 + Math.floor(i / 10) * 0.65]);

  it('draws everyone where they stand, the leader in the leader’s colour, each head once in one of two meshes', () => {
    const places = grid(100);
    places.forEach((p, i) => avatars.update(`p${i}`, `Visitor ${i}`, p, 0));
    avatars.setLeader('p7');
    scene.render();
    const drawn = avatars.drawn();
    expect(drawn).toHaveLength(100);
    for (const d of drawn) expect(d.position).toEqual(places[Number(d.id.slice(1))]!.map((x) => expect.closeTo(x, 5)));
    expect(heads('leader').thinInstanceCount).toBe(1);
    expect(heads('person').thinInstanceCount).toBe(99);
    // No scene node per person: the group is two head meshes; the names are sprites of one manager (one draw call).
    expect(scene.meshes.filter((m) => m.name.startsWith('together-')).map((m) => m.name).sort()).toEqual(['together-heads-leader', 'together-heads-person']);
    expect(scene.spriteManagers?.filter((m) => m.name.startsWith('together-'))).toHaveLength(1);
  });

  it('names the nearest within reading distance only, and follows the viewer', () => {
    grid(100).forEach((p, i) => avatars.update(`p${i}`, `Visitor ${i}`, p, 0));
    scene.render();
    const eye = scene.activeCamera!.globalPosition;
    const far = (id: string) => {
      const d = avatars.drawn().find((x) => x.id === id)!.position;
      return Vector3.Distance(new Vector3(d[0], d[1] + EYE_HEIGHT, d[2]), eye);
    };
    const named = avatars.named();
    expect(named).toHaveLength(NAMES_SHOWN);
    const nearestUnnamed = Math.min(...avatars.drawn().filter((d) => !named.includes(d.id)).map((d) => far(d.id)));
    for (const id of named) {
      expect(far(id)).toBeLessThanOrEqual(NAME_DISTANCE);
      expect(far(id)).toBeLessThanOrEqual(nearestUnnamed);
    }
    expect(boards().sort()).toEqual([...named].sort());
    // The viewer walks to the far side of the class: the names shown there are the nearest ones now.
    scene.activeCamera!.position.set(5, EYE_HEIGHT, -2);
    scene.render();
    expect(avatars.named()).not.toEqual(named);
    expect(boards().sort()).toEqual([...avatars.named()].sort());
  });

  it('writes the names the right way round in the gallery’s right-handed scene (Babylon turns a sprite’s u round there)', () => {
    const rh = new Scene(new NullEngine());
    rh.useRightHandedSystem = true;
    const group = new GroupAvatars(rh, () => undefined, () => {});
    const sprites = (s: Scene) => s.spriteManagers!.find((m) => m.name === 'together-names')!.sprites;
    expect(sprites(rh).every((s) => s.invertU)).toBe(true);
    expect(sprites(scene).some((s) => s.invertU)).toBe(false);
    group.dispose();
    rh.dispose();
  });

  it('lets someone leave with their head and name, and keeps the heads hidden with nobody there', () => {
    avatars.update('p1', 'Ana', [1, 0, 1], 0);
    avatars.update('p2', 'Ben', [2, 0, 1], 90);
    scene.render();
    expect(heads('person').thinInstanceCount).toBe(2);
    avatars.remove('p1');
    scene.render();
    expect(avatars.drawn().map((d) => d.id)).toEqual(['p2']);
    expect(heads('person').thinInstanceCount).toBe(1);
    expect(boards()).toEqual(['p2']);
    avatars.remove('p2');
    scene.render();
    // With no instance left the head mesh would draw itself once: it is not shown.
    expect(heads('person').isVisible).toBe(false);
    expect(shownNames()).toEqual([]);
  });

  it('asks for no frames while nobody moves', () => {
    avatars.update('p1', 'Ana', [1, 0, 1], 0);
    scene.render();
    scene.render();
    const before = renders;
    scene.render();
    expect(renders).toBe(before);
  });

  it('draws nothing of the group while hidden (the page bench’s blocks without it) and goes on when shown again', () => {
    const t = performance.now();
    grid(20).forEach((p, i) => avatars.update(`p${i}`, `Visitor ${i}`, p, 0, t - 2000));
    scene.render();
    expect(shownNames()).toHaveLength(NAMES_SHOWN);
    avatars.setShown(false);
    avatars.update('p0', 'Visitor 0', [3, 0, 3], 0, t - 1000);
    scene.render();
    // No head drawn, no name drawn by the camera, and nobody placed: p0 is still where the last frame put him.
    expect(heads('person').isEnabled()).toBe(false);
    const names = scene.spriteManagers!.find((m) => m.name === 'together-names')!;
    expect(names.layerMask & scene.activeCamera!.layerMask).toBe(0);
    expect(avatars.drawn().find((d) => d.id === 'p0')!.position).toEqual([0.6, 0, 0.6].map((x) => expect.closeTo(x, 5)));
    avatars.setShown(true);
    scene.render();
    expect(heads('person').isEnabled()).toBe(true);
    expect(names.layerMask & scene.activeCamera!.layerMask).not.toBe(0);
    expect(avatars.drawn().find((d) => d.id === 'p0')!.position).toEqual([3, 0, 3].map((x) => expect.closeTo(x, 5)));
    expect(avatars.frameMs).toBeGreaterThan(0);
  });

  it('shows the group again under AR’s registration root after AR turned the twin’s meshes off', () => {
    avatars.update('p1', 'Ana', [1, 0, 1], 0);
    scene.render();
    const root = new TransformNode('ar-root', scene);
    for (const m of scene.meshes) {
      m.setEnabled(false);
      m.isVisible = false;
    }
    avatars.hangUnder(root);
    expect(heads('person').parent?.parent).toBe(root);
    expect(heads('person').isEnabled(false) && heads('person').isVisible).toBe(true);
    // The name is above the head where the root puts it (AR's registration moves the twin into the room).
    root.position.set(10, 0, -3);
    avatars.update('p1', 'Ana', [1, 0, 1], 0); // a frame is asked for; the root has moved
    scene.render();
    expect(shownNames().map((p) => p.asArray().map((x) => +x.toFixed(3)))).toEqual([[11, +(EYE_HEIGHT + 0.3).toFixed(3), -2]]);
    avatars.hangUnder(undefined);
    expect(heads('person').parent?.parent ?? null).toBeNull();
  });
});
