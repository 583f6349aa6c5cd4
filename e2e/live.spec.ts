/**
 * The live twin in the browser: a sensor's reading reaches the floor plan, an out-of-band humidity held past the
 * alert's minimum duration shows at the work and in the curator's alerts list, an anonymous publish from the page
 * is refused, and offline the page keeps the last known values with their age, then catches up.
 * The server is the project's own (e2e/playwright.config.ts: simulator off, a known sensor password).
 * The checks share one page, loaded once, in this order: crowding (plan and 3D), the anonymous publish, offline,
 * then the alert in the curator view.
 */
import { resolve } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, waitForGallery, defaultExhibition, SHOTS, ROOT } from './support';
import { sharedPage } from './helpers/shared-page';
import type { LiveSnapshot } from '../src/twin/live/contract';

test.beforeEach(() => test.slow());
// One page for the journey (loading the gallery is the slow part): each check starts where the one before left it.
const shared = sharedPage(test);

const EX = defaultExhibition().id;
const sensors: MqttClient[] = [];
test.afterEach(async () => {
  await Promise.all(sensors.splice(0).map((s) => s.endAsync()));
});

/** A sensor of the museum's facilities: the `sensor` user with the password the test server was given. */
async function sensor(baseURL: string): Promise<{ publish: (topic: string, value: number, minutesAgo?: number) => Promise<void> }> {
  const url = baseURL.replace(/^http/, 'ws') + '/mqtt';
  const client = await mqtt.connectAsync(url, { username: 'sensor', password: process.env.MUSEUM_SENSOR_PASSWORD, reconnectPeriod: 0 });
  sensors.push(client);
  return {
    publish: async (topic, value, minutesAgo) => {
      const time = minutesAgo === undefined ? undefined : new Date(Date.now() - minutesAgo * 60_000).toISOString();
      await client.publishAsync(`museum/${EX}/${topic}`, JSON.stringify(time ? { value, time } : { value }), { qos: 1 });
    },
  };
}

async function snapshot(baseURL: string): Promise<LiveSnapshot> {
  const r = await fetch(`${baseURL}/api/exhibitions/${EX}/live`);
  expect(r.ok).toBe(true);
  return (await r.json()) as LiveSnapshot;
}

/** The page is walkable and its live layer connected. */
async function waitLive(page: Page): Promise<void> {
  await waitForGallery(page, false);
  await expect(page.locator('#status')).toHaveAttribute('data-live', 'live', { timeout: 120_000 });
}

async function audit(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ')}`), `axe on ${screen}`).toEqual([]);
}

test('a visitor turns Live on and sees how crowded each room is, and which rooms have no data', async ({ baseURL }) => {
  const page = shared();
  await page.goto('/');
  await waitLive(page);
  const live = page.locator('#live-button');
  await expect(live).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('#live-summary')).toBeHidden();
  await live.click();
  await expect(live).toHaveAttribute('aria-pressed', 'true');
  const s = await sensor(baseURL!);
  await s.publish('gallery/visitors', 400);
  await s.publish('hall/visitors', 1);
  // A counter that went quiet 40 minutes ago: stale, so never shown as the room's crowding now.
  await s.publish('cabinet/visitors', 3, 40);
  const zone = (id: string) => page.locator(`#live-summary .live-zones li[data-zone="${id}"]`);
  await expect(zone('gallery')).toHaveText(/: crowded$/);
  await expect(zone('hall')).toHaveText(/: quiet$/);
  // The time of the last reading; with its date when that was another day (a run just after midnight).
  await expect(zone('cabinet')).toHaveText(/: no data since (.+, )?\d{1,2}:\d\d( [AP]M)?$/);
  // On the plan: a pattern per level, and the stale room drawn as "no data".
  await expect(page.locator('.live-zone[data-zone="gallery"]')).toHaveAttribute('data-live', 'crowded');
  await expect(page.locator('.live-zone[data-zone="gallery"]')).toHaveAttribute('fill', 'url(#live-plan-crowded)');
  await expect(page.locator('.live-zone[data-zone="hall"]')).toHaveAttribute('data-live', 'quiet');
  await expect(page.locator('.live-zone[data-zone="cabinet"]')).toHaveAttribute('data-live', 'none');
  await expect(page.locator('#live-summary .live-legend li')).toHaveText(['quiet', 'busy', 'crowded']);
  await page.locator('#map').screenshot({ path: resolve(SHOTS, 'live-crowding.png') });
  // In 3D too: each room's floor tinted in the plan's colours and patterns, a legend over the view, words for screen readers.
  const floors = () =>
    page.evaluate(() => {
      const scene = window.museumTwin!.scene() as { meshes: { name: string; isEnabled(): boolean; metadata?: { crowding?: string } }[] };
      return Object.fromEntries(scene.meshes.filter((m) => m.name.startsWith('crowding-floor:') && m.isEnabled()).map((m) => [m.name.slice(15), m.metadata?.crowding]));
    });
  await expect.poll(floors).toEqual({ gallery: 'crowded', hall: 'quiet' });
  await expect(page.locator('#live-3d .live-legend li')).toHaveText(['quiet', 'busy', 'crowded']);
  await expect(page.locator('#live-3d li[data-zone="gallery"]')).toHaveText(/: crowded$/);
  await expect(page.locator('#live-3d li[data-zone="cabinet"]')).toHaveText(/: no data since/);
  await page.locator('.stage').screenshot({ path: resolve(SHOTS, 'live-crowding-3d.png') });
  await audit(page, 'live crowding');
  // The reading changes: the plan follows.
  await s.publish('gallery/visitors', 2);
  await expect(zone('gallery')).toHaveText(/: quiet$/);
  await expect.poll(floors).toEqual({ gallery: 'quiet', hall: 'quiet' });
  // Off again: the plan is the visitor's plan as before, and the floors too.
  await live.click();
  await expect(page.locator('.live-zone')).toHaveCount(0);
  await expect.poll(floors).toEqual({});
  await expect(page.locator('#live-3d')).toBeHidden();
});

