/**
 * The 3D view's crowding legend (src/scene/crowding-floor.ts tints the floors): the three levels with the plan's
 * swatches, over a corner of the view, and the same words per zone as the plan's lines, for screen readers
 * (the canvas itself says nothing).
 */
import type { LiveSnapshot } from '../twin/live/contract';
import { CROWDING } from '../live/model';
import { h } from './dom';
import { fill, type Strings } from './i18n';
import { crowdingWord, noData, type LegendZone } from './live-legend';
import { crowdingPattern } from './live-plan';

const NS = 'http://www.w3.org/2000/svg';

export function floorLegend(s: LiveSnapshot | undefined, zones: readonly LegendZone[], now: Date, t: Strings, lang: string): HTMLElement[] {
  const items = CROWDING.map((c) => {
    const svg = document.createElementNS(NS, 'svg');
    svg.setAttribute('viewBox', '0 0 2 2');
    svg.setAttribute('class', 'live-swatch');
    svg.setAttribute('aria-hidden', 'true');
    const rect = document.createElementNS(NS, 'rect');
    rect.setAttribute('width', '2');
    rect.setAttribute('height', '2');
    rect.setAttribute('fill', `url(#live-3d-${c})`);
    svg.append(crowdingPattern(`live-3d-${c}`, c, 0.7), rect);
    return h('li', { 'data-crowding': c }, svg, crowdingWord(c, t));
  });
  const lines = zones.map((z) => {
    const st = s?.zones[z.id];
    const state = st?.crowding ? crowdingWord(st.crowding, t) : noData(st?.values.visitors, now, t, lang);
    return h('li', { 'data-zone': z.id, 'data-crowding': st?.crowding ?? 'none' }, fill(t.liveZone, { zone: z.name, state }));
  });
  return [h('h3', { class: 'live-3d-title' }, t.liveCrowding), h('ul', { class: 'live-legend', 'aria-hidden': 'true' }, items), h('ul', { class: 'visually-hidden' }, lines)];
}
