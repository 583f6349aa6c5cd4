import { getBounds, NodeIO } from '@gltf-transform/core';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boxGlb, serveFiles } from '../iiif/test-support';
import { importVoyager } from './index';

const FIXTURES = join(import.meta.dirname, 'fixtures');
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'voyager-'));
  cpSync(FIXTURES, dir, { recursive: true });
  // A 30 × 45 × 30 cm scan whose origin is not at its foot, as scans come.
  writeFileSync(join(dir, 'amphora-high.glb'), await boxGlb([30, 45, 30], [-15, -10, -15]));
  writeFileSync(join(dir, 'amphora-thumb.glb'), await boxGlb([3, 4, 3]));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a Voyager scene', () => {
  it('becomes an object work: its best Web3D model in metres, standing on y = 0', async () => {
    const r = await importVoyager(join(dir, 'amphora.svx.json'), { out: join(dir, 'out') });
    expect(r.works).toHaveLength(1);
    const w = r.works[0]!;
    expect(w.kind).toBe('object');
    expect(w.title).toEqual({ en: 'Amphora with two handles', it: 'Anfora a due anse' });
    expect(r.title).toEqual({ en: 'Amphora' });
    expect(w.dimensions!.width).toBeCloseTo(0.3, 5);
    expect(w.dimensions!.height).toBeCloseTo(0.45, 5);
    expect(w.dimensions!.depth).toBeCloseTo(0.3, 5);
    const doc = await new NodeIO().read(w.mediaFile!);
    const { min, max } = getBounds(doc.getRoot().getDefaultScene()!);
    expect(min[1]).toBeCloseTo(0, 5);
    expect(max[1]).toBeCloseTo(0.45, 5);
    expect((min[0] + max[0]) / 2).toBeCloseTo(0, 5);
  });

  it('keeps the annotations as hotspots at the same places on the model, in every language', async () => {
    const w = (await importVoyager(join(dir, 'amphora.svx.json'), { out: join(dir, 'out') })).works[0]!;
    expect(w.annotations).toEqual([
      { id: 'rim', position: [0, 0.45, 0], title: { en: 'The rim', it: "L'orlo" }, text: { en: 'Worn **smooth** by use.', it: "Consumato dall'uso." } },
      { id: 'Handle 1', position: [0.15, 0.2, 0], title: { en: 'A handle' }, text: { en: 'One of two.' } },
    ]);
  });

  it('keeps the articles as stories, their HTML made safe; a missing article falls back to its lead', async () => {
    const r = await importVoyager(join(dir, 'amphora.svx.json'), { out: join(dir, 'out') });
    expect(r.works[0]!.stories).toEqual([
      {
        title: { en: 'Where it was found', it: 'Dove fu trovata' },
        text: { en: 'Where it was found\n\nFound in a *cellar* near the harbour in 1921.\n\nIt held **olive oil**.', it: 'Trovata in una cantina nel 1921.' },
      },
      { title: { en: 'Lost notes' }, text: { en: 'The notes were lost.' } },
    ]);
    expect(JSON.stringify(r.works)).not.toMatch(/cookie|alert|color:red/);
  });

  it('notes unknown fields and unusable parts by their place, and imports the rest', async () => {
    const r = await importVoyager(join(dir, 'amphora.svx.json'), { out: join(dir, 'out') });
    const at = (where: string) => r.problems.find((p) => p.where === where)?.message;
    expect(at('futureThing')).toBe('unknown field, ignored');
    expect(at('models[0].futureField')).toBe('unknown field, ignored');
    expect(at('models[0].annotations[0].wobble')).toBe('unknown field, ignored');
    expect(at('metas[1].sparkle')).toBe('unknown field, ignored');
    expect(at('models[0].annotations[2].position')).toMatch(/needs a position/);
    expect(at('models[0].annotations[3].title')).toMatch(/without a title/);
    expect(at('metas[0].articles[1].uri')).toMatch(/missing\.html cannot be read.*its lead is used instead/);
    expect(at('metas[0].articles[2].title')).toMatch(/without a title/);
  });

  it('reads a scene over http, its model and articles beside it', async () => {
    const files = Object.fromEntries(
      ['amphora.svx.json', 'amphora-high.glb', 'amphora-thumb.glb', 'articles/history.html', 'articles/storia.html'].map((f) => [
        `/scenes/${f}`,
        { body: readFileSync(join(dir, f)), type: f.endsWith('.json') ? 'application/json' : f.endsWith('.html') ? 'text/html' : 'model/gltf-binary' },
      ]),
    );
    const server = await serveFiles(files);
    try {
      const r = await importVoyager(`${server.url}/scenes/amphora.svx.json`, { out: join(dir, 'out-http') });
      expect(r.works[0]!.annotations).toHaveLength(2);
      expect(r.works[0]!.stories![0]!.text.it).toBe('Trovata in una cantina nel 1921.');
      expect(server.requests).toContain('/scenes/amphora-high.glb');
      expect(server.requests).not.toContain('/scenes/amphora-thumb.glb');
    } finally {
      await server.close();
    }
  });

  it('a scene whose model is not a GLB, or with no model, says so and imports nothing', async () => {
    const svx = JSON.parse(readFileSync(join(FIXTURES, 'amphora.svx.json'), 'utf8')) as { models: { derivatives: { assets: { uri: string }[] }[] }[] };
    svx.models[0]!.derivatives = [{ usage: 'Web3D', quality: 'High', assets: [{ uri: 'articles/history.html', type: 'Model' }] }] as never;
    writeFileSync(join(dir, 'bad.svx.json'), JSON.stringify(svx));
    const r = await importVoyager(join(dir, 'bad.svx.json'), { out: join(dir, 'out') });
    expect(r.works).toEqual([]);
    expect(r.problems.find((p) => p.where === 'models[0].derivatives[0].assets[0]')?.message).toMatch(/is not a binary glTF model/);
    writeFileSync(join(dir, 'empty.svx.json'), '{"asset": {"type": "text/plain"}}');
    const e = await importVoyager(join(dir, 'empty.svx.json'), { out: join(dir, 'out') });
    expect(e.problems.map((p) => p.where)).toEqual(['asset.type', 'nodes']);
  });
});
