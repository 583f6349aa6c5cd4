/**
 * Co-curation in the browser (/curate): two curators sign in from two browser contexts, see each other, and
 * edit one draft live (a label typed, a work moved, the same label typed by both at once, a credit each typed at
 * the same moment, a creator's role removed and added back); Undo undoes one's
 * own change only; the draft's problems show at the work; a visitor gets the sign-in form and no draft.
 * The curators are created through the admin API (MUSEUM_ADMIN_PASSWORD is set in playwright.config.ts).
 */
import { expect, request, test, type Browser, type Page } from '@playwright/test';
import { audit } from './helpers/axe';

const run = Date.now().toString(36);

async function createAccount(baseURL: string, name: string, password: string, role = 'curator'): Promise<void> {
  const admin = await request.newContext({ baseURL });
  const signIn = await admin.post('/api/session', { data: { name: 'admin', password: process.env.MUSEUM_ADMIN_PASSWORD } });
  expect(signIn.status(), await signIn.text()).toBe(200);
  const created = await admin.post('/api/users', { data: { name, role, password } });
  expect(created.status(), await created.text()).toBe(201);
  await admin.dispose();
}

async function signedIn(browser: Browser, name: string, password: string, path = '/curate'): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(path);
  await page.locator('#user-name').fill(name);
  await page.locator('#password').fill(password);
  await page.locator('#sign-in-form button[type=submit]').click();
  await expect(page.locator('#draft-status')).toHaveText(/^(Draft open|Bozza aperta)/);
  return page;
}

const label = (page: Page, lang: string) => page.locator(`textarea[data-field="label"][data-lang="${lang}"]`);
const offset = (page: Page) => page.getByRole('spinbutton', { name: /Distance along wall/ });

