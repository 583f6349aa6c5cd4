/**
 * From validated model to Babylon scene: architecture first (so the visitor can walk at once),
 * then the environment light and every work's media, with progress and a problem per failure.
 */
import { Scene } from '@babylonjs/core/scene';
import { Color4 } from '@babylonjs/core/Maths/math.color';
import type { AbstractEngine } from '@babylonjs/core/Engines/abstractEngine';
import { registerBuiltInLoaders } from '@babylonjs/loaders/dynamic';
import '@babylonjs/core/Collisions/collisionCoordinator';
import '@babylonjs/core/Culling/ray';
import '@babylonjs/core/Animations/animatable';
import { mediaUrl, type LoadedExhibition } from '../twin/load';
import type { Artwork } from '../twin/schema';
import { MaterialLibrary } from './materials';
import { buildFloorPlan, buildSpaceModel, type Architecture } from './architecture';
import { ArtworkBuilder, type SceneArtwork } from './artworks';
import type { LabelText } from './labels';
import { DEFAULT_ENVIRONMENT, lightGallery } from './lighting';

registerBuiltInLoaders();

export interface LoadProgress {
  done: number;
  total: number;
  /** e.g. works loaded so far. */
  works: number;
  worksTotal: number;
}

export interface SceneProblem {
  /** JSON path in the exhibition file, e.g. artworks[3].model */
  path: string;
  message: string;
  artworkId?: string;
}

export interface GalleryOptions {
  onProgress: (p: LoadProgress) => void;
  onProblem: (p: SceneProblem) => void;
  labelText: (art: Artwork) => LabelText;
  texts: { unavailable: string; restricted: string };
}

export interface Gallery {
  scene: Scene;
  architecture: Architecture;
  works: Map<string, SceneArtwork>;
  /** Resolves when every work has its media or its placeholder. */
  media: Promise<void>;
  relabel: (labelText: (art: Artwork) => LabelText) => void;
  /** A media path of the exhibition as a URL. */
  resolve: (path: string) => string;
}

export async function buildGallery(engine: AbstractEngine, loaded: LoadedExhibition, options: GalleryOptions): Promise<Gallery> {
  const { exhibition } = loaded;
  const scene = new Scene(engine);
  // The twin's coordinates are glTF's (right-handed); the scene uses them as they are.
  scene.useRightHandedSystem = true;
  scene.clearColor = new Color4(0.93, 0.92, 0.9, 1);
  scene.collisionsEnabled = true;
  const resolve = (path: string) => mediaUrl(loaded.url, path);
  const materials = new MaterialLibrary(scene, resolve);

  const worksTotal = exhibition.artworks.length;
  const progress: LoadProgress = { done: 0, total: worksTotal + 2, works: 0, worksTotal };
  const step = (isWork: boolean) => {
    progress.done++;
    if (isWork) progress.works++;
    options.onProgress({ ...progress });
  };
  options.onProgress({ ...progress });

  let architecture: Architecture;
  if (exhibition.space.kind === 'floorplan') {
    architecture = buildFloorPlan(exhibition.space, scene, materials);
  } else {
    try {
      architecture = await buildSpaceModel(exhibition.space, resolve(exhibition.space.model), scene);
    } catch (e) {
      throw new Error(`The exhibition's space model '${exhibition.space.model}' could not be loaded: ${(e as Error).message}`);
    }
  }
  step(false);

  const environment = lightGallery(scene, exhibition.environment ? resolve(exhibition.environment) : DEFAULT_ENVIRONMENT, (message) =>
    options.onProblem({ path: 'environment', message }),
  ).then(() => step(false));

  const index = new Map(exhibition.artworks.map((a, i) => [a.id, i]));
  const builder = new ArtworkBuilder({
    scene,
    materials,
    resolve,
    onProblem: (art, field, message) =>
      options.onProblem({ path: `artworks[${index.get(art.id)}].${field}`, message, artworkId: art.id }),
    onAssetDone: () => step(true),
  });
  const works = new Map<string, SceneArtwork>();
  const pending: Promise<void>[] = [environment];
  for (const art of exhibition.artworks) {
    const { work, media } = builder.build(exhibition, art, options.texts);
    work.label.draw(options.labelText(art));
    works.set(art.id, work);
    pending.push(media);
  }
  builder.finish();

  return {
    scene,
    architecture,
    works,
    media: Promise.all(pending).then(() => undefined),
    resolve,
    relabel: (labelText) => {
      for (const w of works.values()) w.label.draw(labelText(w.artwork));
    },
  };
}
