/**
 * The runtime guard behind the community protocols: a restricted work's media is never requested, even when the
 * exhibition names it. The validator refuses such a file, so this builds the works directly (as a file that
 * slipped past validation would arrive), on Babylon's NullEngine.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import { Scene } from '@babylonjs/core/scene';
import { readFileSync } from 'node:fs';
import { Exhibition as ExhibitionSchema, type Artwork, type Exhibition } from '../twin/schema';
import { ArtworkBuilder } from './artworks';
import { MaterialLibrary } from './materials';
import { ImageDetail } from './image-detail';
import { installSilentCanvas } from './canvas-testing';

beforeAll(installSilentCanvas);

/** Builds every work and lists the media paths the builder asked to fetch. */
function requested(exhibition: Exhibition): string[] {
  const scene = new Scene(new NullEngine());
  const paths: string[] = [];
  const resolve = (p: string) => {
    paths.push(p);
    return `http://127.0.0.1:9/${p}`;
  };
  const builder = new ArtworkBuilder({
    scene,
    materials: new MaterialLibrary(scene, resolve, true),
    resolve,
    onProblem: () => undefined,
    onAssetDone: () => undefined,
    detail: new ImageDetail(scene),
    // Record what would be fetched, fetch nothing.
    schedule: () => Promise.resolve(),
  });
  for (const art of exhibition.artworks) void builder.build(exhibition, art, { unavailable: 'unavailable', restricted: 'restricted' }).media;
  return paths;
}

/** The default exhibition with one restricted work that still names an image or a model, a far image and an animation. */
function leaky(): { exhibition: Exhibition; secret: Artwork; media: string[] } {
  const exhibition = ExhibitionSchema.parse(JSON.parse(readFileSync(new URL('../../assets/default/exhibition.json', import.meta.url), 'utf8')));
  const secret = exhibition.artworks.find((a) => a.sensitivity.level === 'restricted')!;
  const media: string[] = [];
  if (secret.kind === 'painting') {
    secret.image = 'images/secret.jpg';
    secret.farImage = 'images/secret-far.jpg';
    media.push(secret.image, secret.farImage);
  } else {
    secret.model = 'models/secret.glb';
    media.push(secret.model);
  }
  secret.animation = { title: { en: 'Secret' }, model: 'models/secret-animation.glb', loop: true };
  return { exhibition, secret, media: [...media, 'models/secret-animation.glb'] };
}

describe('restricted media at run time', () => {
  it('is never requested, even when the file names it', () => {
    const { exhibition, media } = leaky();
    const paths = requested(exhibition);
    for (const m of media) expect(paths).not.toContain(m);
  });

  it('would be requested were the work open (the check above can fail)', () => {
    const { exhibition, secret, media } = leaky();
    secret.sensitivity = { level: 'open' };
    expect(requested(exhibition)).toContain(media[0]);
  });
});
