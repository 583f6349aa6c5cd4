/**
 * The floor plan: rooms, works, and where the visitor is and faces. Plan x is drawn right and
 * plan z down, so −z ("north", heading 0) is up. Every room and work is a keyboard-reachable button.
 */
import { centroid } from '../twin/floorplan';
import type { RoomOutline } from '../twin/floorplan';
import type { Vec2 } from '../twin/schema';
import { CONDITION_VOCABULARY, type ConditionInfo, type ConditionTerm } from '../twin/conservation';

const NS = 'http://www.w3.org/2000/svg';

export interface MapWork {
  id: string;
  at: Vec2;
  label: string;
}

export interface MapRoom extends RoomOutline {
  label: string;
}

export interface MinimapActions {
  goTo: (point: Vec2, roomId: string) => void;
  openArtwork: (id: string) => void;
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

export class Minimap {
  private readonly root: SVGSVGElement;
  private readonly me: SVGPathElement;
  private readonly works = new Map<string, SVGCircleElement>();
  private readonly roomEls = new Map<string, { poly: SVGPolygonElement; name: SVGTextElement }>();

  constructor(
    container: HTMLElement,
    rooms: MapRoom[],
    works: MapWork[],
    private readonly actions: MinimapActions,
    youAreHere: string,
  ) {
    const pts = rooms.flatMap((r) => r.polygon);
    const minX = Math.min(...pts.map((p) => p[0])) - 1;
    const maxX = Math.max(...pts.map((p) => p[0])) + 1;
    const minZ = Math.min(...pts.map((p) => p[1])) - 1;
    const maxZ = Math.max(...pts.map((p) => p[1])) + 1;
    this.root = svg('svg', { viewBox: `${minX} ${minZ} ${maxX - minX} ${maxZ - minZ}`, role: 'group' });
    for (const room of rooms) {
      const poly = svg('polygon', { points: room.polygon.map((p) => `${p[0]},${p[1]}`).join(' '), class: 'room', tabindex: 0, role: 'button', 'data-room': room.id });
      const title = svg('title', {});
      poly.append(title);
      poly.addEventListener('click', (e) => this.goToClick(e as MouseEvent, room));
      poly.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          this.actions.goTo(centroid(room.polygon), room.id);
        }
      });
      const c = centroid(room.polygon);
      const name = svg('text', { x: c[0], y: c[1], class: 'room-name', 'text-anchor': 'middle', 'aria-hidden': 'true' });
      this.root.append(poly, name);
      this.roomEls.set(room.id, { poly, name });
    }
    for (const w of works) {
      const dot = svg('circle', { cx: w.at[0], cy: w.at[1], r: 0.32, class: 'work', tabindex: 0, role: 'button', 'data-artwork': w.id });
      dot.append(svg('title', {}));
      dot.addEventListener('click', (e) => {
        e.stopPropagation();
        this.actions.openArtwork(w.id);
      });
      dot.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          this.actions.openArtwork(w.id);
        }
      });
      this.root.append(dot);
      this.works.set(w.id, dot);
    }
    this.me = svg('path', { d: 'M0,-0.75 L0.5,0.5 L0,0.25 L-0.5,0.5 Z', class: 'me' });
    this.me.append(svg('title', {}));
    this.root.append(this.me);
    container.replaceChildren(this.root);
    this.relabel(rooms, works, youAreHere);
  }

  relabel(rooms: MapRoom[], works: MapWork[], youAreHere: string, goToRoom = (name: string) => name): void {
    for (const r of rooms) {
      const el = this.roomEls.get(r.id);
      if (!el) continue;
      el.name.textContent = r.label;
      // Long room names shrink to fit their room.
      const xs = r.polygon.map((p) => p[0]);
      const width = Math.max(...xs) - Math.min(...xs);
      el.name.style.fontSize = `${Math.min(0.9, (1.7 * width) / Math.max(1, r.label.length)).toFixed(3)}px`;
      el.poly.setAttribute('aria-label', goToRoom(r.label));
      el.poly.querySelector('title')!.textContent = goToRoom(r.label);
    }
    for (const w of works) {
      const el = this.works.get(w.id);
      if (!el) continue;
      el.setAttribute('aria-label', w.label);
      el.querySelector('title')!.textContent = w.label;
    }
    this.me.querySelector('title')!.textContent = youAreHere;
  }

  private goToClick(e: MouseEvent, room: MapRoom): void {
    const ctm = this.root.getScreenCTM();
    if (!ctm) return;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
    this.actions.goTo([p.x, p.y], room.id);
  }

  setViewer(at: Vec2, heading: number): void {
    this.me.setAttribute('transform', `translate(${at[0].toFixed(2)} ${at[1].toFixed(2)}) rotate(${heading.toFixed(1)})`);
  }

  setSelected(id: string | undefined): void {
    for (const [wid, el] of this.works) el.classList.toggle('selected', wid === id);
  }

  setFavourites(ids: ReadonlySet<string>): void {
    for (const [wid, el] of this.works) el.classList.toggle('favourite', ids.has(wid));
  }

  private markers?: SVGGElement;
  private readonly overlays = new Map<string, SVGGElement>();

  /** A layer another feature draws (a planned route), over the rooms and under the visitor's arrow; undefined removes it. */
  setOverlay(name: string, layer: SVGGElement | undefined): void {
    this.overlays.get(name)?.remove();
    this.overlays.delete(name);
    if (!layer) return;
    this.overlays.set(name, layer);
    this.root.insertBefore(layer, this.me);
  }

  /**
   * Curator view: each work marked by its latest condition, as a shape and a colour (never colour alone);
   * `visible` filters which works show. Undefined leaves the curator view.
   */
  setConditions(conditions: ReadonlyMap<string, ConditionTerm | undefined> | undefined, visible?: ReadonlySet<string>, describe?: (id: string) => string): void {
    this.markers?.remove();
    this.markers = undefined;
    this.root.classList.toggle('curator', !!conditions);
    for (const [wid, el] of this.works) {
      const c = conditions?.get(wid);
      if (conditions) el.setAttribute('data-condition', c ?? 'none');
      else el.removeAttribute('data-condition');
      if (describe) {
        // Screen readers hear the condition with the title.
        el.setAttribute('aria-label', describe(wid));
        el.querySelector('title')!.textContent = describe(wid);
      }
      el.classList.toggle('filtered-out', !!conditions && !!visible && !visible.has(wid));
    }
    if (!conditions) return;
    this.markers = svg('g', { class: 'condition-markers', 'aria-hidden': 'true' });
    for (const [wid, el] of this.works) {
      if (visible && !visible.has(wid)) continue;
      const c = conditions.get(wid);
      const x = Number(el.getAttribute('cx'));
      const y = Number(el.getAttribute('cy'));
      const shape = c ? CONDITION_VOCABULARY[c].shape : 'none';
      const m = svg('path', { d: markerPath(shape, x, y, 0.42), class: `condition-marker cond-${c ?? 'none'}`, 'data-artwork': wid });
      this.markers.append(m);
    }
    // Under the visitor's arrow, over the rooms; clicks pass through to the work below.
    this.root.insertBefore(this.markers, this.me);
  }
}

