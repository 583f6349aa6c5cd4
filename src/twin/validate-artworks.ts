/** Checks of the artworks: placements that fit their walls, media for their kind, sensitivity, time-lapses. */
import type { Artwork, Exhibition as ExhibitionData, Room } from './schema';
import { distance, edgeOf, pointInPolygon, toSegment } from './geometry';
import { artworkLinks } from './richtext';
import { checkUniqueIds, formatPath, isHttpUrl, listIds, m2, q, type Collector, type PathSegment, type RoomIndex } from './problems';

interface WallSlot {
  index: number;
  artwork: Artwork;
  lo: number;
  hi: number;
  bottom: number;
  top: number;
  frame: number;
}

function artworkBounds(a: Artwork): { x: [number, number]; y: [number, number]; z?: [number, number] } {
  const { width, height, depth } = a.dimensions;
  if (a.kind === 'painting') return { x: [-width / 2, width / 2], y: [-height / 2, height / 2] };
  return { x: [-width / 2, width / 2], y: [0, height], ...(depth !== undefined ? { z: [-depth / 2, depth / 2] as [number, number] } : {}) };
}

function pointOnWork(a: Artwork, p: readonly [number, number, number]): boolean {
  const b = artworkBounds(a);
  const tolX = 0.05 * (b.x[1] - b.x[0]) + 0.01;
  const tolY = 0.05 * (b.y[1] - b.y[0]) + 0.01;
  if (p[0] < b.x[0] - tolX || p[0] > b.x[1] + tolX || p[1] < b.y[0] - tolY || p[1] > b.y[1] + tolY) return false;
  if (b.z) {
    const tolZ = 0.05 * (b.z[1] - b.z[0]) + 0.01;
    if (p[2] < b.z[0] - tolZ || p[2] > b.z[1] + tolZ) return false;
  }
  return true;
}

function sizeText(a: Artwork): string {
  const d = a.dimensions;
  return `${Number(d.width.toFixed(3))} × ${Number(d.height.toFixed(3))}${d.depth !== undefined ? ` × ${Number(d.depth.toFixed(3))}` : ''} m`;
}

const RESTRICTED_MEDIA = 'restricted media must not be published in the exhibition file; remove it';

