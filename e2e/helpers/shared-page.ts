/**
 * One page for a journey's read-only checks: loading the gallery in software WebGL is the slow part of a journey,
 * so the checks that only look (and leave the visit as they found it) run in order on one page.
 */
import { expect, type Page } from '@playwright/test';
import type { test as baseTest } from '../support';

/**
 * Makes the enclosing `test.describe` serial and gives it one page (with the project's options, service workers
 * blocked). Like every journey, it ends by checking that no request left for another host.
 */
export function sharedPage(test: typeof baseTest): () => Page {
  let page: Page | undefined;
  const urls: string[] = [];
  test.describe.configure({ mode: 'serial' });
  test.beforeAll(async ({ browser }, info) => {
    const { baseURL, viewport } = info.project.use;
    const context = await browser.newContext({ baseURL, viewport, serviceWorkers: 'block' });
    page = await context.newPage();
    page.on('request', (r) => urls.push(r.url()));
  });
  test.afterAll(async ({}, info) => {
    const origin = new URL(info.project.use.baseURL!).origin;
    const foreign = urls.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
    await page?.context().close();
    expect(foreign, 'requests to other hosts').toEqual([]);
  });
  return () => page!;
}
