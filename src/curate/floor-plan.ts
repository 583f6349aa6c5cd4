/**
 * The draft's floor plan in the curating view: the rooms seen from above, every work as a dot where it hangs or
 * stands (red when the live validation finds a problem at it), the selected work ringed, and each colleague in
 * their colour with their name: a ring on the work they have selected, and their camera (where they stand in the
 * 3D stage, and a line to what they look at). Click a dot to pick the work, as in 3D or in the list. The view
 * fits the walls and every work, so a work moved far off the rooms can still be picked and moved back. Drawn as
 * SVG from the draft's Y.Doc, once per animation frame when it changes; the list of works beside it is the
 * keyboard's way to the same choice.
 */
import type * as Y from 'yjs';
import { artworksMap, exhibitionMap } from '../twin/collab-doc';
import { docReader } from '../twin/curate-edits';
import { artworkPose } from '../twin/layout';
import type { Artwork, Exhibition, Space } from '../twin/schema';
import { roomsOnLevel, shownOnLevel } from './plan-levels';
import type { CameraPose } from './presence';
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

/** A colleague in the draft, what they have selected and where their camera is. */
export interface Colleague {
  readonly name: string;
  readonly selected: string | null;
  readonly camera?: CameraPose;
}

/** The part of the plane the plan shows, in metres ([x0, z0] its top left corner). */
export interface PlanBox {
  readonly x0: number;
  readonly z0: number;
  readonly width: number;
  readonly height: number;
}

/** The margin around the walls and works (metres). */
const MARGIN_M = 1;

/** The box holding every room and every work, with a margin: a work far off the rooms stays on the plan. */
export function planBox(space: Pick<Space, 'rooms'>, works: Iterable<readonly [number, number]>): PlanBox {
  const xs = space.rooms.flatMap((r) => r.polygon.map((p) => p[0]));
  const zs = space.rooms.flatMap((r) => r.polygon.map((p) => p[1]));
  for (const [x, z] of works) {
    xs.push(x);
    zs.push(z);
  }
  const x0 = Math.min(...xs) - MARGIN_M;
  const z0 = Math.min(...zs) - MARGIN_M;
  return { x0, z0, width: Math.max(...xs) + MARGIN_M - x0, height: Math.max(...zs) + MARGIN_M - z0 };
}

/**
 * Where a colleague's camera is drawn on the plan: their eye ([x, z] under the camera) and what they look at. An
 * eye outside the box (the stage's camera often stands well back from the rooms) is drawn at the box's edge on
 * the line toward what they look at, so it is always seen, pointing the right way; `outside` says so.
 */
export function cameraMark(box: PlanBox, camera: CameraPose): { eye: [number, number]; look: [number, number]; outside: boolean } {
  const inset = Math.min(box.width, box.height) * 0.02;
  const [x0, z0, x1, z1] = [box.x0 + inset, box.z0 + inset, box.x0 + box.width - inset, box.z0 + box.height - inset];
  const clamp = (x: number, z: number): [number, number] => [Math.min(x1, Math.max(x0, x)), Math.min(z1, Math.max(z0, z))];
  const look = clamp(camera.look[0], camera.look[2]);
  const [ex, ez] = [camera.at[0], camera.at[2]];
  if (ex >= x0 && ex <= x1 && ez >= z0 && ez <= z1) return { eye: [ex, ez], look, outside: false };
  // The share of the way from the look point to the eye that stays inside the box.
  const dx = ex - look[0];
  const dz = ez - look[1];
  let f = 1;
  if (dx > 0) f = Math.min(f, (x1 - look[0]) / dx);
  if (dx < 0) f = Math.min(f, (x0 - look[0]) / dx);
  if (dz > 0) f = Math.min(f, (z1 - look[1]) / dz);
  if (dz < 0) f = Math.min(f, (z0 - look[1]) / dz);
  return { eye: [look[0] + dx * f, look[1] + dz * f], look, outside: true };
}

export interface FloorPlan {
  select(id: string | null): void;
  /** Shows one level's rooms and works (plan-levels.ts); undefined: all (a building of one floor). */
  showLevel(level: string | undefined): void;
  showProblems(ids: ReadonlySet<string>): void;
  showColleagues(list: readonly Colleague[]): void;
  destroy(): void;
}

/** A hue per name (degrees), the same on every screen: a hash of the name on the hue circle. */
export function colleagueHue(name: string): number {
  let h = 0;
  for (const c of name) h = (h * 31 + c.codePointAt(0)!) % 360;
  return h;
}

/** A colleague's colour on the plan and in 3D (colleague-cameras.ts), dark enough for white around it. */
export const colleagueColour = (name: string): string => `hsl(${colleagueHue(name)} 70% 38%)`;

/** Where each work is on the plan ([x, z]) and the room it is in (none: off every room); a work whose place names no wall of the draft is left out. */
export function placedWorks(doc: Y.Doc): Map<string, { at: [number, number]; room?: string }> {
  const space = docReader(doc).space();
  const out = new Map<string, { at: [number, number]; room?: string }>();
  if (!space) return out;
  for (const [id, w] of artworksMap(doc)) {
    const json = (k: string) => (w.get(k) as Y.Map<unknown> | undefined)?.toJSON?.();
    const art = { id, kind: w.get('kind'), dimensions: json('dimensions') ?? {}, placement: json('placement') } as Artwork;
    try {
      const p = artworkPose({ space } as Exhibition, art);
      out.set(id, { at: [p.position[0], p.position[2]], room: p.room });
    } catch {
      // No such wall: the draft's problems say so; there is no point to draw.
    }
  }
  return out;
}

