/**
 * Journeys: an out-of-band reading becomes an alert at the work in emulated VR and AR (IWER). A sensor (the
 * `sensor` user) publishes a relative humidity far outside the band, held past the alert's minimum duration; in VR
 * the wrist menu's Live page lists the alert, and in AR, once the twin is registered to the room, the work's
 * label carries it, and so does its world-space panel. Asserted through the typed test hooks (the menu's named GUI controls, the AR labels' state).
 */
import { resolve } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import type { Page } from '@playwright/test';
import { test, expect, waitForGallery, defaultExhibition, SHOTS } from './support';
import { arRoomFile, arState, openArRoom, registerOnPoints, tap, FIXTURES_PATH } from './helpers/ar';
import { aimAt, frames, installQuest3, lookAt, press, setController, setHeadset, type Vec3 } from './xr/iwer';
import type { Alert, LiveSnapshot } from '../src/twin/live/contract';

test.use({ serviceWorkers: 'block' });
test.beforeEach(({ page }) => {
  test.slow();
  page.on('pageerror', (e) => console.log(`[page error] ${e.message}\n${e.stack ?? ''}`));
});

const EX = defaultExhibition().id;
const sensors: MqttClient[] = [];
test.afterEach(async () => {
  await Promise.all(sensors.splice(0).map((s) => s.endAsync()));
});

async function snapshot(baseURL: string): Promise<LiveSnapshot> {
  const r = await fetch(`${baseURL}/api/exhibitions/${EX}/live`);
  expect(r.ok).toBe(true);
  return (await r.json()) as LiveSnapshot;
}

/**
 * Publishes, as the facilities' sensor, 78 % RH in `zone` twelve and six minutes ago (past the alert's minimum
 * duration, as in e2e/live.spec.ts), and returns the alert the server raised there.
 */
async function humidityAlert(baseURL: string, zone: string): Promise<Alert> {
  const client = await mqtt.connectAsync(baseURL.replace(/^http/, 'ws') + '/mqtt', { username: 'sensor', password: process.env.MUSEUM_SENSOR_PASSWORD, reconnectPeriod: 0 });
  sensors.push(client);
  for (const [value, minutesAgo] of [[78, 12], [78.5, 6]] as const) {
    const time = new Date(Date.now() - minutesAgo * 60_000).toISOString();
    await client.publishAsync(`museum/${EX}/${zone}/humidity`, JSON.stringify({ value, time }), { qos: 1 });
  }
  let alert: Alert | undefined;
  await expect
    .poll(async () => (alert = (await snapshot(baseURL)).alerts.find((a) => a.zone === zone && a.quantity === 'humidity')), { message: `a humidity alert in ${zone}`, timeout: 30_000 })
    .toBeTruthy();
  return alert!;
}

/** The page's live layer is connected and has the alert (the status board counts active alerts). */
async function pageHasAlert(page: Page): Promise<void> {
  await expect(page.locator('#status')).toHaveAttribute('data-live', 'live', { timeout: 120_000 });
  await expect.poll(async () => Number(await page.locator('#status').getAttribute('data-live-alerts')), { timeout: 30_000 }).toBeGreaterThan(0);
}

/** A named control of the VR menu or panel, once laid out (undefined until it is on the surface). */
const xrControl = (page: Page, name: string) => page.evaluate((n) => window.museumTwin!.xrControl!(n), name) as Promise<Vec3 | undefined>;

