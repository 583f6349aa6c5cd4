/**
 * The artwork panel's live section: the work's conditions now against its limits, any active alert at the
 * work, its light budget pro rata ("61 % of the year's light budget used by 4 December"), and the history
 * charts (src/ui/live-chart.ts, loaded only when opened).
 */
import type { ArtworkState, LiveSnapshot, Quantity } from '../twin/live/contract';
import { QUANTITIES } from '../twin/live/contract';
import { lightBudgetParts, withUnit, formatValue } from '../live/model';
import type { LiveView } from '../live/client';
import { h } from './dom';
import { fill, type Strings } from './i18n';
import { alertText } from './live-alerts';
import { freshness, noData, quantityName } from './live-legend';

export interface LivePanelContext {
  readonly t: Strings;
  readonly lang: string;
  readonly now: Date;
  readonly exhibition: string;
  /** Draws the history charts into `host` (lazily loads the chart library). */
  readonly charts: (host: HTMLElement, work: ArtworkState, quantities: Quantity[]) => void;
}

function limitsText(w: ArtworkState, q: Quantity, lang: string): string | undefined {
  const l = w.limits;
  if (q === 'humidity' || q === 'temperature') {
    const b = l[q];
    return b ? `${formatValue(b.min, lang)}–${withUnit(q, b.max, lang)}` : undefined;
  }
  if (q === 'illuminance' || q === 'uv') {
    const b = l[q];
    return b ? `≤ ${withUnit(q, b.max, lang)}` : undefined;
  }
  return undefined;
}

/** What the section shows, as a key: the panel redraws it only when this changes (and so keeps its open charts). */
export function livePanelKey(view: LiveView, id: string): string {
  const w = view.snapshot?.artworks[id];
  const alerts = view.snapshot?.alerts.filter((a) => a.artworks.includes(id));
  return JSON.stringify([view.connection, w?.values, w?.lightBudget?.fractionUsed, alerts, view.snapshot?.time.slice(0, 16)]);
}

/** The section for one work, or null when the live twin knows nothing about it. */
export function liveSection(view: LiveView, id: string, ctx: LivePanelContext): HTMLElement | null {
  const s: LiveSnapshot | undefined = view.snapshot;
  const w = s?.artworks[id];
  if (!w) return null;
  const { t, lang, now } = ctx;
  const quantities = QUANTITIES.filter((q) => q !== 'visitors' && (w.values[q] || limitsText(w, q, lang)));
  const alerts = s!.alerts.filter((a) => a.artworks.includes(id) || w.alerts.includes(a.id));
  const fresh = freshness(view, now, t, lang);
  const rows = quantities.flatMap((q) => {
    const v = w.values[q];
    const limits = limitsText(w, q, lang);
    const spread = q === 'humidity' || q === 'temperature' ? w.fluctuation24h[q] : undefined;
    const value = v && !v.stale ? withUnit(q, v.value, lang) : noData(v, now, t, lang);
    return [
      h('dt', {}, quantityName(q, t)),
      h(
        'dd',
        { 'data-quantity': q, 'data-stale': String(!v || v.stale) },
        h('span', { class: 'live-now' }, value),
        limits ? h('span', { class: 'sub' }, ` · ${fill(t.liveLimits, { range: limits })}`) : null,
        spread !== undefined ? h('span', { class: 'sub' }, ` · ${fill(t.liveSpread, { value: withUnit(q, spread, lang) })}`) : null,
      ),
    ];
  });
  const budget = w.lightBudget ? lightBudgetParts(w.lightBudget, new Date(s!.time), lang) : undefined;
  const history = h('details', { class: 'live-history' }, h('summary', {}, t.liveHistory));
  let drawn = false;
  history.addEventListener('toggle', () => {
    if (!history.open || drawn) return;
    drawn = true;
    const host = h('div', { class: 'live-charts' });
    history.append(host);
    ctx.charts(host, w, quantities.length ? quantities : ['humidity']);
  });
  return h(
    'section',
    { class: 'live-work', 'aria-labelledby': 'live-work-title', 'data-live-artwork': id, 'data-connection': fresh.connection },
    h('h3', { id: 'live-work-title' }, t.liveConditions),
    fresh.text ? h('p', { class: 'live-fresh sub' }, fresh.text) : null,
    alerts.length
      ? h(
          'div',
          { class: 'live-work-alerts', role: 'alert' },
          alerts.map((a) => h('p', { class: 'live-work-alert', 'data-alert': a.id, 'data-quantity': a.quantity }, h('span', { 'aria-hidden': 'true' }, '⚠ '), h('strong', {}, `${t.alertAtWork}: `), alertText(a, t, lang))),
        )
      : null,
    rows.length ? h('dl', { class: 'live-values' }, rows) : null,
    budget
      ? h(
          'p',
          { class: `live-budget${budget.ahead ? ' ahead' : ''}`, 'data-fraction': w.lightBudget!.fractionUsed.toFixed(3) },
          fill(t.lightBudget, { percent: budget.percent, date: budget.date }),
          budget.ahead ? h('span', { class: 'sub' }, ` ${t.lightBudgetAhead}`) : null,
        )
      : null,
    history,
  );
}
