import { describe, expect, it } from 'vitest';
import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import { Scene } from '@babylonjs/core/scene';
import { TransformNode } from '@babylonjs/core/Meshes/transformNode';
import { FreeCamera } from '@babylonjs/core/Cameras/freeCamera';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { CreatePlane } from '@babylonjs/core/Meshes/Builders/planeBuilder';
import type { Vec2 } from '../twin/schema';
import { roomGraph } from '../twin/rooms';
import { LABEL_DISTANCE, RoomVisibility } from './visibility';

/** Four rooms in a row, each 10 m wide, joined by doorways: a – b – c – d. */
function setUp() {
  const scene = new Scene(new NullEngine());
  const ids = ['a', 'b', 'c', 'd'];
  const rooms = ids.map((id, i) => ({ id, polygon: [[i * 10, 0], [i * 10 + 10, 0], [i * 10 + 10, 8], [i * 10, 8]] as Vec2[] }));
  const graph = roomGraph({ rooms, doorways: [{ rooms: ['a', 'b'] }, { rooms: ['b', 'c'] }, { rooms: ['c', 'd'] }] } as unknown as Parameters<typeof roomGraph>[0]);
  const entered: string[] = [];
  const vis = new RoomVisibility(scene, rooms, graph, (r) => entered.push(r));
  const nodes = Object.fromEntries(ids.map((id) => [id, new TransformNode(`work-in-${id}`, scene)]));
  const lights = Object.fromEntries(ids.map((id) => [id, new TransformNode(`light-in-${id}`, scene)]));
  for (const id of ids) vis.add(id, { nodes: [nodes[id]!], lights: [lights[id]!] });
  const label = CreatePlane('label-in-a', { size: 0.2 }, scene);
  label.position.set(5, 1.4, 1);
  label.computeWorldMatrix(true);
  vis.add('a', { labels: [label] });
  const camera = new FreeCamera('viewer', new Vector3(5, 1.6, 4), scene);
  scene.activeCamera = camera;
  const at = (x: number, z: number) => {
    camera.position.set(x, 1.6, z);
    camera.computeWorldMatrix();
    vis.update();
  };
  const shown = () => ids.filter((id) => nodes[id]!.isEnabled(false));
  return { vis, nodes, lights, label, at, shown, entered };
}

describe('room visibility', () => {
  it('draws the visitor’s room and the rooms opening off it, nothing farther', () => {
    const { vis, at, shown, lights, entered } = setUp();
    vis.start('a');
    at(5, 4);
    expect(shown()).toEqual(['a', 'b']);
    expect(lights.c!.isEnabled(false)).toBe(false);
    at(15, 4);
    expect(shown()).toEqual(['a', 'b', 'c']);
    at(35, 4);
    expect(shown()).toEqual(['c', 'd']);
    expect(lights.a!.isEnabled(false)).toBe(false);
    expect(entered).toEqual(['a', 'b', 'd']);
  });

  it('keeps the last room while the viewer stands in a doorway between rooms', () => {
    const { vis, at, shown } = setUp();
    vis.start('a');
    at(15, 4);
    at(15, 9); // outside every room (in the thickness of a wall)
    expect(shown()).toEqual(['a', 'b', 'c']);
  });

  it('shows labels only near the visitor', () => {
    const { vis, at, label } = setUp();
    vis.start('a');
    at(5, 3);
    expect(label.isVisible).toBe(true);
    at(5 + LABEL_DISTANCE + 1, 3);
    expect(label.isVisible).toBe(false);
  });

  it('adds what arrives later (a work’s light) in its room’s state', () => {
    const { vis, at } = setUp();
    vis.start('a');
    at(5, 4);
    const late = new TransformNode('late-light', new Scene(new NullEngine()));
    vis.add('d', { lights: [late] });
    expect(late.isEnabled(false)).toBe(false);
  });
});

describe('active mesh candidates', () => {
  it('offers Babylon only the meshes of rooms in sight, and meshes that arrive later', () => {
    const { vis, at, nodes } = setUp();
    const scene = nodes.a!.getScene();
    const inA = CreatePlane('in-a', { size: 1 }, scene);
    inA.parent = nodes.a!;
    const inD = CreatePlane('in-d', { size: 1 }, scene);
    inD.parent = nodes.d!;
    vis.start('a');
    at(5, 4);
    const names = () => {
      const c = scene.getActiveMeshCandidates();
      return c.data.slice(0, c.length).map((m) => m.name);
    };
    expect(names()).toContain('in-a');
    expect(names()).not.toContain('in-d');
    const free = CreatePlane('gui', { size: 1 }, scene);
    expect(names()).toContain(free.name);
    at(35, 4);
    expect(names()).toContain('in-d');
    expect(names()).not.toContain('in-a');
    vis.dispose();
    expect(names()).toContain('in-a');
  });
});

describe('room visibility on levels', () => {
  it('knows the visitor is upstairs when a room lies right above another, and shows that level’s rooms', () => {
    const scene = new Scene(new NullEngine());
    const square = (x: number): Vec2[] => [[x, 0], [x + 10, 0], [x + 10, 8], [x, 8]];
    const rooms = [
      { id: 'g', polygon: square(0), elevation: 0 },
      { id: 'g2', polygon: square(10), elevation: 0 },
      { id: 'u', polygon: square(0), elevation: 5 },
      { id: 'u2', polygon: square(10), elevation: 5 },
    ];
    const graph = roomGraph({ rooms, doorways: [{ rooms: ['g', 'g2'] }, { rooms: ['u', 'u2'] }] } as unknown as Parameters<typeof roomGraph>[0]);
    const entered: string[] = [];
    const vis = new RoomVisibility(scene, rooms, graph, (r) => entered.push(r));
    const nodes = Object.fromEntries(rooms.map((r) => [r.id, new TransformNode(`in-${r.id}`, scene)]));
    for (const r of rooms) vis.add(r.id, { nodes: [nodes[r.id]!] });
    const camera = new FreeCamera('viewer', new Vector3(5, 1.6, 4), scene);
    scene.activeCamera = camera;
    vis.start();
    const at = (x: number, y: number, z: number) => {
      camera.position.set(x, y, z);
      camera.computeWorldMatrix();
      vis.update();
    };
    const shown = () => rooms.map((r) => r.id).filter((id) => nodes[id]!.isEnabled(false));
    at(5, 1.6, 4);
    expect(vis.room).toBe('g');
    expect(shown()).toEqual(['g', 'g2']);
    // Up the stairs: the same plan point, one level up.
    at(5.3, 6.6, 4);
    expect(vis.room).toBe('u');
    expect(shown()).toEqual(['u', 'u2']);
    expect(entered).toEqual(['g', 'u']);
    // Down in the lift: the same plan point exactly, only the height changes.
    at(5.3, 1.6, 4);
    expect(vis.room).toBe('g');
    expect(shown()).toEqual(['g', 'g2']);
  });
});
