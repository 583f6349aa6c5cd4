/**
 * The live twin's words on the immersive modes' world surfaces (VR's wrist menu, AR's panel): the same as the
 * preview's panel (src/ui/live-panel.ts), one line a quantity.
 */
import type { ArtworkState, Quantity } from '../../twin/live/contract';
import { formatValue, withUnit } from '../../live/model';
import { noData, quantityName } from '../../ui/live-legend';
import type { XrLocale } from './host';

/** Red enough to read as a warning on the dark card, always with the ⚠ sign so colour is never the only cue. */
export const ALERT_COLOUR = '#ff8a7a';

/** "Relative humidity: 45 % RH (40–60 % RH)", or "… no data since 10:12" when its sensor went quiet. */
export function conditionLine(w: ArtworkState, q: Quantity, locale: XrLocale, now: Date): string {
  const lang = locale.lang;
  const v = w.values[q];
  const value = v && !v.stale ? withUnit(q, v.value, lang) : noData(v, now, locale.t, lang);
  const band = q === 'humidity' || q === 'temperature' ? w.limits[q] : undefined;
  const max = q === 'illuminance' || q === 'uv' ? w.limits[q] : undefined;
  const limits = band ? `${formatValue(band.min, lang)}–${withUnit(q, band.max, lang)}` : max ? `≤ ${withUnit(q, max.max, lang)}` : '';
  return `${quantityName(q, locale.t)}: ${value}${limits ? ` (${limits})` : ''}`;
}

/** The quantities a work's conditions list: those with a value or a limit (never the visitor count). */
export function conditionQuantities(w: ArtworkState): Quantity[] {
  return (['temperature', 'humidity', 'illuminance', 'uv'] as const).filter((q) => w.values[q] || q in w.limits);
}
