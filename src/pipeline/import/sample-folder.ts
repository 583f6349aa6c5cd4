/**
 * A collection folder made on the fly for the import's tests and its browser journey: painting-like images in the
 * four formats (drawn as SVG, rendered with sharp), two small models (glTF Transform) and a spreadsheet written the
 * way collection systems export one, with a few of the faults real exports have. No binary fixtures are stored.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Document, NodeIO } from '@gltf-transform/core';
import sharp from 'sharp';
import { bumpySphere } from '../test-media';

/** A small landscape "painting": sky, hills, a sun, in the given palette, at `width` × `height` pixels. */
export function paintingSvg(width: number, height: number, hue: number): string {
  const c = (dh: number, s: number, l: number): string => `hsl(${(hue + dh + 360) % 360},${s}%,${l}%)`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 100 ${(100 * height) / width}">
  <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${c(200, 60, 55)}"/><stop offset="1" stop-color="${c(30, 70, 85)}"/></linearGradient></defs>
  <rect width="100" height="200" fill="url(#sky)"/>
  <circle cx="72" cy="${(22 * height) / width}" r="7" fill="${c(40, 90, 70)}"/>
  <path d="M0 ${(62 * height) / width} Q 30 ${(40 * height) / width} 55 ${(58 * height) / width} T 100 ${(50 * height) / width} V 200 H 0 Z" fill="${c(100, 35, 38)}"/>
  <path d="M0 ${(80 * height) / width} Q 40 ${(66 * height) / width} 100 ${(78 * height) / width} V 200 H 0 Z" fill="${c(120, 40, 25)}"/>
</svg>`;
}

async function image(file: string, width: number, height: number, hue: number): Promise<void> {
  const img = sharp(Buffer.from(paintingSvg(width, height, hue)));
  const ext = path.extname(file).toLowerCase();
  const out = ext === '.png' ? img.png() : ext === '.webp' ? img.webp() : ext === '.tif' || ext === '.tiff' ? img.tiff() : img.jpeg({ quality: 85 });
  await mkdir(path.dirname(file), { recursive: true });
  await out.toFile(file);
}

/** A box `w` × `h` × `d` metres standing on y = 0, one colour: a stand-in for a carved block or a casket. */
export async function boxGlb(w: number, h: number, d: number, colour: [number, number, number, number] = [0.6, 0.45, 0.3, 1]): Promise<Uint8Array> {
  const doc = new Document();
  const buffer = doc.createBuffer();
  const x = w / 2;
  const z = d / 2;
  const corners = [[-x, 0, -z], [x, 0, -z], [x, h, -z], [-x, h, -z], [-x, 0, z], [x, 0, z], [x, h, z], [-x, h, z]];
  const faces = [[0, 3, 2, 1], [4, 5, 6, 7], [0, 4, 7, 3], [1, 2, 6, 5], [3, 7, 6, 2], [0, 1, 5, 4]];
  const pos = faces.flatMap((f) => f.flatMap((i) => corners[i]!));
  const idx = faces.flatMap((_, k) => [4 * k, 4 * k + 1, 4 * k + 2, 4 * k, 4 * k + 2, 4 * k + 3]);
  const prim = doc
    .createPrimitive()
    .setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(new Float32Array(pos)).setBuffer(buffer))
    .setIndices(doc.createAccessor().setType('SCALAR').setArray(new Uint16Array(idx)).setBuffer(buffer))
    .setMaterial(doc.createMaterial('stone').setBaseColorFactor(colour).setRoughnessFactor(0.7).setDoubleSided(true));
  doc.getRoot().setDefaultScene(doc.createScene('scene').addChild(doc.createNode('box').setMesh(doc.createMesh('box').addPrimitive(prim))));
  return new NodeIO().writeBinary(doc);
}

/** The spreadsheet's rows: headings as a collection system exports them, an Italian title column, and faults. */
export const SAMPLE_ROWS = [
  ['Object Number', 'Title', 'title_it', 'Artist/Maker', 'Date', 'Medium', 'Dimensions', 'Credit Line', 'Rights', 'Description', 'File Name', 'Gallery'],
  ['1901.1', 'River at Dusk', 'Fiume al tramonto', 'Anna Bellini (1850–1921)', '1889', 'Oil on canvas', '73.7 × 92.1 cm', 'Gift of the Rossi family, 1901', 'Public domain', 'The river at the hour when the *lamps* are lit. Painted in one sitting.', 'river.jpg', 'Landscapes'],
  ['1901.2', 'Hills in Spring', 'Colline in primavera', 'Anna Bellini', '1891', 'Oil on canvas', '29 x 36 1/4 in. (73.7 x 92.1 cm)', 'Gift of the Rossi family, 1901', 'CC0', '', 'hills.png', 'Landscapes'],
  ['1950.7', 'Morning Harbour', 'Porto al mattino', 'Carlo Neri', 'c. 1910', 'Tempera on panel', '45 x 60 cm', 'Bequest of Maria Neri', 'https://creativecommons.org/licenses/by/4.0/', 'Boats at rest.', 'harbour.tif', 'Landscapes'],
  ['1950.8', 'Study of Light', 'Studio di luce', 'Carlo Neri', '1912', 'Oil on board', '??', 'Bequest of Maria Neri', 'Public domain', '', 'study.webp', 'Landscapes'],
  ['', '', '', '', '', '', '', '', '', '', '', ''],
  ['1977.3', 'Carved Block', 'Blocco scolpito', 'Unknown', '12th century', 'Limestone', 'H. 45 cm, W. 30 cm, D. 25 cm', 'Purchased 1977', 'Public domain', 'A capital from a cloister.', 'block.glb', 'Objects'],
  ['1977.4', 'Round Vessel', 'Vaso tondo', '', '1st century', 'Terracotta', '', 'Purchased 1977', 'Public domain', '', 'vessel.glb', 'Objects'],
  ['1980.1', 'Lost Portrait', 'Ritratto perduto', 'Unknown', '1700', 'Oil on canvas', '60 x 50 cm', 'Gift', 'Public domain', '', 'missing.jpg', 'Landscapes'],
];

/** Writes the sample folder: six media files and works.csv (UTF-8 with a BOM, as Excel saves "CSV UTF-8"). */
export async function writeSampleFolder(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  await image(path.join(dir, 'river.jpg'), 921, 737, 20);
  await image(path.join(dir, 'hills.png'), 460, 368, 60);
  await image(path.join(dir, 'harbour.tif'), 600, 450, 180);
  await image(path.join(dir, 'study.webp'), 400, 500, 300);
  await writeFile(path.join(dir, 'block.glb'), await boxGlb(0.3, 0.45, 0.25));
  await writeFile(path.join(dir, 'vessel.glb'), await bumpySphere({ radius: 0.15, rings: 12, segments: 16, texture: [64, 64] }));
  const csv = SAMPLE_ROWS.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n');
  await writeFile(path.join(dir, 'works.csv'), `\ufeff${csv}\r\n`);
  return dir;
}
