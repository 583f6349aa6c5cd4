/**
 * The curator drawer's live part: which quantity the plan's heat overlay shows, and the list of active
 * conservation alerts. Each alert names its zone, the quantity, value and limit with units, since when, and
 * the works affected, each a button that opens the work.
 */
import type { Alert, LiveSnapshot } from '../twin/live/contract';
import { UNITS } from '../twin/live/contract';
import { HEAT_QUANTITIES, formatClock, formatValue, withUnit, type HeatQuantity } from '../live/model';
import { h } from './dom';
import { fill, type Strings } from './i18n';
import { quantityName } from './live-legend';

export interface AlertsContext {
  readonly t: Strings;
  readonly lang: string;
  readonly now: Date;
  readonly zoneName: (id: string) => string;
  readonly workTitle: (id: string) => string;
  readonly openArtwork: (id: string) => void;
}

/** One alert in words: "Relative humidity 72 % RH, above the limit of 60 % RH". */
export function alertText(a: Alert, t: Strings, lang: string): string {
  const quantity = quantityName(a.quantity, t);
  if (a.kind === 'light-budget') return fill(t.alertLightBudget, { value: formatValue(a.value, lang), limit: formatValue(a.limit, lang) });
  const value = withUnit(a.quantity, a.value, lang);
  const limit = withUnit(a.quantity, a.limit, lang);
  const template = a.kind === 'above' ? t.alertAbove : a.kind === 'below' ? t.alertBelow : t.alertFluctuation;
  return fill(template, { quantity, value, limit });
}

/** The heat overlay's quantity, as a group of radio buttons. */
export function heatChooser(current: HeatQuantity, t: Strings, choose: (q: HeatQuantity) => void): HTMLElement {
  return h(
    'fieldset',
    { class: 'live-heat-choice' },
    h('legend', {}, t.liveHeat),
    HEAT_QUANTITIES.map((q) => {
      const input = h('input', { type: 'radio', name: 'live-heat', value: q, checked: q === current }) as HTMLInputElement;
      input.addEventListener('change', () => input.checked && choose(q));
      return h('label', { class: 'live-heat-option' }, input, ` ${quantityName(q, t)} (${UNITS[q]})`);
    }),
  );
}

/** The alerts list, newest first. */
export function alertsList(s: LiveSnapshot | undefined, ctx: AlertsContext): HTMLElement {
  const { t, lang, now } = ctx;
  const alerts = [...(s?.alerts ?? [])].sort((a, b) => b.since.localeCompare(a.since));
  if (!alerts.length) return h('p', { class: 'live-no-alerts' }, t.liveNoAlerts);
  return h(
    'ul',
    { class: 'live-alerts' },
    alerts.map((a) =>
      h(
        'li',
        { 'data-alert': a.id, 'data-quantity': a.quantity, 'data-zone': a.zone ?? '' },
        h('span', { class: 'live-alert-icon', 'aria-hidden': 'true' }, '⚠'),
        h('strong', {}, a.zone ? ctx.zoneName(a.zone) : a.artworks.map(ctx.workTitle).join(', ')),
        ' ',
        h('span', { class: 'live-alert-what' }, alertText(a, t, lang)),
        ' ',
        h('time', { datetime: a.since, class: 'sub' }, fill(t.alertSince, { time: formatClock(a.since, now, lang) })),
        a.artworks.length
          ? h(
              'p',
              { class: 'live-alert-works' },
              t.alertWorks,
              ' ',
              a.artworks.map((id) => h('button', { type: 'button', class: 'link', 'data-artwork': id, onclick: () => ctx.openArtwork(id) }, ctx.workTitle(id))),
            )
          : null,
      ),
    ),
  );
}
