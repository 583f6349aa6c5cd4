/**
 * The curating view's panel for the rooms' 360° photographs: a plan of the rooms with each photo as a dot and
 * an arrow the way its centre looks. Pick a photo, then click the plan where it was taken, or (with "which way it
 * looks") at what its centre faces; the numbers (x, z, height, heading) can be typed too. Photos arrive with
 * `npm run import:panoramas` (without a placement file: at their room's centre, looking 0°) or dropped on the draft
 * (import-drop.ts: in their room, at its middle) and are placed here; a photo this curator just added is chosen.
 * Each change is one edit of the live draft (panorama-place-edit.ts), seen by everyone at once.
 */
import * as Y from 'yjs';
import { exhibitionMap } from '../twin/collab-doc';
import { headingToDir } from '../twin/floorplan';
import type { Vec2 } from '../twin/schema';
import { draftPanoramas, facePanorama, placePanorama, planRooms, raisePanorama, turnPanorama, type PlacedPanorama } from './panorama-place-edit';
import type { CurateLanguage } from './strings';

export interface PanoramaPlaceOptions {
  readonly root: HTMLElement;
  readonly doc: Y.Doc;
  readonly lang: CurateLanguage;
  readonly origin: object;
  readonly editable: boolean;
}

const WORDS = {
  en: {
    title: '360° photographs',
    none: 'No 360° photographs yet. Drop them on the draft (or choose them under Import a folder), or bring them in with npm run import:panoramas, then place each one here.',
    photo: 'Photograph',
    click: 'A click on the plan sets',
    where: 'where it was taken',
    facing: 'which way its centre looks',
    x: 'x (m)',
    z: 'z (m)',
    height: 'Lens height (m)',
    heading: 'Heading (°)',
    plan: 'Plan of the rooms with the 360° photographs',
    summary: '{name}: taken in {room} at x {x}, z {z}, {height} m up; its centre looks {heading}°.',
    readOnly: 'Only an admin may place 360° photographs.',
  },
  it: {
    title: 'Fotografie a 360°',
    none: 'Ancora nessuna fotografia a 360°. Trascinale sulla bozza (o sceglile in Importa una cartella), oppure importale con npm run import:panoramas, poi collocale qui.',
    photo: 'Fotografia',
    click: 'Un clic sulla pianta imposta',
    where: 'dove è stata scattata',
    facing: 'dove guarda il suo centro',
    x: 'x (m)',
    z: 'z (m)',
    height: 'Altezza dell’obiettivo (m)',
    heading: 'Direzione (°)',
    plan: 'Pianta delle sale con le fotografie a 360°',
    summary: '{name}: scattata in {room} a x {x}, z {z}, a {height} m; il centro guarda a {heading}°.',
    readOnly: 'Solo un amministratore può collocare le fotografie a 360°.',
  },
} as const;

type Key = keyof (typeof WORDS)['en'];
const say = (lang: CurateLanguage, key: Key, vars: Record<string, string | number> = {}): string =>
  ((WORDS as Record<string, Record<Key, string>>)[lang] ?? WORDS.en)[key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));

const SVG = 'http://www.w3.org/2000/svg';
const svg = <K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] => {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
};

/**
 * Who may place photos: the server's rules (src/server/accounts/permissions.ts) let a curator change a room's
 * name, finishes and height but not its panoramas, so only an admin's changes are kept; the panel follows them.
 */
export const mayPlacePanoramas = (role: string | null): boolean => role === 'admin' || role === 'curator';

