/**
 * Checks of the building's levels, the vertical links between them and the amenities a visit may start or end at
 * (personal visit). A vertical link must join two different levels; each end must lie inside its room, on its level.
 */
import type { Exhibition as ExhibitionData } from './schema';
import { pointInPolygon } from './geometry';
import { checkUniqueIds, listIds, m2, q, type Collector, type PathSegment, type RoomIndex } from './problems';
import { levelsOf } from './route/levels';

export function checkLevels(c: Collector, ex: ExhibitionData, roomById: RoomIndex): void {
  const space = ex.space;
  if (space.kind !== 'floorplan') return;
  const levels = levelsOf(space);
  const levelIds = levels.map((l) => l.id);
  const known = new Set(levelIds);
  const roomIds = space.rooms.map((r) => r.id);
  if (space.levels) checkUniqueIds(c, space.levels, ['space', 'levels']);
  const levelOfRoom = (id: string): string => space.rooms.find((r) => r.id === id)?.level ?? levelIds[0]!;

  space.rooms.forEach((room, r) => {
    if (room.level === undefined || known.has(room.level)) return;
    const hint = space.levels ? listIds(levelIds, 'levels') : 'space.levels is not given, so the plan has one level; add the level there';
    c.error(['space', 'rooms', r, 'level'], `level ${q(room.level)} does not exist (${hint})`);
  });

  const links = space.verticalLinks ?? [];
  checkUniqueIds(c, links, ['space', 'verticalLinks']);
  links.forEach((link, i) => {
    const base: PathSegment[] = ['space', 'verticalLinks', i];
    let endsOk = true;
    link.ends.forEach((end, k) => {
      const at: PathSegment[] = [...base, 'ends', k];
      if (!known.has(end.level)) {
        c.error([...at, 'level'], `level ${q(end.level)} does not exist (${listIds(levelIds, 'levels')})`);
        endsOk = false;
      }
      const entry = roomById.get(end.room);
      if (!entry) {
        c.error([...at, 'room'], `room ${q(end.room)} does not exist (${listIds(roomIds, 'rooms')})`);
        endsOk = false;
        return;
      }
      const roomLevel = levelOfRoom(end.room);
      if (known.has(end.level) && roomLevel !== end.level) {
        c.error([...at, 'level'], `room ${q(end.room)} is on level ${q(roomLevel)}, not ${q(end.level)}`);
      }
      if (!pointInPolygon(end.position, entry.room.polygon)) {
        c.error([...at, 'position'], `the ${link.kind} end (x ${m2(end.position[0])}, z ${m2(end.position[1])}) is not inside room ${q(end.room)}`);
      }
    });
    if (endsOk && link.ends[0].level === link.ends[1].level) {
      c.error([...base, 'ends'], `both ends of the ${link.kind} ${q(link.id)} are on level ${q(link.ends[0].level)}; a vertical link joins two different levels`);
    }
  });

  const amenities = space.amenities ?? [];
  checkUniqueIds(c, amenities, ['space', 'amenities']);
  amenities.forEach((a, i) => {
    const base: PathSegment[] = ['space', 'amenities', i];
    const entry = roomById.get(a.room);
    if (!entry) c.error([...base, 'room'], `room ${q(a.room)} does not exist (${listIds(roomIds, 'rooms')})`);
    else if (!pointInPolygon(a.position, entry.room.polygon)) c.error([...base, 'position'], `the ${a.kind} (x ${m2(a.position[0])}, z ${m2(a.position[1])}) is not inside room ${q(a.room)}`);
  });
}
