/** Simulated visitors in the 3D twin, on Babylon's NullEngine. */
import { describe, expect, it } from 'vitest';
import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import { Scene } from '@babylonjs/core/scene';
import { Matrix, Vector3 } from '@babylonjs/core/Maths/math.vector';
import { FreeCamera } from '@babylonjs/core/Cameras/freeCamera';
import { Exhibition } from '../twin/schema';
import { minimalExhibition } from '../twin/fixtures';
import { baselineSetting, simulate, type AgentTrack } from '../twin/simulate';
import { validateExhibition } from '../twin/validate';
import { Agents, trackPositions } from './agents';

const track: AgentTrack = {
  fromMinute: 600,
  everySeconds: 2,
  frames: [
    { ids: Int32Array.from([1, 3]), xz: Float32Array.from([0, 0, 10, 10]) },
    { ids: Int32Array.from([1, 2]), xz: Float32Array.from([2, 4, 5, 5]) },
  ],
};

describe('agents in the 3D twin', () => {
  it('places a visitor between two frames, and one who arrived or left where a frame has them', () => {
    const out = new Float32Array(8);
    expect(trackPositions(track, 1, out)).toBe(3);
    expect([...out.slice(0, 6)]).toEqual([1, 2, 5, 5, 10, 10]); // visitor 1 halfway; 2 arrived; 3 leaving
    expect(trackPositions(track, 99, out)).toBe(2); // past the end: the last frame
    expect([...out.slice(0, 4)]).toEqual([2, 4, 5, 5]);
    expect(trackPositions(track, 1, new Float32Array(2))).toBe(1); // no more than there is room for
  });

  it('draws a thousand agents as thin instances of one mesh: one draw call, each where the track puts it', () => {
    const scene = new Scene(new NullEngine());
    new FreeCamera('eye', new Vector3(0, 1.6, -5), scene);
    const agents = new Agents(scene, 1000, (x) => (x > 50 ? 4 : 0));
    const xz = new Float32Array(2000);
    for (let k = 0; k < 1000; k++) xz.set([k / 10, k % 7], 2 * k);
    agents.show(xz, 1000);
    scene.render();
    expect(scene.meshes.filter((m) => m.isEnabled())).toHaveLength(1);
    expect(agents.mesh.thinInstanceCount).toBe(1000);
    expect(scene.getActiveMeshes().length).toBe(1);
    const matrices = agents.mesh.thinInstanceGetWorldMatrices() as Matrix[];
    const tenth = matrices[10]!.getTranslation();
    expect([tenth.x, tenth.y, tenth.z].map((v) => Math.round(v * 1000) / 1000)).toEqual([1, 0.85, 3]);
    expect(matrices[600]!.getTranslation().y).toBeCloseTo(4.85); // on the upper floor
    agents.show(xz, 12);
    expect(agents.count).toBe(12);
    agents.dispose();
    expect(scene.meshes).toHaveLength(0);
  });

  it('follows a recorded simulation: those inside the rooms, none outside them', () => {
    const ex = Exhibition.parse(minimalExhibition());
    const r = simulate(ex, { ...baselineSetting(80), close: 660, perHour: [1] }, { seed: 2, track: { fromMinute: 620, minutes: 5, everySeconds: 2 } });
    expect(r.track!.frames).toHaveLength(150);
    const out = new Float32Array(200);
    const n = trackPositions(r.track!, 61, out);
    expect(n).toBeGreaterThan(5);
    for (let k = 0; k < n; k++) {
      expect(out[2 * k]).toBeGreaterThanOrEqual(0); // the plan runs 0–14 m by 0–6 m
      expect(out[2 * k]).toBeLessThanOrEqual(14);
      expect(out[2 * k + 1]).toBeGreaterThanOrEqual(0);
      expect(out[2 * k + 1]).toBeLessThanOrEqual(6);
    }
  });

  it('puts a visitor on the upper level on its floor: a loft over the gallery, 4.4 m up, reached by stairs', () => {
    // The gallery (8–14 × 0–6 m) gets a loft of the same outline above it, stairs from one to the other, and a
    // work up there that everyone wants to see.
    const input = minimalExhibition();
    const space = input.space as Extract<typeof input.space, { kind: 'floorplan' }>;
    space.levels = [{ id: 'ground', name: { en: 'Ground' }, elevation: 0 }, { id: 'loft', name: { en: 'Loft' }, elevation: 4.4 }];
    space.rooms = [...space.rooms, { id: 'loft', name: { en: 'Loft' }, polygon: [[8, 0], [14, 0], [14, 6], [8, 6]], level: 'loft' }];
    space.verticalLinks = [{ id: 'loft-stairs', kind: 'stairs', name: { en: 'Stairs' }, ends: [{ level: 'ground', room: 'gallery', position: [13, 5] }, { level: 'loft', room: 'loft', position: [9, 1] }] }];
    const work = input.artworks[0]!;
    input.artworks = [...input.artworks, { ...work, id: 'up-there', placement: { kind: 'wall', room: 'loft', wall: 2, offset: 3, height: 1.5 } }];
    const checked = validateExhibition(input);
    if (!checked.ok) throw new Error(checked.problems.map((p) => p.message).join('; '));
    const r = simulate(checked.exhibition, { ...baselineSetting(120), close: 660, perHour: [1], attraction: new Map([['up-there', 10]]) }, { seed: 1, track: { fromMinute: 600, minutes: 60, everySeconds: 10 } });
    expect(r.works['up-there']!.visits).toBeGreaterThan(10);
    const xz = new Float32Array(1000);
    const y = new Float32Array(500);
    const levels = new Set<number>();
    for (let s = 0; s < 3600; s += 60) {
      const n = trackPositions(r.track!, s, xz, y);
      for (let k = 0; k < n; k++) {
        const [x, z] = [xz[2 * k]!, xz[2 * k + 1]!];
        levels.add(Math.round(y[k]! * 10) / 10);
        // Only the gallery's plan area has a floor above it.
        if (x < 8 - 0.01 || z > 6.01) expect(y[k]).toBe(0);
      }
    }
    expect([...levels].sort()).toEqual([0, 4.4]);
    const scene = new Scene(new NullEngine());
    const agents = new Agents(scene, 2);
    agents.show(Float32Array.from([12, 5, 12, 5]), 2, Float32Array.from([0, 4.4]));
    const [low, high] = agents.mesh.thinInstanceGetWorldMatrices() as Matrix[];
    expect([low!.getTranslation().y, high!.getTranslation().y].map((v) => Math.round(v * 100) / 100)).toEqual([0.85, 5.25]);
  });
});
