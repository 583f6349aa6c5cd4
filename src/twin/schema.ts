/**
 * The exhibition format, version 1: the one place it is defined.
 *
 * Everything else derives from this file: the TypeScript types (z.infer), the runtime
 * validation in the browser and the CLI, and the published JSON Schema
 * (public/schema/exhibition.schema.json, written by `npm run schema`).
 *
 * Conventions: metres, y-up, right-handed (as glTF). Plan coordinates are [x, z].
 * Headings are degrees about +y: 0 looks toward −z, 90 toward +x.
 * Every text a visitor reads is a language map ({"en": "...", "it": "..."}).
 * Media paths are relative to the exhibition file (or absolute https URLs).
 */
import { z } from 'zod';
import { CONDITIONS, CONDITION_HELP, resolveCondition, type ConditionTerm } from './conservation';
import {
  FORMAT,
  FORMAT_VERSION,
  LIMITS,
  Id,
  LanguageCode,
  LangMap,
  finite,
  Vec2,
  Vec3,
  Length,
  Heading,
  MediaPath,
  Licence,
  Finish,
} from './schema-primitives';
export { FORMAT, FORMAT_VERSION, LangMap, Vec2, Vec3, Finish } from './schema-primitives';
import { Panorama } from './panorama';


// ---------------------------------------------------------------- space

/** Illuminance in lux: what a light meter reads (the live twin's `illuminance` readings use the same unit). */
const Lux = finite().min(0, 'must be 0 lx or more').max(100_000, 'must be at most 100,000 lx (full daylight)');

export const ROOM_USES = ['cabinet', 'gallery', 'hall'] as const;

/** How a room is lit: the 3D view follows it (its ambient light), as a lighting designer's plan would. */
export const RoomLighting = z.object({
  use: z
    .enum(ROOM_USES)
    .optional()
    .describe('cabinet: a dim room for works on paper; gallery: paintings; hall: a bright room for sculpture. Absent: from the works it holds.'),
  illuminance: Lux.optional().describe('The room’s general (ambient) light on its walls and floor, lux. Absent: by its use.'),
});

export const Room = z.object({
  id: Id,
  name: LangMap,
  polygon: z
    .array(Vec2)
    .min(3, 'a room polygon needs at least 3 points')
    .max(LIMITS.maxPolygonPoints)
    .describe('Floor outline [x, z]; wall i runs from point i to point i+1.'),
  height: Length(30, 1.8).optional().describe('Ceiling height; defaults to the plan wallHeight.'),
  floor: Finish.optional(),
  walls: Finish.optional(),
  level: Id.optional().describe('The level (floor of the building) the room is on; defaults to the first of space.levels.'),
  lighting: RoomLighting.optional(),
  panoramas: z
    .array(Panorama)
    .max(50)
    .optional()
    .describe('360° photographs taken in the room (src/twin/panorama.ts); each shows as a viewpoint in the preview and in VR.'),
});

export const Doorway = z.object({
  id: Id,
  rooms: z.array(Id).min(1).max(2).describe('The room(s) it connects.'),
  position: Vec2.describe('A point on the wall where the opening is centred.'),
  width: Length(20, 0.5),
  height: Length(20, 1.8),
});

/** A floor of the building (personal visit: routes across levels). */
export const Level = z.object({
  id: Id,
  name: LangMap,
  elevation: finite().refine((n) => Math.abs(n) <= 500, 'must be within ±500 m').describe('Floor height above the ground floor, metres.'),
});

export const VERTICAL_LINK_KINDS = ['stairs', 'ramp', 'lift'] as const;

/** One end of a vertical link: where on which level a visitor steps on or off. */
export const VerticalLinkEnd = z.object({ level: Id, room: Id, position: Vec2 });