test('an anonymous client on the page may subscribe but its publish is refused', async ({ baseURL }) => {
  const page = shared();
  await waitLive(page);
  // The app's CSP allows only its own origin's scripts: serve the mqtt browser build from there.
  await page.route('**/e2e-mqtt.min.js', (r) => r.fulfill({ path: resolve(ROOT, 'node_modules/mqtt/dist/mqtt.min.js'), contentType: 'text/javascript' }));
  await page.addScriptTag({ url: '/e2e-mqtt.min.js' });
  const topic = `museum/${EX}/sculpture/temperature`;
  const outcome = await page.evaluate(async (t) => {
    type Client = { on: (e: string, f: (...a: unknown[]) => void) => void; publish: (t: string, m: string, o: object, cb: (e?: Error) => void) => void; end: () => void };
    const m = (window as unknown as { mqtt: { connect: (u: string, o: object) => Client } }).mqtt;
    const c = m.connect(`ws://${location.host}/mqtt`, { reconnectPeriod: 0 });
    await new Promise((r) => c.on('connect', r));
    const result = await new Promise<string>((done) => {
      c.on('close', () => done('refused: the broker closed the connection'));
      c.publish(t, JSON.stringify({ value: 33.3 }), { qos: 1 }, (err) => done(err ? `refused: ${err.message}` : 'accepted'));
    });
    c.end();
    return result;
  }, topic);
  expect(outcome).toMatch(/^refused/);
  expect((await snapshot(baseURL!)).zones.sculpture?.values.temperature?.value).not.toBe(33.3);
  // The page's own connection is untouched.
  await expect(page.locator('#status')).toHaveAttribute('data-live', 'live');
});

test('offline, the page keeps the last known values with their age, then catches up', async ({ baseURL }) => {
  const page = shared();
  const context = page.context();
  await waitLive(page);
  // Live on again (the crowding check left it off).
  if ((await page.locator('#live-button').getAttribute('aria-pressed')) !== 'true') await page.locator('#live-button').click();
  const s = await sensor(baseURL!);
  await s.publish('sculpture/visitors', 1);
  const line = page.locator('#live-summary .live-zones li[data-zone="sculpture"]');
  await expect(line).toHaveText(/: quiet$/);
  await context.setOffline(true);
  await expect(page.locator('#status')).toHaveAttribute('data-live', 'disconnected');
  await expect(page.locator('#live-summary .live-fresh')).toHaveText(/^Not connected\. Last known values, as of \d{1,2}:\d\d( [AP]M)?, (now|\d+ min\. ago)$/);
  await expect(line).toHaveText(/: quiet$/);
  await page.locator('#map').screenshot({ path: resolve(SHOTS, 'live-offline.png') });
  // What the sensors said meanwhile is there on reconnection.
  await s.publish('sculpture/visitors', 400);
  await context.setOffline(false);
  await expect(page.locator('#status')).toHaveAttribute('data-live', 'live', { timeout: 30_000 });
  await expect(line).toHaveText(/: crowded$/);
  // And kept in this browser for next time.
  const kept = await page.evaluate((ex) => JSON.parse(localStorage.getItem(`museum-twin:live:${ex}`) ?? 'null') as { snapshot: LiveSnapshot } | null, EX);
  expect(kept?.snapshot.zones.sculpture?.crowding).toBe('crowded');
});

