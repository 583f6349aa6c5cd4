/**
 * The page benches' frame probe (bench/live-page.ts, bench/together-page.ts): for `seconds`, the visitor looks
 * slowly around (the camera turns a little every 16 ms), so the 3D view, which renders on demand, draws every
 * animation frame; each drawn frame's CPU time is read from Babylon's frame time counter (the app's `perf()` hook).
 */
import type { Page } from '@playwright/test';

interface TurningFrames {
  /** CPU time per drawn frame (ms), the first five left out when there are enough (they carry the probe's start). */
  frames: number[];
  /** Animation frames the page had meanwhile (drawn or not). */
  rafs: number;
}

/** Turns the camera for `seconds` and returns each drawn frame's CPU time; the view is put back as it was. */
export async function turningFrames(page: Page, seconds: number): Promise<TurningFrames> {
  // A string, not a function: tsx would wrap the inner functions in a helper the page does not have.
  return (await page.evaluate(`(async (seconds) => {
    const twin = window.museumTwin;
    const probe = await twin.perf();
    const scene = twin.scene();
    const out = [];
    const o = scene.onAfterRenderObservable.add(() => out.push(probe.sample().frameMs));
    const start = twin.viewer();
    const end = performance.now() + seconds * 1000;
    let rafs = 0;
    const countRaf = () => {
      rafs++;
      if (performance.now() < end) requestAnimationFrame(countRaf);
    };
    requestAnimationFrame(countRaf);
    await new Promise((done) => {
      const timer = setInterval(() => {
        const t = performance.now();
        if (t >= end) {
          clearInterval(timer);
          done();
        } else twin.place(start.position, start.heading + 0.3 * Math.sin(t / 1000));
      }, 16);
    });
    scene.onAfterRenderObservable.remove(o);
    probe.dispose();
    twin.place(start.position, start.heading);
    // Kept whole when frames are few (a loaded machine draws slowly).
    return { frames: out.length > 20 ? out.slice(5) : out, rafs };
  })(${Number(seconds)})`)) as TurningFrames;
}