/** Stairs, a ramp or a lift between two levels. Ramps and lifts are step-free; stairs are not. */
export const VerticalLink = z.object({
  id: Id,
  kind: z.enum(VERTICAL_LINK_KINDS),
  name: LangMap.optional(),
  ends: z.tuple([VerticalLinkEnd, VerticalLinkEnd]).describe('The two ends, on two different levels.'),
});

export const AMENITY_KINDS = ['cafe', 'shop'] as const;

/** A café or shop, where a personal visit may start or end. */
export const Amenity = z.object({
  id: Id,
  kind: z.enum(AMENITY_KINDS),
  name: LangMap,
  room: Id,
  position: Vec2,
});

export const FloorPlan = z.object({
  kind: z.literal('floorplan'),
  wallHeight: Length(30, 1.8),
  wallThickness: Length(2, 0.02).default(0.2),
  floor: Finish.optional(),
  walls: Finish.optional(),
  ceiling: Finish.optional(),
  rooms: z.array(Room).min(1).max(500),
  doorways: z.array(Doorway).max(2000).default([]),
  levels: z.array(Level).max(50).optional().describe('The floors of the building, lowest first; absent: one level.'),
  verticalLinks: z.array(VerticalLink).max(500).optional().describe('Stairs, ramps and lifts between levels.'),
  amenities: z.array(Amenity).max(200).optional().describe('Places a visit may start or end: the café, the shop.'),
});

export const SpaceModel = z.object({
  kind: z.literal('model'),
  model: MediaPath.describe('glTF/GLB of the scanned or modelled space, metres, y-up.'),
  floorMeshes: z.array(z.string().min(1).max(200)).min(1).describe('Names of the walkable floor meshes.'),
  rooms: z
    .array(Room.omit({ height: true, floor: true, walls: true }))
    .default([])
    .describe('Optional room outlines, for the minimap and placement.'),
});

export const Space = z.discriminatedUnion('kind', [FloorPlan, SpaceModel]);

export const Zone = z
  .object({
    id: Id,
    name: LangMap,
    room: Id.optional().describe('A whole room.'),
    polygon: z.array(Vec2).min(3).max(LIMITS.maxPolygonPoints).optional().describe('Or part of a room.'),
  })
  .refine((z) => z.room !== undefined || z.polygon !== undefined, 'a zone names a room or gives a polygon');

export const Entrance = z.object({
  position: Vec3.describe('Where the visitor stands (feet on the floor).'),
  heading: Heading,
});

// ---------------------------------------------------------------- artworks

export const WallPlacement = z.object({
  kind: z.literal('wall'),
  room: Id,
  wall: z.number().int().min(0).describe('Wall index: from polygon point i to point i+1.'),
  offset: Length(LIMITS.maxSpan, 0).describe('Distance along the wall from its start to the centre of the work.'),
  height: Length(30, 0).describe("Height of the work's centre above the floor."),
});

export const PosePlacement = z.object({
  kind: z.literal('pose'),
  position: Vec3.describe('For objects: the floor point under the plinth centre. For paintings: the centre of the image.'),
  heading: Heading.default(0).describe('Which way the work faces.'),
});

export const Placement = z.discriminatedUnion('kind', [WallPlacement, PosePlacement]);

export const Creator = z.object({
  name: LangMap,
  lifeDates: z.string().max(100).optional().describe('e.g. "1853–1890" or "active 1620s".'),
  role: LangMap.optional(),
});

export const Dimensions = z.object({
  height: Length(LIMITS.maxArtworkSize, LIMITS.minArtworkSize),
  width: Length(LIMITS.maxArtworkSize, LIMITS.minArtworkSize),
  depth: Length(LIMITS.maxArtworkSize, LIMITS.minArtworkSize).optional(),
});

export const Annotation = z.object({
  id: Id,
  position: Vec3.describe("Point on the work, in the work's own coordinates (metres; paintings: x right, y up from centre)."),
  title: LangMap,
  text: LangMap,
});