/** An SVG path for a condition's shape centred at (x, y) with radius r (`none`: a hollow ring, never examined). */
export function markerPath(shape: ConditionInfo['shape'] | 'none', x: number, y: number, r: number): string {
  const f = (n: number) => n.toFixed(3);
  switch (shape) {
    case 'circle':
    case 'none': {
      const inner = shape === 'none' ? ` M${f(x + r * 0.55)},${f(y)} a${f(r * 0.55)},${f(r * 0.55)} 0 1,0 ${f(-r * 1.1)},0 a${f(r * 0.55)},${f(r * 0.55)} 0 1,0 ${f(r * 1.1)},0 Z` : '';
      return `M${f(x + r)},${f(y)} a${f(r)},${f(r)} 0 1,0 ${f(-2 * r)},0 a${f(r)},${f(r)} 0 1,0 ${f(2 * r)},0 Z${inner}`;
    }
    case 'square': {
      const s = r * 0.85;
      return `M${f(x - s)},${f(y - s)} H${f(x + s)} V${f(y + s)} H${f(x - s)} Z`;
    }
    case 'triangle':
      return `M${f(x)},${f(y - r * 1.1)} L${f(x + r)},${f(y + r * 0.75)} L${f(x - r)},${f(y + r * 0.75)} Z`;
    case 'diamond':
      return `M${f(x)},${f(y - r * 1.1)} L${f(x + r)},${f(y)} L${f(x)},${f(y + r * 1.1)} L${f(x - r)},${f(y)} Z`;
    case 'cross': {
      const a = r * 0.35;
      return `M${f(x - r)},${f(y - r + a)} L${f(x - r + a)},${f(y - r)} L${f(x)},${f(y - a)} L${f(x + r - a)},${f(y - r)} L${f(x + r)},${f(y - r + a)} L${f(x + a)},${f(y)} L${f(x + r)},${f(y + r - a)} L${f(x + r - a)},${f(y + r)} L${f(x)},${f(y + a)} L${f(x - r + a)},${f(y + r)} L${f(x - r)},${f(y + r - a)} L${f(x - a)},${f(y)} Z`;
    }
  }
}