export function checkArtworks(c: Collector, ex: ExhibitionData, roomById: RoomIndex): void {
  const space = ex.space;
  const rooms = space.rooms;
  const roomIds = rooms.map((r) => r.id);
  const zoneIds = ex.zones.map((z) => z.id);
  const artworkIds = new Set(ex.artworks.map((a) => a.id));
  const languages = ex.languages;
  checkUniqueIds(c, ex.artworks, ['artworks']);
  if (ex.artworks.length === 0) c.warn(['artworks'], 'the exhibition has no artworks');

  const accession = new Map<string, number>();
  const walls = new Map<string, WallSlot[]>();

  ex.artworks.forEach((a, i) => {
    const base: PathSegment[] = ['artworks', i];
    const restricted = a.sensitivity.level === 'restricted';

    const prevAcc = accession.get(a.accessionNumber);
    if (prevAcc === undefined) accession.set(a.accessionNumber, i);
    else c.warn([...base, 'accessionNumber'], `accession number ${q(a.accessionNumber)} is also used by ${formatPath(['artworks', prevAcc])} (${q(ex.artworks[prevAcc]?.id)})`);

    // Nested ids.
    checkUniqueIds(c, a.annotations, [...base, 'annotations']);
    if (a.conservation) {
      checkUniqueIds(c, a.conservation.reports, [...base, 'conservation', 'reports']);
      checkUniqueIds(c, a.conservation.treatments, [...base, 'conservation', 'treatments']);
    }
    if (a.timeLapse) checkTimeLapse(c, a, base, restricted);

    // Media according to sensitivity.
    const mediaKey = a.kind === 'painting' ? 'image' : 'model';
    const media = a.kind === 'painting' ? a.image : a.model;
    if (restricted) {
      if (media !== undefined) c.error([...base, mediaKey], RESTRICTED_MEDIA);
      if (a.kind === 'painting' && a.farImage !== undefined) c.error([...base, 'farImage'], RESTRICTED_MEDIA);
      if (a.kind === 'painting' && a.compressedImage !== undefined) c.error([...base, 'compressedImage'], RESTRICTED_MEDIA);
      if (a.narration !== undefined) c.error([...base, 'narration'], RESTRICTED_MEDIA);
      if (a.animation?.model !== undefined) c.error([...base, 'animation', 'model'], RESTRICTED_MEDIA);
      else if (a.animation !== undefined) c.error([...base, 'animation'], 'a restricted work is never shown, so it must not have an animation; remove it');
      if (a.annotations.length > 0) c.warn([...base, 'annotations'], 'annotations of a restricted work are never shown; consider removing them');
    } else if (media === undefined) {
      c.error([...base, mediaKey], a.kind === 'painting' ? 'a painting needs an image (only restricted works have none)' : 'an object needs a 3D model (only restricted works have none)');
    }

    // Sensitivity texts.
    const s = a.sensitivity;
    const def = ex.defaultLanguage;
    if (s.level === 'advisory' && s.notice[def] !== undefined && s.notice[def].trim() === '') c.error([...base, 'sensitivity', 'notice', def], 'the advisory notice is empty; visitors must be told what to expect');
    if (s.level === 'restricted') {
      if (s.statement[def] !== undefined && s.statement[def].trim() === '') c.error([...base, 'sensitivity', 'statement', def], "the community's statement is empty; it is shown instead of the work");
      if (s.community[def] !== undefined && s.community[def].trim() === '') c.error([...base, 'sensitivity', 'community', def], 'the owning community is not named');
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s.contact) && !/^https:\/\/\S+$/.test(s.contact)) {
        c.warn([...base, 'sensitivity', 'contact'], `${q(s.contact)} is neither an email address nor an https:// web page`);
      }
    }
    // Per-mode protocol rules that cannot do what their authors meant.
    if (s.modes !== undefined && s.modes.length === 0 && !restricted) c.warn([...base, 'sensitivity', 'modes'], 'the work is shown in no mode; make it restricted (and remove its media) if it must not be seen');
    if (restricted && s.modes !== undefined) c.warn([...base, 'sensitivity', 'modes'], 'a restricted work is shown in no mode; modes has no effect');
    if (s.narration !== undefined && s.modes !== undefined) {
      for (const m of s.narration) if (!s.modes.includes(m)) c.warn([...base, 'sensitivity', 'narration'], `narration is allowed in ${q(m)} but the work is not shown there`);
    }

    // Narration.
    if (a.narration) {
      for (const lang of Object.keys(a.narration)) {
        if (!languages.includes(lang)) c.warn([...base, 'narration', lang], `narration language ${q(lang)} is not one of the exhibition's languages (${languages.join(', ')}), so it is never played`);
      }
      if (!restricted) {
        for (const lang of languages) {
          if (a.narration[lang] === undefined) c.warn([...base, 'narration'], `no ${q(lang)} narration (narration exists in ${Object.keys(a.narration).join(', ')})`);
        }
      }
    }

    // Animation.
    if (a.animation?.clip !== undefined && a.animation.model === undefined && a.kind === 'painting') {
      c.error([...base, 'animation', 'clip'], `a painting has no 3D model of its own, so clip ${q(a.animation.clip)} cannot play; give animation.model`);
    }

    // Rights.
    for (const k of ['work', 'media'] as const) {
      const url = a.rights[k].url;
      if (url !== undefined && !isHttpUrl(url)) c.error([...base, 'rights', k, 'url'], `${q(url)} is not a web address; use an https:// link`);
    }

    // Backstory: links and markup that will show literally.
    for (const [lang, text] of Object.entries(a.backstory)) {
      for (const id of artworkLinks(text)) {
        if (!artworkIds.has(id)) c.error([...base, 'backstory', lang], `links to artwork ${q(id)}, which does not exist`);
      }
      const html = /<\/?[a-zA-Z][^<>]*>/.exec(text);
      if (html) c.warn([...base, 'backstory', lang], `HTML such as ${q(html[0])} is not allowed and is shown as literal text; use *emphasis*, **strong** and [text](#artwork=id)`);
      const other = /\[[^\]\n]*\]\((?!#artwork=[a-z0-9][a-z0-9_-]*\))([^)\s]*)\)/.exec(text);
      if (other) c.warn([...base, 'backstory', lang], `link target ${q(other[1])} is not an artwork link (#artwork=id), so it is shown as plain text`);
    }

    // Annotations and condition areas on the work.
    a.annotations.forEach((an, k) => {
      if (!pointOnWork(a, an.position)) c.warn([...base, 'annotations', k, 'position'], `the point is outside the work (${sizeText(a)})`);
    });
    a.conservation?.reports.forEach((r, k) =>
      r.areas.forEach((area, j) => {
        if (!pointOnWork(a, area.position)) c.warn([...base, 'conservation', 'reports', k, 'areas', j, 'position'], `the area is centred outside the work (${sizeText(a)})`);
      }),
    );

    // Zone.
    if (a.zone !== undefined) {
      const zone = ex.zones.find((z) => z.id === a.zone);
      if (!zone) c.error([...base, 'zone'], `zone ${q(a.zone)} does not exist (${listIds(zoneIds, 'zones')})`);
      else if (zone.room !== undefined && a.placement.kind === 'wall' && a.placement.room !== zone.room) {
        c.warn([...base, 'zone'], `zone ${q(zone.id)} is room ${q(zone.room)}, but the work hangs in room ${q(a.placement.room)}`);
      }
    }

    // Placement.
    const p = a.placement;
    const { width, height } = a.dimensions;
    if (p.kind === 'wall') {
      const entry = roomById.get(p.room);
      if (!entry) {
        c.error([...base, 'placement', 'room'], `room ${q(p.room)} does not exist (${listIds(roomIds, 'rooms')})`);
        return;
      }
      const poly = entry.room.polygon;
      if (p.wall >= poly.length) {
        c.error([...base, 'placement', 'wall'], `wall ${p.wall} does not exist in room ${q(p.room)} (it has ${poly.length} walls, numbered 0–${poly.length - 1})`);
        return;
      }
      const [wa, wb] = edgeOf(poly, p.wall);
      const len = distance(wa, wb);
      const half = width / 2;
      if (width > len + 1e-6) {
        c.error([...base, 'placement', 'wall'], `the work (${m2(width)} wide) is wider than wall ${p.wall} of room ${q(p.room)} (${m2(len)} long)`);
      } else if (p.offset - half < -1e-6 || p.offset + half > len + 1e-6) {
        c.error(
          [...base, 'placement', 'offset'],
          `offset ${m2(p.offset)} puts the work (${m2(width)} wide) past the ${p.offset - half < 0 ? 'start' : 'end'} of wall ${p.wall} of room ${q(p.room)} (${m2(len)} long); the offset must be between ${m2(half)} and ${m2(len - half)}`,
        );
      }
      const bottom = p.height - height / 2;
      const top = p.height + height / 2;
      if (bottom < -1e-6) c.error([...base, 'placement', 'height'], `the work (${m2(height)} high) centred at ${m2(p.height)} would reach ${m2(-bottom)} below the floor; the height must be at least ${m2(height / 2)}`);
      if (space.kind === 'floorplan') {
        const ceiling = (entry.room as Room).height ?? space.wallHeight;
        if (top > ceiling + 1e-6) {
          c.error([...base, 'placement', 'height'], `the top of the work would be at ${m2(top)}, above the ${m2(ceiling)} ceiling of room ${q(p.room)}; the height must be at most ${m2(ceiling - height / 2)}`);
        }
        // Doorways on the same wall.
        for (const door of space.doorways) {
          if (!door.rooms.includes(p.room)) continue;
          const s = toSegment(door.position, wa, wb);
          if (s.distance > space.wallThickness + 1e-6) continue;
          const dlo = s.along - door.width / 2;
          const dhi = s.along + door.width / 2;
          if (p.offset - half < dhi - 1e-6 && p.offset + half > dlo + 1e-6 && bottom < door.height - 1e-6) {
            c.error([...base, 'placement'], `the work hangs across doorway ${q(door.id)} on wall ${p.wall} of room ${q(p.room)}`);
          }
        }
      }
      const frame = a.kind === 'painting' && a.frame.style !== 'none' ? a.frame.width : 0;
      const key = `${p.room}\u0000${p.wall}`;
      const slot: WallSlot = { index: i, artwork: a, lo: p.offset - half, hi: p.offset + half, bottom, top, frame };
      const list = walls.get(key);
      if (list) list.push(slot);
      else walls.set(key, [slot]);
    } else if (space.kind === 'floorplan') {
      const plan: [number, number] = [p.position[0], p.position[2]];
      const room = space.rooms.find((r) => pointInPolygon(plan, r.polygon));
      if (!room) c.warn([...base, 'placement', 'position'], `the work (x ${m2(plan[0])}, z ${m2(plan[1])}) is outside every room`);
      else {
        const ceiling = room.height ?? space.wallHeight;
        if (a.kind === 'object') {
          const plinth = a.display === 'none' ? 0 : a.plinthHeight;
          const top = p.position[1] + plinth + height;
          if (top > ceiling + 1e-6) c.warn([...base, 'placement'], `the work${plinth > 0 ? ` on its ${m2(plinth)} ${a.display}` : ''} would reach ${m2(top)}, above the ${m2(ceiling)} ceiling of room ${q(room.id)}`);
        } else {
          if (p.position[1] - height / 2 < -1e-6) c.warn([...base, 'placement', 'position'], `the painting (${m2(height)} high) centred at ${m2(p.position[1])} would reach below the floor`);
          if (p.position[1] + height / 2 > ceiling + 1e-6) c.warn([...base, 'placement', 'position'], `the top of the painting would be at ${m2(p.position[1] + height / 2)}, above the ${m2(ceiling)} ceiling of room ${q(room.id)}`);
        }
      }
    }
  });

  // Works on the same wall must not overlap.
  for (const [key, slots] of walls) {
    const [room, wall] = key.split('\u0000') as [string, string];
    for (let x = 0; x < slots.length; x++) {
      for (let y = x + 1; y < slots.length; y++) {
        const a = slots[x] as WallSlot;
        const b = slots[y] as WallSlot;
        const vertical = a.bottom < b.top - 1e-6 && b.bottom < a.top - 1e-6;
        const later = a.index > b.index ? a : b;
        const earlier = later === a ? b : a;
        const where = `on wall ${wall} of room ${q(room)}`;
        if (vertical && a.lo < b.hi - 1e-6 && b.lo < a.hi - 1e-6) {
          c.error(['artworks', later.index, 'placement'], `overlaps ${q(earlier.artwork.id)} (${formatPath(['artworks', earlier.index])}) ${where}`);
        } else if (
          a.bottom - a.frame < b.top + b.frame - 1e-6 &&
          b.bottom - b.frame < a.top + a.frame - 1e-6 &&
          a.lo - a.frame < b.hi + b.frame - 1e-6 &&
          b.lo - b.frame < a.hi + a.frame - 1e-6
        ) {
          c.warn(['artworks', later.index, 'placement'], `its frame overlaps the frame of ${q(earlier.artwork.id)} (${formatPath(['artworks', earlier.index])}) ${where}`);
        }
      }
    }
  }
}

