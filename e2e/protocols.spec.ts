/**
 * Community protocols, checked where it matters: in the request log. A restricted work's media is never
 * requested in the preview, in VR or in AR; its placeholder shows the community's statement, label and contact.
 * An advisory work shows its notice first, and the acknowledgement lasts for the browser session only. Per-mode
 * rules: a work kept out of AR has no label there and is hidden in VR when kept out of VR; narration kept out of
 * AR is neither requested nor offered there; "no screenshots" and "no sharing" are honoured.
 */
import type { Page } from '@playwright/test';
import { test, expect, waitForGallery, defaultExhibition, SHOTS } from './support';
import { lookAt, setHeadset } from './xr/iwer';
import { arRoomFile, arState, FIXTURES_PATH, openArRoom, registerOnPoints, tap, waitFrames } from './helpers/ar';
import { en } from './helpers/text';
import type { Artwork, Exhibition } from '../src/twin/schema';

const ex = defaultExhibition();
const restricted = ex.artworks.find((a) => a.sensitivity.level === 'restricted')!;
/** The default exhibition's per-mode rules: an advisory work kept out of AR, and a narration kept out of AR. */
const notInAr = ex.artworks.find((a) => a.sensitivity.modes && !a.sensitivity.modes.includes('ar'))!;
const quietInAr = ex.artworks.find((a) => a.narration && a.sensitivity.narration && !a.sensitivity.narration.includes('ar'))!;

/** Requests that carry a work's id: a restricted work's media would be named after it. */
const requestsFor = (urls: string[], id: string) => urls.filter((u) => decodeURIComponent(u).includes(id));

/** Whether a work's own media (image and frame, or model) is drawn in the scene. */
const originEnabled = (page: Page, id: string) =>
  page.evaluate((id) => (window.museumTwin!.scene() as { getTransformNodeByName: (n: string) => { isEnabled: () => boolean } | null }).getTransformNodeByName(`artwork-origin:${id}`)?.isEnabled(), id);

test.use({ serviceWorkers: 'block' });

test('the default exhibition shows a restricted work, an advisory work and per-mode rules', () => {
  expect(restricted, 'a restricted work').toBeTruthy();
  expect(notInAr, 'a work kept out of AR').toBeTruthy();
  expect(quietInAr, 'a narration kept out of AR').toBeTruthy();
  expect(restricted.sensitivity.labels?.length, 'the restricted work has its community label').toBeGreaterThan(0);
});

