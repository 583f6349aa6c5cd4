/**
 * One page for a journey: loading the gallery in software WebGL is the slow part of a journey, so the checks of one
 * journey run in order on one page, each starting where the one before left the visit (or putting it back, as a
 * visitor would: closing the panel, ending the tour).
 */
import { expect, type BrowserContextOptions, type Page } from '@playwright/test';
import type { test as baseTest } from '../support';
import { guardOrigins, type OriginGuard } from './origin-guard';

/** The shared page, and every URL its browser context requested so far (pages, service workers, workers). */
export interface SharedPage {
  (): Page;
  readonly requests: readonly string[];
}

/**
 * Makes the enclosing `test.describe` serial and gives it one page (with the project's options; service workers
 * blocked unless `options` allow them; `options` may also set a locale, a phone's viewport and touch). Like every
 * journey, it ends by checking that no request left for another host.
 */
export function sharedPage(test: typeof baseTest, options: BrowserContextOptions = {}): SharedPage {
  let page: Page | undefined;
  let guard: OriginGuard | undefined;
  test.describe.configure({ mode: 'serial' });
  test.beforeAll(async ({ browser }, info) => {
    const { baseURL, viewport } = info.project.use;
    const context = await browser.newContext({ baseURL, viewport, serviceWorkers: 'block', ...options });
    guard = guardOrigins(context, new URL(baseURL!).origin);
    page = await context.newPage();
  });
  test.afterEach(async ({}, info) => {
    // As the project's `screenshot: 'only-on-failure'` does for a test's own page.
    if (page && info.status !== info.expectedStatus) {
      await info.attach('shared page', { body: await page.screenshot({ timeout: 10_000 }).catch(() => Buffer.alloc(0)), contentType: 'image/png' });
    }
  });
  test.afterAll(async () => {
    await page?.context().close();
    expect(guard?.foreign() ?? [], 'requests to other hosts').toEqual([]);
  });
  const get = (() => page!) as SharedPage;
  Object.defineProperty(get, 'requests', { get: () => guard?.requests ?? [] });
  return get;
}
