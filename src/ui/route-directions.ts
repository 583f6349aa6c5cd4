/**
 * A planned route in words, in the visitor's language: the summary, each leg's directions ("Through the doorway
 * on your left into the Long Gallery, 14 m"), the notes (left out, no step-free way, crowded rooms) and the
 * route link's messages. Plain strings for the drawer, the screen reader and the tests; no DOM here.
 */
import type { Locale } from '../i18n';
import type { Exhibition } from '../twin/schema';
import type { DirectionStep, Side } from '../twin/route/directions';
import type { Route } from '../twin/route/plan';
import type { LinkMessage } from '../twin/route/link';
import type { CrowdingChange } from '../twin/route/live-crowding';
import { levelsOf } from '../twin/route/levels';
import { amenitiesOf } from '../twin/route/levels';
import { planOf } from '../twin/route/places';

export class RouteWords {
  private readonly titles: Map<string, Exhibition['artworks'][number]['title']>;
  /** Only the locale's strings, texts and fill: the immersive modes' XrLocale will do. */
  constructor(private readonly ex: Exhibition, private readonly locale: Pick<Locale, 't' | 'text' | 'fill'>) {
    this.titles = new Map(ex.artworks.map((a) => [a.id, a.title]));
  }

  title(id: string): string {
    const t = this.titles.get(id);
    return t ? this.locale.text(t) : id;
  }

  room(id: string): string {
    const r = this.ex.space.rooms.find((x) => x.id === id);
    return r ? this.locale.text(r.name) : id;
  }

  level(id: string): string {
    const l = levelsOf(planOf(this.ex)).find((x) => x.id === id);
    return l ? this.locale.text(l.name) : id;
  }

  place(id: string): string {
    if (id === 'entrance') return this.locale.t.routeEntrance;
    const a = amenitiesOf(planOf(this.ex)).find((x) => x.id === id);
    return a ? this.locale.text(a.name) : id;
  }

  summary(route: Route): string {
    const t = this.locale.t;
    return this.locale.fill(t.routeSummary, { stops: route.stops.length, walk: Math.round(route.walkMetres), walkMin: Math.round(route.walkMinutes), total: Math.round(route.totalMinutes) });
  }

  side(side: Side): string {
    const t = this.locale.t;
    return { left: t.routeSideLeft, right: t.routeSideRight, ahead: t.routeSideAhead, behind: t.routeSideBehind }[side];
  }

  /** One sentence per step; the last leg arrives at the end place instead of a work. */
  steps(steps: readonly DirectionStep[], endPlace?: string): string[] {
    const t = this.locale.t;
    return steps.map((s) => {
      const v = { side: this.side(s.side), m: Math.max(1, Math.round(s.metres)) };
      switch (s.kind) {
        case 'door':
          return this.locale.fill(t.routeDoor, { ...v, room: this.room(s.room) });
        case 'stairs':
          return this.locale.fill(s.up ? t.routeStairsUp : t.routeStairsDown, { ...v, level: this.level(s.level) });
        case 'ramp':
          return this.locale.fill(s.up ? t.routeRampUp : t.routeRampDown, { ...v, level: this.level(s.level) });
        case 'lift':
          return this.locale.fill(t.routeLift, { ...v, level: this.level(s.level) });
        case 'arrive':
          return endPlace !== undefined ? this.locale.fill(t.routeArriveEnd, { ...v, place: this.place(endPlace) }) : this.locale.fill(t.routeArrive, v);
      }
    });
  }

  /** What the visitor should know about the plan: left out, step-free, crowds, unknown places. */
  notes(route: Route): string[] {
    const t = this.locale.t;
    const out: string[] = [];
    const forTime = route.leftOut.filter((l) => l.reason === 'time');
    if (forTime.length === 1) out.push(this.locale.fill(t.routeLeftOutOne, { min: route.leftOutMinutes }));
    else if (forTime.length > 1) out.push(this.locale.fill(t.routeLeftOut, { n: forTime.length, min: route.leftOutMinutes }));
    // Each one by name, with what it alone would add.
    if (forTime.length) out.push(forTime.map((l) => this.locale.fill(t.routeLeftOutWork, { title: this.title(l.artwork), min: l.minutes ?? 0 })).join(', '));
    const unknown = route.leftOut.filter((l) => l.reason === 'unknown' || l.reason === 'not-placed').map((l) => l.artwork);
    if (unknown.length) out.push(this.locale.fill(t.routeNotHere, { ids: unknown.join(', ') }));
    for (const n of route.notes) {
      if (n.kind === 'no-step-free-way') out.push(this.locale.fill(t.routeNoStepFree, { titles: n.artworks.map((id) => this.title(id)).join(', ') }));
      else if (n.kind === 'avoided-crowded') out.push(this.locale.fill(t.routeAvoided, { rooms: n.rooms.map((id) => this.room(id)).join(', ') }));
      else if (n.kind === 'crowded-stops') out.push(this.locale.fill(t.routeCrowdedStops, { titles: n.artworks.map((id) => this.title(id)).join(', ') }));
      else if (n.kind === 'crowded-on-way') out.push(this.locale.fill(t.routeCrowdedOnWay, { rooms: n.rooms.map((id) => this.room(id)).join(', ') }));
      else if (n.kind === 'unknown-place') out.push(this.locale.fill(t.routeUnknownPlace, { id: n.id }));
      else out.push(t.routeNoWayToEnd);
    }
    return out;
  }

  /** What changed in the live crowding on the route since it was planned (src/twin/route/live-crowding.ts). */
  crowdingChange(c: CrowdingChange): string[] {
    const t = this.locale.t;
    const rooms = (ids: readonly string[]) => ids.map((id) => this.room(id)).join(', ');
    const out: string[] = [];
    if (c.nowCrowded.length) out.push(this.locale.fill(t.routeCrowdedNow, { rooms: rooms(c.nowCrowded) }));
    if (c.noLongerCrowded.length) out.push(this.locale.fill(t.routeCalmNow, { rooms: rooms(c.noLongerCrowded) }));
    return out;
  }

  linkMessage(m: LinkMessage): string {
    const t = this.locale.t;
    switch (m.kind) {
      case 'unreadable':
        return t.routeLinkUnreadable;
      case 'newer-version':
        return t.routeLinkNewer;
      case 'other-exhibition':
        return this.locale.fill(t.routeLinkOther, { id: m.id });
      case 'other-revision':
        return t.routeLinkRevision;
      case 'unknown-works':
        return this.locale.fill(t.routeLinkUnknown, { ids: m.ids.join(', ') });
      case 'capped':
        return this.locale.fill(t.routeLinkCapped, { kept: m.kept, total: m.total });
      case 'bad-setting':
        return this.locale.fill(t.routeLinkBadSetting, { field: m.field });
    }
  }
}
