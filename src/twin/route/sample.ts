/**
 * A generated exhibition on two levels, for the route's tests and benchmark: a grid of rooms per level joined by
 * doorways, stairs in the first room and a lift in the last, paintings on the walls and objects on plinths.
 * Pure data (no Node); every call returns a fresh copy.
 */
import { FORMAT, FORMAT_VERSION, type ExhibitionInput } from '../schema';

type ArtworkInput = ExhibitionInput['artworks'][number];
type RoomInput = Extract<ExhibitionInput['space'], { kind: 'floorplan' }>['rooms'][number];
type DoorInput = NonNullable<Extract<ExhibitionInput['space'], { kind: 'floorplan' }>['doorways']>[number];

export interface SampleOptions {
  /** Rooms on each level, laid out `cols` wide. */
  roomsPerLevel: number;
  cols: number;
  worksPerRoom: number;
  /** Two levels (stairs and a lift between them) or one. */
  levels: 1 | 2;
}

const W = 14; // room width (x), metres
const D = 10; // room depth (z)
const UPPER = 5; // elevation of the upper level
const en = (s: string): { en: string } => ({ en: s });
const rights = { work: { licence: 'public-domain' }, media: { licence: 'CC0-1.0' } };

/** The room id on a level at grid cell i. */
export const sampleRoomId = (level: number, i: number): string => `${level === 0 ? 'g' : 'u'}${i}`;

export function sampleExhibition(opts: Partial<SampleOptions> = {}): ExhibitionInput {
  const { roomsPerLevel = 4, cols = 2, worksPerRoom = 4, levels = 2 } = opts;
  const rows = Math.ceil(roomsPerLevel / cols);
  const rooms: RoomInput[] = [];
  const doorways: DoorInput[] = [];
  const artworks: ArtworkInput[] = [];
  for (let lv = 0; lv < levels; lv++) {
    for (let i = 0; i < roomsPerLevel; i++) {
      const c = i % cols;
      const r = Math.floor(i / cols);
      const [x, z] = [c * W, r * D];
      const id = sampleRoomId(lv, i);
      rooms.push({ id, name: en(`${lv === 0 ? 'Ground' : 'Upper'} room ${i + 1}`), polygon: [[x, z], [x + W, z], [x + W, z + D], [x, z + D]], ...(levels > 1 ? { level: lv === 0 ? 'ground' : 'upper' } : {}) });
      // East neighbour always; south neighbour only at the first and last column, so some rooms are a walk around.
      if (c + 1 < cols && i + 1 < roomsPerLevel) doorways.push({ id: `${id}-e`, rooms: [id, sampleRoomId(lv, i + 1)], position: [x + W, z + D / 2], width: 1.6, height: 2.4 });
      if (r + 1 < rows && i + cols < roomsPerLevel && (c === 0 || c === cols - 1)) {
        doorways.push({ id: `${id}-s`, rooms: [id, sampleRoomId(lv, i + cols)], position: [x + W / 2, z + D], width: 1.6, height: 2.4 });
      }
      for (let k = 0; k < worksPerRoom; k++) artworks.push(sampleWork(artworks.length, id, [x, z], k, lv));
    }
  }
  const last = roomsPerLevel - 1;
  const lastXz: [number, number] = [(last % cols) * W, Math.floor(last / cols) * D];
  return {
    format: FORMAT,
    version: FORMAT_VERSION,
    id: 'route-sample',
    title: en('Route sample'),
    institution: en('Test Museum'),
    languages: ['en'],
    defaultLanguage: 'en',
    licence: { licence: 'CC0-1.0' },
    space: {
      kind: 'floorplan',
      wallHeight: 4,
      wallThickness: 0.2,
      rooms,
      doorways,
      ...(levels > 1
        ? {
            levels: [
              { id: 'ground', name: en('Ground floor'), elevation: 0 },
              { id: 'upper', name: en('Upper gallery'), elevation: UPPER },
            ],
            verticalLinks: [
              { id: 'stairs', kind: 'stairs' as const, name: en('Main stairs'), ends: [{ level: 'ground', room: 'g0', position: [2, 2] as [number, number] }, { level: 'upper', room: 'u0', position: [2, 4] as [number, number] }] as const },
              { id: 'lift', kind: 'lift' as const, ends: [{ level: 'ground', room: sampleRoomId(0, last), position: [lastXz[0] + W - 1.5, lastXz[1] + D - 1.5] as [number, number] }, { level: 'upper', room: sampleRoomId(1, last), position: [lastXz[0] + W - 1.5, lastXz[1] + D - 1.5] as [number, number] }] as const },
            ],
          }
        : {}),
      amenities: [{ id: 'cafe', kind: 'cafe', name: en('Café'), room: 'g0', position: [W - 2, 2] }],
    },
    entrance: { position: [W / 2, 0, 1.5], heading: 180 },
    artworks,
  } as ExhibitionInput;
}

/** Work k of a room: paintings along the walls (clear of the doorway in each wall's middle), then objects. */
function sampleWork(n: number, room: string, [x, z]: [number, number], k: number, level: number): ArtworkInput {
  const id = `w${n}`;
  const common = {
    id,
    title: en(`Work ${n}`),
    creator: { name: en(`Artist ${n % 23}`) },
    date: en(String(1500 + ((n * 37) % 450))),
    medium: en('Oil on canvas'),
    accessionNumber: `S-${n}`,
    creditLine: en('Sample'),
    rights,
    label: en(`Label ${n}`),
    backstory: en(n % 11 === 0 ? `See [its companion](#artwork=w${n + 1}).` : 'A story.'),
  };
  const slotsPerWall = 8;
  if (k < slotsPerWall * 4 || level > 0) {
    const wall = k % 4;
    const slot = Math.floor(k / 4) % slotsPerWall;
    const len = wall % 2 === 0 ? W : D;
    // Offsets in [0.8, len/2 − 1.4] and [len/2 + 1.4, len − 0.8]: never across the doorway in the middle.
    const half = slotsPerWall / 2;
    const span = len / 2 - 2.2;
    const t = (slot % half) / Math.max(1, half - 1);
    const offset = slot < half ? 0.8 + t * span : len / 2 + 1.4 + t * span;
    return { ...common, kind: 'painting', dimensions: { width: 0.4, height: 0.5 }, placement: { kind: 'wall', room, wall, offset, height: 1.6 }, image: `images/${id}.jpg` };
  }
  const j = k - slotsPerWall * 4;
  return {
    ...common,
    kind: 'object',
    dimensions: { width: 0.4, height: 0.5, depth: 0.4 },
    placement: { kind: 'pose', position: [x + 3 + (j % 5) * 2, 0, z + 3 + Math.floor(j / 5) * 2] as [number, number, number], heading: 0 },
    model: `models/${id}.glb`,
  };
}
