/**
 * Plans a generated exhibition of N works for benchmarks: rooms on a grid joined in an enfilade
 * (each room opens into the next, as in most museums), paintings along the walls and objects on
 * plinths or in cases, every work a variant of one in the default exhibition (its catalogue record,
 * proportions and media). Pure and deterministic (seeded); src/cli/generate.ts writes the media.
 */
import { FORMAT, FORMAT_VERSION, type Exhibition, type ExhibitionInput, type Vec2 } from '../twin/schema';
import { makeRng } from './default-exhibition/rng';

type Painting = Extract<Exhibition['artworks'][number], { kind: 'painting' }>;
type ObjectWork = Extract<Exhibition['artworks'][number], { kind: 'object' }>;
type ArtworkInput = ExhibitionInput['artworks'][number];

/** A room's size in metres (x by z), its works and the doorway geometry. */
export const ROOM = { width: 14, depth: 10, height: 4.2, paintings: 14, objects: 4, doorWidth: 2.4, doorHeight: 3 } as const;
const WORKS_PER_ROOM = ROOM.paintings + ROOM.objects;
const WALL_THICKNESS = 0.2;
/** Clear space either side of a doorway, and between two frames. */
const DOOR_CLEARANCE = 0.6;
const GAP = 0.7;

/** How to make one work's media from a template's. */
export type MediaJob =
  | { kind: 'image'; source: string; out: string; longSide: number; hue: number; width: number; height: number }
  | { kind: 'model'; source: string; out: string; textureSide: number; hue: number };

export interface GeneratedPlan {
  exhibition: ExhibitionInput;
  media: MediaJob[];
  rooms: number;
}

export interface PlanOptions {
  works: number;
  seed?: string;
  /** Longest side of a painting's image for large works, and of an object's textures, in pixels ("heavy"). */
  heavySide?: number;
  /** Use each template in turn (and its own media file, not a copy): an exhibition of given works. */
  asIs?: boolean;
}

/** The works of the default exhibition that can be copied: ones with their media (restricted ones included, as placeholders). */
function templates(source: Exhibition): { paintings: Painting[]; objects: ObjectWork[] } {
  const paintings = source.artworks.filter((a): a is Painting => a.kind === 'painting');
  const objects = source.artworks.filter((a): a is ObjectWork => a.kind === 'object');
  if (!paintings.length || !objects.length) throw new Error('the template exhibition needs at least one painting and one object');
  return { paintings, objects };
}

/** Story links name works of the template; in a copy they become plain text. */
const unlink = (m: Record<string, string> | undefined): Record<string, string> | undefined =>
  m && Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.replace(/\[([^\]]*)\]\(#artwork=[^)]*\)/g, '$1')]));

const numbered = (m: Record<string, string>, n: number): Record<string, string> => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, `${v} (${n})`]));

/** Grid cell of the i-th room: a serpentine walk so each room shares a wall with the next. */
function cell(i: number, cols: number): { col: number; row: number } {
  const row = Math.floor(i / cols);
  const k = i % cols;
  return { row, col: row % 2 === 0 ? k : cols - 1 - k };
}

