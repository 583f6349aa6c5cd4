/**
 * The planned route on the floor plan: the walking line through the doorways (the legs' paths over the walking
 * graph, so never through a wall) and numbered stops. An SVG layer the minimap shows over its rooms.
 */
import type { Route } from '../twin/route/plan';
import type { Vec2 } from '../twin/schema';

const NS = 'http://www.w3.org/2000/svg';

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

/** The layer; `current` (0-based stop index) is drawn larger, stops `ticked` off (in AR or VR) are marked, and the levels shown default to all. */
export function routeLayer(route: Route, current?: number, level?: string, ticked: (stop: number) => boolean = () => false): SVGGElement {
  const g = el('g', { class: 'route-layer', 'aria-hidden': 'true' });
  const onLevel = (l: string): boolean => level === undefined || l === level;
  const f = (n: number): string => n.toFixed(2);
  route.legs.forEach((leg, k) => {
    // One polyline per stretch on one level (a lift or stairs breaks the line).
    let run: Vec2[] = [];
    const flush = (): void => {
      if (run.length > 1) g.append(el('polyline', { points: run.map((p) => `${f(p[0])},${f(p[1])}`).join(' '), class: `route-line${current !== undefined && k === current ? ' route-next' : ''}` }));
      run = [];
    };
    let lastLevel: string | undefined;
    for (const key of leg.path.nodes) {
      const n = route.graph.node(key);
      if (lastLevel !== undefined && n.level !== lastLevel) flush();
      lastLevel = n.level;
      if (onLevel(n.level)) run.push(n.position);
    }
    flush();
  });
  route.stops.forEach((s, i) => {
    if (!onLevel(s.place.level)) return;
    const [x, z] = s.place.position;
    const stop = el('g', { class: `route-stop${i === current ? ' current' : ''}${s.mustSee ? ' must-see' : ''}${ticked(i) ? ' ticked' : ''}`, 'data-stop': i + 1, 'data-artwork': s.artwork });
    stop.append(el('circle', { cx: f(x), cy: f(z), r: 0.55 }));
    const label = el('text', { x: f(x), y: f(z + 0.22), 'text-anchor': 'middle', class: 'route-number' });
    label.textContent = ticked(i) ? '✓' : String(i + 1);
    stop.append(label);
    g.append(stop);
  });
  return g;
}
