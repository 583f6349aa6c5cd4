import { presentation3StrictUpgrade } from '@iiif/parser/strict';
import Fastify, { type FastifyInstance } from 'fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalExhibition } from '../twin/fixtures';
import { loadExhibitions } from './exhibitions';
import { registerIiifRoutes } from './iiif-routes';

let app: FastifyInstance;
let dir: string;
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/** The fixture exhibition with a restricted work and a work whose community asks that it not be shared. */
function exportExhibition() {
  const ex = minimalExhibition();
  const sunrise = ex.artworks.find((a) => a.id === 'sunrise')!;
  sunrise.backstory = { ...sunrise.backstory, en: 'Painted at dawn, <script>alert(1)</script> & *the light* **stays**.\n\nA second paragraph.' };
  const vase = ex.artworks.find((a) => a.id === 'vase')!;
  if (vase.kind === 'object') delete vase.model;
  delete vase.animation;
  vase.sensitivity = { level: 'restricted', community: { en: 'The makers' }, statement: { en: 'Shown only to the community.' }, contact: 'keeper@example.org' };
  ex.artworks.push({ ...structuredClone(sunrise), id: 'private', placement: { kind: 'wall', room: 'hall', wall: 2, offset: 4, height: 1.6 }, sensitivity: { level: 'open', sharing: false } });
  return ex;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'iiif-export-'));
  mkdirSync(join(dir, 'images'));
  writeFileSync(join(dir, 'images/sunrise.png'), PNG);
  writeFileSync(join(dir, 'images/harbour.png'), PNG);
  writeFileSync(join(dir, 'secret.png'), PNG);
  writeFileSync(join(dir, 'exhibition.json'), JSON.stringify(exportExhibition()));
  app = Fastify();
  registerIiifRoutes(app, await loadExhibitions([join(dir, 'exhibition.json')]));
  await app.ready();
});

afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (url: string) => app.inject({ url, headers: { host: 'museum.example' } });

describe('IIIF export', () => {
  it('the exhibition is a Collection of its shareable works, at a stable path', async () => {
    const res = await get('/iiif/test-exhibition/collection.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const c = res.json();
    expect(c).toMatchObject({ '@context': 'http://iiif.io/api/presentation/3/context.json', type: 'Collection', id: 'http://museum.example/iiif/test-exhibition/collection.json', label: { en: ['Test exhibition'], it: ['Mostra di prova'] } });
    expect(c.items.map((i: { id: string }) => i.id)).toEqual(['sunrise', 'harbour', 'vase'].map((a) => `http://museum.example/iiif/test-exhibition/${a}/manifest.json`));
  });

  it('a work is a valid Presentation 3 Manifest with its texts, rights, real size and its image on our origin', async () => {
    const m = (await get('/iiif/test-exhibition/sunrise/manifest.json')).json();
    const state = { warnings: [] as string[] };
    presentation3StrictUpgrade(m, state);
    expect(state.warnings).toEqual([]);
    expect(m.label).toEqual({ en: ['Sunrise'], it: ['Alba'] });
    expect(m.rights).toBe('http://creativecommons.org/licenses/by/4.0/');
    expect(m.requiredStatement.value).toEqual({ en: ['Gift of a friend'], it: ['Dono di un amico'] });
    // Rich text becomes IIIF's HTML subset; the literal "<script>" of the text stays text.
    expect(m.summary.en).toEqual(['<p>Painted at dawn, &lt;script&gt;alert(1)&lt;/script&gt; &amp; <i>the light</i> <b>stays</b>.</p><p>A second paragraph.</p>']);
    const canvas = m.items[0];
    expect([canvas.width, canvas.height]).toEqual([1000, 800]);
    expect(canvas.service[0]).toMatchObject({ profile: 'http://iiif.io/api/annex/services/physdim', physicalScale: 0.1, physicalUnits: 'cm' });
    const body = canvas.items[0].items[0].body;
    expect(body).toEqual({ id: 'http://museum.example/iiif/test-exhibition/sunrise/media.png', type: 'Image', format: 'image/png' });
    const img = await get('/iiif/test-exhibition/sunrise/media.png');
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
    expect(img.rawPayload.equals(PNG)).toBe(true);
  });

  it('restricted and advisory works are exported with their texts and never their media', async () => {
    const vase = (await get('/iiif/test-exhibition/vase/manifest.json')).json();
    expect(vase.items[0].items).toBeUndefined();
    expect(vase.summary).toEqual({ en: ['Shown only to the community.'] });
    expect(JSON.stringify(vase)).not.toMatch(/media|\.glb/);
    const harbour = (await get('/iiif/test-exhibition/harbour/manifest.json')).json();
    expect(harbour.items[0].items).toBeUndefined();
    expect((await get('/iiif/test-exhibition/harbour/media.png')).statusCode).toBe(404);
  });

  it('a work that may not be shared, an unknown work and any other file are 404', async () => {
    expect((await get('/iiif/test-exhibition/private/manifest.json')).statusCode).toBe(404);
    expect((await get('/iiif/test-exhibition/private/media.png')).statusCode).toBe(404);
    expect((await get('/iiif/test-exhibition/nothing/manifest.json')).statusCode).toBe(404);
    expect((await get('/iiif/elsewhere/collection.json')).statusCode).toBe(404);
    expect((await get('/iiif/test-exhibition/sunrise/media.jpg')).statusCode).toBe(404);
    expect((await get('/iiif/test-exhibition/sunrise/..%2Fsecret.png')).statusCode).toBe(404);
  });
});