/** A time-lapse: media of the work's kind, dates in order, nothing published for a restricted work. */
function checkTimeLapse(c: Collector, a: Artwork, base: PathSegment[], restricted: boolean): void {
  const states = a.timeLapse?.states ?? [];
  const path = [...base, 'timeLapse'];
  if (restricted) c.error(path, 'a restricted work is never shown, so it must not have a time-lapse (its states would be published); remove it');
  checkUniqueIds(c, states, [...path, 'states']);
  let withoutMedia = 0;
  let lastDate: string | undefined;
  states.forEach((st, k) => {
    const at = [...path, 'states', k];
    if (a.kind === 'painting' && st.model !== undefined) c.error([...at, 'model'], 'a painting\'s state is an image; use "image"');
    if (a.kind === 'object' && st.image !== undefined) c.error([...at, 'image'], 'an object\'s state is a 3D model; use "model"');
    if ((a.kind === 'painting' ? st.image : st.model) === undefined) withoutMedia++;
    if (st.date !== undefined) {
      if (lastDate !== undefined && st.date < lastDate) c.warn([...at, 'date'], `states are shown in the order given, but ${q(st.date)} is earlier than the state before it (${q(lastDate)})`);
      lastDate = st.date;
    }
  });
  if (withoutMedia > 1) c.warn(path, `${withoutMedia} states have no ${a.kind === 'painting' ? 'image' : 'model'} of their own, so they all show the work as it is now`);
}

