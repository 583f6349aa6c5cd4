/**
 * IIIF round trip: our export (src/server/iiif-routes.ts) read back by our import (src/pipeline/import/iiif/)
 * keeps each work's texts, rights and languages. Here because only the command lines may use both layers.
 */
import Fastify from 'fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, expect, it } from 'vitest';
import { importIiif } from '../pipeline/import/iiif/index';
import { boxGlb } from '../pipeline/import/iiif/test-support';
import { loadExhibitions } from '../server/exhibitions';
import { registerIiifRoutes } from '../server/iiif-routes';
import { minimalExhibition } from '../twin/fixtures';

const dir = mkdtempSync(join(tmpdir(), 'iiif-round-trip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('export → import keeps the texts, rights and languages of every work', async () => {
  const ex = minimalExhibition();
  mkdirSync(join(dir, 'images'));
  mkdirSync(join(dir, 'models'));
  for (const [file, w, h] of [['sunrise', 100, 80], ['harbour', 60, 90]] as const) {
    await sharp({ create: { width: w, height: h, channels: 3, background: '#c08040' } }).png().toFile(join(dir, `images/${file}.png`));
  }
  writeFileSync(join(dir, 'models/vase.glb'), await boxGlb([0.3, 0.5, 0.3]));
  writeFileSync(join(dir, 'exhibition.json'), JSON.stringify(ex));
  const served = await loadExhibitions([join(dir, 'exhibition.json')]);
  const app = Fastify();
  registerIiifRoutes(app, served);
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/iiif/test-exhibition/collection.json`;
    const r = await importIiif(url, { out: join(dir, 'imported') });
    expect(r.title).toEqual(ex.title);
    expect(r.languages).toEqual(['en', 'it']);
    const shown = served.get('test-exhibition')!.exhibition.artworks;
    expect(r.works.map((w) => w.accessionNumber)).toEqual(shown.map((a) => a.accessionNumber));
    for (const [i, art] of shown.entries()) {
      const w = r.works[i]!;
      expect(w.title).toEqual(art.title);
      expect(w.creator).toEqual({ name: art.creator.name, ...(art.creator.lifeDates ? { lifeDates: art.creator.lifeDates } : {}) });
      expect(w.date).toEqual(art.date);
      expect(w.medium).toEqual(art.medium);
      expect(w.creditLine).toEqual(art.creditLine);
      expect(w.label).toEqual(art.label);
      expect(w.dimensions).toEqual(art.dimensions.depth ? { width: art.dimensions.width, height: art.dimensions.height } : art.dimensions);
      // The reproduction's licence, by the http:// URI IIIF uses.
      expect(w.rights).toBe('http://creativecommons.org/licenses/by/4.0/');
      // Links to other works of ours keep their text (IIIF has no such link); an advisory's notice joins the description.
      const backstory = Object.fromEntries(Object.entries(art.backstory).map(([l, t]) => [l, t.replace(/\[([^\]]+)\]\(#artwork=[^)]+\)/g, '$1')]));
      const notice = art.sensitivity.level === 'advisory' ? art.sensitivity.notice : undefined;
      expect(w.description).toEqual(notice ? Object.fromEntries(Object.entries(backstory).map(([l, t]) => [l, `${t}\n\n**Advisory**: ${notice[l]}`])) : backstory);
      // Open works come with their media, fetched from our own origin; the advisory one without.
      expect(w.mediaFile !== undefined).toBe(art.sensitivity.level === 'open');
    }
    expect(r.works.find((w) => w.accessionNumber === 'TM-003')!.kind).toBe('object');
  } finally {
    await app.close();
  }
});