// The preview's checks follow each other on one page (loading the default exhibition is the slow part), then a
// second load in the same tab (the same browser session) and a fresh browser context (a new session).
test('in the preview: an advisory notice first, a restricted work’s statement and none of its media, narration, no sharing; the acknowledgement lasts for the session only', async ({ page, browser, baseURL, requests }) => {
  // Three page loads (two in this tab, one in a fresh context) on a shared, busy machine.
  test.setTimeout(480_000);
  const urn = ex.artworks.find((a) => a.sensitivity.level === 'advisory')!;
  const adv = urn.sensitivity;
  const rs = restricted.sensitivity;
  if (adv.level !== 'advisory' || rs.level !== 'restricted') throw new Error('an advisory and a restricted work');
  // One open painting gets a "no sharing" rule, through a copy of the default exhibition (the rest as published).
  const shared = ex.artworks.find((a) => a.sensitivity.level === 'open' && a.kind === 'painting')!;
  const copy: Exhibition = structuredClone(ex);
  copy.artworks.find((a) => a.id === shared.id)!.sensitivity = { level: 'open', sharing: false };
  const path = '/exhibitions/default/exhibition.json';
  await page.route((u) => u.pathname === path, (r) => r.fulfill({ body: JSON.stringify(copy), contentType: 'application/json' }));
  const notice = page.locator('#panel [data-protocol="advisory"]');

  await page.goto(`/?lang=en#artwork=${urn.id}`);
  await waitForGallery(page, false);

  await test.step('an advisory work shows its notice first; the work is veiled until it is acknowledged', async () => {
    await expect(notice.getByRole('heading', { name: 'Before you look' })).toBeVisible();
    await expect(notice).toContainText(en(adv.notice));
    for (const l of adv.labels ?? []) await expect(notice.locator(`[data-label="${l.code}"]`)).toContainText(en(l.name));
    await expect(page.locator('#panel .story')).toHaveCount(0);
    // The work itself is veiled in the gallery until the notice is acknowledged.
    await expect.poll(() => originEnabled(page, urn.id)).toBe(false);
    await page.screenshot({ path: `${SHOTS}/protocols-advisory.png` });
    await notice.getByRole('button', { name: 'I understand, show the work' }).click();
    await expect(page.locator('#panel .story')).toBeVisible();
    await expect.poll(() => originEnabled(page, urn.id)).toBe(true);
    await expect(page.locator('#panel .lead')).toHaveText(en(urn.label));
    // This work's community asks for no screenshots: the panel says so (and the app offers no capture).
    if (adv.screenshots === false) await expect(page.locator('#panel .no-screenshots')).toHaveText('The community asks that you take no screenshots or photographs of this work.');
  });

  await test.step('narration kept out of a mode is not offered there, and the preview still has it', async () => {
    const n = quietInAr.narration!.en!;
    await page.locator('.works-list').getByRole('button', { name: en(quietInAr.title) }).click();
    await expect(page.locator('#panel h2')).toHaveText(en(quietInAr.title));
    await expect(page.locator('#panel audio')).toHaveCount(1);
    await expect.poll(() => requests.some((u) => u.endsWith(n.captions))).toBe(true);
  });

  await test.step('a restricted work shows its community’s statement, label and contact, and none of its media is requested', async () => {
    const s = rs;
    // Every work has its media or placeholder: whatever the page was going to request, it has.
    await expect(page.locator('#status')).toHaveAttribute('data-media', 'done', { timeout: 60_000 });
    expect(await page.evaluate((id) => window.museumTwin!.workState(id), restricted.id)).toBe('restricted');
    await page.locator('.works-list').getByRole('button', { name: en(restricted.title) }).click();
    const section = page.locator('#panel [data-protocol="restricted"]');
    await expect(section.getByRole('heading', { name: 'Shown as the community asks' })).toBeVisible();
    await expect(section).toContainText(en(s.statement));
    await expect(section).toContainText(en(s.community));
    const label = s.labels![0]!;
    await expect(section.locator(`[data-label="${label.code}"]`)).toContainText(en(label.name));
    await expect(section.getByRole('link', { name: s.contact })).toHaveAttribute('href', `mailto:${s.contact}`);
    // Nothing of the work beyond its statement: no story, no narration, no details.
    await expect(page.locator('#panel .story, #panel audio, #panel .annotations')).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/protocols-restricted.png` });
    expect(requestsFor(requests, restricted.id)).toEqual([]);
  });

  await test.step('no sharing: no link is offered or put in the address bar, even when opened from a deep link', async () => {
    // A deep link opened in the same tab: a new page load, the same browser session.
    await page.goto('about:blank');
    await page.goto(`/?lang=en#artwork=${shared.id}`);
    await waitForGallery(page, false);
    await expect(page.locator('#panel h2')).toHaveText(en(shared.title));
    await expect(page.locator('#panel .copy-link')).toHaveCount(0);
    await expect(page.locator('#panel .no-sharing')).toBeVisible();
    expect(new URL(page.url()).hash).toBe('');
    // Another work still offers its link.
    const open = ex.artworks.find((a) => a.sensitivity.level === 'open' && a.id !== shared.id)!;
    await page.locator('.works-list').getByRole('button', { name: en(open.title) }).click();
    await expect(page.locator('#panel .copy-link')).toBeVisible();
    expect(new URL(page.url()).hash).toBe(`#artwork=${open.id}`);
  });

  await test.step('the same session (a new page load in the tab): the acknowledgement is remembered', async () => {
    await page.locator('.works-list').getByRole('button', { name: en(urn.title) }).click();
    await expect(page.locator('#panel .story')).toBeVisible();
    await expect(notice).toHaveCount(0);
  });

  await test.step('a new session (a fresh browser context): the notice again', async () => {
    const other = await browser.newContext({ baseURL, serviceWorkers: 'block', viewport: { width: 900, height: 540 } });
    const fresh = await other.newPage();
    await fresh.goto(`/?lang=en`);
    await waitForGallery(fresh, false);
    await fresh.locator('.works-list').getByRole('button', { name: en(urn.title) }).click();
    await expect(fresh.locator('#panel [data-protocol="advisory"]')).toBeVisible();
    await other.close();
  });
  expect(requestsFor(requests, restricted.id)).toEqual([]);
});

// ---------------------------------------------------------------- VR and AR, in the emulated room

const ROOM: Exhibition = arRoomFile();
const ROOM_URL = `${FIXTURES_PATH}protocol-room.json`;
const SECRET = 'veiled-bundle';

/**
 * The AR room with protocols: a restricted work (whose media, were it published, would be named after it), the
 * urn kept out of AR and the amphora out of VR, and the painting's narration kept out of AR.
 */
