/**
 * Visit together: a guide and two participants in separate browsers, each on one load of the exhibition. They
 * join by code (one by the link, one by typing it), see each other, one follows the guide, the guide opens a
 * work for followers (shown in the follower's own language), brings everyone to it, talks (voice over WebRTC with
 * Chromium's fake microphone: audio arrives both ways; push to talk; the guide mutes everyone), the follower puts
 * on an emulated headset (a small display) and follows the guide with a fade, keeping her own heading; and the
 * guide removes a participant, who is then refused with the same browser. A participant whose connection drops
 * comes back by himself, as himself. In the headset an advisory notice the guide acknowledged is still shown to the
 * follower, and a restricted object the guide opens shows her only the community's statement; with the guide's
 * page away, the co-guide leads and a follower walks after her into the next room.
 */
import type { Browser, Page, WebSocketRoute } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './browser';
import { settled } from './helpers/frames';
import { test, expect, defaultExhibition } from './support';
import { installQuest3 } from './xr/iwer';

// A fake microphone, granted without asking: Chromium's flags for media tests, for this journey only.
const FAKE_MEDIA = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];
test.use({ serviceWorkers: 'block', viewport: { width: 640, height: 400 }, launchOptions: { executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, ...FAKE_MEDIA] } });
// Three page loads of the default exhibition in software WebGL on a shared machine: minutes.
test.describe.configure({ timeout: 900_000 });

const ex = defaultExhibition();
const WORK = 'dawn-over-the-marsh'; // in the hall, on its north wall
const work = ex.artworks.find((a) => a.id === WORK)!;
// The default exhibition's advisory urn and its restricted processional object (both in the cabinet).
const URN = 'cinerary-urn';
const VEILED = 'veiled-processional-object';

/** The gallery walkable (no media needed): three browsers at once on a loaded machine may take minutes each. */
async function walkable(page: Page): Promise<void> {
  await page.waitForFunction(() => window.museumTwin?.ready === true, null, { timeout: 240_000 });
}

async function visitor(browser: Browser, baseURL: string, path: string, headset = false): Promise<Page> {
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block', viewport: { width: 640, height: 400 } });
  const page = await context.newPage();
  // A small emulated display: the VR step reads poses, not pixels.
  if (headset) await installQuest3(page, { display: 0.25 });
  await page.goto(path);
  await walkable(page);
  return page;
}

const state = (page: Page) => page.evaluate(() => window.museumTwin!.together!());
const distance = (a: number[], b: number[]) => Math.hypot(a[0]! - b[0]!, a[2]! - b[2]!);

