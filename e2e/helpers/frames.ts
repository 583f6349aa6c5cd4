import type { Page } from '@playwright/test';

/**
 * Waits until the browser has run its frame callbacks `n` times: a render the app asked for (rendering on demand)
 * has then been drawn, so a screenshot shows it. A condition on the page's frames, not a wait on the clock.
 */
export async function nextFrames(page: Page, n = 2): Promise<void> {
  await page.evaluate(
    (n) => new Promise<void>((done) => {
      let left = n;
      const step = () => (--left <= 0 ? done() : requestAnimationFrame(step));
      requestAnimationFrame(step);
    }),
    n,
  );
}

/** Waits until the visitor's pose holds still over 300 ms (a glide, a walk or a fall onto the floor has ended). */
export async function settled(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const a = window.museumTwin!.viewer();
      return new Promise<boolean>((r) =>
        setTimeout(() => {
          const b = window.museumTwin!.viewer();
          r(Math.hypot(a.position[0] - b.position[0], a.position[1] - b.position[1], a.position[2] - b.position[2]) < 1e-3 && Math.abs(a.heading - b.heading) < 0.01);
        }, 300),
      );
    },
    null,
    { timeout },
  );
}
