/**
 * Optional detours: works the visitor did not keep but that fit their interests — the same creator, the same
 * period (century), or a story link (a backstory linking one to the other) — and lie close to the route.
 * Offered, clearly marked optional, never counted in the route's time.
 */
import type { Artwork, Exhibition } from '../schema';
import { artworkLinks } from '../richtext';
import { distance } from '../geometry';
import { dwellMinutes, planOf, workPlace, workRoom, type Place } from './places';
import { roomGraph } from '../rooms';
import { roomLevels } from './levels';
import type { Route } from './plan';
import { walkMinutes } from './pace';

export type DetourReason = 'creator' | 'period' | 'story';

export interface Detour {
  artwork: string;
  place: Place;
  /** The stop it relates to, and how. */
  relatedTo: string;
  reason: DetourReason;
  /** Insert after this stop index (0-based) to walk least. */
  after: number;
  /** Minutes it would add: the walk there and back into the route, and its dwell time. */
  minutes: number;
}

const MAX_DETOURS = 3;
/** A detour adds at most this many minutes. */
const MAX_DETOUR_MINUTES = 6;
const SHORTLIST = 12;

/** The century of a catalogued date ("c. 1650" → 17), or undefined. */
export function centuryOf(art: Artwork, lang: string): number | undefined {
  const text = art.date[lang] ?? Object.values(art.date)[0] ?? '';
  const m = /(\d{3,4})/.exec(text);
  return m ? Math.floor(Number(m[1]) / 100) + 1 : undefined;
}

export function findDetours(ex: Exhibition, route: Route, exclude: ReadonlySet<string>): Detour[] {
  const lang = ex.defaultLanguage;
  const byId = new Map(ex.artworks.map((a) => [a.id, a]));
  const stops = route.stops.map((s) => byId.get(s.artwork)!);
  const creators = new Map(stops.map((a) => [a.creator.name[lang] ?? '', a.id]));
  const centuries = new Map(stops.map((a) => [centuryOf(a, lang), a.id]));
  const linked = new Map<string, string>();
  for (const a of stops) for (const target of artworkLinks(a.backstory[lang] ?? '')) linked.set(target, a.id);
  const stopIds = new Set(stops.map((a) => a.id));
  const levels = roomLevels(planOf(ex));

  // Only works in the stops' rooms and the rooms one doorway away: a detour is a few steps, and this keeps a
  // 1,000-work exhibition from being read work by work.
  const plan = planOf(ex);
  const near = new Set(route.stops.map((s) => s.place.room));
  const graph = roomGraph(plan);
  for (const room of [...near]) for (const next of graph.get(room) ?? []) near.add(next);
  const related: { art: Artwork; relatedTo: string; reason: DetourReason; place: Place; near: number }[] = [];
  for (const art of ex.artworks) {
    if (exclude.has(art.id)) continue;
    const room = art.placement.kind === 'wall' ? art.placement.room : workRoom(ex, art, plan)?.id;
    if (room === undefined || !near.has(room)) continue;
    let hit: { relatedTo: string; reason: DetourReason } | undefined;
    const story = linked.get(art.id) ?? artworkLinks(art.backstory[lang] ?? '').find((id) => stopIds.has(id));
    const century = centuryOf(art, lang);
    if (story) hit = { relatedTo: story, reason: 'story' };
    else if (creators.has(art.creator.name[lang] ?? '')) hit = { relatedTo: creators.get(art.creator.name[lang] ?? '')!, reason: 'creator' };
    else if (century !== undefined && centuries.has(century)) hit = { relatedTo: centuries.get(century)!, reason: 'period' };
    if (!hit) continue;
    const place = workPlace(ex, art, levels);
    if (!place) continue;
    let nearest = Infinity;
    for (const s of route.stops) if (s.place.level === place.level) nearest = Math.min(nearest, distance(s.place.position, place.position));
    if (Number.isFinite(nearest)) related.push({ art, ...hit, place, near: nearest });
  }
  const rank = { story: 0, creator: 1, period: 2 } as const;
  related.sort((a, b) => a.near - b.near || rank[a.reason] - rank[b.reason]);

  // Real walking cost of inserting each shortlisted work between two consecutive points of the route.
  const g = route.graph;
  const seq = [route.start, ...route.stops.map((s) => s.place), route.end];
  const seqKeys = seq.map((p, i) => (i === 0 ? 'p:end-0' : i === seq.length - 1 ? 'p:end-1' : `p:work-${p.id}`));
  const out: Detour[] = [];
  for (const r of related.slice(0, SHORTLIST)) {
    const key = g.addPoint(`detour-${r.art.id}`, r.place.room, r.place.position);
    const paths = g.pathsFrom(key, seqKeys);
    let best = { after: -1, metres: Infinity };
    for (let k = 1; k < seq.length; k++) {
      const a = paths.get(seqKeys[k - 1]!);
      const b = paths.get(seqKeys[k]!);
      if (!a || !b) continue;
      const metres = a.metres + b.metres - (route.legs[k - 1]?.metres ?? 0);
      if (metres < best.metres) best = { after: k - 2, metres };
    }
    if (best.after < -1 || !Number.isFinite(best.metres)) continue;
    const minutes = walkMinutes(best.metres) + dwellMinutes(r.art);
    if (minutes > MAX_DETOUR_MINUTES) continue;
    out.push({ artwork: r.art.id, place: r.place, relatedTo: r.relatedTo, reason: r.reason, after: Math.max(0, best.after), minutes: Math.ceil(minutes) });
    if (out.length >= MAX_DETOURS) break;
  }
  return out;
}
