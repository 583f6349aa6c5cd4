/* eslint-disable @typescript-eslint/no-explicit-any -- tests break fixtures freely */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { Document, NodeIO } from '@gltf-transform/core';
import { checkMedia } from './media-check';
import { FIXTURE_MEDIA, minimalExhibition } from '../twin/fixtures';
import { Exhibition } from '../twin/schema';
import { formatProblem, type Problem } from '../twin/validate';

// ------------------------------------------------------------------ fixture files

const png = (width: number, height: number): Promise<Buffer> =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } }).png().toBuffer();

interface BoxOptions {
  size?: [number, number, number];
  lift?: number;
  clip?: string;
  meshName?: string;
}

/** A GLB box of the given size (x, y, z) standing on y = lift, with an optional animation clip. */
function boxDocument({ size = [0.3, 0.5, 0.3], lift = 0, clip = 'spin', meshName = 'vase' }: BoxOptions = {}): Document {
  const [w, h, d] = size;
  const doc = new Document();
  const buffer = doc.createBuffer();
  const positions: number[] = [];
  for (const x of [-w / 2, w / 2]) for (const y of [lift, lift + h]) for (const z of [-d / 2, d / 2]) positions.push(x, y, z);
  const pos = doc.createAccessor().setType('VEC3').setArray(new Float32Array(positions)).setBuffer(buffer);
  const idx = doc
    .createAccessor()
    .setType('SCALAR')
    .setArray(new Uint16Array([0, 1, 2, 1, 3, 2, 4, 6, 5, 5, 6, 7, 0, 4, 1, 1, 4, 5, 2, 3, 6, 3, 7, 6, 0, 2, 4, 2, 6, 4, 1, 5, 3, 3, 5, 7]))
    .setBuffer(buffer);
  const mesh = doc.createMesh(meshName).addPrimitive(doc.createPrimitive().setAttribute('POSITION', pos).setIndices(idx));
  const node = doc.createNode(meshName).setMesh(mesh);
  doc.getRoot().setDefaultScene(doc.createScene('scene').addChild(node));
  if (clip) {
    const times = doc.createAccessor().setType('SCALAR').setArray(new Float32Array([0, 1])).setBuffer(buffer);
    const rotations = doc.createAccessor().setType('VEC4').setArray(new Float32Array([0, 0, 0, 1, 0, 1, 0, 0])).setBuffer(buffer);
    const sampler = doc.createAnimationSampler().setInput(times).setOutput(rotations).setInterpolation('LINEAR');
    const channel = doc.createAnimationChannel().setTargetNode(node).setTargetPath('rotation').setSampler(sampler);
    doc.createAnimation(clip).addSampler(sampler).addChannel(channel);
  }
  return doc;
}

const glb = (options?: BoxOptions): Promise<Uint8Array> => new NodeIO().writeBinary(boxDocument(options));

/** A .gltf + .bin pair whose JSON claims a compression extension. */
async function compressedGltf(extension: string): Promise<{ json: string; bin: Uint8Array }> {
  const { json, resources } = await new NodeIO().writeJSON(boxDocument(), { basename: 'packed' });
  json.extensionsUsed = [extension];
  json.extensionsRequired = [extension];
  const [uri, bin] = Object.entries(resources)[0] as [string, Uint8Array];
  json.buffers = [{ uri, byteLength: bin.byteLength }];
  return { json: JSON.stringify(json), bin };
}

const VTT = 'WEBVTT\n\n00:00.000 --> 00:02.000\nMorning light.\n';
const OGG = Buffer.concat([Buffer.from('OggS'), Buffer.alloc(200, 1)]);
const HDR = Buffer.concat([Buffer.from('#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n-Y 8 +X 16\n', 'latin1'), Buffer.alloc(8 * 16 * 4, 128)]);