export const Narration = z.object({
  audio: MediaPath.describe('Audio file (Ogg/Opus, MP3 or WAV).'),
  captions: MediaPath.describe('WebVTT captions for the audio.'),
});

export const OverlayAnimation = z
  .object({
    title: LangMap,
    clip: z.string().max(200).optional().describe("Name of an animation clip in the work's own model."),
    model: MediaPath.optional().describe('Or a separate GLB played on the work (then `clip`, if given, names a clip in this GLB).'),
    loop: z.boolean().default(true),
  })
  .refine((a) => a.clip !== undefined || a.model !== undefined, 'an animation names a clip or a model');

export { CONDITIONS };
export { LIGHT_CATEGORIES, CLIMATE_CLASSES, EnvironmentNeeds, TimeLapseState } from './schema-conservation';
import { Conservation, EnvironmentNeeds, TimeLapseState, TimeLapse } from './schema-conservation';

/** The ways a visitor can meet a work: the pre-visit preview, the VR walkthrough, in-gallery AR. */
export const MODES = ['preview', 'vr', 'ar'] as const;
export const VisitMode = z.enum(MODES);

/**
 * A community's label for a work, in the style of Local Contexts' Traditional Knowledge (TK) and Biocultural (BC)
 * labels (https://localcontexts.org/labels/): a short code, its name and the community's own wording.
 */
export const CommunityLabel = z.object({
  code: z.string().min(1).max(16).describe('Short badge text, e.g. "TK CO" (Community Use Only), "TK CS" (Culturally Sensitive), "BC P" (Provenance).'),
  name: LangMap.describe('The label\'s name, e.g. {"en": "TK Community Use Only"}.'),
  text: LangMap.optional().describe("The community's wording for this work."),
  url: z.string().max(1024).regex(/^https:\/\/[^\s]+$/, 'a label link is an https:// URL').optional().describe('Where the label is published.'),
});

/** What a community's protocol may add to any level: labels, and where and how the work may be met. */
const ProtocolRules = {
  communityId: Id.optional().describe(
    "The id of the community whose protocol this is: its keeper's account names the same id (co-curation), so that keeper may change this work's protocol.",
  ),
  labels: z.array(CommunityLabel).max(20).optional(),
  modes: z
    .array(VisitMode)
    .max(3)
    .optional()
    .describe('Modes in which the work may be shown (default: all). A mode left out shows the protocol notice instead, and its media is not requested there.'),
  narration: z
    .array(VisitMode)
    .max(3)
    .optional()
    .describe('Modes in which its narration may be played (default: every mode it is shown in); [] for none.'),
  screenshots: z.boolean().optional().describe('false: the community asks that no screenshots or photographs be taken; the app offers no capture and says so.'),
  sharing: z.boolean().optional().describe('false: no links to the work are offered or put in the address bar.'),
};

export const Sensitivity = z
  .discriminatedUnion('level', [
    z.object({ level: z.literal('open'), ...ProtocolRules }),
    z.object({
      level: z.literal('advisory'),
      notice: LangMap.describe('Shown first; the visitor acknowledges it before seeing the work.'),
      ...ProtocolRules,
    }),
    z.object({
      level: z.literal('restricted'),
      community: LangMap.describe('The owning community.'),
      statement: LangMap.describe("The community's statement, shown instead of the work."),
      contact: z.string().min(1).max(500).describe('Who to contact (an email address or a web page).'),
      ...ProtocolRules,
    }),
  ])
  .describe('open: shown; advisory: notice first; restricted: media never shown, statement instead. Any level may carry community labels and per-mode rules.');

/** The light on one work: its picture light or spot, as measured on the work's face. */
export const ArtworkLighting = z.object({
  illuminance: Lux.describe('Illuminance on the work, lux (e.g. 50 for works on paper, 150–200 for oil paintings).'),
});