export function planExhibition(source: Exhibition, opts: PlanOptions): GeneratedPlan {
  const n = opts.works;
  if (!Number.isInteger(n) || n < 1 || n > 5000) throw new Error(`--works must be a whole number from 1 to 5000 (got ${n})`);
  const seed = opts.seed ?? 'museum-twin-bench';
  const heavy = opts.heavySide ?? 2048;
  const rng = makeRng(`${seed}:${n}`);
  const { paintings, objects } = templates(source);
  let nextP = 0;
  let nextO = 0;
  const pickPainting = (): Painting => (opts.asIs ? paintings[nextP++ % paintings.length]! : paintings[Math.floor(rng() * paintings.length)]!);
  const pickObject = (): ObjectWork => (opts.asIs ? objects[nextO++ % objects.length]! : objects[Math.floor(rng() * objects.length)]!);
  const roomCount = Math.ceil(n / WORKS_PER_ROOM);
  const cols = Math.max(1, Math.ceil(Math.sqrt(roomCount * 1.4)));
  const { width: W, depth: D } = ROOM;

  const rooms: ExhibitionInput['space'] extends infer S ? (S extends { kind: 'floorplan'; rooms: infer R } ? R : never) : never = [];
  const doorways: { id: string; rooms: string[]; position: Vec2; width: number; height: number }[] = [];
  /** Per room: the walls (0 south z-min, 1 east x-max, 2 north z-max, 3 west x-min) that hold a doorway. */
  const doorWalls: Set<number>[] = [];
  const origin: Vec2[] = [];
  for (let i = 0; i < roomCount; i++) {
    const { row, col } = cell(i, cols);
    const x0 = col * W;
    const z0 = row * D;
    origin.push([x0, z0]);
    rooms.push({
      id: `room-${i + 1}`,
      name: { en: `Room ${i + 1}`, it: `Sala ${i + 1}` },
      polygon: [[x0, z0], [x0 + W, z0], [x0 + W, z0 + D], [x0, z0 + D]],
    });
    doorWalls.push(new Set());
    if (i === 0) continue;
    const prev = cell(i - 1, cols);
    let position: Vec2;
    if (prev.row === row) {
      // Same row: the shared wall is vertical.
      const east = prev.col < col ? x0 : x0 + W;
      position = [east, z0 + D / 2];
      doorWalls[i - 1]!.add(prev.col < col ? 1 : 3);
      doorWalls[i]!.add(prev.col < col ? 3 : 1);
    } else {
      position = [x0 + W / 2, z0];
      doorWalls[i - 1]!.add(2);
      doorWalls[i]!.add(0);
    }
    doorways.push({ id: `door-${i}-${i + 1}`, rooms: [`room-${i}`, `room-${i + 1}`], position, width: ROOM.doorWidth, height: ROOM.doorHeight });
  }

  const media: MediaJob[] = [];
  const artworks: ArtworkInput[] = [];
  let made = 0;
  for (let r = 0; r < roomCount && made < n; r++) {
    const roomId = `room-${r + 1}`;
    const inRoom = Math.min(WORKS_PER_ROOM, n - made);
    // A realistic mix: about three paintings to one object, objects in the room's four bays.
    const objectCount = Math.min(ROOM.objects, Math.round(inRoom * (ROOM.objects / WORKS_PER_ROOM)));
    const paintingCount = inRoom - objectCount;
    // Walls: 0 and 2 are W long, 1 and 3 are D long; a doorway takes the middle of its wall.
    const free: { wall: number; lo: number; hi: number }[] = [];
    for (let wall = 0; wall < 4; wall++) {
      const len = wall % 2 === 0 ? W : D;
      if (doorWalls[r]!.has(wall)) {
        const half = ROOM.doorWidth / 2 + DOOR_CLEARANCE;
        free.push({ wall, lo: 0.4, hi: len / 2 - half }, { wall, lo: len / 2 + half, hi: len - 0.4 });
      } else free.push({ wall, lo: 0.4, hi: len - 0.4 });
    }
    let placed = 0;
    let segment = 0;
    let cursor = free[0]!.lo;
    let guard = 0;
    let t = pickPainting();
    while (placed < paintingCount && segment < free.length && guard++ < 500) {
      const seg = free[segment]!;
      const frame = t.frame.style !== 'none' ? t.frame.width : 0;
      const outer = t.dimensions.width + 2 * frame;
      if (cursor + outer > seg.hi) {
        // This wall is full: the same work goes on the next one.
        segment++;
        if (segment < free.length) cursor = free[segment]!.lo;
        continue;
      }
      const id = `work-${String(made + 1).padStart(4, '0')}`;
      const offset = cursor + outer / 2;
      cursor += outer + GAP;
      const image = t.image ? (opts.asIs ? t.image : `paintings/${id}.jpg`) : undefined;
      const big = Math.max(t.dimensions.width, t.dimensions.height) >= 1.2;
      if (t.image && image && !opts.asIs) {
        media.push({ kind: 'image', source: t.image, out: image, longSide: big ? heavy : Math.round(heavy * 0.625), hue: Math.round(rng.range(-40, 40)), width: t.dimensions.width, height: t.dimensions.height });
      }
      artworks.push(copyWork(t, id, made + 1, { kind: 'wall', room: roomId, wall: seg.wall, offset: round(offset), height: round(Math.max(1.6, t.dimensions.height / 2 + frame + 0.4)) }, image, 'image'));
      made++;
      placed++;
      t = pickPainting();
    }
    // Any paintings that did not fit become objects; the room still holds its share.
    const objectsHere = inRoom - placed;
    const [x0, z0] = origin[r]!;
    const bays: Vec2[] = [
      [0.27, 0.3],
      [0.73, 0.3],
      [0.27, 0.7],
      [0.73, 0.7],
      [0.5, 0.3],
      [0.5, 0.7],
    ].map(([fx, fz]) => [x0 + fx! * W, z0 + fz! * D]);
    if (objectsHere > bays.length) throw new Error(`room ${roomId} cannot hold ${objectsHere} objects; the walls are too short for its paintings`);
    for (let k = 0; k < objectsHere; k++) {
      const t = pickObject();
      const id = `work-${String(made + 1).padStart(4, '0')}`;
      const at = bays[k % bays.length]!;
      const model = t.model ? (opts.asIs ? t.model : `objects/${id}.glb`) : undefined;
      if (t.model && model && !opts.asIs) media.push({ kind: 'model', source: t.model, out: model, textureSide: heavy, hue: Math.round(rng.range(-30, 30)) });
      // Objects face the room's long axis, toward its centre line.
      const heading = at[1] < z0 + D / 2 ? 180 : 0;
      artworks.push(copyWork(t, id, made + 1, { kind: 'pose', position: [round(at[0]), 0, round(at[1])], heading }, model, 'model'));
      made++;
    }
  }

  const exhibition: ExhibitionInput = {
    format: FORMAT,
    version: FORMAT_VERSION,
    id: `generated-${n}`,
    title: { en: `Generated exhibition (${n} works)`, it: `Mostra generata (${n} opere)` },
    institution: source.institution,
    description: { en: `A benchmark exhibition: ${n} works in ${roomCount} rooms, variants of the default exhibition's works.`, it: `Una mostra di prova: ${n} opere in ${roomCount} sale.` },
    languages: source.languages,
    defaultLanguage: source.defaultLanguage,
    licence: source.licence,
    space: { kind: 'floorplan', wallHeight: ROOM.height, wallThickness: WALL_THICKNESS, floor: source.space.kind === 'floorplan' ? source.space.floor : undefined, rooms, doorways },
    entrance: { position: [W / 2, 0, D / 2], heading: 90 },
    artworks,
    tours: [
      {
        id: 'first-works',
        title: { en: 'The first works', it: 'Le prime opere' },
        durationMinutes: 10,
        stops: artworks.slice(0, Math.min(5, artworks.length)).map((a) => ({ artwork: a.id })),
      },
    ],
  };
  return { exhibition, media, rooms: roomCount };
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

function copyWork<T extends Painting | ObjectWork>(t: T, id: string, n: number, placement: ArtworkInput['placement'], file: string | undefined, field: 'image' | 'model'): ArtworkInput {
  // The benchmark is about the gallery:
  // Narration, overlay animations, time-lapse states and conservation files stay with the template.
  const { narration: _n, animation: _a, conservation: _c, timeLapse: _t, ...rest } = t as T & { narration?: unknown; animation?: unknown; conservation?: unknown; timeLapse?: unknown };
  void [_n, _a, _c, _t];
  const copy = {
    ...rest,
    id,
    title: numbered(t.title, n),
    accessionNumber: t.accessionNumber ? `${t.accessionNumber}.${n}` : undefined,
    backstory: unlink(t.backstory),
    placement,
    zone: undefined,
  } as Record<string, unknown>;
  if (file) copy[field] = file;
  else delete copy[field];
  for (const k of Object.keys(copy)) if (copy[k] === undefined) delete copy[k];
  return copy as unknown as ArtworkInput;
}
