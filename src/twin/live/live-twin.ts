/**
 * The live state of one exhibition: latest readings per zone and showcase, 24 h fluctuation, each work's
 * lux-hours, crowding, and conservation alerts. Pure: the server feeds it accepted readings and the clock,
 * publishes the events it returns, and serves its snapshot.
 */
import type { Exhibition } from '../schema';
import { AlertEngine, DEFAULT_DEADBANDS, DEFAULT_LIGHT_BUDGET_DEADBAND, type WatchedCondition } from './alerts';
import type { AlertEvent, ArtworkState, LiveSnapshot, LiveValue, Quantity, Reading, ReadingTarget, ZoneState } from './contract';
import { LuxHours, MAX_GAP_MINUTES, lightBudget, proRataAllowance } from './light-budget';
import { needsOf, type Limits } from './needs';
import { DEFAULT_CROWDING, crowdingOf, zoneArea, zoneOfArtwork, type CrowdingThresholds } from './places';
import { RollingSpread } from './rolling-spread';

export interface LiveTwinOptions {
  /** A value older than this is shown as "no data since …", never as live. Default 15. */
  readonly staleAfterMinutes?: number;
  /** How long a limit must stay crossed before an alert, and recovered before it clears. Default 300. */
  readonly alertMinDurationSeconds?: number;
  /** Deadband per quantity, in its unit (defaults: DEFAULT_DEADBANDS). */
  readonly hysteresis?: Partial<Record<Quantity, number>>;
  /** Light-budget deadband as a fraction of the annual budget. Default 0.01. */
  readonly lightBudgetDeadband?: number;
  /** How far past the pro-rata share of the year's budget (as a fraction of the budget) before an alert. Default 0.1. */
  readonly lightBudgetMargin?: number;
  /** People per m² (defaults: Fruin's levels of service, see places.ts). */
  readonly crowding?: CrowdingThresholds;
  /** Illuminance readings further apart count no lux-hours between them. Default 30. */
  readonly maxGapMinutes?: number;
}

/** What the twin needs after a restart: each work's lux-hours this year, and the recent readings (e.g. 24 h). */
export interface LiveTwinRestore {
  readonly luxHours: Readonly<Record<string, number>>;
  readonly recent: readonly Reading[];
  /** When the totals were stored (ISO); they count for that UTC year. Default: the newest recent reading. */
  readonly asOf?: string;
}

type Latest = { value: number; time: number };
const keyOf = (t: ReadingTarget) => `${t.kind}:${t.id}`;
const CLIMATE: readonly Quantity[] = ['humidity', 'temperature'];
const AT_WORK: readonly Quantity[] = ['temperature', 'humidity', 'illuminance', 'uv'];

export class LiveTwin {
  readonly exhibition: string;
  readonly staleAfterMinutes: number;
  private readonly ex: Exhibition;
  private readonly engine: AlertEngine;
  private readonly deadbands: Record<Quantity, number>;
  private readonly lightDeadband: number;
  private readonly lightMargin: number;
  private readonly crowding: CrowdingThresholds;
  private readonly maxGapMinutes: number;

  private readonly zoneIds: ReadonlySet<string>;
  private readonly area = new Map<string, number | undefined>();
  private readonly zoneOf = new Map<string, string | undefined>();
  private readonly worksIn = new Map<string, string[]>();
  private readonly needs = new Map<string, Limits & { source: string }>();
  /** Quantities each work has its own (showcase) sensor for: those readings replace its zone's. */
  private readonly own = new Map<string, Set<Quantity>>();

  private readonly latest = new Map<string, Map<Quantity, Latest>>();
  private readonly windows = new Map<string, RollingSpread>();
  private readonly lux = new Map<string, LuxHours>();
  /** Watched conditions per place and quantity (see conditionsFor). */
  private readonly plans = new Map<string, WatchedCondition[]>();

  constructor(exhibition: Exhibition, options: LiveTwinOptions = {}) {
    this.ex = exhibition;
    this.exhibition = exhibition.id;
    this.staleAfterMinutes = options.staleAfterMinutes ?? 15;
    this.engine = new AlertEngine(options.alertMinDurationSeconds);
    this.deadbands = { ...DEFAULT_DEADBANDS, ...options.hysteresis };
    this.lightDeadband = options.lightBudgetDeadband ?? DEFAULT_LIGHT_BUDGET_DEADBAND;
    this.lightMargin = options.lightBudgetMargin ?? 0.1;
    this.crowding = options.crowding ?? DEFAULT_CROWDING;
    this.maxGapMinutes = options.maxGapMinutes ?? MAX_GAP_MINUTES;
    this.zoneIds = new Set(exhibition.zones.map((z) => z.id));
    for (const z of exhibition.zones) this.area.set(z.id, zoneArea(exhibition, z));
    for (const art of exhibition.artworks) {
      const zone = zoneOfArtwork(exhibition, art);
      this.zoneOf.set(art.id, zone);
      if (zone !== undefined) this.worksIn.set(zone, [...(this.worksIn.get(zone) ?? []), art.id]);
      const needs = needsOf(art);
      this.needs.set(art.id, needs);
      this.own.set(art.id, new Set());
      if (needs.annualLuxHours !== undefined) this.lux.set(art.id, new LuxHours(this.maxGapMinutes));
    }
  }

