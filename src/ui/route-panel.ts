/**
 * "Plan my visit": the drawer's form (time, step-free, crowds, start and end, must-see works) and the planned
 * route as an ordered list of stops with directions in words, what was left out, optional detours, and the link
 * with its QR code. Keyboard and screen reader: a plain form and lists; nothing is only drawn.
 */
import type { Locale } from '../i18n';
import type { Route } from '../twin/route/plan';
import { legDirections } from '../twin/route/directions';
import { h } from './dom';
import { qrCode } from './route-qr';
import type { RouteWords } from './route-directions';

export interface RouteSettings {
  budget: number | 'all-day';
  stepFree: boolean;
  avoidCrowded: boolean;
  start: string;
  end: string;
  mustSee: string[];
}

export const BUDGETS = [30, 45, 60, 90, 'all-day'] as const;

export interface RouteFormInput {
  locale: Locale;
  words: RouteWords;
  favourites: string[];
  places: { id: string; name: string }[];
  settings: RouteSettings;
  plan: (s: RouteSettings) => void;
}

export function routeForm(f: RouteFormInput): HTMLElement {
  const t = f.locale.t;
  if (!f.favourites.length) return h('p', { class: 'route-empty' }, t.routeNoWorks);
  const s = f.settings;
  const budget = h(
    'select',
    { id: 'route-budget' },
    BUDGETS.map((b) => h('option', { value: String(b), selected: s.budget === b }, b === 'all-day' ? t.routeAllDay : f.locale.fill(t.minutes, { n: b }))),
  );
  const check = (id: string, label: string, on: boolean): [HTMLInputElement, HTMLElement] => {
    const input = h('input', { type: 'checkbox', id, checked: on });
    return [input, h('label', { class: 'route-check' }, input, ' ', label)];
  };
  const [stepFree, stepFreeLabel] = check('route-step-free', t.routeStepFree, s.stepFree);
  const [crowded, crowdedLabel] = check('route-avoid-crowded', t.routeAvoidCrowded, s.avoidCrowded);
  const placeSelect = (id: string, value: string): HTMLSelectElement => h('select', { id }, f.places.map((p) => h('option', { value: p.id, selected: p.id === value }, p.name)));
  const start = placeSelect('route-start', s.start);
  const end = placeSelect('route-end', s.end);
  const must = f.favourites.map((id) => {
    const box = h('input', { type: 'checkbox', 'data-artwork': id, checked: s.mustSee.includes(id) });
    return { id, box, row: h('li', {}, h('label', {}, box, ' ', f.words.title(id))) };
  });
  const form = h(
    'form',
    { class: 'route-form' },
    h('p', { class: 'sub' }, t.routeIntro),
    h('label', { for: 'route-budget' }, t.routeTime),
    budget,
    stepFreeLabel,
    crowdedLabel,
    h('label', { for: 'route-start' }, t.routeStart),
    start,
    h('label', { for: 'route-end' }, t.routeFinish),
    end,
    h('fieldset', {}, h('legend', {}, t.routeMustSee), h('ul', { class: 'route-must' }, must.map((m) => m.row))),
    h('button', { type: 'submit', class: 'route-make' }, t.routeMake),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const b = budget.value === 'all-day' ? 'all-day' : Number(budget.value);
    f.plan({ budget: b, stepFree: stepFree.checked, avoidCrowded: crowded.checked, start: start.value, end: end.value, mustSee: must.filter((m) => m.box.checked).map((m) => m.id) });
  });
  return form;
}

export interface RouteResultInput {
  locale: Locale;
  words: RouteWords;
  route: Route;
  /** Messages from opening a link (gone works, another exhibition). */
  messages: string[];
  link: string;
  follow: () => void;
  /** Whether the route works offline (a saved copy holds it), in words; absent while not known. */
  offline?: string;
}

export function routeResult(r: RouteResultInput): HTMLElement {
  const { locale, words, route } = r;
  const t = locale.t;
  const notes = [...r.messages, ...words.notes(route)];
  const stops = route.stops.map((s, i) => {
    const leg = route.legs[i]!;
    return h(
      'li',
      { 'data-artwork': s.artwork, class: s.mustSee ? 'must-see' : undefined },
      h('strong', {}, locale.fill(t.routeStop, { i: i + 1, title: words.title(s.artwork) })),
      s.mustSee ? h('span', { class: 'badge' }, ` ${t.routeMustSee}`) : null,
      h('span', { class: 'sub' }, ` · ${locale.fill(t.routeDwell, { n: s.dwellMinutes })} · ${locale.fill(t.routeWalk, { m: Math.round(leg.metres), min: Math.max(1, Math.round(leg.minutes)) })}`),
      h('ul', { class: 'route-directions' }, words.steps(legDirections(route, i)).map((line) => h('li', {}, line))),
    );
  });
  const lastLeg = route.legs.length - 1;
  const back = words.steps(legDirections(route, lastLeg), route.end.id);
  const detours = route.detours.map((d) =>
    h('li', { 'data-artwork': d.artwork }, locale.fill(t.routeDetour, { title: words.title(d.artwork), min: d.minutes, reason: locale.fill({ creator: t.routeReasonCreator, period: t.routeReasonPeriod, story: t.routeReasonStory }[d.reason], { title: words.title(d.relatedTo) }) })),
  );
  const linkInput = h('input', { type: 'text', readonly: true, value: r.link, class: 'route-link', 'aria-label': t.routeTakeAway });
  return h(
    'section',
    { class: 'route-result', 'aria-live': 'polite' },
    h('p', { class: 'route-summary' }, words.summary(route)),
    notes.length ? h('ul', { class: 'route-notes', role: 'status' }, notes.map((n) => h('li', {}, n))) : null,
    h('ol', { class: 'route-stops' }, stops),
    back.length ? h('p', { class: 'route-back sub' }, back.join(' · ')) : null,
    detours.length ? h('section', { class: 'route-detours' }, h('h3', {}, t.routeDetours), h('ul', {}, detours)) : null,
    route.stops.length ? h('button', { type: 'button', class: 'route-follow', onclick: r.follow }, t.routeFollow) : null,
    h('h3', {}, t.routeTakeAway),
    linkInput,
    h('button', { type: 'button', class: 'route-copy', onclick: () => void navigator.clipboard?.writeText(r.link).catch(() => linkInput.select()) }, t.copyLink),
    qrCode(r.link, t.routeQr),
    r.offline ? h('p', { class: 'route-offline sub' }, r.offline) : null,
  );
}
