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
import { mediaUrl, type LoadedExhibition } from '../twin/load';
import type { Artwork } from '../twin/schema';
import { MaterialLibrary } from './materials';
import { buildFloorPlan, buildSpaceModel, type Architecture } from './architecture';
import { ArtworkBuilder, type SceneArtwork } from './artworks';
import type { LabelText } from './labels';
import { DEFAULT_ENVIRONMENT, lightGallery } from './lighting';
import { roomAtHeight, roomElevations } from '../twin/route/levels';
import { seenThroughStairwells } from '../twin/route/stairwell';
import { artworkPose } from '../twin/layout';
import { roomGraph, roomHops } from '../twin/rooms';
import { MediaQueue } from './streaming';
import { RoomBuilds } from './room-builds';
import { RoomVisibility } from './visibility';
import { useOwnDecoders } from './decoders';
import { ImageDetail } from './image-detail';
import { GalleryLook } from './gallery-look';

registerBuiltInLoaders();
// Compressed models decode with the app's own decoders, never Babylon's CDN.
useOwnDecoders();

/** Works load this many at a time: as many as a browser fetches from one server at once over HTTP/1.1. */
const MEDIA_CONCURRENCY = 6;
/** Works load in rooms up to this many doorways from the visitor's. */
export const LOAD_HOPS = 2;

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
  /**
   * Opened for in-gallery AR (`?ar`): works' images and models wait until `loadMedia()`. AR draws the works only
   * as depth boxes from their catalogued sizes, so a phone downloads none of it unless the visitor turns to the preview.
   */
  holdMedia?: boolean;
  /** Told when a room's works were built after the gallery was returned (the visitor came near, or one was asked for). */
  onRoomBuilt?: (room: string) => void;
}

export interface Gallery {
  scene: Scene;
  architecture: Architecture;
  works: Map<string, SceneArtwork>;
  /**
   * Resolves when the first view is fully shown: the environment light is in use (or its problem listed) and
   * every work within reach of the visitor (their room and rooms up to LOAD_HOPS doorways away: the whole of a
   * small exhibition) shows its media at its first level or its placeholder. A painting's first level is the
   * image at the resolution its size on screen asks for, at most 512 px on its longest side
   * (image-levels.ts); nearer works rise to their full image after this, one level at a time. An object's
   * first level is its model. Farther works load as the visitor walks toward them. The app reports it as
   * `#status[data-media=done]` once the scene is also ready to draw it.
   */
  media: Promise<void>;
  /** Starts loading works' media held back by `holdMedia` (nothing when none is held). */
  loadMedia: () => void;
  /**
   * While the works are out of sight for a while (AR hides them: the real room has the real works), no work's
   * media starts loading, every image falls to its smallest level and wall labels let their texture go; after,
   * they load and rise as the view asks.
   */
  worksAway: (away: boolean) => void;
  /** Rooms drawn now (null for a space model, where everything is drawn). */
  visibility: RoomVisibility | null;
  relabel: (labelText: (art: Artwork) => LabelText) => void;
  /** A media path of the exhibition as a URL. */
  resolve: (path: string) => string;
  /** Paintings' image levels (by their size on screen) and the frame's upload budget. */
  detail: ImageDetail;
  /** Baked light, picture lights and shadows by graphics quality (plain until the app sets a tier). */
  look: GalleryLook;
}