  /** Takes one accepted reading; returns the alert events to publish (usually none). */
  ingest(reading: Reading): AlertEvent[] {
    return this.take(reading, false);
  }

  /** Time passing: raises and clears whose minimum duration has elapsed, and light budgets against the date. */
  tick(now: Date): AlertEvent[] {
    const events = this.engine.tick(now);
    for (const id of this.lux.keys()) events.push(...this.checkLightBudget(id, now));
    return events;
  }

  /** Each work's lux-hours this year as of `now`, for storing (restore them with `restore`). */
  luxHoursTotals(now: Date): Record<string, number> {
    return Object.fromEntries([...this.lux].map(([id, l]) => [id, l.used(now)]));
  }

  /** Rebuilds after a restart: stored lux-hour totals, then the recent readings replayed (no lux-hours counted twice, no events). */
  restore(state: LiveTwinRestore): void {
    const recent = [...state.recent].filter((r) => r.exhibition === this.exhibition).sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
    for (const r of recent) if (r.target.kind === 'artwork') this.gainsOwnSensor(r.target.id, r.quantity);
    const asOf = new Date(state.asOf ?? recent.at(-1)?.time ?? Date.now());
    const lastLight = new Map<string, Reading>(); // the newest illuminance reading per place
    for (const r of recent) if (r.quantity === 'illuminance') lastLight.set(keyOf(r.target), r);
    for (const [id, l] of this.lux) {
      const source = this.sourceOf(id, 'illuminance');
      const last = source === undefined ? undefined : lastLight.get(source);
      l.restore(state.luxHours[id] ?? 0, asOf, last ? { time: new Date(last.time), lux: last.value } : undefined);
    }
    for (const r of recent) this.take(r, true);
  }

  /** The whole live state as the contract shows it. */
  snapshot(now: Date): LiveSnapshot {
    const staleMs = this.staleAfterMinutes * 60_000;
    const live = (l: Latest): LiveValue => ({ value: l.value, time: new Date(l.time).toISOString(), stale: now.getTime() - l.time > staleMs });
    const alerts = this.engine.active();
    const alertsOf = new Map<string, string[]>();
    for (const a of alerts) for (const w of a.artworks) alertsOf.set(w, [...(alertsOf.get(w) ?? []), a.id]);
    const zones: Record<string, ZoneState> = {};
    for (const id of this.zoneIds) {
      const values: ZoneState['values'] = {};
      for (const [q, l] of this.latest.get(`zone:${id}`) ?? []) values[q] = live(l);
      const v = values.visitors;
      const area = this.area.get(id);
      zones[id] = { id, values, ...(v && !v.stale && area !== undefined ? { crowding: crowdingOf(v.value, area, this.crowding) } : {}) };
    }
    const artworks: Record<string, ArtworkState> = {};
    for (const art of this.ex.artworks) {
      const { source, ...limits } = this.needs.get(art.id)!;
      const values: ArtworkState['values'] = {};
      const fluctuation24h: ArtworkState['fluctuation24h'] = {};
      for (const q of AT_WORK) {
        const src = this.sourceOf(art.id, q);
        const l = src === undefined ? undefined : this.latest.get(src)?.get(q);
        if (l) values[q] = live(l);
        const spread = src !== undefined && (q === 'humidity' || q === 'temperature') ? this.windows.get(`${src}/${q}`)?.spread(now) : undefined;
        if (spread !== undefined && (q === 'humidity' || q === 'temperature')) fluctuation24h[q] = spread;
      }
      const lux = this.lux.get(art.id);
      artworks[art.id] = {
        id: art.id,
        zone: this.zoneOf.get(art.id),
        values,
        limits,
        limitsSource: source,
        fluctuation24h,
        ...(lux && limits.annualLuxHours !== undefined ? { lightBudget: lightBudget(lux.used(now), limits.annualLuxHours, now) } : {}),
        alerts: alertsOf.get(art.id) ?? [],
      };
    }
    return { exhibition: this.exhibition, time: now.toISOString(), staleAfterMinutes: this.staleAfterMinutes, zones, artworks, alerts };
  }

  // ------------------------------------------------------------------ internals

  private known(t: ReadingTarget): boolean {
    return t.kind === 'zone' ? this.zoneIds.has(t.id) : this.needs.has(t.id);
  }

  /** The place whose readings of `q` stand for the work: its own sensor once it has reported `q`, else its zone. */
  private sourceOf(artwork: string, q: Quantity): string | undefined {
    if (this.own.get(artwork)?.has(q)) return `artwork:${artwork}`;
    const zone = this.zoneOf.get(artwork);
    return zone === undefined ? undefined : `zone:${zone}`;
  }

  /** From now on the work's own readings of `q` replace its zone's: the watched conditions are worked out again. */
  private gainsOwnSensor(artwork: string, q: Quantity): void {
    const own = this.own.get(artwork);
    if (!own || own.has(q)) return;
    own.add(q);
    this.plans.clear();
  }

