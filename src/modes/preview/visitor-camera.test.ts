import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import { Scene } from '@babylonjs/core/scene';
import { VisitorCamera } from './visitor-camera';

// The camera's inputs only add listeners to the canvas; Node has none, so a stand-in takes them.
const canvas = { addEventListener() {}, removeEventListener() {}, focus() {}, tabIndex: 0, style: {} } as unknown as HTMLCanvasElement;

describe('VisitorCamera.glide', () => {
  let scene: Scene;
  let clock = 0;
  beforeEach(() => {
    scene = new Scene(new NullEngine());
    clock = 0;
  });
  afterEach(() => scene.dispose());

  const make = (reduced: boolean) => new VisitorCamera(scene, canvas, { position: [0, 0, 0], heading: 0 }, () => reduced, () => clock);

  /** Renders frames `frameMs` apart until the glide ends; returns the x of each frame. */
  async function glideFrames(cam: VisitorCamera, frameMs: number): Promise<number[]> {
    let done = false;
    void cam.glide([10, 1.6, 0], [10, 1.6, 5]).then(() => (done = true));
    const xs: number[] = [];
    for (let i = 0; i < 200 && !done; i++) {
      scene.render();
      xs.push(cam.camera.position.x);
      clock += frameMs;
      await Promise.resolve();
    }
    expect(done, 'the glide ended').toBe(true);
    return xs;
  }

  const between = (xs: number[]) => xs.filter((x) => x > 0.01 && x < 9.99).length;

  it('shows the way at a smooth frame rate', async () => {
    expect(between(await glideFrames(make(false), 16))).toBeGreaterThan(30);
  });

  it('still shows the way when every frame is slow (a slow first frame does not swallow the glide)', async () => {
    const xs = await glideFrames(make(false), 3000);
    expect(between(xs)).toBeGreaterThanOrEqual(4);
    expect(xs.at(-1)).toBeCloseTo(10, 5);
  });

  it('ends a glide that another move replaced, so whoever waits on it goes on', async () => {
    const cam = make(false);
    let first = false;
    void cam.glide([10, 1.6, 0], [10, 1.6, 5]).then(() => (first = true));
    scene.render();
    clock += 16;
    // Opening a work glides the camera too: the first glide stops where it was.
    void cam.glide([0, 1.6, 10], [0, 1.6, 15]);
    await Promise.resolve();
    expect(first).toBe(true);
    cam.walkTo([5, 0, 5]);
    cam.stop();
  });

  it('cuts at once with reduced motion', async () => {
    const cam = make(true);
    await cam.glide([10, 1.6, 0], [10, 1.6, 5]);
    expect(cam.camera.position.x).toBe(10);
  });
});
