/**
 * The browser's reading of the live twin, as pure functions: crowding and heat classes with their legends,
 * the age of what is shown, the light-budget wording, history and CSV addresses, alert events merged into
 * the last snapshot, and the last known snapshot kept between visits. No DOM, no network (src/live/client.ts
 * does the connecting; src/ui/live-*.ts the drawing).
 */
import type { Alert, AlertEvent, ArtworkState, Crowding, LiveSnapshot, LiveValue, Quantity, ReadingTarget } from '../twin/live/contract';
import { UNITS } from '../twin/live/contract';

export const CROWDING: readonly Crowding[] = ['quiet', 'busy', 'crowded'];

/** Each crowding level is a fill pattern as well as a colour, so the plan never depends on colour alone. */
export const CROWDING_PATTERN: Record<Crowding, 'plain' | 'lines' | 'cross'> = { quiet: 'plain', busy: 'lines', crowded: 'cross' };

/** The quantities the curator's heat overlay can show. */
export const HEAT_QUANTITIES = ['temperature', 'humidity', 'illuminance', 'uv'] as const;
export type HeatQuantity = (typeof HEAT_QUANTITIES)[number];

export type HeatLevel = 'low' | 'ok' | 'high';

/**
 * The general bands the plan's heat overlay compares a zone against (a work's own limits, from its needs, are
 * shown in its panel): temperature 16–25 °C and RH 40–60 % from the Bizot Group's interim guidance; 200 lux for
 * moderately light-sensitive works and 75 µW/lm UV, the figures CIE 157 and most loan agreements use.
 */
export const HEAT_BANDS: Record<HeatQuantity, { min?: number; max: number }> = {
  temperature: { min: 16, max: 25 },
  humidity: { min: 40, max: 60 },
  illuminance: { max: 200 },
  uv: { max: 75 },
};

/** Below, within or above the band. */
export function heatLevel(quantity: HeatQuantity, value: number): HeatLevel {
  const band = HEAT_BANDS[quantity];
  if (band.min !== undefined && value < band.min) return 'low';
  return value > band.max ? 'high' : 'ok';
}

/** A mark that goes with each level (a shape in words' place, for colour blindness): ▼ low, ▲ high. */
export const HEAT_MARK: Record<HeatLevel, string> = { low: '▼', ok: '', high: '▲' };

/** The legend's entries for a quantity: level and its range in numbers ("below 40 % RH", "40–60 % RH", …). */
export function heatLegend(quantity: HeatQuantity, lang: string): { level: HeatLevel; range: string; bound?: 'below' | 'above' }[] {
  const band = HEAT_BANDS[quantity];
  const n = (v: number) => `${formatValue(v, lang)} ${UNITS[quantity]}`;
  const out: { level: HeatLevel; range: string; bound?: 'below' | 'above' }[] = [];
  if (band.min !== undefined) out.push({ level: 'low', range: n(band.min), bound: 'below' });
  out.push({ level: 'ok', range: band.min !== undefined ? `${formatValue(band.min, lang)}–${n(band.max)}` : `0–${n(band.max)}` });
  out.push({ level: 'high', range: n(band.max), bound: 'above' });
  return out;
}

/** A reading's value the language's way, with one decimal at most. */
export function formatValue(v: number, lang: string): string {
  return new Intl.NumberFormat(intlLang(lang), { maximumFractionDigits: 1 }).format(v);
}

/** "21.4 °C", "55 % RH". */
export function withUnit(quantity: Quantity, v: number, lang: string): string {
  return `${formatValue(v, lang)} ${UNITS[quantity]}`;
}

/** A value to show as live: the value and not stale, else undefined. */
export function liveValue(v: LiveValue | undefined): LiveValue | undefined {
  return v && !v.stale ? v : undefined;
}

/** "10:42" (or "4 Dec, 10:42" when not today) in the visitor's language. */
export function formatClock(iso: string, now: Date, lang: string): string {
  const d = new Date(iso);
  const sameDay = d.toDateString() === now.toDateString();
  const opts: Intl.DateTimeFormatOptions = sameDay ? { hour: '2-digit', minute: '2-digit' } : { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };
  return new Intl.DateTimeFormat(intlLang(lang), opts).format(d);
}

/** "3 min ago", "just now", "2 hr ago", "yesterday" in the visitor's language (Intl.RelativeTimeFormat). */
export function formatAgo(iso: string, now: Date, lang: string): string {
  const s = Math.max(0, (now.getTime() - new Date(iso).getTime()) / 1000);
  const rtf = new Intl.RelativeTimeFormat(intlLang(lang), { numeric: 'auto', style: 'short' });
  if (s < 45) return rtf.format(0, 'second');
  if (s < 3600) return rtf.format(-Math.max(1, Math.round(s / 60)), 'minute');
  if (s < 86_400) return rtf.format(-Math.round(s / 3600), 'hour');
  return rtf.format(-Math.round(s / 86_400), 'day');
}