test('a guide and two participants: join, see each other, follow, open a work for all, gather, rejoin after a drop, protocols in the headset, a co-guide leads while the guide is away, remove', async ({ page: guide, browser, baseURL }) => {
  await guide.goto('/');
  await walkable(guide);
  await guide.getByRole('button', { name: 'Together' }).click();
  const drawer = guide.locator('#drawer');
  await drawer.locator('.together-start').getByLabel('Your name').fill('Ms Rossi');
  await drawer.getByRole('button', { name: 'Start a group' }).click();
  const code = (await drawer.getByTestId('together-code').textContent())!;
  expect(code).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}-[A-Z0-9]{3}$/);
  await expect(drawer.locator('.together-link a')).toHaveText(new RegExp(`\\?group=${code}$`));
  await expect(drawer.getByRole('img', { name: 'QR code to join the group' })).toBeVisible();

  // Ana comes by the link, in Italian; Ben types the code in lower case without dashes.
  const ana = await visitor(browser, baseURL!, `/?group=${code}&lang=it`, true);
  const anaDrawer = ana.locator('#drawer');
  await expect(anaDrawer.locator('.together-join input[name="code"]')).toHaveValue(code);
  await anaDrawer.locator('.together-join').getByLabel('Il tuo nome').fill('Ana');
  await anaDrawer.getByRole('button', { name: 'Entra' }).click();
  const ben = await visitor(browser, baseURL!, '/');
  // Ben's connection to the group passes through a route the journey can cut, as a dropped network would.
  let benLine: { page: WebSocketRoute; server: WebSocketRoute } | undefined;
  let benConnections = 0;
  await ben.routeWebSocket(/\/together/, (page) => {
    benConnections++;
    benLine = { page, server: page.connectToServer() };
  });
  await ben.getByRole('button', { name: 'Together' }).click();
  const benDrawer = ben.locator('#drawer');
  await benDrawer.locator('.together-join input[name="code"]').fill(code.toLowerCase().replace(/-/g, ''));
  await benDrawer.locator('.together-join').getByLabel('Your name').fill('Ben');
  await benDrawer.getByRole('button', { name: 'Join' }).click();

  // Everyone is listed everywhere, and each sees the other two as avatars in 3D and dots on the plan.
  for (const p of [guide, ana, ben]) {
    // Three software-WebGL pages on a loaded machine: a page's drawer may wait for its main thread a while.
    await expect(p.locator('.together-people .together-name')).toHaveText(['Ms Rossi', 'Ana', 'Ben'], { timeout: 60_000 });
    // Presence is sent from rendered frames: three software-WebGL pages on a loaded machine draw slowly.
    await expect.poll(async () => (await state(p)).avatars.length, { timeout: 60_000 }).toBe(2);
    await expect(p.locator('[data-testid="together-dots"] circle')).toHaveCount(2, { timeout: 60_000 });
  }

  // Ben roams; Ana follows (the default): the guide walks to the middle of the hall and Ana's view glides after.
  await benDrawer.getByRole('checkbox', { name: 'Follow the guide' }).uncheck();
  // A glide after the guide that began while he still followed has ended (frames are slow on a loaded machine).
  await expect.poll(async () => (await state(ben)).moving, { timeout: 30_000 }).toBe(false);
  await settled(ben);
  const benBefore = (await ben.evaluate(() => window.museumTwin!.viewer())).position;
  await guide.evaluate(() => window.museumTwin!.place([5, 0, 3], 0));
  await expect.poll(async () => distance((await ana.evaluate(() => window.museumTwin!.viewer())).position, [5, 0, 3]), { timeout: 30_000 }).toBeLessThan(3);
  // Ana's avatar of the guide is where the guide stands.
  await expect.poll(async () => {
    const s = await state(ana);
    const g = s.avatars.find((a) => a.id === s.leader);
    return g ? distance(g.position, [5, 0, 3]) : 99;
  }).toBeLessThan(0.3);
  expect(distance((await ben.evaluate(() => window.museumTwin!.viewer())).position, benBefore)).toBeLessThan(0.1);

  // The guide opens a work: Ana, following, has it open in Italian; Ben, roaming, does not.
  await guide.evaluate((hash) => (location.hash = hash), `#artwork=${WORK}`);
  await expect(guide.locator('#panel h2')).toHaveText(work.title.en!);
  await expect(ana.locator('#panel h2')).toHaveText(work.title.it!);
  await expect(anaDrawer.locator('.together-chat-log')).toContainText(`Ms Rossi ha aperto «${work.title.it}» per il gruppo`);
  await expect(ben.locator('#panel')).not.toContainText(work.title.en!);
  // The guide's work is marked for all, roaming or not: a ring in front of it in each one's 3D view.
  for (const p of [ana, ben]) {
    await expect
      .poll(() => p.evaluate((id) => (window.museumTwin!.scene() as { getMeshByName(n: string): { isEnabled(): boolean } | null }).getMeshByName(`together-ring-${id}`)?.isEnabled() ?? false, WORK), { timeout: 30_000 })
      .toBe(true);
  }

  // Bring everyone here: Ben, roaming, is brought in front of the work with the others, each at their own place.
  await drawer.getByRole('button', { name: 'Bring everyone here' }).click();
  await expect(benDrawer.locator('.together-chat-log')).toContainText(`Ms Rossi brought the group to “${work.title.en}”`);
  await expect.poll(async () => (await ben.evaluate(() => window.museumTwin!.viewer())).room, { timeout: 30_000 }).toBe('hall');
  await expect.poll(async () => {
    const [a, b] = await Promise.all([ana, ben].map((p) => p.evaluate(() => window.museumTwin!.viewer().position)));
    return distance(a!, b!);
  }).toBeGreaterThan(0.5);

  // The chat is plain text: markup is refused, words go through.
  await anaDrawer.getByLabel('Messaggio al gruppo').fill('Che luce!');
  await anaDrawer.getByRole('button', { name: 'Invia' }).click();
  await expect(drawer.locator('.together-chat-log')).toContainText('Ana: Che luce!');

  // Ben's connection drops (the network, not Ben): his page says it is reconnecting and comes back on its own, as
  // himself (his name, his place in the list, no second Ben), and the group goes on with him.
  await benLine!.server.close({ code: 1001, reason: 'network dropped' });
  await benLine!.page.close({ code: 1001, reason: 'network dropped' });
  await expect.poll(() => benConnections, { timeout: 60_000 }).toBe(2);
  await expect(drawer.locator('.together-people .together-name')).toHaveText(['Ms Rossi', 'Ana', 'Ben']);
  await expect.poll(async () => (await state(ben)).code).toBe(code);
  await expect(benDrawer.locator('.together-people .together-name')).toHaveText(['Ms Rossi', 'Ana', 'Ben']);
  await expect.poll(async () => (await state(guide)).avatars.length, { timeout: 60_000 }).toBe(2);

  // Voice: the guide and Ana join the voice chat; audio arrives both ways, peer to peer.
  await drawer.getByRole('button', { name: 'Join the voice chat' }).click();
  await anaDrawer.getByRole('button', { name: 'Entra nella chat vocale' }).click();
  for (const p of [guide, ana]) {
    await expect
      .poll(async () => (await state(p)).voice.peers.map((x) => [x.connection, x.tracks, x.bytesReceived > 0]), { timeout: 60_000 })
      .toEqual([['connected', 1, true]]);
  }
  // Ana pushes to talk; the guide mutes everyone, and her microphone goes off while she still holds the button.
  await anaDrawer.getByRole('button', { name: 'Tieni premuto per parlare' }).hover();
  await ana.mouse.down();
  await expect.poll(async () => (await state(ana)).voice.talking).toBe(true);
  await drawer.getByRole('button', { name: 'Mute everyone' }).click();
  await expect(anaDrawer.locator('.together-chat-log')).toContainText('Ms Rossi ha silenziato tutti');
  expect((await state(ana)).voice.talking).toBe(false);
  await ana.mouse.up();

  // Ana puts on a headset: following in VR is a fade to her place behind the guide, with her own heading kept.
  await ana.locator('#vr-button').click();
  await expect(ana.locator('#status')).toHaveAttribute('data-mode', 'vr', { timeout: 60_000 });
  const inVr = () => ana.evaluate(() => window.museumTwin!.xrViewer!()!);
  await expect.poll(async () => (await inVr())?.inXR, { timeout: 60_000 }).toBe(true);
  const headingBefore = (await inVr()).heading;
  await guide.evaluate(() => window.museumTwin!.place([3, 0, 5], 90));
  await expect.poll(async () => (await state(ana)).vrFades, { timeout: 30_000 }).toBeGreaterThan(0);
  await expect.poll(async () => distance((await inVr()).position, [3, 0, 5]), { timeout: 30_000 }).toBeLessThan(3);
  expect(Math.abs((await inVr()).heading - headingBefore)).toBeLessThan(2);

  // Community protocols hold in the headset. The guide opens the advisory urn and acknowledges its notice for
  // herself; Ana's headset panel shows her the notice all the same.
  const inVrPanel = () => ana.evaluate(() => window.museumTwin!.xrPanel!());
  await guide.evaluate((hash) => (location.hash = hash), `#artwork=${URN}`);
  await guide.locator('#panel [data-protocol="advisory"]').getByRole('button', { name: 'I understand, show the work' }).click();
  await expect(guide.locator('#panel .story')).toBeVisible();
  await expect.poll(async () => (await inVrPanel())?.artworkId, { timeout: 30_000 }).toBe(URN);
  expect((await inVrPanel())?.view).toBe('notice');
  // The guide opens the restricted object for all: Ana's headset shows her only the community's statement, and her
  // browser asks for nothing of the object.
  const askedForVeiled: string[] = [];
  ana.on('request', (r) => void (r.url().includes(VEILED) && askedForVeiled.push(r.url())));
  await guide.evaluate((hash) => (location.hash = hash), `#artwork=${VEILED}`);
  await expect(guide.locator('#panel [data-protocol="restricted"]')).toBeVisible();
  await expect.poll(async () => (await inVrPanel())?.artworkId, { timeout: 30_000 }).toBe(VEILED);
  expect((await inVrPanel())?.view).toBe('restricted');
  expect((await state(ana)).opened).toEqual({ artwork: VEILED, view: 'restricted' });
  expect(askedForVeiled).toEqual([]);
  await ana.evaluate(() => window.museumTwin!.xrExit!());
  await expect(ana.locator('#status')).toHaveAttribute('data-mode', 'preview');

  // The guide's own page goes (her tablet's browser reloads): Ana, made co-guide, leads at once, for Ben too, who is
  // told, and Ben, following, goes after her into the next room; the guide comes back by the group's link, as
  // herself (this browser's token), and leads again.
  await drawer.getByRole('button', { name: 'Make Ana co-guide' }).click();
  await expect.poll(async () => (await state(ana)).role, { timeout: 30_000 }).toBe('co-guide');
  await benDrawer.getByRole('checkbox', { name: 'Follow the guide' }).check();
  const guideId = (await state(guide)).you!;
  const anaId = (await state(ana)).you!;
  await guide.goto('about:blank');
  for (const p of [ana, ben]) await expect.poll(async () => (await state(p)).leader, { timeout: 30_000 }).toBe(anaId);
  await expect(benDrawer.locator('.together-chat-log')).toContainText('Ana is leading the group now');
  await ana.evaluate(() => window.museumTwin!.place([8, 0, -4], 0)); // the gallery, north of the hall
  await expect.poll(async () => (await ben.evaluate(() => window.museumTwin!.viewer())).room, { timeout: 45_000 }).toBe('gallery');
  expect(distance((await ben.evaluate(() => window.museumTwin!.viewer())).position, [8, 0, -4])).toBeLessThan(3);
  // The guide's place is kept (a guide is never forgotten while the group lives): her page loads again.
  await guide.goto(`/?group=${code}`);
  await walkable(guide);
  await expect(drawer.locator('.together-join input[name="code"]')).toHaveValue(code);
  await drawer.locator('.together-join').getByLabel('Your name').fill('Ms Rossi');
  await drawer.getByRole('button', { name: 'Join' }).click();
  for (const p of [guide, ana, ben]) await expect.poll(async () => (await state(p)).leader, { timeout: 60_000 }).toBe(guideId);
  expect((await state(guide)).role).toBe('guide');
  await expect(drawer.locator('.together-people .together-name')).toHaveText(['Ms Rossi', 'Ana', 'Ben'], { timeout: 60_000 });
  await benDrawer.getByRole('checkbox', { name: 'Follow the guide' }).uncheck();

  // The guide removes Ben: he is told, and the same browser cannot come back with the link.
  await drawer.getByRole('button', { name: 'Remove Ben' }).click();
  await expect(benDrawer.locator('.together-message')).toHaveText('The guide removed you from the group.');
  await expect(drawer.locator('.together-people .together-name')).toHaveText(['Ms Rossi', 'Ana']);
  await expect.poll(async () => (await state(guide)).avatars.length).toBe(1);
  await benDrawer.locator('.together-join input[name="code"]').fill(code);
  await benDrawer.locator('.together-join').getByLabel('Your name').fill('Ben again');
  await benDrawer.getByRole('button', { name: 'Join' }).click();
  await expect(benDrawer.locator('.together-message')).toHaveText('The guide removed you from this group.');
  expect((await state(ben)).code).toBeUndefined();

  // The guide ends the group: everyone is let go, and nothing of it stays on the page.
  await drawer.getByRole('button', { name: 'End the group' }).click();
  // Ana's drawer closed when she put the headset on: the app's own words are read from its state.
  await expect.poll(async () => (await state(ana)).message).toBe('Il gruppo è terminato.');
  expect((await state(ana)).avatars).toEqual([]);
  await Promise.all([ana.context().close(), ben.context().close()]);
});