let files: Record<string, Buffer | Uint8Array | string>;
let scratch: string;
let counter = 0;

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), 'media-check-'));
  files = {
    [FIXTURE_MEDIA.sunriseImage]: await png(100, 80),
    [FIXTURE_MEDIA.harbourImage]: await png(60, 90),
    [FIXTURE_MEDIA.markerImage]: await png(64, 64),
    [FIXTURE_MEDIA.vaseModel]: await glb(),
    [FIXTURE_MEDIA.audioEn]: OGG,
    [FIXTURE_MEDIA.captionsEn]: VTT,
    [FIXTURE_MEDIA.audioIt]: OGG,
    [FIXTURE_MEDIA.captionsIt]: VTT,
  };
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** A fresh folder <scratch>/<n>/exhibition holding all the fixture's media; returns its path. */
function mediaFolder(overrides: Record<string, Buffer | Uint8Array | string | null> = {}): string {
  const root = path.join(scratch, String(++counter));
  const dir = path.join(root, 'exhibition');
  const all: Record<string, Buffer | Uint8Array | string | null> = { ...files, ...overrides };
  for (const [rel, content] of Object.entries(all)) {
    if (content === null) continue;
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}

const fixture = (): any => structuredClone(minimalExhibition());
/** An exhibition changed after it passed the schema (the media check is a second guard). */
class Parsed {
  constructor(readonly ex: Exhibition) {}
}

async function check(ex: unknown, dir: string): Promise<Problem[]> {
  return checkMedia(ex instanceof Parsed ? ex.ex : Exhibition.parse(ex), dir);
}

async function expectMediaProblem(ex: unknown, dir: string, path: string, part: string, severity: 'error' | 'warning' = 'error'): Promise<Problem> {
  const problems = await check(ex, dir);
  const hit = problems.find((p) => p.path === path && p.message.includes(part) && p.severity === severity);
  if (!hit) {
    throw new Error(`expected ${severity} at ${path} containing "${part}", got:\n${problems.map((p) => `  ${p.severity}: ${formatProblem(p)}`).join('\n') || '  (none)'}`);
  }
  return hit;
}

// ------------------------------------------------------------------ tests

describe('checkMedia: the fixture', () => {
  it('finds no problems when every file is present and sound', async () => {
    expect((await check(fixture(), mediaFolder())).map(formatProblem)).toEqual([]);
  });
});

describe('checkMedia: finding files', () => {
  it('reports a missing file', async () => {
    const p = await expectMediaProblem(fixture(), mediaFolder({ [FIXTURE_MEDIA.sunriseImage]: null }), 'artworks[0].image', 'not found');
    expect(formatProblem(p)).toBe("artworks[0].image: file 'images/sunrise.png' not found");
  });

  it('suggests the right spelling when only the case differs', async () => {
    const ex = fixture();
    ex.artworks[0].image = 'Images/Sunrise.png';
    await expectMediaProblem(ex, mediaFolder(), 'artworks[0].image', "file 'Images/Sunrise.png' not found (did you mean 'images/sunrise.png'?");
  });

  it('refuses a path that climbs out of the exhibition folder', async () => {
    const dir = mediaFolder();
    writeFileSync(path.join(dir, '..', 'secret.png'), await png(100, 80));
    // The schema refuses these (twin/media-path.ts); the media check stays a second guard for parsed files changed later.
    const ex: any = Exhibition.parse(fixture());
    ex.artworks[0].image = '../secret.png';
    ex.artworks[1].image = '../../../../../../etc/passwd';
    expect(Exhibition.safeParse({ ...fixture(), artworks: ex.artworks }).success).toBe(false);
    await expectMediaProblem(new Parsed(ex), dir, 'artworks[0].image', "'../secret.png' points outside the exhibition folder; media files must be inside it");
    await expectMediaProblem(new Parsed(ex), dir, 'artworks[1].image', 'points outside the exhibition folder');
  });

  it('refuses an absolute path', async () => {
    const ex: any = Exhibition.parse(fixture());
    ex.artworks[0].image = '/etc/passwd';
    await expectMediaProblem(new Parsed(ex), mediaFolder(), 'artworks[0].image', 'points outside the exhibition folder');
  });

  it('refuses a link that leads out of the exhibition folder', async () => {
    const dir = mediaFolder({ [FIXTURE_MEDIA.sunriseImage]: null });
    writeFileSync(path.join(dir, '..', 'outside.png'), await png(100, 80));
    symlinkSync(path.join(dir, '..', 'outside.png'), path.join(dir, FIXTURE_MEDIA.sunriseImage));
    await expectMediaProblem(fixture(), dir, 'artworks[0].image', 'is a link to a file outside the exhibition folder');
  });

  it('does not fetch https URLs, and says so', async () => {
    const ex = fixture();
    ex.artworks[0].image = 'https://example.org/sunrise.jpg';
    await expectMediaProblem(ex, mediaFolder(), 'artworks[0].image', "'https://example.org/sunrise.jpg' is a web address; not checked offline", 'warning');
  });

  it('reports an empty file and a folder in place of a file', async () => {
    const dir = mediaFolder({ [FIXTURE_MEDIA.sunriseImage]: '', [FIXTURE_MEDIA.harbourImage]: null });
    mkdirSync(path.join(dir, FIXTURE_MEDIA.harbourImage));
    await expectMediaProblem(fixture(), dir, 'artworks[0].image', "file 'images/sunrise.png' is empty");
    await expectMediaProblem(fixture(), dir, 'artworks[1].image', "'images/harbour.png' is a folder, not a file");
  });

  it('reports a problem with a shared file at every reference', async () => {
    const ex = fixture();
    ex.artworks[1].image = FIXTURE_MEDIA.sunriseImage;
    ex.artworks[1].dimensions = { width: 1, height: 0.8 };
    const dir = mediaFolder({ [FIXTURE_MEDIA.sunriseImage]: 'not a png' });
    const problems = await check(ex, dir);
    expect(problems.filter((p) => p.message.includes('could not be read as an image')).map((p) => p.path)).toEqual(['artworks[0].image', 'artworks[1].image']);
  });
});

describe('checkMedia: images', () => {
  it('reports a file that is not an image', async () => {
    await expectMediaProblem(fixture(), mediaFolder({ [FIXTURE_MEDIA.sunriseImage]: 'hello, I am text' }), 'artworks[0].image', "'images/sunrise.png' could not be read as an image");
  });

  it('reports a truncated image that cannot be decoded', async () => {
    const good = files[FIXTURE_MEDIA.sunriseImage] as Buffer;
    const truncated = good.subarray(0, Math.floor(good.length * 0.6));
    await expectMediaProblem(fixture(), mediaFolder({ [FIXTURE_MEDIA.sunriseImage]: truncated }), 'artworks[0].image', "'images/sunrise.png' (PNG, 100 × 80 px) could not be decoded");
  });

  it('warns when the image aspect ratio differs from the painting by more than 3%', async () => {
    const p = await expectMediaProblem(fixture(), mediaFolder({ [FIXTURE_MEDIA.sunriseImage]: await png(100, 100) }), 'artworks[0].image', 'it will look stretched', 'warning');
    expect(p.message).toBe('the image is 100 × 100 px (width/height 1.00) but the painting measures 1 × 0.8 m (1.25); it will look stretched');
  });

  it('accepts an aspect ratio within 3%', async () => {
    expect(await check(fixture(), mediaFolder({ [FIXTURE_MEDIA.sunriseImage]: await png(102, 80) }))).toEqual([]);
  });

  it('reports an image larger than 16384 px', async () => {
    const ex = fixture();
    ex.arReferences.markers[0].image = 'markers/wide.png';
    await expectMediaProblem(ex, mediaFolder({ 'markers/wide.png': await png(16385, 1) }), 'arReferences.markers[0].image', 'the image is 16385 × 1 px; the largest a browser can use is 16384 px');
  });

  it('reports an image file larger than 50 MB', async () => {
    const dir = mediaFolder();
    truncateSync(path.join(dir, FIXTURE_MEDIA.sunriseImage), 51 * 1024 * 1024); // sparse: cheap
    await expectMediaProblem(fixture(), dir, 'artworks[0].image', 'the image file is 51 MB; the limit is 50 MB');
  });

  it('reports an image format browsers cannot show', async () => {
    const tiff = await sharp({ create: { width: 100, height: 80, channels: 3, background: '#808080' } }).tiff().toBuffer();
    await expectMediaProblem(fixture(), mediaFolder({ [FIXTURE_MEDIA.sunriseImage]: tiff }), 'artworks[0].image', 'is a TIFF image (100 × 80 px), which browsers cannot show');
  });

  it('checks finish textures', async () => {
    const ex = fixture();
    ex.space.floor = { color: '#886644', texture: 'textures/oak.jpg' };
    await expectMediaProblem(ex, mediaFolder({ 'textures/oak.jpg': 'nope' }), 'space.floor.texture', 'could not be read as an image');
    ex.space.rooms[1].walls = { color: '#ffffff', texture: 'textures/plaster.png' };
    await expectMediaProblem(ex, mediaFolder(), 'space.rooms[1].walls.texture', "file 'textures/plaster.png' not found");
  });

  it('checks the environment (.hdr)', async () => {
    const ex = fixture();
    ex.environment = 'env/studio.hdr';
    expect(await check(ex, mediaFolder({ 'env/studio.hdr': HDR }))).toEqual([]);
    await expectMediaProblem(ex, mediaFolder({ 'env/studio.hdr': await png(16, 8) }), 'environment', 'is not a Radiance HDR image');
    const square = Buffer.from('#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n-Y 8 +X 8\n', 'latin1');
    await expectMediaProblem(ex, mediaFolder({ 'env/studio.hdr': square }), 'environment', 'twice as wide as it is high', 'warning');
  });
});

describe('checkMedia: models', () => {
  it('reports a .glb that is not a GLB', async () => {
    await expectMediaProblem(fixture(), mediaFolder({ [FIXTURE_MEDIA.vaseModel]: 'I am not a model' }), 'artworks[2].model', 'could not be read as glTF: it is not a GLB file');
  });

  it('reports a truncated GLB', async () => {
    const good = files[FIXTURE_MEDIA.vaseModel] as Uint8Array;
    await expectMediaProblem(fixture(), mediaFolder({ [FIXTURE_MEDIA.vaseModel]: good.subarray(0, 40) }), 'artworks[2].model', "'models/vase.glb' could not be read as glTF");
  });

  it('reports a .gltf whose JSON is broken or whose buffer is missing', async () => {
    const ex = fixture();
    ex.artworks[2].model = 'models/vase.gltf';
    await expectMediaProblem(ex, mediaFolder({ 'models/vase.gltf': '{"asset": ' }), 'artworks[2].model', "'models/vase.gltf' could not be read as glTF");
    const { json } = await compressedGltf('KHR_materials_unlit');
    await expectMediaProblem(ex, mediaFolder({ 'models/vase.gltf': json }), 'artworks[2].model', "'models/vase.gltf' could not be read as glTF");
  });

  it('parses Draco- and meshopt-compressed files, and says their size was not checked', async () => {
    for (const extension of ['KHR_draco_mesh_compression', 'EXT_meshopt_compression']) {
      const ex = fixture();
      ex.artworks[2].model = 'models/packed.gltf';
      const { json, bin } = await compressedGltf(extension);
      const problems = await check(ex, mediaFolder({ 'models/packed.gltf': json, 'models/packed.bin': bin }));
      expect(problems.map(formatProblem)).toEqual([`artworks[2].model: 'models/packed.gltf' uses ${extension}, which is not decoded offline; its size was not checked`]);
      expect(problems[0]?.severity).toBe('warning');
    }
  });

  it('warns when the model size differs from the catalogue by more than 10%, with a hint about units', async () => {
    const p = await expectMediaProblem(fixture(), mediaFolder({ [FIXTURE_MEDIA.vaseModel]: await glb({ size: [30, 50, 30] }) }), 'artworks[2].model', 'the model measures 30 × 50 × 30 m', 'warning');
    expect(p.message).toBe(
      'the model measures 30 × 50 × 30 m (width × height × depth) but the catalogue says 0.3 × 0.5 × 0.3 m (the model may be in centimetres); models must be at real scale in metres',
    );
  });

  it('notices width and depth swapped', async () => {
    const ex = fixture();
    ex.artworks[2].dimensions = { width: 0.2, height: 0.5, depth: 0.4 };
    await expectMediaProblem(ex, mediaFolder({ [FIXTURE_MEDIA.vaseModel]: await glb({ size: [0.4, 0.5, 0.2] }) }), 'artworks[2].model', 'its width and depth are swapped', 'warning');
  });

  it('accepts a model within 10% of the catalogue', async () => {
    expect(await check(fixture(), mediaFolder({ [FIXTURE_MEDIA.vaseModel]: await glb({ size: [0.32, 0.47, 0.31] }) }))).toEqual([]);
  });

  it('warns about a model that does not rest on y = 0', async () => {
    await expectMediaProblem(fixture(), mediaFolder({ [FIXTURE_MEDIA.vaseModel]: await glb({ lift: 0.25 }) }), 'artworks[2].model', 'the model does not rest on y = 0 (its lowest point is at y = 0.25 m), so it will float above its base', 'warning');
  });

  it('reports a model with no geometry', async () => {
    const empty = new Document();
    empty.getRoot().setDefaultScene(empty.createScene());
    await expectMediaProblem(fixture(), mediaFolder({ [FIXTURE_MEDIA.vaseModel]: await new NodeIO().writeBinary(empty) }), 'artworks[2].model', 'has no visible geometry');
  });

  it('reports an animation clip missing from the model', async () => {
    const p = await expectMediaProblem(fixture(), mediaFolder({ [FIXTURE_MEDIA.vaseModel]: await glb({ clip: 'wobble' }) }), 'artworks[2].animation.clip', "clip 'spin' is not in 'models/vase.glb'");
    expect(p.message).toBe("clip 'spin' is not in 'models/vase.glb' (its clips are: wobble)");
  });

  it('looks for the clip in animation.model when there is one', async () => {
    const ex = fixture();
    ex.artworks[0].animation = { title: { en: 'Glow', it: 'Luce' }, clip: 'glow', model: 'models/glow.glb' };
    await expectMediaProblem(ex, mediaFolder({ 'models/glow.glb': await glb({ clip: 'shine' }) }), 'artworks[0].animation.clip', "clip 'glow' is not in 'models/glow.glb' (its clips are: shine)");
    expect(await check(ex, mediaFolder({ 'models/glow.glb': await glb({ clip: 'glow' }) }))).toEqual([]);
  });

  it('checks that a model space contains its floor meshes', async () => {
    const ex = fixture();
    ex.space = { kind: 'model', model: 'space/museum.glb', floorMeshes: ['floor', 'Floor_2'], rooms: [] };
    ex.zones = [];
    ex.artworks = ex.artworks.map((a: any, i: number) => ({ ...a, placement: { kind: 'pose', position: [i, 0, 0] } }));
    const problems = await check(ex, mediaFolder({ 'space/museum.glb': await glb({ meshName: 'floor', size: [10, 0.1, 10] }) }));
    expect(problems.map(formatProblem)).toEqual(["space.floorMeshes[1]: no mesh or node named 'Floor_2' in 'space/museum.glb' (its meshes are: floor)"]);
  });
});

describe('checkMedia: narration', () => {
  it('reports captions that are not WebVTT, with the line', async () => {
    const bad = 'WEBVTT\n\n00:00.000 --> 00:02.000\nfine\n\n00:05.000 --> 00:03.000\nbackwards\n';
    const p = await expectMediaProblem(fixture(), mediaFolder({ [FIXTURE_MEDIA.captionsEn]: bad }), 'artworks[0].narration.en.captions', "'audio/sunrise-en.vtt' is not valid WebVTT: line 6:");
    expect(p.message).toContain('before or when it starts');
    await expectMediaProblem(fixture(), mediaFolder({ [FIXTURE_MEDIA.captionsIt]: '1\n00:00:01,000 --> 00:00:02,000\nSRT!' }), 'artworks[0].narration.it.captions', 'is not valid WebVTT: line 1: a WebVTT file must start with "WEBVTT"');
  });

  it('warns about captions with no cues', async () => {
    await expectMediaProblem(fixture(), mediaFolder({ [FIXTURE_MEDIA.captionsEn]: 'WEBVTT\n' }), 'artworks[0].narration.en.captions', 'has no captions (no cues)', 'warning');
  });

  it('reports captions that are not UTF-8', async () => {
    await expectMediaProblem(fixture(), mediaFolder({ [FIXTURE_MEDIA.captionsEn]: Buffer.from([0x57, 0x45, 0x42, 0x56, 0x54, 0x54, 0x0a, 0xff, 0xfe]) }), 'artworks[0].narration.en.captions', 'is not UTF-8 text');
  });

  it('reports audio without a recognised header', async () => {
    await expectMediaProblem(fixture(), mediaFolder({ [FIXTURE_MEDIA.audioEn]: 'x'.repeat(500) }), 'artworks[0].narration.en.audio', "'audio/sunrise-en.ogg' is not a recognised audio file (expected Ogg/Opus, MP3, WAV, FLAC or MP4/M4A)");
  });

  it('reports an empty audio file', async () => {
    await expectMediaProblem(fixture(), mediaFolder({ [FIXTURE_MEDIA.audioIt]: '' }), 'artworks[0].narration.it.audio', "file 'audio/sunrise-it.ogg' is empty");
  });

  it.each([
    ['MP3 with ID3 tag', Buffer.concat([Buffer.from('ID3'), Buffer.alloc(100)])],
    ['bare MPEG frames', Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(100)])],
    ['WAV', Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVEfmt '), Buffer.alloc(100)])],
    ['FLAC', Buffer.concat([Buffer.from('fLaC'), Buffer.alloc(100)])],
    ['MP4/M4A', Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypM4A '), Buffer.alloc(100)])],
  ])('recognises %s', async (_name, bytes) => {
    expect(await check(fixture(), mediaFolder({ [FIXTURE_MEDIA.audioEn]: bytes }))).toEqual([]);
  });
});

describe('checkMedia: restricted works', () => {
  const restrict = (ex: any): any => {
    const vase = ex.artworks[2];
    delete vase.model;
    delete vase.animation;
    vase.annotations = [];
    vase.sensitivity = { level: 'restricted', community: { en: 'Keepers' }, statement: { en: 'Not to be seen.' }, contact: 'keepers@example.org' };
    return ex;
  };

  it('accepts a restricted work whose media is nowhere in the published folder', async () => {
    expect((await check(restrict(fixture()), mediaFolder({ [FIXTURE_MEDIA.vaseModel]: null }))).map(formatProblem)).toEqual([]);
  });

  it('rejects files named after a restricted work, listed or not, since anyone could download them', async () => {
    const dir = mediaFolder({ [FIXTURE_MEDIA.vaseModel]: null, 'objects/vase-scan.glb': 'x', 'vase/front.jpg': 'x', 'images/vaseline-advert.png': 'x' });
    const problems = (await check(restrict(fixture()), dir)).filter((p) => p.path === 'artworks[2]');
    expect(problems.map((p) => p.message.split(' is named')[0]).sort()).toEqual(["file 'objects/vase-scan.glb'", "file 'vase/front.jpg'"]);
    expect(problems.every((p) => p.severity === 'error' && p.message.includes("restricted work 'vase'"))).toBe(true);
  });
});