test('a visitor without a session gets the sign-in form, in words, and no draft', async ({ page }) => {
  await page.goto('/curate');
  await expect(page.getByRole('heading', { name: 'Sign in to curate', level: 2 })).toBeVisible();
  await expect(page.locator('#draft')).toBeHidden();
  await expect(page.locator('#works li')).toHaveCount(0);
  const ghost = `nobody-${run}`;
  await page.getByLabel('User name').fill(ghost);
  for (let i = 0; i < 5; i++) {
    await page.getByLabel('Password').fill(`wrong-${i}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toHaveText('The user name or the password is wrong.');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  }
  await page.getByLabel('Password').fill('wrong-again');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText(/^Too many failed sign-ins: try again in \d+ minute\(s\)\.$/);
  await expect(page.locator('#draft')).toBeHidden();
  await audit(page, 'the sign-in form');
});

test('two curators see each other and each other’s edits live; both texts typed at once are kept', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const [ana, ben] = [`ana-${run}`, `ben-${run}`];
  await createAccount(baseURL!, ana, 'ana-password-123');
  await createAccount(baseURL!, ben, 'ben-password-123');
  const a = await signedIn(browser, ana, 'ana-password-123');
  const b = await signedIn(browser, ben, 'ben-password-123');

  // Who is here: each sees the other, and what they have selected.
  await expect(a.locator(`#who-is-here li[data-user="${ben}"]`)).toHaveText(`${ben}: nothing selected`);
  await b.getByRole('button', { name: 'Harbour Lights' }).click();
  await expect(a.locator(`#who-is-here li[data-user="${ben}"]`)).toHaveText(`${ben}: on Harbour Lights`);
  // Where Ben is: his camera turned to Harbour Lights (hall wall 2, 5 m along, z 8) on Ana's plan, his name in her 3D view.
  const look = a.locator(`#floor-plan [data-camera="${ben}"] .plan-camera-look`);
  await expect.poll(async () => [Number(await look.getAttribute('cx')), Number(await look.getAttribute('cy'))].map(Math.round)).toEqual([5, 8]);
  await expect(a.locator(`.stage-names [data-user="${ben}"]`)).toBeVisible();
  await a.locator('#stage').scrollIntoViewIfNeeded();
  await a.screenshot({ path: 'e2e/.output/curate-colleague-camera.png', fullPage: true });
  await a.getByRole('searchbox', { name: 'Search works' }).fill('harb');
  await expect(a.locator('#works li')).toHaveCount(1);
  await a.getByRole('button', { name: 'Harbour Lights' }).click();
  await expect(b.locator(`#who-is-here li[data-user="${ana}"]`)).toHaveText(`${ana}: on Harbour Lights`);

  // Every language of the exhibition side by side.
  await expect(label(a, 'en')).toHaveValue(/^The river port at night/);
  await expect(label(a, 'it')).toHaveValue(/^Il porto fluviale di notte/);

  // A types in the label; B sees it.
  await label(a, 'en').click();
  await label(a, 'en').press('Control+End');
  await label(a, 'en').pressSequentially(' Seen by Ana.');
  await expect(label(b, 'en')).toHaveValue(/single night\. Seen by Ana\.$/);

  // The work's creator and the exhibition's own title: Ana types, Ben sees.
  await a.locator('#creator-name-en').click();
  await a.locator('#creator-name-en').press('End');
  await a.locator('#creator-name-en').pressSequentially(' (attr.)');
  await expect(b.locator('#creator-name-en')).toHaveValue(/ \(attr\.\)$/);
  await a.getByText('The exhibition', { exact: true }).click();
  await a.getByLabel('Title of the exhibition (en)', { exact: true }).click();
  await a.getByLabel('Title of the exhibition (en)', { exact: true }).press('End');
  await a.getByLabel('Title of the exhibition (en)', { exact: true }).pressSequentially(', rehung');
  await expect(b.locator('#exhibition-title-en')).toHaveValue('Light and Matter, rehung');
  await expect(a.getByLabel('Institution (en)')).toHaveJSProperty('readOnly', true); // an admin's, not a curator's
  await a.locator('#exhibition-texts').screenshot({ path: 'e2e/.output/curate-exhibition-texts.png' });
  // Both typed back out: this draft is published below, and the journeys after this one visit the default as it was.
  await a.getByLabel('Title of the exhibition (en)', { exact: true }).press('End');
  for (let i = 0; i < ', rehung'.length; i++) await a.getByLabel('Title of the exhibition (en)', { exact: true }).press('Backspace');
  await expect(b.locator('#exhibition-title-en')).toHaveValue('Light and Matter');
  await a.locator('#creator-name-en').click();
  await a.locator('#creator-name-en').press('End');
  for (let i = 0; i < ' (attr.)'.length; i++) await a.locator('#creator-name-en').press('Backspace');
  await expect(b.locator('#creator-name-en')).not.toHaveValue(/\(attr\.\)/);

  // A credit each at the same moment: Ana types in the first credit's name, Ben in the second's role (each credit
  // its own texts in the draft): both keep both. Then typed back out, as above.
  await b.getByText('The exhibition', { exact: true }).click();
  const creditName = (page: Page) => page.locator('#credit-name-1');
  const creditRole = (page: Page) => page.locator('#credit-role-2-en');
  const [name1, role2] = [await creditName(a).inputValue(), await creditRole(b).inputValue()];
  await creditName(a).click();
  await creditName(a).press('End');
  await creditRole(b).click();
  await creditRole(b).press('End');
  await Promise.all([creditName(a).pressSequentially(' (Ana)', { delay: 20 }), creditRole(b).pressSequentially(' (Ben)', { delay: 20 })]);
  for (const page of [a, b]) {
    await expect(creditName(page)).toHaveValue(`${name1} (Ana)`);
    await expect(creditRole(page)).toHaveValue(`${role2} (Ben)`);
  }
  for (const [page, field, typed] of [[a, creditName(a), ' (Ana)'], [b, creditRole(b), ' (Ben)']] as const) {
    await field.click();
    await field.press('End');
    for (let i = 0; i < typed.length; i++) await field.press('Backspace');
    await expect(page === a ? creditName(b) : creditRole(a)).toHaveValue(page === a ? name1 : role2);
  }
  // A tab pasted into a credit becomes a space (the server refuses control characters): the draft stays open.
  await creditName(a).fill(`${name1}\t(Ana)`);
  await expect(creditName(b)).toHaveValue(`${name1} (Ana)`);
  await creditName(a).fill(name1);
  await expect(creditName(b)).toHaveValue(name1);
  await expect(a.locator('#draft-status')).toHaveText(/^Draft open/);

  // The creator's role removed by Ana (Ben's fields go), added back empty and typed in (Ben sees it).
  await a.getByRole('button', { name: 'Remove the creator’s role' }).click();
  await expect(b.locator('#creator-role-en')).toHaveCount(0);
  await expect(b.getByRole('button', { name: 'Add the creator’s role' })).toBeVisible();
  await a.getByRole('button', { name: 'Add the creator’s role' }).click();
  await expect(a.locator('#creator-role-en')).toBeFocused();
  await a.locator('#creator-role-en').pressSequentially('Painter');
  await a.locator('#creator-role-it').fill('Pittore');
  await expect(b.locator('#creator-role-en')).toHaveValue('Painter');
  await expect(b.locator('#creator-role-it')).toHaveValue('Pittore');
  await a.locator('.texts-creator').screenshot({ path: 'e2e/.output/curate-creator.png' });

  // B moves the work 5 cm along its wall; A sees the new offset.
  const before = Number(await offset(a).inputValue());
  await b.getByRole('button', { name: 'Move 5 cm towards the wall’s end' }).click();
  await expect(offset(a)).toHaveValue(String(Number((before + 0.05).toFixed(2))));

  // Both type in the Italian label at once, A at its end and B at its start: both texts are kept.
  await label(a, 'it').click();
  await label(a, 'it').press('Control+End');
  await label(b, 'it').click();
  await label(b, 'it').press('Control+Home');
  await Promise.all([label(a, 'it').pressSequentially(' [nota di Ana]', { delay: 20 }), label(b, 'it').pressSequentially('[nota di Ben] ', { delay: 20 })]);
  for (const page of [a, b]) await expect(label(page, 'it')).toHaveValue(/^\[nota di Ben\] Il porto fluviale.*notte\. \[nota di Ana\]$/);

  // A's Undo takes back A's own typing (in as many steps as pauses split it: on a busy machine, more than one),
  // never Ben's note nor Ben's move.
  // Each Undo is waited on until the label shows it, so the next one never undoes more than her Italian typing.
  for (let i = 0; i < 15 && !(await label(a, 'it').inputValue()).endsWith('notte.'); i++) {
    const was = await label(a, 'it').inputValue();
    await a.getByRole('button', { name: 'Undo my last change' }).click();
    await expect(label(a, 'it')).not.toHaveValue(was);
    await expect(label(a, 'it')).toHaveValue(/^\[nota di Ben\] /);
  }
  for (const page of [a, b]) await expect(label(page, 'it')).toHaveValue(/^\[nota di Ben\] Il porto fluviale.*notte\.$/);
  await expect(label(a, 'en')).toHaveValue(/single night\. Seen by Ana\.$/);
  await expect(offset(a)).toHaveValue(String(Number((before + 0.05).toFixed(2))));

  // A work typed off its wall is moved and the move named (a draft may be invalid); Ana sees the problem at the
  // work, Publish refuses the draft, and once Ben moves it back it publishes.
  await expect(a.locator('#work-problems')).toHaveText('No problems at this work.');
  await offset(b).fill('99');
  await offset(b).press('Tab');
  await expect(b.locator('#placement-error')).toHaveText(/^Moved, but offset 99 m puts the work past the end of wall 2 of room 'hall'/);
  await expect(a.locator('#work-problems')).toContainText('past the end of wall 2');
  // 89 m off the rooms, the work is still on Ana's plan (the plan fits every work): she picks it there.
  await a.locator('#floor-plan [data-work="castelrovo-from-the-river"]').click();
  await expect(a.getByRole('heading', { name: 'Castelrovo from the River', level: 2 })).toBeVisible();
  await a.locator('#floor-plan [data-work="harbour-lights"]').click();
  await expect(a.getByRole('heading', { name: 'Harbour Lights', level: 2 })).toBeVisible();
  await expect(a.locator('#work-problems')).toContainText('past the end of wall 2');
  await a.getByRole('button', { name: 'Publish' }).click();
  await expect(a.locator('#publish-result')).toContainText('problem(s) to fix');
  await offset(b).fill(String(Number((before + 0.05).toFixed(2))));
  await offset(b).press('Tab');
  await expect(a.locator('#work-problems')).toHaveText('No problems at this work.');
  await a.screenshot({ path: 'e2e/.output/curate-two-curators.png' });
  await a.getByRole('button', { name: 'Publish' }).click();
  await expect(a.locator('#publish-result')).toHaveText(/^Published as version \d+\.$/);
  await audit(a, 'the curating view');

  // Signing out ends the draft view.
  await a.getByRole('button', { name: 'Sign out' }).click();
  await expect(a.getByRole('heading', { name: 'Sign in to curate', level: 2 })).toBeVisible();
  await expect(a.locator('#draft')).toBeHidden();
});

test('a curator drags a work along its wall in 3D, snapped beside a doorway; the other sees it; the history compares two versions and restores one; a work picked on the floor plan, hung in another room, moved into a problem that Publish refuses; a room\'s light in lux; a work added by hand', async ({ browser, baseURL }) => {
  test.setTimeout(360_000);
  const [cara, dev] = [`cara-${run}`, `dev-${run}`];
  await createAccount(baseURL!, cara, 'cara-password-123');
  await createAccount(baseURL!, dev, 'dev-password-1234');
  const a = await signedIn(browser, cara, 'cara-password-123');
  const b = await signedIn(browser, dev, 'dev-password-1234');
  const work = 'portrait-of-count-rovere';
  for (const page of [a, b]) await page.getByRole('button', { name: 'Count Alvise Rovere' }).click();
  await expect(offset(a)).toHaveValue('1.9');
  await expect(a.locator('#clearances')).toHaveText('Clear: 1.44 m before, 1.44 m after');

  // Drag the portrait (hall wall 0) onto the doorway to the gallery (centred 5 m along it): it lands beside the
  // doorway, on the 5 cm grid, and Dev sees it there.
  const stage = a.locator('#stage');
  await stage.scrollIntoViewIfNeeded();
  const box = (await stage.boundingBox())!;
  type Hook = { museumCurate: { screenPoint(at: string | [number, number, number]): { x: number; y: number } } };
  const from = await a.evaluate((id) => (window as unknown as Hook).museumCurate.screenPoint(id), work);
  const to = await a.evaluate(() => (window as unknown as Hook).museumCurate.screenPoint([5, 1.6, 0]));
  await a.mouse.move(box.x + from.x, box.y + from.y);
  await a.mouse.down();
  for (let i = 1; i <= 8; i++) await a.mouse.move(box.x + from.x + ((to.x - from.x) * i) / 8, box.y + from.y + ((to.y - from.y) * i) / 8);
  await a.mouse.up();
  await expect(offset(a)).toHaveValue('3.3');
  await expect(offset(b)).toHaveValue('3.3');
  await expect(a.locator('#clearances')).toHaveText('Clear: 2.84 m before, 0.04 m after');
  await a.screenshot({ path: 'e2e/.output/curate-3d-placement.png' });

  // The arrow key moves it on to the next clear place: past the doorway, not into it.
  await stage.focus();
  await a.keyboard.press('ArrowRight');
  await expect(offset(b)).toHaveValue('6.7');

  // The history of this work: the two moves, newest first; the drag compared with now; then restored.
  await a.getByLabel('Only the selected work').check();
  await a.getByRole('button', { name: 'Show the latest changes' }).click();
  const moves = a.locator('#history li').filter({ hasText: `moved artworks.${work}.placement.offset` });
  await expect(moves).toHaveCount(2);
  await moves.nth(1).getByRole('button', { name: 'Compare with now' }).click();
  await expect(a.locator('#history .history-result')).toContainText(/^1 difference\(s\) between change #\d+ and now:/);
  await expect(a.locator('#history .history-result li')).toHaveText(`moved artworks.${work}.placement.offset: 3.3 → 6.7`);
  a.once('dialog', (d) => void d.accept());
  await moves.nth(1).getByRole('button', { name: 'Restore this version' }).click();
  await expect(a.locator('#history .history-result')).toHaveText(/^Restored the draft as it was after change #\d+\.$/);
  for (const page of [a, b]) await expect(offset(page)).toHaveValue('3.3');
  await a.screenshot({ path: 'e2e/.output/curate-history.png' });

  // Dev picks Harbour Lights on the floor plan; Cara's plan rings it with his name.
  await b.locator('#floor-plan [data-work="harbour-lights"]').click();
  await expect(b.getByRole('heading', { name: 'Harbour Lights', level: 2 })).toBeVisible();
  await expect(a.locator(`#floor-plan .plan-colleague[data-user="${dev}"]`)).toHaveCount(1);
  // He hangs it on another room's wall: the clear place nearest the middle of the gallery's wall 2, seen by Cara.
  await b.getByLabel('Hang on').selectOption('gallery/2');
  await a.locator('#floor-plan [data-work="harbour-lights"]').click();
  await expect(a.getByLabel('Distance along wall 2 of gallery (m)')).toHaveValue('8.1');
  // Cara moves it onto Red Rhythm: the draft may be invalid, so the move is made and named, the dot turns red on
  // Dev's plan, and Publish refuses the draft until her Undo mends it.
  await a.getByLabel('Distance along wall 2 of gallery (m)').fill('6.6');
  await a.getByLabel('Distance along wall 2 of gallery (m)').press('Tab');
  await expect(a.locator('#placement-error')).toHaveText(/^Moved, but overlaps 'red-rhythm' on wall 2 of room 'gallery'/);
  await expect(b.locator('#floor-plan .plan-work.problem')).toHaveCount(1);
  await a.screenshot({ path: 'e2e/.output/curate-floor-plan-problem.png' });
  await a.getByRole('button', { name: 'Publish' }).click();
  await expect(a.locator('#publish-result')).toContainText('problem(s) to fix');
  await expect(a.locator('#publish-result li')).toContainText([/overlaps '(red-rhythm|harbour-lights)'/]);
  await a.getByRole('button', { name: 'Undo my last change' }).click();
  await expect(b.locator('#floor-plan .plan-work.problem')).toHaveCount(0);
  await expect(b.getByLabel('Distance along wall 2 of gallery (m)')).toHaveValue('8.1');

  // The gallery's general light, in lux, set by Cara and seen by Dev.
  await a.locator('#room-pick').selectOption('gallery');
  await a.getByLabel('General light (lux)').fill('120');
  await a.getByLabel('General light (lux)').press('Tab');
  await b.locator('#room-pick').selectOption('gallery');
  await expect(b.getByLabel('General light (lux)')).toHaveValue('120');

  // Cara adds a work by hand: its image goes through the server's import, the work is checked whole by the server
  // and hung in the cabinet; Dev finds it in his list.
  const png = await a.evaluate(() => {
    const c = Object.assign(document.createElement('canvas'), { width: 60, height: 40 });
    const g = c.getContext('2d')!;
    g.fillStyle = '#3a6ea5';
    g.fillRect(0, 0, 60, 40);
    return c.toDataURL('image/png').split(',')[1]!;
  });
  await a.getByLabel('Image (JPEG, PNG, WebP or TIFF)').setInputFiles({ name: 'boats at rest.png', mimeType: 'image/png', buffer: Buffer.from(png, 'base64') });
  await a.locator('#add-title').fill('Boats at Rest');
  await a.getByLabel('Artist or maker').fill('Ada Lund');
  await a.getByLabel('Size (e.g. 60 × 40 cm)').fill('60 × 40 cm');
  await a.locator('#add-room').selectOption('cabinet');
  await a.getByRole('button', { name: 'Add the work' }).click();
  // The server runs the importer in its own process (image read and packed): slow on a loaded machine.
  await expect(a.locator('#add-work-result')).toHaveText('Added Boats at Rest.', { timeout: 120_000 });
  await expect(a.locator('#draft-status')).toHaveText(/^Draft open/);
  await expect(b.locator('#works').getByRole('button', { name: 'Boats at Rest' })).toBeVisible();
});

test('a conservator sees the texts and the place read-only, in Italian, and cannot publish', async ({ browser, baseURL }) => {
  const cy = `cy-${run}`;
  await createAccount(baseURL!, cy, 'cy-password-1234', 'conservator');
  const page = await signedIn(browser, cy, 'cy-password-1234', '/curate?lang=it');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Cura: /);
  await expect(page.locator('#who-am-i')).toHaveText(`Accesso come ${cy} (conservatore)`);
  await page.getByRole('button', { name: 'Luci del porto' }).click();
  await expect(page.getByText('Il tuo ruolo non può cambiarlo: è mostrato in sola lettura.')).toBeVisible();
  await expect(page.getByLabel('Didascalia (it)')).toHaveJSProperty('readOnly', true);
  await expect(page.getByLabel('Titolo (en)')).toHaveJSProperty('readOnly', true);
  await expect(page.getByLabel('Titolo della mostra (en)', { exact: true })).toHaveJSProperty('readOnly', true);
  await expect(page.getByLabel('Nome dell’autore (it)')).toHaveJSProperty('readOnly', true);
  await expect(page.getByRole('button', { name: 'Sposta di 5 cm verso la fine della parete' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Annulla la mia ultima modifica' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Pubblica' })).toBeHidden();
  await page.screenshot({ path: 'e2e/.output/curate-conservator-it.png' });
});
