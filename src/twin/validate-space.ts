/** Checks of the exhibition space: room outlines, overlaps, doorways, the entrance, reachability. */
import type { Exhibition as ExhibitionData, Room } from './schema';
import { bbox, distanceToBoundary, edgeOf, pointInPolygon, polygonProblem, polygonsOverlap, toSegment } from './geometry';
import { checkUniqueIds, listIds, m2, q, type Collector, type PathSegment, type RoomIndex } from './problems';

export function checkSpace(c: Collector, ex: ExhibitionData, roomById: RoomIndex): void {
  const space = ex.space;
  const rooms = space.rooms;
  checkUniqueIds(c, rooms, ['space', 'rooms']);
  const valid = new Set<number>();
  rooms.forEach((room, r) => {
    const bad = polygonProblem(room.polygon);
    if (bad) {
      c.error(bad.index === undefined ? ['space', 'rooms', r, 'polygon'] : ['space', 'rooms', r, 'polygon', bad.index], bad.message);
    } else valid.add(r);
  });
  // Rooms overlapping each other (cheap bbox test first; skipped for huge plans).
  let budget = 4_000_000;
  const boxes = rooms.map((r) => bbox(r.polygon));
  for (let i = 0; i < rooms.length && budget > 0; i++) {
    for (let j = i + 1; j < rooms.length && budget > 0; j++) {
      if (!valid.has(i) || !valid.has(j)) continue;
      const a = boxes[i] as [number, number, number, number];
      const b = boxes[j] as [number, number, number, number];
      if (a[2] <= b[0] + 1e-3 || b[2] <= a[0] + 1e-3 || a[3] <= b[1] + 1e-3 || b[3] <= a[1] + 1e-3) continue;
      const ri = rooms[i] as Room;
      const rj = rooms[j] as Room;
      const first = space.kind === 'floorplan' ? space.levels?.[0]?.id : undefined;
      if (first !== undefined && (ri.level ?? first) !== (rj.level ?? first)) continue; // floors above one another share plan area
      budget -= ri.polygon.length * rj.polygon.length;
      if (polygonsOverlap(ri.polygon, rj.polygon)) {
        c.warn(['space', 'rooms', j, 'polygon'], `room ${q(rj.id)} overlaps room ${q(ri.id)}; rooms should share walls, not floor`);
      }
    }
  }
  if (space.kind !== 'floorplan') return;

  const roomIds = rooms.map((r) => r.id);
  checkUniqueIds(c, space.doorways, ['space', 'doorways']);
  const adjacency = new Map<string, Set<string>>(roomIds.map((id) => [id, new Set<string>()]));
  space.doorways.forEach((door, d) => {
    const base: PathSegment[] = ['space', 'doorways', d];
    if (door.rooms.length === 2 && door.rooms[0] === door.rooms[1]) c.error([...base, 'rooms', 1], `names room ${q(door.rooms[0])} twice; a doorway connects two different rooms (or one room to the outside)`);
    door.rooms.forEach((id, k) => {
      const entry = roomById.get(id);
      if (!entry) {
        c.error([...base, 'rooms', k], `room ${q(id)} does not exist (${listIds(roomIds, 'rooms')})`);
        return;
      }
      if (!valid.has(entry.index)) return;
      const room = entry.room as Room;
      const poly = room.polygon;
      let best = { wall: -1, distance: Infinity, along: 0, length: 0 };
      for (let w = 0; w < poly.length; w++) {
        const [a, b] = edgeOf(poly, w);
        const s = toSegment(door.position, a, b);
        if (s.distance < best.distance) best = { wall: w, ...s };
      }
      if (best.distance > space.wallThickness + 1e-6) {
        c.error(
          [...base, 'position'],
          `the doorway is not on a wall of room ${q(id)}: the nearest, wall ${best.wall}, is ${m2(best.distance)} away (walls are ${m2(space.wallThickness)} thick)`,
        );
        return;
      }
      const half = door.width / 2;
      if (door.width > best.length + 1e-6) {
        c.error([...base, 'width'], `the doorway (${m2(door.width)} wide) is wider than wall ${best.wall} of room ${q(id)} (${m2(best.length)} long)`);
      } else if (best.along - half < -1e-6 || best.along + half > best.length + 1e-6) {
        c.error(
          [...base, 'position'],
          `the doorway (${m2(door.width)} wide) runs past the end of wall ${best.wall} of room ${q(id)} (${m2(best.length)} long): its centre must be between ${m2(half)} and ${m2(best.length - half)} along the wall, it is at ${m2(best.along)}`,
        );
      }
      const ceiling = room.height ?? space.wallHeight;
      if (door.height > ceiling + 1e-6) c.error([...base, 'height'], `the doorway (${m2(door.height)} high) is taller than room ${q(id)} (${m2(ceiling)})`);
    });
    if (door.rooms.length === 2) {
      const [a, b] = door.rooms as [string, string];
      adjacency.get(a)?.add(b);
      adjacency.get(b)?.add(a);
    }
  });

  for (const link of space.verticalLinks ?? []) {
    const [a, b] = [link.ends[0].room, link.ends[1].room];
    adjacency.get(a)?.add(b);
    adjacency.get(b)?.add(a);
  }
  // Entrance, and which rooms can be reached from it.
  const entrance: [number, number] = [ex.entrance.position[0], ex.entrance.position[2]];
  const startRoom = rooms.find((r, i) => valid.has(i) && pointInPolygon(entrance, r.polygon));
  if (!startRoom) {
    if (valid.size === rooms.length) {
      c.error(['entrance', 'position'], `the entrance (x ${m2(entrance[0])}, z ${m2(entrance[1])}) is not inside any room`);
    }
    return;
  }
  if (distanceToBoundary(entrance, startRoom.polygon) < 0.2) {
    c.warn(['entrance', 'position'], `the entrance is within 20 cm of a wall of room ${q(startRoom.id)}; visitors start inside the wall`);
  }
  const reached = new Set<string>([startRoom.id]);
  const queue = [startRoom.id];
  while (queue.length) {
    const cur = queue.shift() as string;
    for (const next of adjacency.get(cur) ?? []) {
      if (!reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
    }
  }
  rooms.forEach((r, i) => {
    if (!reached.has(r.id) && roomIds.indexOf(r.id) === i) {
      c.warn(['space', 'rooms', i], `room ${q(r.id)} cannot be reached from the entrance (in room ${q(startRoom.id)}): no chain of doorways leads to it`);
    }
  });
}