test('an out-of-band humidity held past the minimum duration shows at the work and in the alerts list', async ({ baseURL }) => {
  const page = shared();
  const before = await snapshot(baseURL!);
  // A work in a zone of its own sensors, whose humidity band 78 % RH is well outside.
  // The journeys share one server: another spec may have left an alert elsewhere, so pick a zone without one.
  const alerted = new Set(before.alerts.map((a) => a.zone));
  const work = Object.values(before.artworks).find(
    (w) => w.zone && !alerted.has(w.zone) && w.zone !== 'gallery' && w.zone !== 'hall' && w.zone !== 'cabinet' && (w.limits.humidity?.max ?? 100) < 70,
  );
  expect(work, 'a work with a humidity band in a quiet zone').toBeTruthy();
  // The work's panel from its link, then the curator view from the header (as `?view=curator#artwork=…` opens both).
  await page.evaluate((id) => (location.hash = `#artwork=${id}`), work!.id);
  await expect(page.locator('#panel')).toHaveAttribute('data-artwork', work!.id);
  await page.locator('#curator-button').click();
  await waitLive(page);
  await expect(page.locator('#panel .live-work')).toBeVisible();
  await expect(page.locator('#drawer .live-curator')).toBeVisible();
  if (before.alerts.length === 0) await expect(page.locator('#drawer .live-no-alerts')).toBeVisible();
  else await expect(page.locator(`#drawer .live-alerts li[data-zone="${work!.zone}"]`)).toHaveCount(0);
  const s = await sensor(baseURL!);
  await s.publish(`${work!.zone}/humidity`, 78, 12);
  const sent = Date.now();
  await s.publish(`${work!.zone}/humidity`, 78.5, 6);
  const atWork = page.locator('#panel .live-work-alert[data-quantity="humidity"]');
  // Under a second on a quiet machine; the latency is printed, the wait allows a busy one.
  await expect(atWork).toContainText(/Relative humidity 78(\.5)? % RH, above the limit of \d+(\.\d)? % RH/);
  const latency = Date.now() - sent;
  const item = page.locator(`#drawer .live-alerts li[data-zone="${work!.zone}"]`);
  await expect(item).toBeVisible();
  console.log(`alert on the page ${latency} ms after the reading was acknowledged`);
  test.info().annotations.push({ type: 'alert latency (ms)', description: String(latency) });
  await expect(item).toContainText(/78(\.5)? % RH/);
  await expect(item.locator('time')).toHaveText(/^since \d{1,2}:\d\d/);
  await expect(item.locator(`button[data-artwork="${work!.id}"]`)).toBeVisible();
  // The work's conditions now, with its limits, and the plan's heat overlay for humidity.
  await expect(page.locator('#panel .live-values dd[data-quantity="humidity"]')).toContainText('78.5 % RH');
  await expect(page.locator(`.live-zone[data-zone="${work!.zone}"]`)).toHaveAttribute('data-live', 'high');
  await expect(page.locator(`.live-alert-mark[data-artwork="${work!.id}"]`)).toHaveCount(1);
  await page.screenshot({ path: resolve(SHOTS, 'live-alert.png') });
  await page.locator('#drawer .live-curator').screenshot({ path: resolve(SHOTS, 'live-alerts-list.png') });
  await audit(page, 'live alert');
  // Each work affected opens from the list.
  const other = item.locator('button[data-artwork]').last();
  const otherId = await other.getAttribute('data-artwork');
  await other.click();
  await expect(page.locator('#panel')).toHaveAttribute('data-artwork', otherId!);
  // The history: a chart of the readings just sent, and its CSV (the drawer closed, so the panel is in view).
  await page.locator('#drawer header button').click();
  await expect(page.locator('#drawer')).toBeHidden();
  await page.locator('#panel .live-history summary').click();
  await page.locator('#panel .live-chart-quantity').selectOption('humidity');
  await expect(page.locator('#panel .live-chart canvas').first()).toBeVisible();
  await expect(page.locator('#panel .live-chart-summary')).toContainText('highest 78.5 % RH');
  const csv = await page.locator('#panel a.live-csv').getAttribute('href');
  expect(csv).toMatch(new RegExp(`^/api/exhibitions/${EX}/history\\.csv\\?(artwork|zone)=`));
  const r = await fetch(baseURL! + csv!);
  expect(r.ok).toBe(true);
  expect(await r.text()).toContain('78.5');
  await page.locator('#panel .live-work').screenshot({ path: resolve(SHOTS, 'live-panel-chart.png') });
});