test('an out-of-band humidity shows in VR on the wrist menu’s Live page', async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  const before = await snapshot(baseURL!);
  // A zone of its own sensors with a work whose humidity band 78 % RH is well outside.
  const work = Object.values(before.artworks).find((w) => w.zone === 'sculpture' && (w.limits.humidity?.max ?? 100) < 70);
  expect(work, 'a work with a humidity band in the sculpture room').toBeTruthy();
  // A small emulated display: the journey reads the menu's controls, not pixels.
  await installQuest3(page, { display: 0.25 });
  await page.goto('/?lang=en');
  await waitForGallery(page);
  const alert = await humidityAlert(baseURL!, 'sculpture');
  expect(alert.artworks).toContain(work!.id);
  await pageHasAlert(page);

  const status = page.locator('#status');
  await page.locator('#vr-button').click();
  await expect(status).toHaveAttribute('data-xr', 'running', { timeout: 60_000 });
  // Raise the left hand: the wrist menu shows above it, its Live button counting the alert.
  await setController(page, 'left', [-0.15, 1.0, -0.35]);
  await frames(page, 3);
  let live: Vec3 | undefined;
  await expect.poll(async () => (live = await xrControl(page, 'live')), { message: 'the menu’s Live button' }).toBeTruthy();
  expect(await xrControl(page, `live-alert:${alert.id}`), 'no alert text before the page opens').toBeUndefined();
  await aimAt(page, 'right', live!, [0.15, 1.2, -0.2]);
  await frames(page, 3);
  await press(page, 'right', 'trigger');
  // The page lists the alert (zone, quantity, value and limit, works) and offers the way back.
  await expect.poll(() => xrControl(page, `live-alert:${alert.id}`), { message: 'the alert on the Live page' }).toBeTruthy();
  expect(await xrControl(page, 'live:back')).toBeTruthy();
  expect(await xrControl(page, 'snap'), 'the settings make way for the Live page').toBeUndefined();
  await page.screenshot({ path: resolve(SHOTS, 'live-vr-menu.png') });
});

test('an out-of-band humidity shows in AR on the work’s label, anchored at the work', async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  // The AR room's works are works of the default exhibition: serve the room as that exhibition, so the server's
  // live data (zones, works, alerts) is the room's.
  const room = { ...arRoomFile(), id: EX };
  const ids = room.artworks.map((a) => a.id);
  const before = await snapshot(baseURL!);
  const work = ids.find((id) => before.artworks[id]?.zone === 'cabinet' && (before.artworks[id]?.limits.humidity?.max ?? 100) < 70);
  expect(work, 'a work of the AR room with a humidity band, in the cabinet').toBeTruthy();
  await openArRoom(page, { url: `${FIXTURES_PATH}live-ar-room.json`, made: { 'live-ar-room.json': room } });
  const alert = await humidityAlert(baseURL!, 'cabinet');
  expect(alert.artworks).toContain(work);
  await pageHasAlert(page);

  const status = page.locator('#status');
  await page.locator('#ar-button').click();
  await expect(status).toHaveAttribute('data-xr', 'running', { timeout: 30_000 });
  await registerOnPoints(page);
  // From the far corner by the desk, looking back across the room (all three works ahead), as in e2e/ar.spec.ts.
  await setHeadset(page, [0.9, 1.6, -0.9]);
  await lookAt(page, [-0.5, 1.0, 0.8]);
  await page.waitForFunction((id) => !!window.museumTwin!.ar!()?.labels.some((l) => l.id === id), work!, { timeout: 30_000 });
  const s = await arState(page);
  const label = s.labels.find((l) => l.id === work)!;
  expect(label.alert, 'the label says what is wrong').toMatch(/Relative humidity 78[.,]5 % RH, above the limit of/);
  // Works without an alert keep their plain labels.
  for (const l of s.labels.filter((l) => !alert.artworks.includes(l.id))) expect(l.alert, l.id).toBeUndefined();
  await page.screenshot({ path: resolve(SHOTS, 'live-ar-label.png') });

  // Tapping the label opens the work's world-space panel (no DOM overlay here): its live card says the same.
  await tap(page, label.position);
  await expect(status).toHaveAttribute('data-selected', work!);
  const arControl = (name: string) => page.evaluate((n) => window.museumTwin!.arControl!(n), name);
  await expect.poll(() => arControl(`live-card-alert:${alert.id}`), { message: 'the alert on the panel’s live card' }).toBeTruthy();
  expect(await arControl('live-card-value:humidity'), 'the work’s humidity against its band').toBeTruthy();
  await page.screenshot({ path: resolve(SHOTS, 'live-ar-panel.png') });
});
