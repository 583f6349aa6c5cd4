/**
 * The level each image or model texture is held at as the visitor moves: it starts small, rises one step at a
 * time to what its size on screen asks for, falls to the smallest level when far or out of reach (releasing the
 * full texture), and comes back one step at a time when the visitor returns. On Babylon's NullEngine, with
 * stand-in ladders that record the levels asked of them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import { Scene } from '@babylonjs/core/scene';
import { FreeCamera } from '@babylonjs/core/Cameras/freeCamera';
import { TransformNode } from '@babylonjs/core/Meshes/transformNode';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { ImageDetail, type Ladder } from './image-detail';
import { MODEL_TEXTURE_SPREAD } from './model-texture';

/** A texture of 2048² whose levels load at once. */
class StandIn implements Ladder {
  readonly sizes = [256, 512, 1024, 2048];
  shown = -1;
  busy = false;
  readonly asked: number[] = [];
  get texels(): number {
    return this.shown < 0 ? 0 : this.sizes[this.shown]! ** 2;
  }
  readonly again: boolean[] = [];
  load(level: number, again = false): Promise<void> {
    this.asked.push(level);
    this.again.push(again);
    this.shown = level;
    return Promise.resolve();
  }
  dispose(): void {}
}

let scene: Scene;
let camera: FreeCamera;
let detail: ImageDetail;

beforeEach(() => {
  scene = new Scene(new NullEngine({ renderWidth: 900, renderHeight: 540, textureSize: 512, deterministicLockstep: false, lockstepMaxSteps: 1 }));
  camera = new FreeCamera('eye', new Vector3(0, 0, 0), scene);
  camera.fov = 0.8;
  detail = new ImageDetail(scene);
});
afterEach(() => {
  detail.dispose();
  scene.dispose();
});

/** A model of 0.5 m standing `distance` m in front of the visitor; its texture followed as the app does. */
async function model(distance: number, reach: { in: boolean }): Promise<{ texture: StandIn; node: TransformNode }> {
  const node = new TransformNode('work', scene);
  node.position.z = distance;
  const texture = new StandIn();
  await detail.follow('vase#texture0', { image: texture, node, size: 0.5 * MODEL_TEXTURE_SPREAD, inReach: () => reach.in, work: 'vase' });
  return { texture, node };
}

/** Runs level checks until nothing changes; returns the levels shown after each. */
function settle(texture: StandIn): number[] {
  const seen: number[] = [];
  for (let i = 0; i < 10; i++) {
    const before = texture.shown;
    detail.check();
    if (texture.shown === before) break;
    seen.push(texture.shown);
  }
  return seen;
}

describe('a model texture held at the level its size on screen asks for', () => {
  it('starts small and rises one level at a time as the visitor stands close', async () => {
    const { texture } = await model(0.6, { in: true });
    // The first level is at most 512 px, however close the work is: the first view costs little.
    expect(texture.sizes[texture.shown]).toBeLessThanOrEqual(512);
    expect(settle(texture)).toEqual([2, 3]);
    expect(detail.level('vase')).toMatchObject({ shown: 3, sizes: [256, 512, 1024, 2048] });
  });

  it('is released to its smallest level when its room leaves reach, and comes back a level at a time', async () => {
    const reach = { in: true };
    const { texture } = await model(0.6, reach);
    settle(texture);
    const full = detail.texels();
    reach.in = false;
    // Down one step per check, never a jump: 1024, 512, 256.
    expect(settle(texture)).toEqual([2, 1, 0]);
    expect(detail.texels()).toBe(256 * 256);
    expect(full / detail.texels()).toBe(64);
    reach.in = true;
    expect(settle(texture)).toEqual([1, 2, 3]);
  });

  it('falls to its smallest level while the works are away (AR hides them), and rises again after', async () => {
    const { texture } = await model(0.6, { in: true });
    settle(texture);
    detail.away = true;
    expect(settle(texture)).toEqual([2, 1, 0]);
    expect(detail.texels()).toBe(256 * 256);
    detail.away = false;
    expect(settle(texture)).toEqual([1, 2, 3]);
  });

  it('falls to a small level when the visitor walks away, within reach', async () => {
    const reach = { in: true };
    const { texture, node } = await model(0.6, reach);
    settle(texture);
    node.position.z = 12;
    node.computeWorldMatrix(true);
    expect(settle(texture)).toEqual([2, 1, 0]);
    // Back at 1.5 m it asks for 512 px again (its 1 m of texture across about 430 screen pixels).
    node.position.z = 1.5;
    node.computeWorldMatrix(true);
    expect(settle(texture)).toEqual([1]);
    expect(texture.asked).toEqual([1, 2, 3, 2, 1, 0, 1]);
  });

  it('counts a model as shown at its level only once every texture of it is (the benchmark reads this)', async () => {
    const { texture, node } = await model(0.6, { in: true });
    const other = new StandIn();
    await detail.follow('vase#texture1', { image: other, node, size: 1, inReach: () => true, work: 'vase' });
    // Its normal map is still decoding its next level when the colour has risen.
    other.busy = true;
    settle(texture);
    expect(texture.shown).toBe(3);
    expect(detail.level('vase')?.shown).toBe(1);
    other.busy = false;
    settle(other);
    expect(detail.level('vase')?.shown).toBe(3);
    expect(detail.level('missing')).toBeUndefined();
  });

  it('loads the level shown again when a lost WebGL context comes back (levels uploaded in bands have no source Babylon keeps)', async () => {
    const { texture } = await model(0.6, { in: true });
    settle(texture);
    const asked = texture.asked.length;
    scene.getEngine().onContextRestoredObservable.notifyObservers(scene.getEngine());
    expect(texture.asked.slice(asked)).toEqual([3]);
    expect(texture.again.at(-1)).toBe(true);
  });
});
