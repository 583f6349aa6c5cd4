/**
 * The draft's floor plan in the curating view: the rooms seen from above, every work as a dot where it hangs or
 * stands (red when the live validation finds a problem at it), the selected work ringed, and each colleague's
 * selection ringed in their colour with their name, which is where they are working. Click a dot to pick the
 * work, as in 3D or in the list. Drawn as SVG from the draft's Y.Doc, once per animation frame when it changes;
 * the list of works beside it is the keyboard's way to the same choice.
 */
import type * as Y from 'yjs';
import { artworksMap, exhibitionMap } from '../twin/collab-doc';
import { docReader } from '../twin/curate-edits';
import { artworkPose } from '../twin/layout';
import type { Artwork, Exhibition } from '../twin/schema';
import { t, type CurateLanguage } from './strings';

const SVG = 'http://www.w3.org/2000/svg';

export interface FloorPlanOptions {
  readonly root: HTMLElement;
  /** The plan goes before this child of root (default: at the end). */
  readonly before?: Element | null;
  readonly doc: Y.Doc;
  readonly lang: CurateLanguage;
  /** A work was picked on the plan. */
  readonly onPick: (id: string) => void;
  /** A work's title in the view's language (the dot's tooltip). */
  readonly titleOf: (id: string) => string;
}

/** A colleague in the draft and what they have selected. */
export interface Colleague {
  readonly name: string;
  readonly selected: string | null;
}

export interface FloorPlan {
  select(id: string | null): void;
  showProblems(ids: ReadonlySet<string>): void;
  showColleagues(list: readonly Colleague[]): void;
  destroy(): void;
}

/** A colour per name, the same on every screen (a hash of the name on the hue circle). */
export function colleagueColour(name: string): string {
  let h = 0;
  for (const c of name) h = (h * 31 + c.codePointAt(0)!) % 360;
  return `hsl(${h} 70% 38%)`;
}

/** Where each work is on the plan ([x, z]); a work whose place names no wall of the draft is left out. */
export function workPoints(doc: Y.Doc): Map<string, [number, number]> {
  const space = docReader(doc).space();
  const out = new Map<string, [number, number]>();
  if (!space) return out;
  for (const [id, w] of artworksMap(doc)) {
    const json = (k: string) => (w.get(k) as Y.Map<unknown> | undefined)?.toJSON?.();
    const art = { id, kind: w.get('kind'), dimensions: json('dimensions') ?? {}, placement: json('placement') } as Artwork;
    try {
      const p = artworkPose({ space } as Exhibition, art);
      out.set(id, [p.position[0], p.position[2]]);
    } catch {
      // No such wall: the draft's problems say so; there is no point to draw.
    }
  }
  return out;
}

const make = <K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] => {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
};

export function openFloorPlan(o: FloorPlanOptions): FloorPlan {
  const { doc, lang } = o;
  const figure = document.createElement('figure');
  figure.className = 'floor-plan';
  const svg = make('svg', { id: 'floor-plan', role: 'img', 'aria-label': t(lang, 'floorPlanLabel') });
  const caption = document.createElement('figcaption');
  caption.textContent = `${t(lang, 'floorPlan')}: ${t(lang, 'floorPlanHint')}`;
  figure.append(svg, caption);
  o.root.insertBefore(figure, o.before ?? null);

  let selected: string | null = null;
  let problems: ReadonlySet<string> = new Set();
  let colleagues: readonly Colleague[] = [];
  let frame = 0;

  function draw() {
    frame = 0;
    const space = docReader(doc).space();
    if (!space) return svg.replaceChildren();
    const xs = space.rooms.flatMap((r) => r.polygon.map((p) => p[0]));
    const zs = space.rooms.flatMap((r) => r.polygon.map((p) => p[1]));
    const [x0, z0] = [Math.min(...xs) - 1, Math.min(...zs) - 1];
    svg.setAttribute('viewBox', `${x0} ${z0} ${Math.max(...xs) + 1 - x0} ${Math.max(...zs) + 1 - z0}`);
    const parts: SVGElement[] = [];
    for (const r of space.rooms) {
      parts.push(make('polygon', { points: r.polygon.map((p) => p.join(',')).join(' '), class: 'plan-room' }));
      const cx = r.polygon.reduce((a, p) => a + p[0], 0) / r.polygon.length;
      const cz = r.polygon.reduce((a, p) => a + p[1], 0) / r.polygon.length;
      const label = make('text', { x: cx, y: cz, class: 'plan-room-name', 'text-anchor': 'middle' });
      label.textContent = r.name[lang] ?? r.name.en ?? r.id;
      parts.push(label);
    }
    const points = workPoints(doc);
    for (const [id, [x, z]] of points) {
      const dot = make('circle', { cx: x, cy: z, r: 0.28, class: `plan-work${problems.has(id) ? ' problem' : ''}${id === selected ? ' selected' : ''}`, 'data-work': id });
      const tip = make('title', {});
      tip.textContent = o.titleOf(id);
      dot.append(tip);
      parts.push(dot);
    }
    for (const c of colleagues) {
      const at = c.selected ? points.get(c.selected) : undefined;
      if (!at) continue;
      const colour = colleagueColour(c.name);
      parts.push(make('circle', { cx: at[0], cy: at[1], r: 0.55, class: 'plan-colleague', stroke: colour, 'data-user': c.name }));
      const name = make('text', { x: at[0] + 0.6, y: at[1] - 0.4, class: 'plan-colleague-name', fill: colour });
      name.textContent = c.name;
      parts.push(name);
    }
    svg.replaceChildren(...parts);
  }
  const redraw = () => (frame ||= requestAnimationFrame(draw));

  svg.addEventListener('click', (e) => {
    const id = (e.target as Element).closest?.('[data-work]')?.getAttribute('data-work');
    if (id) o.onPick(id);
  });
  artworksMap(doc).observeDeep(redraw);
  exhibitionMap(doc).observeDeep(redraw);
  draw();

  return {
    select(id) {
      selected = id;
      redraw();
    },
    showProblems(ids) {
      problems = ids;
      redraw();
    },
    showColleagues(list) {
      colleagues = list;
      redraw();
    },
    destroy() {
      cancelAnimationFrame(frame);
      artworksMap(doc).unobserveDeep(redraw);
      exhibitionMap(doc).unobserveDeep(redraw);
      figure.remove();
    },
  };
}
