/**
 * The live layer on the floor plan: each zone filled by its crowding (a pattern and a colour, never colour
 * alone) or, in the curator view, by the chosen quantity against its band (colour, ▲/▼ and the value written
 * in the zone); works with an active alert get a warning mark. The layer sits over the rooms and under the
 * works, and lets clicks through to the plan. Its words are in the legend beside it (src/ui/live-legend.ts).
 */
import type { Crowding, LiveSnapshot } from '../twin/live/contract';
import type { Vec2 } from '../twin/schema';
import { centroid } from '../twin/geometry';
import { CROWDING, CROWDING_PATTERN, HEAT_MARK, formatValue, heatLevel, liveValue, type HeatQuantity } from '../live/model';

const NS = 'http://www.w3.org/2000/svg';

/** A zone as the plan draws it: a whole room's outline or its own polygon. */
export interface PlanZone {
  readonly id: string;
  readonly polygon: readonly Vec2[];
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** The hatching of each crowding level, as an SVG pattern (also used by the legend's swatches). */
export function crowdingPattern(id: string, level: Crowding, scale: number): SVGPatternElement {
  const p = svg('pattern', { id, patternUnits: 'userSpaceOnUse', width: scale, height: scale, patternTransform: 'rotate(45)' });
  p.append(svg('rect', { width: scale, height: scale, class: `live-fill crowd-${level}` }));
  const kind = CROWDING_PATTERN[level];
  const line = (x1: number, y1: number, x2: number, y2: number) => svg('line', { x1, y1, x2, y2, class: 'live-hatch' });
  if (kind !== 'plain') p.append(line(0, 0, 0, scale));
  if (kind === 'cross') p.append(line(0, 0, scale, 0));
  for (const l of p.querySelectorAll('line')) l.setAttribute('stroke-width', String(scale * (kind === 'cross' ? 0.22 : 0.3)));
  return p;
}

export class LivePlanLayer {
  private readonly g: SVGGElement;

  constructor(
    private readonly root: SVGSVGElement,
    private readonly zones: readonly PlanZone[],
  ) {
    this.g = svg('g', { class: 'live-layer', 'aria-hidden': 'true' });
    const defs = svg('defs', {});
    for (const level of CROWDING) defs.append(crowdingPattern(`live-plan-${level}`, level, 0.9));
    this.g.append(defs);
    this.attach();
  }

  /** Puts the layer over the rooms and under the works (again, if the plan was rebuilt). */
  attach(): void {
    if (this.g.parentNode === this.root) return;
    this.root.insertBefore(this.g, this.root.querySelector('.work, .me'));
  }

  /** Visitors' layer: crowding per zone; zones without a current count are drawn dashed ("no data"). */
  showCrowding(s: LiveSnapshot | undefined): void {
    this.draw(s, (id) => {
      const crowding = s?.zones[id]?.crowding;
      return crowding ? { cls: `crowd-${crowding}`, fill: `url(#live-plan-${crowding})`, state: crowding } : { cls: 'live-none', state: 'none' };
    });
  }

  /** Curators' layer: one quantity against its band, the value written in each zone. */
  showHeat(s: LiveSnapshot | undefined, quantity: HeatQuantity, lang: string): void {
    this.draw(s, (id) => {
      const v = liveValue(s?.zones[id]?.values[quantity]);
      if (!v) return { cls: 'live-none', state: 'none' };
      const level = heatLevel(quantity, v.value);
      return { cls: `heat-${level}`, state: level, text: `${HEAT_MARK[level]}${formatValue(v.value, lang)}` };
    });
  }

  hide(): void {
    this.draw(undefined, undefined);
  }

  private draw(s: LiveSnapshot | undefined, style: ((zoneId: string) => { cls: string; fill?: string; state: string; text?: string }) | undefined): void {
    this.attach();
    for (const el of [...this.g.children]) if (el.tagName !== 'defs') el.remove();
    this.root.classList.toggle('live-on', !!style);
    if (!style) {
      this.root.querySelector('g.live-alert-marks')?.replaceChildren();
      return;
    }
    for (const z of this.zones) {
      const st = style(z.id);
      const poly = svg('polygon', { points: z.polygon.map((p) => `${p[0]},${p[1]}`).join(' '), class: `live-zone ${st.cls}`, 'data-zone': z.id, 'data-live': st.state });
      if (st.fill) poly.setAttribute('fill', st.fill);
      this.g.append(poly);
      if (st.text) {
        const c = centroid(z.polygon);
        // Under the room's name, which stays readable.
        const label = svg('text', { x: c[0], y: c[1] + 1.1, class: 'live-value', 'text-anchor': 'middle', 'data-zone': z.id });
        label.textContent = st.text;
        this.g.append(label);
      }
    }
    // Works with an active alert: a red "!" badge above the work's dot (no condition marker has this shape).
    const alerting = new Set(Object.values(s?.artworks ?? {}).filter((w) => w.alerts.length).map((w) => w.id));
    for (const dot of this.root.querySelectorAll<SVGCircleElement>('circle.work')) {
      const id = dot.getAttribute('data-artwork') ?? '';
      if (!alerting.has(id)) continue;
      const x = Number(dot.getAttribute('cx'));
      const y = Number(dot.getAttribute('cy')) - 0.85;
      const mark = svg('g', { class: 'live-alert-mark', 'data-artwork': id });
      mark.append(svg('rect', { x: x - 0.38, y: y - 0.45, width: 0.76, height: 0.9, rx: 0.15 }), svg('text', { x, y: y + 0.3, 'text-anchor': 'middle' }));
      mark.querySelector('text')!.textContent = '!';
      this.g.append(mark);
    }
    // The layer goes under the works, but the marks must be seen: move them after the works.
    const marks = [...this.g.querySelectorAll('.live-alert-mark')];
    if (marks.length) {
      let top = this.root.querySelector<SVGGElement>('g.live-alert-marks');
      if (!top) {
        top = svg('g', { class: 'live-alert-marks', 'aria-hidden': 'true' });
        this.root.insertBefore(top, this.root.querySelector('.me'));
      }
      top.replaceChildren(...marks);
    } else this.root.querySelector('g.live-alert-marks')?.replaceChildren();
  }
}