const ArtworkBase = z.object({
  id: Id,
  title: LangMap,
  creator: Creator,
  date: LangMap.describe('As catalogued, e.g. "c. 1650".'),
  medium: LangMap,
  dimensions: Dimensions,
  accessionNumber: z.string().min(1).max(100),
  creditLine: LangMap,
  rights: z.object({ work: Licence, media: Licence }),
  label: LangMap.describe('The short wall label.'),
  backstory: LangMap.describe(
    'Safe rich text: paragraphs separated by a blank line, *emphasis*, **strong**, [text](#artwork=id) links. No HTML.',
  ),
  placement: Placement,
  zone: Id.optional(),
  narration: z.record(LanguageCode, Narration).optional().describe('Narration per language.'),
  annotations: z.array(Annotation).max(200).default([]),
  animation: OverlayAnimation.optional(),
  conservation: Conservation.optional(),
  environment: EnvironmentNeeds.optional(),
  lighting: ArtworkLighting.optional(),
  timeLapse: TimeLapse.optional(),
  sensitivity: Sensitivity.default({ level: 'open' }),
  dwellMinutes: finite().min(0.5).max(240).optional().describe('Suggested time to spend at the work, minutes (default: painting 2, object 3).'),
});

export const FRAME_STYLES = ['gilded', 'oak', 'black', 'white', 'none'] as const;

export const Painting = ArtworkBase.extend({
  kind: z.literal('painting'),
  image: MediaPath.optional().describe(
    'The image, shown at the true size given by dimensions. Required unless the work is restricted (then it must be absent: restricted media is never published).',
  ),
  farImage: MediaPath.optional().describe(
    'A smaller copy of image (same proportions) for far views, shown first while image loads. `npm run pack` writes it.',
  ),
  compressedImage: MediaPath.optional().describe(
    'image as KTX2 (Basis Universal, rows bottom to top), kept compressed in GPU memory; image is shown instead where it cannot be decoded. `npm run pack -- --ktx2` writes it.',
  ),
  frame: z
    .object({ style: z.enum(FRAME_STYLES).default('gilded'), width: Length(0.5, 0).default(0.06) })
    .default({ style: 'gilded', width: 0.06 }),
});

export const DISPLAYS = ['plinth', 'case', 'none'] as const;

export const ObjectArtwork = ArtworkBase.extend({
  kind: z.literal('object'),
  model: MediaPath.optional().describe(
    'glTF/GLB at real scale (metres), y-up, resting on y = 0. Required unless the work is restricted (then it must be absent).',
  ),
  display: z.enum(DISPLAYS).default('plinth'),
  plinthHeight: Length(3, 0).default(0.9),
});

export const Artwork = z.discriminatedUnion('kind', [Painting, ObjectArtwork]);

// ---------------------------------------------------------------- tours & AR

export const TourStop = z.object({ artwork: Id, text: LangMap.optional() });

export const Tour = z.object({
  id: Id,
  title: LangMap,
  description: LangMap.optional(),
  durationMinutes: finite().min(1).max(600),
  stops: z.array(TourStop).min(1).max(500),
});

export const ReferencePoint = z.object({ id: Id, name: LangMap, position: Vec3 });

export const Marker = z.object({
  id: Id,
  name: LangMap,
  image: MediaPath,
  widthMetres: Length(5, 0.02),
  position: Vec3.describe("The marker's centre."),
  normal: Vec3.describe('Unit vector the printed face looks along.'),
  up: Vec3.default([0, 1, 0]).describe("Direction of the image's top edge."),
});

export const ArReferences = z.object({
  points: z.array(ReferencePoint).max(100).default([]),
  markers: z.array(Marker).max(100).default([]),
});

// ---------------------------------------------------------------- exhibition

export const Credit = z.object({ role: LangMap, name: z.string().min(1).max(300) });

