/**
 * An AR label's live part: when a conservation alert names the work, the label says so in the gallery, anchored at
 * the work: a red frame, the ⚠ sign (so colour is never the only cue) and the alert in words, as in the preview.
 */
import type { XrLiveFeed } from '../xr/live-feed';
import type { XrLocale } from '../xr/host';
import { alertText } from '../../ui/live-alerts';

const ALERT_FRAME = '#ff5a46';
const ALERT_INK = '#ffb3a8';

/** The alert text a work's label shows ("⚠ Relative humidity 78 % RH, above the limit of 60 % RH"), if any. */
export function labelAlert(live: XrLiveFeed | undefined, id: string, locale: XrLocale): string | undefined {
  const alerts = live?.alertsAt(id) ?? [];
  if (!alerts.length) return undefined;
  const first = `⚠ ${locale.t.alertAtWork}: ${alertText(alerts[0]!, locale.t, locale.lang)}`;
  return alerts.length > 1 ? `${first} (+${alerts.length - 1})` : first;
}

/** Words that fit `width` on each of at most `lines` lines (the last one cut with …). */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number, lines: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (ctx.measureText(next).width <= width || !line) line = next;
    else {
      out.push(line);
      line = word;
    }
  }
  if (line) out.push(line);
  if (out.length > lines) {
    out.length = lines;
    out[lines - 1] = `${out[lines - 1]!.replace(/\s*\S*$/, '')}…`;
  }
  return out;
}

/** Draws a label (512 × 128 texture) for a work with an alert: its title, then the alert on two lines. */
export function drawAlertLabel(ctx: CanvasRenderingContext2D, title: string, alert: string): void {
  ctx.fillStyle = '#2a1512';
  ctx.fillRect(0, 0, 512, 128);
  ctx.strokeStyle = ALERT_FRAME;
  ctx.lineWidth = 10;
  ctx.strokeRect(5, 5, 502, 118);
  ctx.textAlign = 'center';
  ctx.fillStyle = '#f4efe6';
  ctx.font = '600 30px Georgia, serif';
  ctx.fillText(title.length > 30 ? `${title.slice(0, 29)}…` : title, 256, 42);
  ctx.fillStyle = ALERT_INK;
  ctx.font = '600 23px system-ui, Arial, sans-serif';
  wrap(ctx, alert, 480, 2).forEach((l, i) => ctx.fillText(l, 256, 78 + i * 30));
}
