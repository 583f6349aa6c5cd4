/** The 3D floor's crowding tint, on Babylon's NullEngine. */
import { describe, expect, it } from 'vitest';
import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import { Scene } from '@babylonjs/core/scene';
import { CreateGround } from '@babylonjs/core/Meshes/Builders/groundBuilder';
import type { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import type { Crowding } from '../twin/live/contract';
import { CROWDING_COLOUR, CrowdingFloor, crowdingTile, type FloorZone } from './crowding-floor';

describe('crowding on the 3D floor', () => {
  const scene = new Scene(new NullEngine());
  // An upper-floor room: its floor is 4 m up.
  const upper = CreateGround('floor:u1', { width: 10, height: 10 }, scene);
  upper.position.y = 4;
  upper.computeWorldMatrix(true);
  const zones: FloorZone[] = [
    { id: 'z1', polygon: [[0, 0], [6, 0], [6, 4], [0, 4]], room: 'g1' },
    { id: 'z2', polygon: [[0, 0], [5, 0], [5, 5], [0, 5]], room: 'u1' },
    { id: 'z3', polygon: [[8, 0], [9, 0], [9, 1]] },
  ];
  const floor = new CrowdingFloor(scene);
  const sheet = (id: string) => scene.getMeshByName(`crowding-floor:${id}`);
  const levels = (l: Record<string, Crowding>) => (id: string): Crowding | undefined => l[id];

  it('draws each level in the plan’s colour and pattern: plain, lines, cross-hatch', () => {
    const hatched = (level: Crowding) => {
      const t = crowdingTile(level, 64);
      let n = 0;
      for (let i = 0; i < t.length; i += 4) if (t[i] === 0x5f && t[i + 1] === 0x58 && t[i + 2] === 0x50) n++;
      return { share: n / (64 * 64), first: [...t.slice(32 * 4, 32 * 4 + 3)] };
    };
    expect(hatched('quiet').share).toBe(0);
    expect(hatched('busy').share).toBeCloseTo(0.3, 1); // one line, 0.3 of the period wide
    expect(hatched('crowded').share).toBeGreaterThan(0.35); // two lines crossing
    // Away from the lines, the plan's fill colour.
    expect(hatched('quiet').first).toEqual([0xd7, 0xec, 0xd9]);
    expect(CROWDING_COLOUR.crowded).toBe('#f2b8ae');
  });

  it('tints each zone with a count on its own floor, one material per level, and none where there is no count', () => {
    expect(floor.show(zones, levels({ z1: 'crowded', z2: 'quiet' }))).toBe(true);
    expect(floor.state()).toEqual({ z1: 'crowded', z2: 'quiet' });
    expect(sheet('z3')).toBeNull();
    expect(sheet('z1')!.getBoundingInfo().boundingBox.maximumWorld.y).toBeCloseTo(0.015, 6);
    expect(sheet('z2')!.getBoundingInfo().boundingBox.maximumWorld.y).toBeCloseTo(4.015, 6);
    expect(sheet('z1')!.isPickable).toBe(false);
    const m1 = sheet('z1')!.material as StandardMaterial;
    expect(m1.name).toBe('crowding-floor-crowded');
    expect(m1.alpha).toBeLessThan(1);
    expect((sheet('z2')!.material as StandardMaterial).name).toBe('crowding-floor-quiet');
  });

  it('swaps a material when a level changes, says when nothing did, and hides every tint', () => {
    const before = scene.meshes.length;
    expect(floor.show(zones, levels({ z1: 'crowded', z2: 'quiet' }))).toBe(false);
    expect(floor.show(zones, levels({ z1: 'busy', z2: 'quiet' }))).toBe(true);
    expect((sheet('z1')!.material as StandardMaterial).name).toBe('crowding-floor-busy');
    expect(scene.meshes.length).toBe(before); // the same sheets, re-coloured
    // A count gone stale: that zone's tint goes.
    expect(floor.show(zones, levels({ z2: 'quiet' }))).toBe(true);
    expect(sheet('z1')!.isEnabled()).toBe(false);
    expect(floor.hide()).toBe(true);
    expect(sheet('z2')!.isEnabled()).toBe(false);
    expect(floor.state()).toEqual({});
    expect(floor.hide()).toBe(false);
    floor.dispose();
    expect(scene.meshes.filter((m) => m.name.startsWith('crowding-floor:'))).toEqual([]);
  });
});