export async function buildGallery(engine: AbstractEngine, loaded: LoadedExhibition, options: GalleryOptions): Promise<Gallery> {
  const { exhibition } = loaded;
  const scene = new Scene(engine);
  // The twin's coordinates are glTF's (right-handed); the scene uses them as they are.
  scene.useRightHandedSystem = true;
  scene.clearColor = new Color4(0.93, 0.92, 0.9, 1);
  scene.collisionsEnabled = true;
  const resolve = (path: string) => mediaUrl(loaded.url, path);
  const materials = new MaterialLibrary(scene, resolve, options.holdMedia ?? false, (_path, message) => options.onProblem({ path: 'space', message }));

  // Works load nearest first, a few at a time, only within reach of the visitor's room.
  const queue = new MediaQueue(MEDIA_CONCURRENCY);
  const progress: LoadProgress = { done: 0, total: 2, works: 0, worksTotal: 0 };
  const step = (isWork: boolean) => {
    progress.done++;
    if (isWork) progress.works++;
    // Out of what is wanted now: loaded so far plus what is still coming.
    progress.worksTotal = progress.works + queue.pending;
    progress.total = progress.worksTotal + 2;
    options.onProgress({ ...progress });
  };

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
  performance.mark('twin:architecture-built');
  step(false);

  const environment = lightGallery(scene, exhibition.environment ? resolve(exhibition.environment) : DEFAULT_ENVIRONMENT, (message) =>
    options.onProblem({ path: 'environment', message }),
  ).then(() => step(false));

  const plan = exhibition.space.kind === 'floorplan' ? exhibition.space : undefined;
  const graph = plan ? roomGraph(plan) : new Map<string, string[]>();
  const entrance: [number, number] = [exhibition.entrance.position[0], exhibition.entrance.position[2]];
  let hops = new Map<string, number>();
  const elevations = plan ? roomElevations(plan) : new Map<string, number>();
  // Rooms a stairwell opens between are seen from each other (drawn), though media load by doorways (`graph`).
  const visibility = plan
    ? new RoomVisibility(scene, plan.rooms.map((r) => ({ ...r, elevation: elevations.get(r.id) })), seenThroughStairwells(graph, plan), (room) => {
        hops = roomHops(graph, room);
        wakeLabels();
        queue.pump();
        buildNear();
      })
    : null;
  const look = new GalleryLook(scene, exhibition, architecture, visibility);
  const startRoom = plan ? roomAtHeight(plan, exhibition.entrance.position, elevations)?.id : undefined;
  if (startRoom) hops = roomHops(graph, startRoom);
  let held = options.holdMedia ?? false;
  let away = false;
  /** Nearer loads sooner: doorways away first, then metres; undefined when out of reach (or held back). */
  const priority = (work: SceneArtwork): number | undefined => {
    if (held || away) return undefined;
    const room = work.pose.room;
    let h = 0;
    if (plan && room !== undefined && hops.size) {
      const d = hops.get(room);
      if (d === undefined || d > LOAD_HOPS) return undefined;
      h = d;
    }
    const cam = scene.activeCamera?.globalPosition;
    const x = cam ? cam.x : entrance[0];
    const z = cam ? cam.z : entrance[1];
    return h * 1000 + Math.hypot(work.pose.position[0] - x, work.pose.position[2] - z);
  };

  const index = new Map(exhibition.artworks.map((a, i) => [a.id, i]));
  const detail = new ImageDetail(scene);
  const builder = new ArtworkBuilder({
    scene,
    materials,
    resolve,
    detail,
    reach: priority,
    onProblem: (art, field, message) =>
      options.onProblem({ path: `artworks[${index.get(art.id)}].${field}`, message, artworkId: art.id }),
    onAssetDone: () => step(true),
    schedule: (work, start) => queue.add({ priority: () => priority(work), start }),
    onLight: (work, light) => {
      visibility?.add(work.pose.room, { lights: [light] });
      look.objectArrived(light.includedOnlyMeshes);
    },
  });
  let labelText = options.labelText;
  /**
   * Works of rooms out of reach are built only when the visitor comes within reach of their room (or it is in
   * sight), a room per task after the first frame, nearest first, so a thousand works cost no more at the start,
   * nor in the heap, than the rooms around the visitor. Asking for one (a link, a search) builds its room.
   */
  const waiting = new RoomBuilds<Artwork>();
  const works = new (class extends Map<string, SceneArtwork> {
    override get(id: string): SceneArtwork | undefined {
      const room = super.has(id) ? undefined : waiting.roomOf(id);
      if (room !== undefined) buildRoom(room);
      return super.get(id);
    }
  })();
  const pending: Promise<void>[] = [environment];
  function buildWork(art: Artwork): void {
    const { work } = builder.build(exhibition, art, options.texts);
    work.label.draw(labelText(art));
    works.set(art.id, work);
    visibility?.add(work.pose.room, { nodes: [work.root], labels: [work.label.mesh] });
    if (visibility?.isShown(work.pose.room) && visibility.room !== undefined) work.label.wake();
    // Canvas, label, plinth and case never move: their world matrices are computed once.
    const spots = new Set<unknown>(work.hotspots);
    for (const m of work.root.getChildMeshes(false)) if (!spots.has(m)) m.freezeWorldMatrix();
  }
  function mergeFrames(): void {
    for (const { room, mesh } of builder.finish()) visibility?.add(room, { nodes: [mesh] });
  }
  let returned = false;
  function buildRoom(room: string): void {
    const arts = waiting.take(room);
    if (!arts) return;
    for (const art of arts) buildWork(art);
    mergeFrames();
    if (returned) options.onRoomBuilt?.(room);
  }
  const startHops = startRoom ? roomHops(graph, startRoom) : undefined;
  for (const art of exhibition.artworks) {
    const room = startHops ? artworkPose(exhibition, art).room : undefined;
    const d = room !== undefined ? startHops?.get(room) : undefined;
    if (room !== undefined && (d === undefined || d > LOAD_HOPS)) waiting.add(room, art);
    else buildWork(art);
  }
  mergeFrames();
  if (visibility) {
    for (const [room, meshes] of architecture.byRoom) visibility.add(room, { nodes: meshes });
  }
  /** Labels are drawn when their room is in sight (or always, without rooms to go by). */
  function wakeLabels(): void {
    if (away) return;
    for (const w of works.values()) if (!w.label.awake && (visibility?.isShown(w.pose.room) ?? true)) w.label.wake();
  }
  // The rooms wanted now and not built yet, a room per task, once the first frame is out.
  let firstFrame = false;
  let building = false;
  const wanted = (room: string, d: number | undefined) => (d !== undefined && d <= LOAD_HOPS) || (visibility?.isShown(room) ?? false);
  function buildNear(): void {
    if (!firstFrame || building || !waiting.size) return;
    building = true;
    const next = (): void => {
      const room = waiting.next((r) => hops.get(r), wanted);
      if (room === undefined) {
        building = false;
        return;
      }
      buildRoom(room);
      queue.pump();
      setTimeout(next, 0);
    };
    setTimeout(next, 0);
  }
  if (visibility) visibility.start(startRoom);
  else wakeLabels();
  scene.onAfterRenderObservable.addOnce(() => {
    firstFrame = true;
    buildNear();
  });
  // What is wanted at the start (the works within reach of the entrance) is what "media done" waits for.
  await Promise.resolve();
  progress.worksTotal = queue.pending;
  progress.total = progress.worksTotal + 2;
  options.onProgress({ ...progress });
  pending.push(new Promise<void>((r) => setTimeout(r, 0)).then(() => queue.idle()));

  returned = true;
  return {
    scene,
    architecture,
    works,
    media: Promise.all(pending).then(() => undefined),
    visibility,
    loadMedia: () => {
      if (!held) return;
      held = false;
      materials.loadTextures();
      queue.pump();
    },
    worksAway: (on) => {
      away = on;
      detail.away = on;
      // Wall labels' textures go too (about 1 MB each), and come back for the rooms in sight: where rooms are
      // known, once the room visibility has found the visitor's room again (waking them now would wake every
      // room's, since no room is current while the twin is away).
      if (on) for (const w of works.values()) w.label.sleep();
      else {
        if (!visibility) wakeLabels();
        queue.pump();
      }
    },
    resolve,
    detail,
    look,
    relabel: (text) => {
      labelText = text;
      for (const w of works.values()) w.label.draw(text(w.artwork));
    },
  };
}
