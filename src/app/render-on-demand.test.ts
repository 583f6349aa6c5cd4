import { afterEach, describe, expect, it } from 'vitest';
import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import { Scene } from '@babylonjs/core/scene';
import { FreeCamera } from '@babylonjs/core/Cameras/freeCamera';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { RenderOnDemand } from './render-on-demand';

const engines: NullEngine[] = [];
afterEach(() => {
  for (const e of engines.splice(0)) e.dispose();
});

/** Resolves once `done()` holds, checked every few milliseconds (NullEngine ticks on a timer outside a browser). */
async function until(done: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 10_000;
  while (!done()) {
    if (Date.now() > end) throw new Error(`waited 10 s for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Frames drawn while the loop ticks `ticks` more times (each tick draws a frame or skips one). */
async function drawnOver(render: RenderOnDemand, ticks: number): Promise<number> {
  const { drawn, skipped } = render.counts;
  await until(() => render.counts.drawn + render.counts.skipped >= drawn + skipped + ticks, `${ticks} ticks`);
  return render.counts.drawn - drawn;
}

/** Waits until the view draws nothing: ten ticks in a row skipped. */
async function settled(render: RenderOnDemand): Promise<void> {
  let skippedFrom = render.counts.skipped;
  let drawn = render.counts.drawn;
  await until(() => {
    if (render.counts.drawn !== drawn) [drawn, skippedFrom] = [render.counts.drawn, render.counts.skipped];
    return render.counts.skipped - skippedFrom >= 10;
  }, 'the view to settle');
}

/** A view rendering on demand that has settled: nothing moved for longer than its settling time. */
async function settledView() {
  const engine = new NullEngine();
  engines.push(engine);
  const scene = new Scene(engine);
  new FreeCamera('eye', new Vector3(0, 1.6, 0), scene);
  const render = new RenderOnDemand(engine, scene);
  render.start();
  await settled(render);
  return { scene, render };
}

describe('rendering on demand', () => {
  it('draws nothing once settled, and draws while an observer added later waits on frames', async () => {
    const { scene, render } = await settledView();
    expect(await drawnOver(render, 10)).toBe(0);
    const waiting = scene.onBeforeRenderObservable.add(() => {});
    expect(await drawnOver(render, 10)).toBe(10);
    scene.onBeforeRenderObservable.remove(waiting);
    await settled(render);
    expect(await drawnOver(render, 10)).toBe(0);
  });

  it('an observer kept for good (a group’s avatars, made when the visitor joins) does not keep frames coming', async () => {
    const { scene, render } = await settledView();
    const avatars = scene.onBeforeRenderObservable.add(() => {});
    render.keep(avatars);
    await settled(render);
    expect(await drawnOver(render, 10)).toBe(0);
    // It still asks for frames when it needs them.
    render.request();
    expect(await drawnOver(render, 5)).toBe(5);
  });
});