  /** The works a reading at `target` of `q` speaks for. */
  private worksFedBy(target: ReadingTarget, q: Quantity): string[] {
    if (target.kind === 'artwork') return [target.id];
    return (this.worksIn.get(target.id) ?? []).filter((a) => !this.own.get(a)?.has(q));
  }

  private take(r: Reading, replay: boolean): AlertEvent[] {
    if (r.exhibition !== this.exhibition || !this.known(r.target)) return [];
    const t = Date.parse(r.time);
    const time = new Date(t);
    const key = keyOf(r.target);
    if (r.target.kind === 'artwork') this.gainsOwnSensor(r.target.id, r.quantity);
    if (CLIMATE.includes(r.quantity)) {
      let w = this.windows.get(`${key}/${r.quantity}`);
      if (!w) this.windows.set(`${key}/${r.quantity}`, (w = new RollingSpread()));
      w.add(time, r.value);
    }
    const works = this.worksFedBy(r.target, r.quantity);
    if (r.quantity === 'illuminance' && !replay) for (const id of works) this.lux.get(id)?.add(time, r.value);

    let byQuantity = this.latest.get(key);
    if (!byQuantity) this.latest.set(key, (byQuantity = new Map()));
    const prev = byQuantity.get(r.quantity);
    if (prev && t < prev.time) return []; // a late reading: history and the 24 h window, not the present
    byQuantity.set(r.quantity, { value: r.value, time: t });

    const events = this.checkLimits(r, key, time);
    if (r.quantity === 'illuminance') for (const id of works) events.push(...this.checkLightBudget(id, time));
    return replay ? [] : events;
  }

  /** Above/below and 24 h fluctuation, one watched condition per distinct limit among the works fed. */
  private checkLimits(r: Reading, key: string, time: Date): AlertEvent[] {
    if (r.quantity === 'visitors') return [];
    const fresh = !this.plans.has(`${key}/${r.quantity}`);
    const conditions = this.conditionsFor(r.target, key, r.quantity);
    // Worked out again (a showcase sensor appeared): a limit no work here has any more cannot stay raised.
    const events = fresh ? this.engine.retire(`${key}/${r.quantity}/`, new Set(conditions.map((c) => c.key)), time) : [];
    if (conditions.length === 0) return events;
    const spread = CLIMATE.includes(r.quantity) ? this.windows.get(`${key}/${r.quantity}`)?.spread(time) : undefined;
    for (const c of conditions) {
      const value = c.kind === 'fluctuation' ? spread : r.value;
      if (value !== undefined) events.push(...this.engine.observe(c, value, time));
    }
    return events;
  }

  /** The conditions a place's readings of `q` are watched against, worked out once (again when a showcase sensor appears). */
  private conditionsFor(target: ReadingTarget, key: string, q: Exclude<Quantity, 'visitors'>): WatchedCondition[] {
    const planKey = `${key}/${q}`;
    const known = this.plans.get(planKey);
    if (known) return known;
    const zone = target.kind === 'zone' ? target.id : undefined;
    const groups = new Map<string, WatchedCondition & { artworks: string[] }>();
    const add = (kind: 'above' | 'below' | 'fluctuation', limit: number | undefined, work: string) => {
      if (limit === undefined) return;
      const k = `${key}/${q}/${kind}/${limit}`;
      const g = groups.get(k) ?? { key: k, exhibition: this.exhibition, zone, artworks: [], quantity: q, kind, limit, deadband: this.deadbands[q] };
      g.artworks.push(work);
      groups.set(k, g);
    };
    for (const id of this.worksFedBy(target, q)) {
      const l = this.needs.get(id)!;
      const band = q === 'humidity' ? l.humidity : q === 'temperature' ? l.temperature : undefined;
      const max = band?.max ?? (q === 'illuminance' ? l.illuminance?.max : q === 'uv' ? l.uv?.max : undefined);
      add('above', max, id);
      add('below', band?.min, id);
      add('fluctuation', band?.maxFluctuation24h, id);
    }
    const conditions = [...groups.values()];
    this.plans.set(planKey, conditions);
    return conditions;
  }

  /** A work's lux-hours against the pro-rata share of its annual budget (plus the margin). */
  private checkLightBudget(id: string, time: Date): AlertEvent[] {
    const budget = this.needs.get(id)?.annualLuxHours;
    const lux = this.lux.get(id);
    if (budget === undefined || !lux) return [];
    const src = this.sourceOf(id, 'illuminance');
    const condition: WatchedCondition = {
      key: `artwork:${id}/illuminance/light-budget`,
      exhibition: this.exhibition,
      zone: src?.startsWith('zone:') ? src.slice(5) : undefined,
      artworks: [id],
      quantity: 'illuminance',
      kind: 'light-budget',
      limit: Math.round(proRataAllowance(budget, time, this.lightMargin)),
      deadband: budget * this.lightDeadband,
    };
    return this.engine.observe(condition, Math.round(lux.used(time)), time);
  }
}
