/**
 * A work's history charts: the last 24 h, 7 days or year of one quantity from the history API, drawn with
 * uPlot (a small, well-kept canvas chart library, loaded only when a chart is first opened), with a text
 * summary for screen readers and a CSV download of the same range.
 */
import type { ArtworkState, HistoryResponse, Quantity, ReadingTarget } from '../twin/live/contract';
import { CHART_SPANS, historyUrl, spanRange, withUnit, formatClock, type ChartSpan } from '../live/model';
import { h } from './dom';
import { fill, type Strings } from './i18n';
import { quantityName } from './live-legend';

export interface ChartContext {
  readonly t: Strings;
  readonly lang: string;
  readonly exhibition: string;
  readonly now: () => Date;
}

/** The places a work's history can come from: a sensor at the work first, else its zone's. */
export function historyTargets(w: Pick<ArtworkState, 'id' | 'zone'>): ReadingTarget[] {
  return [{ kind: 'artwork', id: w.id }, ...(w.zone ? [{ kind: 'zone' as const, id: w.zone }] : [])];
}

async function loadHistory(exhibition: string, targets: ReadingTarget[], quantity: Quantity, range: { from: string; to: string }): Promise<{ res: HistoryResponse; target: ReadingTarget }> {
  let last: { res: HistoryResponse; target: ReadingTarget } | undefined;
  for (const target of targets) {
    const r = await fetch(historyUrl(exhibition, target, quantity, range));
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    last = { res: (await r.json()) as HistoryResponse, target };
    if (last.res.points.length) return last;
  }
  return last!;
}

/** Draws the chart controls and the first chart into `host`. */
export function drawCharts(host: HTMLElement, w: ArtworkState, quantities: Quantity[], ctx: ChartContext): void {
  const { t, lang } = ctx;
  let span: ChartSpan = '24h';
  let quantity: Quantity = quantities[0]!;
  const targets = historyTargets(w);
  const spanNames: Record<ChartSpan, string> = { '24h': t.chart24h, '7d': t.chart7d, year: t.chartYear };
  const spanButtons = CHART_SPANS.map((s) => h('button', { type: 'button', 'data-span': s, 'aria-pressed': String(s === span) }, spanNames[s]) as HTMLButtonElement);
  const select = h('select', { class: 'live-chart-quantity' }, quantities.map((q) => h('option', { value: q }, quantityName(q, t)))) as HTMLSelectElement;
  const plot = h('div', { class: 'live-chart', role: 'img' });
  const summary = h('p', { class: 'live-chart-summary sub', 'aria-live': 'polite' });
  const csv = h('a', { class: 'live-csv', download: '' }, t.chartCsv) as HTMLAnchorElement;
  const selectId = `live-q-${w.id}`;
  select.id = selectId;
  let chart: { destroy(): void } | undefined;
  let request = 0;

  const draw = async () => {
    const mine = ++request;
    for (const b of spanButtons) b.setAttribute('aria-pressed', String(b.dataset.span === span));
    const range = spanRange(span, ctx.now());
    csv.href = historyUrl(ctx.exhibition, targets[0]!, quantity, range, 'csv');
    summary.textContent = t.chartLoading;
    plot.setAttribute('aria-label', `${quantityName(quantity, t)} · ${spanNames[span]}`);
    try {
      const [{ res, target }, { default: UPlot }] = await Promise.all([loadHistory(ctx.exhibition, targets, quantity, range), import('uplot'), import('uplot/dist/uPlot.min.css')]);
      if (mine !== request) return;
      csv.href = historyUrl(ctx.exhibition, target, quantity, range, 'csv');
      chart?.destroy();
      chart = undefined;
      plot.replaceChildren();
      if (!res.points.length) {
        summary.textContent = t.chartEmpty;
        return;
      }
      const xs = res.points.map((p) => p[0] / 1000);
      const col = (k: 1 | 2 | 3) => res.points.map((p) => p[k]);
      const unit = withUnit(quantity, 0, lang).replace(/^\S+\s/, '');
      chart = new UPlot(
        {
          width: Math.max(240, host.clientWidth - 4),
          height: 160,
          legend: { show: false },
          series: [{}, { label: quantityName(quantity, t), stroke: '#1a5fb4', width: 2 }, { label: 'min', stroke: '#7d7367', dash: [4, 4] }, { label: 'max', stroke: '#7d7367', dash: [4, 4] }],
          axes: [{}, { label: unit, size: 50 }],
        },
        [xs, col(1), col(2), col(3)],
        plot,
      );
      const lows = col(2);
      const highs = col(3);
      const now = ctx.now();
      summary.textContent = fill(t.chartSummary, {
        quantity: quantityName(quantity, t),
        from: formatClock(range.from, now, lang),
        to: formatClock(range.to, now, lang),
        min: withUnit(quantity, Math.min(...lows), lang),
        max: withUnit(quantity, Math.max(...highs), lang),
      });
    } catch (e) {
      if (mine === request) summary.textContent = fill(t.chartFailed, { reason: (e as Error)?.message ?? String(e) });
    }
  };
  for (const b of spanButtons)
    b.addEventListener('click', () => {
      span = b.dataset.span as ChartSpan;
      void draw();
    });
  select.addEventListener('change', () => {
    quantity = select.value as Quantity;
    void draw();
  });
  host.append(
    h('div', { class: 'live-chart-controls' }, h('div', { class: 'live-spans', role: 'group', 'aria-label': t.liveHistory }, spanButtons), h('label', { for: selectId }, t.chartQuantity), ' ', select),
    plot,
    summary,
    h('p', {}, csv),
  );
  void draw();
}
