/**
 * The wrist menu's *Live* page: the active conservation alerts (zone, quantity, value against the limit, works
 * affected), and, for the work whose panel is open, its conditions now against its limits and its light budget
 * pro rata. The same words as the preview's alerts list and panel (src/ui/live-*.ts), drawn on a world surface.
 */
import type { StackPanel } from '@babylonjs/gui/2D/controls/stackPanel';
import type { Exhibition } from '../../twin/schema';
import type { Alert, LiveSnapshot } from '../../twin/live/contract';
import { formatClock, lightBudgetParts } from '../../live/model';
import { alertText } from '../../ui/live-alerts';
import type { XrLocale } from '../xr/host';
import { ACCENT, MUTED, type Surface } from '../xr/surface';
import { ALERT_COLOUR, conditionLine, conditionQuantities } from '../xr/live-text';

/** Alerts the page lists in full; the rest are counted ("and 2 more"), so the page stays readable at arm's length. */
const MAX_ALERTS = 2;

interface LivePageContext {
  exhibition: Exhibition;
  locale: XrLocale;
  /** The latest snapshot; undefined where there is no live data. */
  snapshot: LiveSnapshot | undefined;
  /** The work whose panel is open, if any. */
  openWork: string | undefined;
  back: () => void;
}

/** Newest first, as in the preview's list. */
export function activeAlerts(s: LiveSnapshot | undefined): Alert[] {
  return [...(s?.alerts ?? [])].sort((a, b) => b.since.localeCompare(a.since));
}

/**
 * What the menu shows of the live twin, as a key: snapshots arrive every few seconds, and redrawing the menu
 * each time would take its buttons from under the visitor's finger, so it redraws only when this changes.
 */
export function livePageKey(page: 'main' | 'live', s: LiveSnapshot | undefined, openWork: string | undefined): string {
  if (page === 'main') return String(s?.alerts.length ?? -1);
  const w = openWork ? s?.artworks[openWork] : undefined;
  // The values as shown (a new reading of the same value changes nothing on the page).
  const values = Object.entries(w?.values ?? {}).map(([q, v]) => [q, v.value, v.stale]);
  return JSON.stringify([openWork, s?.time.slice(0, 16), s?.alerts, values, w?.lightBudget?.fractionUsed]);
}

/** Draws the page into the menu's column `col` (already cleared by `Surface.card`). */
export function renderLivePage(s: Surface, col: StackPanel, ctx: LivePageContext): void {
  const { locale, exhibition: ex, snapshot } = ctx;
  const t = locale.t;
  const now = new Date();
  const text = (m: Parameters<XrLocale['text']>[0]) => locale.text(m);
  const zoneName = (id: string | undefined) => (id ? text(ex.zones.find((z) => z.id === id)?.name) || id : '');
  const workTitle = (id: string) => text(ex.artworks.find((a) => a.id === id)?.title) || id;
  // Back first: however long the page, the way out is never below the card's edge.
  col.addControl(s.button('live:back', t.xrLiveBack, ctx.back, { width: '560px', height: '72px', fontSize: 28 }));
  col.addControl(s.text('live-title', t.xrLive, 30, { bold: true, color: MUTED }));
  if (!snapshot) {
    col.addControl(s.text('live-none', t.xrLiveNone, 28));
    return;
  }
  col.addControl(s.text('live-as-of', formatClock(snapshot.time, now, locale.lang), 28, { color: MUTED }));
  const alerts = activeAlerts(snapshot);
  if (!alerts.length) col.addControl(s.text('live-no-alerts', t.liveNoAlerts, 28));
  for (const a of alerts.slice(0, MAX_ALERTS)) {
    const where = a.zone ? zoneName(a.zone) : a.artworks.map(workTitle).join(', ');
    const works = a.artworks.length ? ` ${t.alertWorks} ${a.artworks.map(workTitle).join(', ')}` : '';
    const since = locale.fill(t.alertSince, { time: formatClock(a.since, now, locale.lang) });
    col.addControl(s.text(`live-alert:${a.id}`, `⚠ ${where}: ${alertText(a, t, locale.lang)}, ${since}.${works}`, 28, { color: ALERT_COLOUR }));
  }
  if (alerts.length > MAX_ALERTS) col.addControl(s.text('live-more', locale.fill(t.xrLiveMore, { n: alerts.length - MAX_ALERTS }), 28, { color: ALERT_COLOUR }));
  const id = ctx.openWork;
  const w = id ? snapshot.artworks[id] : undefined;
  if (!id || !w) {
    col.addControl(s.text('live-open-work', t.xrLiveOpenWork, 28, { color: MUTED }));
    return;
  }
  col.addControl(s.text(`live-work:${id}`, `${workTitle(id)} · ${t.liveConditions}`, 30, { bold: true, color: ACCENT }));
  for (const q of conditionQuantities(w)) {
    col.addControl(s.text(`live-value:${q}`, conditionLine(w, q, locale, now), 28));
  }
  if (w.lightBudget) {
    const b = lightBudgetParts(w.lightBudget, new Date(snapshot.time), locale.lang);
    col.addControl(s.text('live-budget', locale.fill(t.lightBudget, { percent: b.percent, date: b.date }) + (b.ahead ? ' ⚠' : ''), 28, { color: b.ahead ? ALERT_COLOUR : undefined }));
  }
}