/** Where each work is on the plan ([x, z]); a work whose place names no wall of the draft is left out. */
export function workPoints(doc: Y.Doc): Map<string, [number, number]> {
  return new Map([...placedWorks(doc)].map(([id, w]) => [id, w.at]));
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
  let level: string | undefined;
  let problems: ReadonlySet<string> = new Set();
  let colleagues: readonly Colleague[] = [];
  let frame = 0;
  let peopleFrame = 0;
  // Colleagues move several times a second: they are drawn in a layer of their own, over the works, which are
  // drawn again only when the draft changes (a plan of 1,000 works is not rebuilt for a turning camera).
  const people = make('g', { class: 'plan-people' });
  let drawn: { points: Map<string, [number, number]>; box: PlanBox; k: number } | undefined;

  function draw() {
    frame = 0;
    const space = docReader(doc).space();
    if (!space) {
      drawn = undefined;
      return svg.replaceChildren();
    }
    const placed = placedWorks(doc);
    // The frame fits every level, so switching levels keeps the plan where it was on the screen.
    const box = planBox(space, [...placed.values()].map((w) => w.at));
    const points = new Map([...placed].filter(([, w]) => shownOnLevel(space, w.room, level)).map(([id, w]) => [id, w.at]));
    svg.setAttribute('viewBox', `${box.x0} ${box.z0} ${box.width} ${box.height}`);
    // Dots and names keep their size on screen when a far work widens the view (sizes are in metres otherwise).
    const k = Math.max(1, Math.max(box.width, box.height) / 40);
    svg.style.setProperty('--plan-scale', String(k));
    const parts: SVGElement[] = [];
    for (const r of roomsOnLevel(space, level)) {
      parts.push(make('polygon', { points: r.polygon.map((p) => p.join(',')).join(' '), class: 'plan-room' }));
      const cx = r.polygon.reduce((a, p) => a + p[0], 0) / r.polygon.length;
      const cz = r.polygon.reduce((a, p) => a + p[1], 0) / r.polygon.length;
      const label = make('text', { x: cx, y: cz, class: 'plan-room-name', 'text-anchor': 'middle' });
      label.textContent = r.name[lang] ?? r.name.en ?? r.id;
      parts.push(label);
    }
    for (const [id, [x, z]] of points) {
      const dot = make('circle', { cx: x, cy: z, r: 0.28 * k, class: `plan-work${problems.has(id) ? ' problem' : ''}${id === selected ? ' selected' : ''}`, 'data-work': id });
      const tip = make('title', {});
      tip.textContent = o.titleOf(id);
      dot.append(tip);
      parts.push(dot);
    }
    drawn = { points, box, k };
    svg.replaceChildren(...parts, people);
    drawPeople();
  }

  function drawPeople() {
    peopleFrame = 0;
    if (!drawn) return people.replaceChildren();
    const { points, box, k } = drawn;
    const parts: SVGElement[] = [];
    for (const c of colleagues) {
      const colour = colleagueColour(c.name);
      const at = c.selected ? points.get(c.selected) : undefined;
      if (at) {
        parts.push(make('circle', { cx: at[0], cy: at[1], r: 0.55 * k, class: 'plan-colleague', stroke: colour, 'data-user': c.name }));
        const name = make('text', { x: at[0] + 0.6 * k, y: at[1] - 0.4 * k, class: 'plan-colleague-name', fill: colour });
        name.textContent = c.name;
        parts.push(name);
      }
      if (c.camera) {
        const m = cameraMark(box, c.camera);
        const g = make('g', { class: `plan-camera${m.outside ? ' outside' : ''}`, 'data-camera': c.name });
        const tip = make('title', {});
        tip.textContent = t(lang, 'cameraOf', { name: c.name });
        g.append(
          tip,
          make('line', { x1: m.eye[0], y1: m.eye[1], x2: m.look[0], y2: m.look[1], stroke: colour, 'stroke-width': 0.08 * k, 'stroke-dasharray': `${0.3 * k} ${0.2 * k}` }),
          make('circle', { cx: m.look[0], cy: m.look[1], r: 0.18 * k, fill: 'none', stroke: colour, 'stroke-width': 0.08 * k, class: 'plan-camera-look' }),
          make('circle', { cx: m.eye[0], cy: m.eye[1], r: 0.35 * k, fill: colour, class: 'plan-camera-eye' }),
        );
        const name = make('text', { x: m.eye[0] + 0.5 * k, y: m.eye[1] + 0.25 * k, class: 'plan-colleague-name', fill: colour });
        name.textContent = c.name;
        g.append(name);
        parts.push(g);
      }
    }
    people.replaceChildren(...parts);
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
    showLevel(l) {
      if (l === level) return;
      level = l;
      svg.dataset.level = l ?? '';
      redraw();
    },
    showProblems(ids) {
      problems = ids;
      redraw();
    },
    showColleagues(list) {
      colleagues = list;
      if (!frame) peopleFrame ||= requestAnimationFrame(drawPeople);
    },
    destroy() {
      cancelAnimationFrame(frame);
      cancelAnimationFrame(peopleFrame);
      artworksMap(doc).unobserveDeep(redraw);
      exhibitionMap(doc).unobserveDeep(redraw);
      figure.remove();
    },
  };
}
