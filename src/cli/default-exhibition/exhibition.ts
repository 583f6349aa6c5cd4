/**
 * Assembles exhibition.json from the floor plan, the catalogue and what the
 * renderers produced (feature points, measured models, narration files).
 */
import type { ExhibitionInput } from '../../twin/schema';
import type { CatalogueEntry, Points, V3 } from './catalogue';
import { OBJECT_ENTRIES } from './catalogue-objects';
import { PAINTING_ENTRIES } from './catalogue-paintings';
import { EXTRA_CONSERVATION } from './catalogue-conservation';
import { MEZZANINE_ENTRIES } from './catalogue-mezzanine';
import { paintingSpec } from './paintings';
import {
  asLangMap,
  checkLayout,
  divisionistBay,
  DOORWAYS,
  ENTRANCE,
  LEVELS,
  MARKER_SPOT,
  posePlacements,
  ROOMS,
  WALL_HEIGHT,
  VERTICAL_LINKS,
  WALL_THICKNESS,
  wallPlacements,
  wallPoint,
  type Footprint,
} from './space';
import { AR_TEXTS, CREDITS, EXHIBITION_ID, EXHIBITION_TEXTS, ROOM_ZONE_NAMES, TOURS } from './texts';

export const ENTRIES: CatalogueEntry[] = [...PAINTING_ENTRIES, ...OBJECT_ENTRIES, ...MEZZANINE_ENTRIES];
export const MARKER_ID = 'welcome-marker';

export interface GeneratedMedia {
  /** painting id → feature points, metres from the image centre [x, y] */
  paintings: Record<string, { image: string; features: Record<string, [number, number]> }>;
  /** object id → measured model */
  objects: Record<string, { model: string; size: V3; points: Points; clip?: string; overlay?: string }>;
  /** work id → language → files */
  narration: Record<string, Record<string, { audio: string; captions: string }>>;
  markerImage: string;
  /** work id → its time-lapse (state images already written) */
  timeLapse?: Record<string, NonNullable<ExhibitionInput['artworks'][number]['timeLapse']>>;
}

const levelOf = (roomId: string): string => ROOMS.find((r) => r.id === roomId)?.level ?? LEVELS[0].id;
const round = (x: number, step = 0.001): number => Math.round(x / step) * step;
const mm = (x: number): number => Number(round(x).toFixed(3));

/** Footprint used by the layout self-check. */
export function footprints(media: GeneratedMedia): (id: string) => Footprint {
  return (id) => {
    const entry = ENTRIES.find((e) => e.id === id);
    if (!entry) throw new Error(`no catalogue entry ${id}`);
    if (entry.kind === 'painting') {
      const s = paintingSpec(id);
      return { width: s.width + 2 * s.frame.width, height: s.height + 2 * s.frame.width };
    }
    const size = media.objects[id]?.size ?? [entry.dimensions?.width ?? 0.4, entry.dimensions?.height ?? 0.4, entry.dimensions?.depth ?? 0.4];
    // plinth or case: the work's footprint plus a margin
    const margin = entry.display === 'case' ? 0.14 : 0.1;
    return { width: Math.max(size[0], size[2]) / 2 + margin, height: 0 };
  };
}

