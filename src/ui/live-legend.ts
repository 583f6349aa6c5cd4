/**
 * The live layer in words, under the floor plan: how fresh it is ("as of 10:42, 3 min ago"), the legend of
 * the plan's patterns or heat levels, and one line per zone ("Long Gallery: busy", or "no data since 10:12"
 * when its sensor went quiet, never an old value shown as current).
 */
import type { LiveSnapshot, LiveValue, Quantity } from '../twin/live/contract';
import type { Connection, LiveView } from '../live/client';
import { CROWDING, HEAT_MARK, formatAgo, formatClock, heatLegend, heatLevel, withUnit, type HeatQuantity } from '../live/model';
import { h } from './dom';
import { fill, type Strings } from './i18n';
import { crowdingPattern } from './live-plan';

export interface LegendZone {
  readonly id: string;
  readonly name: string;
}

const NS = 'http://www.w3.org/2000/svg';

export function quantityName(q: Quantity, t: Strings): string {
  return { temperature: t.quantityTemperature, humidity: t.quantityHumidity, illuminance: t.quantityIlluminance, uv: t.quantityUv, visitors: t.quantityVisitors }[q];
}

export function crowdingWord(c: 'quiet' | 'busy' | 'crowded', t: Strings): string {
  return { quiet: t.crowdingQuiet, busy: t.crowdingBusy, crowded: t.crowdingCrowded }[c];
}

/** "no data since 10:12" for a stale value, "no data yet" for none. */
export function noData(v: LiveValue | undefined, now: Date, t: Strings, lang: string): string {
  return v ? fill(t.liveNoDataSince, { time: formatClock(v.time, now, lang) }) : t.liveNoData;
}

/** The connection and the age of what is shown: "as of 10:42, 3 min ago", said plainly when disconnected. */
export function freshness(view: LiveView, now: Date, t: Strings, lang: string): { text: string; connection: Connection } {
  const s = view.snapshot;
  const asOf = s ? fill(t.liveAsOf, { time: formatClock(s.time, now, lang), ago: formatAgo(s.time, now, lang) }) : '';
  // "Last known values, as of …" needs values: without any, a lost connection is still one being made.
  const lead = { connecting: t.liveConnecting, live: '', disconnected: s ? t.liveDisconnected : t.liveConnecting, unavailable: t.liveUnavailable }[view.connection];
  return { text: [lead, asOf].filter(Boolean).join(' '), connection: view.connection };
}

function swatch(fillWith: (svg: SVGSVGElement) => void): SVGSVGElement {
  const s = document.createElementNS(NS, 'svg');
  s.setAttribute('viewBox', '0 0 2 2');
  s.setAttribute('class', 'live-swatch');
  s.setAttribute('aria-hidden', 'true');
  fillWith(s);
  return s;
}

/** The visitors' legend and zone lines. */
export function crowdingLegend(s: LiveSnapshot | undefined, zones: readonly LegendZone[], now: Date, t: Strings, lang: string): HTMLElement[] {
  const legend = h(
    'ul',
    { class: 'live-legend', 'aria-label': t.liveCrowding },
    CROWDING.map((c) =>
      h(
        'li',
        { 'data-crowding': c },
        swatch((svg) => {
          svg.append(crowdingPattern(`live-legend-${c}`, c, 0.7));
          const r = document.createElementNS(NS, 'rect');
          r.setAttribute('width', '2');
          r.setAttribute('height', '2');
          r.setAttribute('fill', `url(#live-legend-${c})`);
          r.setAttribute('class', 'live-swatch-box');
          svg.append(r);
        }),
        crowdingWord(c, t),
      ),
    ),
  );
  const lines = zones.map((z) => {
    const st = s?.zones[z.id];
    const state = st?.crowding ? crowdingWord(st.crowding, t) : noData(st?.values.visitors, now, t, lang);
    return h('li', { 'data-zone': z.id, 'data-crowding': st?.crowding ?? 'none' }, fill(t.liveZone, { zone: z.name, state }));
  });
  return [legend, zoneList(lines, t)];
}

/** The zone lines, named for screen readers (the plan's column scrolls them with the rest). */
function zoneList(lines: HTMLElement[], t: Strings): HTMLElement {
  return h('ul', { class: 'live-zones', 'aria-label': t.liveZones }, lines);
}

/** The curators' legend for one quantity and the zone lines with values. */
export function heatLegendList(s: LiveSnapshot | undefined, quantity: HeatQuantity, zones: readonly LegendZone[], now: Date, t: Strings, lang: string): HTMLElement[] {
  const legend = h(
    'ul',
    { class: 'live-legend', 'aria-label': quantityName(quantity, t) },
    heatLegend(quantity, lang).map((l) =>
      h(
        'li',
        { 'data-heat': l.level },
        swatch((svg) => {
          const r = document.createElementNS(NS, 'rect');
          r.setAttribute('width', '2');
          r.setAttribute('height', '2');
          r.setAttribute('class', `live-swatch-box heat-${l.level}`);
          svg.append(r);
        }),
        h('span', { 'aria-hidden': 'true', class: 'heat-mark' }, HEAT_MARK[l.level]),
        fill(l.bound === 'below' ? t.heatBelow : l.bound === 'above' ? t.heatAbove : t.heatWithin, { range: l.range }),
      ),
    ),
  );
  const lines = zones.map((z) => {
    const v = s?.zones[z.id]?.values[quantity];
    const level = v && !v.stale ? heatLevel(quantity, v.value) : undefined;
    const state = v && !v.stale ? `${HEAT_MARK[level!]}${withUnit(quantity, v.value, lang)}` : noData(v, now, t, lang);
    return h('li', { 'data-zone': z.id, 'data-heat': level ?? 'none' }, fill(t.liveZone, { zone: z.name, state }));
  });
  return [legend, zoneList(lines, t)];
}