function protocolRoom(): Exhibition {
  const room: Exhibition = structuredClone(ROOM);
  const byId = (id: string) => room.artworks.find((a) => a.id === id)!;
  const urn = byId('cinerary-urn');
  if (urn.sensitivity.level === 'advisory') urn.sensitivity.modes = ['preview', 'vr'];
  byId('ivy-amphora').sensitivity = { level: 'open', modes: ['preview', 'ar'] };
  byId('saint-ravo-calms-the-waters').sensitivity = { level: 'open', narration: ['preview', 'vr'] };
  const secret = structuredClone(urn) as Artwork & { model?: string };
  delete secret.model;
  secret.id = SECRET;
  secret.accessionNumber = 'SECRET.1';
  secret.narration = undefined;
  secret.animation = undefined;
  secret.annotations = [];
  secret.conservation = undefined;
  secret.sensitivity = {
    level: 'restricted',
    community: { en: 'The keepers of the bundle' },
    statement: { en: 'Seen only by the keepers.' },
    contact: 'keepers@example.org',
    labels: [{ code: 'TK SS', name: { en: 'Secret / Sacred' } }],
  };
  if (secret.placement.kind === 'pose') secret.placement.position = [secret.placement.position[0] + 0.6, secret.placement.position[1], secret.placement.position[2]];
  room.artworks.push(secret);
  return room;
}

test('in VR and then AR: the restricted work’s media is never requested; per-mode rules for works and narration', async ({ page, requests }) => {
  test.setTimeout(420_000);
  // One page for both sessions. A phone's DOM overlay, so the page's own panel (with the protocol notes) is the AR panel.
  await openArRoom(page, { domOverlay: true, url: ROOM_URL, made: { 'protocol-room.json': protocolRoom() } });
  const status = page.locator('#status');

  await test.step('in VR: a work kept out of VR is hidden there only; the advisory urn stays veiled', async () => {
    expect(await originEnabled(page, 'ivy-amphora')).toBe(true);
    await expect(page.locator('#vr-button')).toBeVisible();
    await page.locator('#vr-button').click();
    await expect(status).toHaveAttribute('data-xr', 'running', { timeout: 60_000 });
    await expect(status).toHaveAttribute('data-mode', 'vr');
    expect(await originEnabled(page, 'ivy-amphora')).toBe(false);
    expect(await originEnabled(page, 'saint-ravo-calms-the-waters')).toBe(true);
    // The advisory urn stays veiled until its notice is acknowledged, in VR as in the preview.
    expect(await originEnabled(page, 'cinerary-urn')).toBe(false);
    await page.screenshot({ path: `${SHOTS}/protocols-vr.png` });
    // The headset ends the session: back in the preview, the amphora is shown again.
    await page.evaluate(() => (window as unknown as { __iwer: { activeSession?: { end: () => Promise<void> } } }).__iwer.activeSession?.end());
    await expect(status).toHaveAttribute('data-mode', 'preview', { timeout: 30_000 });
    expect(await originEnabled(page, 'ivy-amphora')).toBe(true);
    expect(requestsFor(requests, SECRET)).toEqual([]);
  });

  await test.step('in AR: no label for the work kept out of AR, no narration where it is kept out, and no restricted media', async () => {
    await page.locator('#ar-button').click();
    await expect(status).toHaveAttribute('data-ar-overlay', 'dom', { timeout: 30_000 });
    const before = requests.length;
    // Register on the three floor corners.
    await registerOnPoints(page, ROOM);
    // From the far corner by the desk, looking back across the room with every work ahead (as in ar.spec.ts).
    await setHeadset(page, [0.9, 1.6, -0.9]);
    await lookAt(page, [-0.5, 1.0, 0.8]);
    await expect.poll(async () => (await arState(page)).labels.map((l) => l.id).sort(), { timeout: 30_000 }).toEqual(['ivy-amphora', 'saint-ravo-calms-the-waters']);
    await waitFrames(page, 6);
    const labels = (await arState(page)).labels.map((l) => l.id);
    expect(labels).not.toContain('cinerary-urn');
    expect(labels).not.toContain(SECRET);
    expect(labels).toContain('saint-ravo-calms-the-waters');
    // The painting's panel: no narration in the gallery, and it says why.
    await tap(page, (await arState(page)).labels.find((l) => l.id === 'saint-ravo-calms-the-waters')!.position);
    await expect(status).toHaveAttribute('data-ar-panel', 'saint-ravo-calms-the-waters');
    const panel = page.locator('#ar-overlay .panel');
    await expect(panel.locator('.no-narration')).toContainText('the narration is not played in AR in the gallery');
    await expect(panel.locator('audio')).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/protocols-ar.png` });
    const inAr = requests.slice(before);
    const painting = ROOM.artworks.find((a) => a.id === 'saint-ravo-calms-the-waters')!;
    for (const n of Object.values(painting.narration ?? {})) expect(inAr.filter((u) => u.endsWith(n.audio) || u.endsWith(n.captions))).toEqual([]);
    expect(requestsFor(requests, SECRET)).toEqual([]);
  });
});