export function buildExhibition(media: GeneratedMedia): ExhibitionInput {
  const size = footprints(media);
  const walls = wallPlacements(size);
  const poses = posePlacements();
  checkLayout(walls, poses, size);
  const bay = divisionistBay(walls, size);

  const artworks: ExhibitionInput['artworks'] = ENTRIES.map((e) => {
    const restricted = e.sensitivity?.level === 'restricted';
    let points: Points = {};
    if (e.kind === 'painting') {
      const f = media.paintings[e.id]?.features ?? {};
      points = Object.fromEntries(Object.entries(f).map(([k, [x, y]]) => [k, [x, y, 0] as V3]));
    } else {
      points = media.objects[e.id]?.points ?? {};
    }
    const zone = bay.works.includes(e.id) ? bay.id : e.kind === 'painting' ? walls[e.id]?.room : poses[e.id]?.room;
    const narration = restricted ? undefined : media.narration[e.id];
    const conservation = e.conservation ?? EXTRA_CONSERVATION[e.id];
    const base = {
      id: e.id,
      title: asLangMap(e.title),
      creator: {
        name: asLangMap(e.creator.name),
        ...(e.creator.lifeDates ? { lifeDates: e.creator.lifeDates } : {}),
        ...(e.creator.role ? { role: asLangMap(e.creator.role) } : {}),
      },
      date: asLangMap(e.date),
      medium: asLangMap(e.medium),
      accessionNumber: e.accessionNumber,
      creditLine: asLangMap(e.creditLine),
      rights: e.rights,
      label: asLangMap(e.label),
      backstory: asLangMap(e.backstory),
      ...(zone ? { zone } : {}),
      ...(narration && Object.keys(narration).length > 0 ? { narration } : {}),
      annotations: e.annotations && !restricted ? e.annotations(points) : [],
      ...(conservation && !restricted ? { conservation: conservation(points) } : {}),
      ...(media.timeLapse?.[e.id] && !restricted ? { timeLapse: media.timeLapse[e.id] } : {}),
      sensitivity: e.sensitivity ?? { level: 'open' as const },
    };
    if (e.kind === 'painting') {
      const spec = paintingSpec(e.id);
      const place = walls[e.id];
      if (!place) throw new Error(`painting ${e.id} is not hung`);
      return {
        ...base,
        kind: 'painting' as const,
        dimensions: { height: spec.height, width: spec.width, ...(e.depth ? { depth: e.depth } : {}) },
        placement: { kind: 'wall' as const, room: place.room, wall: place.wall, offset: place.offset, height: place.height },
        ...(restricted ? {} : { image: media.paintings[e.id]?.image }),
        frame: spec.frame,
      };
    }
    const place = poses[e.id];
    if (!place) throw new Error(`object ${e.id} has no place`);
    const m = media.objects[e.id];
    const dims = m ? { height: mm(m.size[1]), width: mm(m.size[0]), depth: mm(m.size[2]) } : e.dimensions;
    if (!dims) throw new Error(`object ${e.id} has no dimensions`);
    if (!restricted && !m) throw new Error(`object ${e.id} has no model`);
    const animation =
      e.animationTitle && m && (m.clip || m.overlay)
        ? { title: asLangMap(e.animationTitle), ...(m.clip ? { clip: m.clip } : {}), ...(m.overlay ? { model: m.overlay } : {}), loop: true }
        : undefined;
    return {
      ...base,
      kind: 'object' as const,
      dimensions: dims,
      placement: { kind: 'pose' as const, position: place.position, heading: place.heading },
      ...(restricted || !m ? {} : { model: m.model }),
      ...(animation ? { animation } : {}),
      display: e.display ?? 'plinth',
      plinthHeight: e.plinthHeight ?? 0.9,
    };
  });

  const marker = wallPoint(MARKER_SPOT.room, MARKER_SPOT.wall, MARKER_SPOT.offset);
  const half = WALL_THICKNESS / 2 + 0.002; // on the wall's face, just proud of it
  const markerPos: V3 = [mm(marker.point[0] + marker.inward[0] * half), MARKER_SPOT.height, mm(marker.point[1] + marker.inward[1] * half)];
  const door = DOORWAYS.find((d) => d.id === 'hall-gallery')!;
  const face = WALL_THICKNESS / 2; // hall side of the wall at z = 0
  const hall = ROOMS.find((r) => r.id === 'hall')!;
  const se = hall.polygon[2]!;

  return {
    $schema: '/schema/exhibition.schema.json',
    format: 'museum-twin-exhibition',
    version: 1,
    id: EXHIBITION_ID,
    title: EXHIBITION_TEXTS.title,
    subtitle: EXHIBITION_TEXTS.subtitle,
    institution: EXHIBITION_TEXTS.institution,
    description: EXHIBITION_TEXTS.description,
    languages: ['en', 'it'],
    defaultLanguage: 'en',
    credits: CREDITS.map((c) => ({ role: asLangMap(c.role), name: c.name })),
    licence: { licence: 'CC-BY-4.0', holder: 'Museum twin project', url: 'https://creativecommons.org/licenses/by/4.0/' },
    space: {
      kind: 'floorplan',
      wallHeight: WALL_HEIGHT,
      wallThickness: WALL_THICKNESS,
      floor: { color: '#b08a5e', roughness: 0.55 },
      walls: { color: '#eeeae2', roughness: 0.9 },
      ceiling: { color: '#f6f4ef', roughness: 0.95 },
      rooms: ROOMS.map((r) => ({ id: r.id, name: asLangMap(r.name), polygon: r.polygon, floor: r.floor, walls: r.walls, ...(r.level ? { level: r.level } : {}) })),
      doorways: DOORWAYS.map((d) => ({ id: d.id, rooms: [...d.rooms], position: d.position, width: d.width, height: d.height })),
      levels: LEVELS.map((l) => ({ id: l.id, name: asLangMap(l.name), elevation: l.elevation })),
      verticalLinks: VERTICAL_LINKS.map((l) => ({
        id: l.id,
        kind: l.kind,
        name: asLangMap(l.name),
        ends: [
          { level: levelOf(l.ends[0].room), room: l.ends[0].room, position: l.ends[0].at },
          { level: levelOf(l.ends[1].room), room: l.ends[1].room, position: l.ends[1].at },
        ],
      })),
    },
    zones: [
      ...ROOMS.map((r) => ({ id: r.id, name: asLangMap(ROOM_ZONE_NAMES[r.id] ?? r.name), room: r.id })),
      { id: bay.id, name: asLangMap(bay.name), polygon: bay.polygon },
    ],
    entrance: { position: ENTRANCE.position, heading: ENTRANCE.heading },
    artworks,
    tours: TOURS.map((t) => ({
      id: t.id,
      title: asLangMap(t.title),
      description: asLangMap(t.description),
      durationMinutes: t.durationMinutes,
      stops: t.stops.map((s) => ({ artwork: s.artwork, text: asLangMap(s.text) })),
    })),
    arReferences: {
      points: [
        { id: 'hall-gallery-door-west', name: asLangMap(AR_TEXTS.doorWest), position: [door.position[0] - door.width / 2, 0, face] },
        { id: 'hall-gallery-door-east', name: asLangMap(AR_TEXTS.doorEast), position: [door.position[0] + door.width / 2, 0, face] },
        { id: 'hall-south-east-corner', name: asLangMap(AR_TEXTS.hallCorner), position: [se[0] - face, 0, se[1] - face] },
      ],
      markers: [
        {
          id: MARKER_ID,
          name: asLangMap(AR_TEXTS.marker),
          image: media.markerImage,
          widthMetres: MARKER_SPOT.width,
          position: markerPos,
          normal: [marker.inward[0], 0, marker.inward[1]],
          up: [0, 1, 0],
        },
      ],
    },
  };
}
