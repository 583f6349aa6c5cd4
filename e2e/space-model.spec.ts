/** An exhibition whose space is a scanned or modelled GLB (not a floor plan): it loads, and its floor holds the visitor. */
import { Document, NodeIO } from '@gltf-transform/core';
import { test, expect, waitForGallery, viewer, SHOTS } from './support';
import { settled } from './helpers/frames';

/** A 6 × 6 m room: a floor mesh named as the exhibition says, and four walls. */
async function roomGlb(): Promise<Uint8Array> {
  const doc = new Document();
  const buffer = doc.createBuffer();
  const scene = doc.createScene('space');
  const mat = doc.createMaterial('plaster').setBaseColorFactor([0.92, 0.9, 0.86, 1]).setRoughnessFactor(0.9);
  const floorMat = doc.createMaterial('oak').setBaseColorFactor([0.55, 0.42, 0.3, 1]).setRoughnessFactor(0.6);
  const box = (name: string, [x0, y0, z0]: [number, number, number], [x1, y1, z1]: [number, number, number], m = mat) => {
    const p = [
      [x0, y0, z0], [x1, y0, z0], [x1, y1, z0], [x0, y1, z0],
      [x0, y0, z1], [x1, y0, z1], [x1, y1, z1], [x0, y1, z1],
    ].flat();
    const idx = [0, 2, 1, 0, 3, 2, 4, 5, 6, 4, 6, 7, 0, 1, 5, 0, 5, 4, 3, 6, 2, 3, 7, 6, 0, 4, 7, 0, 7, 3, 1, 2, 6, 1, 6, 5];
    const prim = doc
      .createPrimitive()
      .setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(new Float32Array(p)).setBuffer(buffer))
      .setIndices(doc.createAccessor().setType('SCALAR').setArray(new Uint16Array(idx)).setBuffer(buffer))
      .setMaterial(m);
    scene.addChild(doc.createNode(name).setMesh(doc.createMesh(name).addPrimitive(prim)));
  };
  box('Floor', [0, -0.1, 0], [6, 0, 6], floorMat);
  box('WallN', [0, 0, -0.2], [6, 3, 0]);
  box('WallS', [0, 0, 6], [6, 3, 6.2]);
  box('WallW', [-0.2, 0, 0], [0, 3, 6]);
  box('WallE', [6, 0, 0], [6.2, 3, 6]);
  return new NodeIO().writeBinary(doc);
}

const exhibition = {
  format: 'museum-twin-exhibition',
  version: 1,
  id: 'scanned-room',
  title: { en: 'A scanned room' },
  institution: { en: 'Test museum' },
  languages: ['en'],
  defaultLanguage: 'en',
  licence: { licence: 'CC0-1.0' },
  space: { kind: 'model', model: 'space.glb', floorMeshes: ['Floor'], rooms: [{ id: 'room', name: { en: 'Room' }, polygon: [[0, 0], [6, 0], [6, 6], [0, 6]] }] },
  entrance: { position: [3, 0, 4.5], heading: 0 },
  artworks: [],
};

test('a scanned space loads from its GLB and its named floor holds the visitor', async ({ page }) => {
  const glb = await roomGlb();
  await page.route((u) => u.pathname === '/exhibitions/scanned/exhibition.json', (r) => r.fulfill({ json: exhibition }));
  await page.route((u) => u.pathname === '/exhibitions/scanned/space.glb', (r) => r.fulfill({ body: Buffer.from(glb), contentType: 'model/gltf-binary' }));
  await page.goto('/?exhibition=/exhibitions/scanned/exhibition.json');
  await waitForGallery(page);
  await expect(page.locator('#exhibition-title')).toHaveText('A scanned room');
  // The space itself loads cleanly; the only remark is the validator's on an empty exhibition.
  expect(await page.evaluate(() => window.museumTwin!.problems())).toEqual([{ path: 'artworks', message: 'the exhibition has no artworks' }]);
  // Gravity settles the visitor on the scanned floor, not through it.
  await settled(page);
  const v = await viewer(page);
  expect(v.position[1]).toBeGreaterThan(-0.2);
  expect(v.position[1]).toBeLessThan(0.3);
  await page.screenshot({ path: `${SHOTS}/space-model.png` });
});

test('a space GLB that is missing gives the error page, naming the file', async ({ page }) => {
  await page.route((u) => u.pathname === '/exhibitions/scanned/exhibition.json', (r) => r.fulfill({ json: exhibition }));
  await page.goto('/?exhibition=/exhibitions/scanned/exhibition.json');
  await expect(page.getByRole('alert')).toContainText("space model 'space.glb' could not be loaded");
});