const ExhibitionFields = z.object({
  $schema: z.string().optional(),
  format: z.literal(FORMAT),
  version: z.literal(FORMAT_VERSION),
  id: Id,
  title: LangMap,
  subtitle: LangMap.optional(),
  institution: LangMap,
  description: LangMap.optional(),
  languages: z.array(LanguageCode).min(1).max(50),
  defaultLanguage: LanguageCode,
  credits: z.array(Credit).max(200).default([]),
  licence: Licence.describe('Licence of the exhibition data itself.'),
  environment: MediaPath.optional().describe('Image-based light: an equirectangular .hdr (prefiltered on load) or a Babylon .env prefiltered ahead (npm run bake:environment); the app has a default.'),
  space: Space,
  zones: z.array(Zone).max(1000).default([]),
  entrance: Entrance,
  artworks: z.array(Artwork).max(LIMITS.maxArtworks),
  tours: z.array(Tour).max(100).default([]),
  arReferences: ArReferences.default({ points: [], markers: [] }),
  conditionTerms: z
    .record(z.string().min(1).max(200), z.enum(CONDITIONS))
    .optional()
    .describe('Maps a collection system\'s condition terms or AAT ids (e.g. "aat:300…" or its vocab.getty.edu URI) to a grade.'),
});

/** Conditions that are not grades or synonyms resolve through `conditionTerms`, or are reported where they stand. */
export const Exhibition = ExhibitionFields.transform((ex, ctx) => {
  const mapped = ex.conditionTerms ?? {};
  const resolve = (value: string, path: (string | number)[]): ConditionTerm => {
    const term = resolveCondition(value, mapped);
    if (!term) ctx.issues.push({ code: 'custom', input: value, path, message: `'${value.slice(0, 60)}' is not a condition term: ${CONDITION_HELP}` });
    return term ?? (value as ConditionTerm);
  };
  ex.artworks.forEach((a, i) => {
    a.conservation?.reports.forEach((r, j) => {
      const base = ['artworks', i, 'conservation', 'reports', j];
      r.condition = resolve(r.condition, [...base, 'condition']);
      r.areas.forEach((area, k) => {
        if (area.condition !== undefined) area.condition = resolve(area.condition, [...base, 'areas', k, 'condition']);
      });
    });
  });
  return ex;
});

export type LangMap = z.infer<typeof LangMap>;
export type Vec2 = z.infer<typeof Vec2>;
export type Vec3 = z.infer<typeof Vec3>;
export type Finish = z.infer<typeof Finish>;
export type Room = z.infer<typeof Room>;
export type Doorway = z.infer<typeof Doorway>;
export type FloorPlan = z.infer<typeof FloorPlan>;
export type Level = z.infer<typeof Level>;
export type VerticalLink = z.infer<typeof VerticalLink>;
export type Amenity = z.infer<typeof Amenity>;
export type SpaceModel = z.infer<typeof SpaceModel>;
export type Space = z.infer<typeof Space>;
export type Zone = z.infer<typeof Zone>;
export type Entrance = z.infer<typeof Entrance>;
export type Placement = z.infer<typeof Placement>;
export type WallPlacement = z.infer<typeof WallPlacement>;
export type Annotation = z.infer<typeof Annotation>;
export type Narration = z.infer<typeof Narration>;
export type TimeLapseState = z.infer<typeof TimeLapseState>;
export type Sensitivity = z.infer<typeof Sensitivity>;
export type EnvironmentNeeds = z.infer<typeof EnvironmentNeeds>;
export type VisitMode = z.infer<typeof VisitMode>;
export type CommunityLabel = z.infer<typeof CommunityLabel>;
export type Painting = z.infer<typeof Painting>;
export type ObjectArtwork = z.infer<typeof ObjectArtwork>;
export type Artwork = z.infer<typeof Artwork>;
export type Tour = z.infer<typeof Tour>;
export type Exhibition = z.infer<typeof Exhibition>;
/** The file as authored, before defaults are filled in. */
export type ExhibitionInput = z.input<typeof Exhibition>;
