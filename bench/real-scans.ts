/**
 * An exhibition of the real scans and paintings in ../shared/content, for the benchmark: each item once,
 * laid out by the generator's floor plan, its media named where they lie (the bench server reads them in
 * place; nothing is copied). Records come from the content's MANIFEST.json.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Exhibition, type ExhibitionInput } from '../src/twin/schema';
import { planExhibition } from '../src/cli/generated-exhibition';

interface Item {
  id: string;
  kind: string;
  files: { path: string }[];
  title: string;
  creator?: string;
  date?: string | null;
  medium?: string;
  dimensions?: { height_cm?: number | null; width_cm?: number | null; approx_size_m?: [number, number, number] } | null;
}

export function realScansExhibition(content: string): ExhibitionInput {
  const items = JSON.parse(readFileSync(join(content, 'MANIFEST.json'), 'utf8')) as Item[];
  const base = Exhibition.parse(JSON.parse(readFileSync(resolve(import.meta.dirname, '../assets/default/exhibition.json'), 'utf8')));
  const painting = base.artworks.find((a) => a.kind === 'painting' && a.image && a.sensitivity.level === 'open')!;
  const object = base.artworks.find((a) => a.kind === 'object' && a.model && a.sensitivity.level === 'open')!;
  const en = (s: string | null | undefined) => ({ en: s ?? '—' });
  const record = (it: Item) => ({
    id: it.id,
    title: en(it.title),
    creator: { name: en(it.creator) },
    date: en(it.date),
    medium: en(it.medium),
    label: en(it.title),
    backstory: en(`${it.title}. ${it.medium ?? ''}`),
    annotations: [],
    accessionNumber: it.id,
  });
  const artworks: Exhibition['artworks'] = [];
  for (const it of items) {
    const d = it.dimensions;
    if (it.kind === 'painting' && d?.height_cm && d.width_cm && it.files[0]) {
      artworks.push({ ...painting, ...record(it), dimensions: { height: d.height_cm / 100, width: d.width_cm / 100 }, image: it.files[0].path } as Exhibition['artworks'][number]);
    } else if (it.kind === '3d' && d?.approx_size_m) {
      const glb = it.files.find((f) => f.path.endsWith('.glb') && !f.path.includes('gltf-4k'));
      if (!glb) continue;
      const [w, h, dd] = d.approx_size_m;
      artworks.push({ ...object, ...record(it), dimensions: { width: w, height: h, depth: dd }, model: glb.path, display: h > 1.2 ? 'none' : 'plinth' } as Exhibition['artworks'][number]);
    }
  }
  const template = { ...base, artworks };
  const plan = planExhibition(template, { works: artworks.length, asIs: true });
  return { ...plan.exhibition, id: 'real-scans', title: { en: 'Real scans and paintings (shared content)' } };
}