/** The light budget in words: percent used and by which day, for "{percent} of the year's light budget used by {date}". */
export function lightBudgetParts(lb: NonNullable<ArtworkState['lightBudget']>, asOf: Date, lang: string): { percent: string; date: string; ahead: boolean } {
  const percent = new Intl.NumberFormat(intlLang(lang), { style: 'percent', maximumFractionDigits: 0 }).format(lb.fractionUsed);
  const date = new Intl.DateTimeFormat(intlLang(lang), { day: 'numeric', month: 'long' }).format(asOf);
  // Pro rata: more of the budget used than of the year means the work is on course to exceed it.
  return { percent, date, ahead: lb.fractionUsed > lb.fractionOfYear };
}

export type ChartSpan = '24h' | '7d' | 'year';
export const CHART_SPANS: readonly ChartSpan[] = ['24h', '7d', 'year'];
const SPAN_MS: Record<ChartSpan, number> = { '24h': 86_400_000, '7d': 7 * 86_400_000, year: 365 * 86_400_000 };

/** From and to of a chart ending now. */
export function spanRange(span: ChartSpan, now: Date): { from: string; to: string } {
  return { from: new Date(now.getTime() - SPAN_MS[span]).toISOString(), to: now.toISOString() };
}

/** GET /api/exhibitions/<id>/history (or history.csv) for one place and quantity over a range. */
export function historyUrl(exhibition: string, target: ReadingTarget, quantity: Quantity, range: { from: string; to: string }, format: 'json' | 'csv' = 'json'): string {
  const q = new URLSearchParams({ [target.kind]: target.id, quantity, from: range.from, to: range.to });
  return `/api/exhibitions/${encodeURIComponent(exhibition)}/${format === 'csv' ? 'history.csv' : 'history'}?${q}`;
}

/** A snapshot with one alert event applied: raised alerts are added (or updated), cleared ones removed, at the works too. */
export function applyAlertEvent(s: LiveSnapshot, e: AlertEvent): LiveSnapshot {
  if (e.alert.exhibition !== s.exhibition) return s;
  const others = s.alerts.filter((a) => a.id !== e.alert.id);
  const alerts: Alert[] = e.event === 'raised' ? [...others, e.alert] : others;
  const artworks: Record<string, ArtworkState> = { ...s.artworks };
  for (const id of new Set([...e.alert.artworks, ...Object.keys(s.artworks).filter((k) => s.artworks[k]!.alerts.includes(e.alert.id))])) {
    const w = artworks[id];
    if (!w) continue;
    const rest = w.alerts.filter((a) => a !== e.alert.id);
    artworks[id] = { ...w, alerts: e.event === 'raised' && e.alert.artworks.includes(id) ? [...rest, e.alert.id] : rest };
  }
  return { ...s, alerts, artworks };
}

/** The newer of two snapshots of the same exhibition (by the server's time); a retained message may be older than a fetch. */
export function newer(a: LiveSnapshot | undefined, b: LiveSnapshot): LiveSnapshot {
  if (!a || a.exhibition !== b.exhibition) return b;
  return Date.parse(b.time) >= Date.parse(a.time) ? b : a;
}

/** What is kept in the browser between visits: the last snapshot and when this browser received it. */
export interface LastKnown {
  readonly snapshot: LiveSnapshot;
  readonly receivedAt: string;
}

export const lastKnownKey = (exhibition: string): string => `museum-twin:live:${exhibition}`;

/**
 * Reads a kept snapshot back; anything damaged, of another exhibition or not a snapshot gives undefined
 * (the page then waits for the server instead of showing something wrong).
 */
export function decodeLastKnown(text: string | null | undefined, exhibition: string): LastKnown | undefined {
  if (!text) return undefined;
  try {
    const v = JSON.parse(text) as Partial<LastKnown>;
    const s = v.snapshot as Partial<LiveSnapshot> | undefined;
    if (!s || s.exhibition !== exhibition || typeof s.time !== 'string' || Number.isNaN(Date.parse(s.time))) return undefined;
    if (typeof s.zones !== 'object' || typeof s.artworks !== 'object' || !Array.isArray(s.alerts) || typeof v.receivedAt !== 'string') return undefined;
    return v as LastKnown;
  } catch {
    return undefined;
  }
}

export function encodeLastKnown(k: LastKnown): string {
  return JSON.stringify(k);
}

/** The broker's address for the browser: a same-origin path ("/mqtt") becomes ws(s)://host/mqtt. */
export function brokerWsUrl(brokerUrl: string, page: { protocol: string; host: string }): string {
  if (/^wss?:\/\//.test(brokerUrl)) return brokerUrl;
  const scheme = page.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${page.host}${brokerUrl.startsWith('/') ? '' : '/'}${brokerUrl}`;
}

/** Intl does not know pseudo-locales. */
export function intlLang(lang: string): string {
  return lang.replace(/-XA$/, '');
}