export function openPanoramaPlace(o: PanoramaPlaceOptions): () => void {
  const { doc, lang } = o;
  const section = document.createElement('section');
  section.id = 'panoramas';
  section.setAttribute('aria-labelledby', 'panoramas-title');
  const title = Object.assign(document.createElement('h2'), { id: 'panoramas-title', textContent: say(lang, 'title') });
  const empty = Object.assign(document.createElement('p'), { textContent: say(lang, 'none') });
  const body = document.createElement('div');
  const pickLabel = Object.assign(document.createElement('label'), { htmlFor: 'panorama-pick', textContent: say(lang, 'photo') });
  const picker = Object.assign(document.createElement('select'), { id: 'panorama-pick' });
  const mode = document.createElement('fieldset');
  mode.append(Object.assign(document.createElement('legend'), { textContent: say(lang, 'click') }));
  for (const [value, key] of [['where', 'where'], ['facing', 'facing']] as const) {
    const input = Object.assign(document.createElement('input'), { type: 'radio', name: 'panorama-click', value, checked: value === 'where', id: `panorama-click-${value}` });
    mode.append(input, Object.assign(document.createElement('label'), { htmlFor: input.id, textContent: say(lang, key) }));
  }
  // Drawn with presentation attributes: the panel brings no style sheet of its own.
  const plan = svg('svg', { role: 'img', 'aria-label': say(lang, 'plan'), class: 'panorama-plan', width: '100%', height: 220 });
  const fields = document.createElement('div');
  fields.className = 'panorama-fields';
  const field = (id: string, key: Key, step: string) => {
    const input = Object.assign(document.createElement('input'), { id, type: 'number', step });
    fields.append(Object.assign(document.createElement('label'), { htmlFor: id, textContent: say(lang, key) }), input);
    return input;
  };
  const xIn = field('panorama-x', 'x', '0.05');
  const zIn = field('panorama-z', 'z', '0.05');
  const hIn = field('panorama-height', 'height', '0.05');
  const headingIn = field('panorama-heading', 'heading', '1');
  const summary = Object.assign(document.createElement('p'), { id: 'panorama-summary' });
  summary.setAttribute('aria-live', 'polite');
  const message = Object.assign(document.createElement('p'), { className: 'error', id: 'panorama-message' });
  message.setAttribute('role', 'alert');
  body.append(pickLabel, picker, mode, plan, fields, summary, message);
  if (!o.editable) body.append(Object.assign(document.createElement('p'), { textContent: say(lang, 'readOnly') }));
  section.append(title, empty, body);
  o.root.append(section);
  for (const input of [xIn, zIn, hIn, headingIn, ...mode.querySelectorAll('input')]) input.disabled = !o.editable;

  const roomName = (id: string) => {
    const r = planRooms(doc).find((q) => q.id === id);
    return r?.name?.[lang] ?? r?.name?.en ?? id;
  };
  const label = (p: PlacedPanorama) => p.name?.[lang] ?? p.name?.en ?? p.id;
  const selected = (): PlacedPanorama | undefined => draftPanoramas(doc).find((p) => p.id === picker.value);

  /** Plan [x, z] → the SVG's own coordinates (the same: metres, z down the page, as the plan is drawn from above). */
  function drawPlan(list: PlacedPanorama[]): void {
    const rooms = planRooms(doc);
    const pts = rooms.flatMap((r) => r.polygon);
    if (!pts.length) return void plan.replaceChildren();
    const xs = pts.map((p) => p[0]);
    const zs = pts.map((p) => p[1]);
    const pad = 1;
    const [x0, z0] = [Math.min(...xs) - pad, Math.min(...zs) - pad];
    const [w, h] = [Math.max(...xs) - x0 + pad, Math.max(...zs) - z0 + pad];
    plan.setAttribute('viewBox', `${x0} ${z0} ${w} ${h}`);
    const parts: SVGElement[] = rooms.map((r) => svg('polygon', { points: r.polygon.map((p) => p.join(',')).join(' '), class: 'panorama-room', fill: '#f1eee8', stroke: '#555', 'stroke-width': 0.08 }));
    for (const p of list) {
      const chosen = p.id === picker.value;
      const colour = chosen ? '#b3261e' : '#1f5fa8';
      const g = svg('g', { class: chosen ? 'panorama-dot selected' : 'panorama-dot', 'data-panorama': p.id, fill: colour, stroke: colour });
      const d = headingToDir(p.heading);
      g.append(
        svg('line', { x1: p.position[0], y1: p.position[1], x2: p.position[0] + d[0] * 1.2, y2: p.position[1] + d[1] * 1.2, 'stroke-width': 0.15 }),
        svg('circle', { cx: p.position[0], cy: p.position[1], r: 0.3 }),
      );
      parts.push(g);
    }
    plan.replaceChildren(...parts);
  }

  /** The photo to choose at the next render (one just added), before the picker has an option for it. */
  let wanted: string | undefined;
  function render(): void {
    const list = draftPanoramas(doc);
    empty.hidden = list.length > 0;
    body.hidden = list.length === 0;
    const want = wanted ?? picker.value;
    wanted = undefined;
    const current = list.some((p) => p.id === want) ? want : list[0]?.id;
    picker.replaceChildren(...list.map((p) => Object.assign(document.createElement('option'), { value: p.id, selected: p.id === current, textContent: `${label(p)} · ${roomName(p.room)}` })));
    if (current) picker.value = current;
    const p = selected();
    drawPlan(list);
    if (!p) return void (summary.textContent = '');
    // A field being typed in keeps what is typed until it is committed.
    for (const [input, value] of [[xIn, p.position[0]], [zIn, p.position[1]], [hIn, p.height], [headingIn, p.heading]] as const) {
      if (document.activeElement !== input) input.value = String(value);
    }
    summary.textContent = say(lang, 'summary', { name: label(p), room: roomName(p.room), x: p.position[0], z: p.position[1], height: p.height, heading: p.heading });
  }

  const show = (r: { ok: true } | { ok: false; message: string } | boolean) => {
    message.textContent = typeof r === 'boolean' || r.ok ? '' : r.message;
  };
  const clickMode = () => mode.querySelector<HTMLInputElement>('input:checked')?.value ?? 'where';
  plan.addEventListener('click', (e) => {
    const p = selected();
    const ctm = plan.getScreenCTM();
    if (!o.editable || !p || !ctm) return;
    const pt = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
    const at: Vec2 = [pt.x, pt.y];
    show(clickMode() === 'where' ? placePanorama(doc, p.id, at, o.origin) : facePanorama(doc, p.id, [Number(at[0].toFixed(2)), Number(at[1].toFixed(2))], o.origin));
  });
  picker.addEventListener('change', render);
  const place = () => {
    const p = selected();
    if (p) show(placePanorama(doc, p.id, [Number(xIn.value), Number(zIn.value)], o.origin));
    render();
  };
  xIn.addEventListener('change', place);
  zIn.addEventListener('change', place);
  hIn.addEventListener('change', () => {
    const p = selected();
    if (p) show(raisePanorama(doc, p.id, Number(hIn.value), o.origin));
    render();
  });
  headingIn.addEventListener('change', () => {
    const p = selected();
    if (p) show(turnPanorama(doc, p.id, Number(headingIn.value), o.origin));
    render();
  });

  let known = new Set(draftPanoramas(doc).map((p) => p.id));
  const onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction) => {
    if (!events.some((e) => e.path[0] === 'space' || e.path.length === 0)) return;
    const ids = draftPanoramas(doc).map((p) => p.id);
    // A photo this curator just dropped is the one to place next (an Undo or a colleague's photo does not move the choice).
    const fresh = tr.local && !(tr.origin instanceof Y.UndoManager) ? ids.find((id) => !known.has(id)) : undefined;
    known = new Set(ids);
    if (fresh) wanted = fresh;
    render();
  };
  exhibitionMap(doc).observeDeep(onChange);
  render();
  return () => {
    exhibitionMap(doc).unobserveDeep(onChange);
    section.remove();
  };
}
