/** The accessibility audit every journey uses (axe-core, WCAG 2.x A/AA, serious and critical violations). */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe on the page as it is and fails on any serious or critical violation, naming the elements.
 * `soft` reports and goes on, so one run audits every screen of a journey.
 */
export async function audit(page: Page, screen: string, { soft = false } = {}): Promise<void> {
  // Software WebGL keeps the page's thread busy; axe gets it while the 3D view holds still.
  await page.evaluate(() => window.museumTwin?.pauseRendering?.(true));
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  await page.evaluate(() => window.museumTwin?.pauseRendering?.(false));
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ')}`);
  (soft ? expect.soft(bad, `axe on ${screen}`) : expect(bad, `axe on ${screen}`)).toEqual([]);
  expect(result.passes.length, `axe ran its rules on ${screen}`).toBeGreaterThan(10);
}
