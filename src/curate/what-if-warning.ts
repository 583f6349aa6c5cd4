/**
 * While a curator drags a work in the curating view's 3D stage, the What if forecast for where it would go
 * (twin/simulate/placement.ts): its yearly light dose against its budget, and the crowding of its room at the
 * busiest hour of a 2,000-visitor day. Shown under the stage only when a limit is crossed; read aloud politely.
 * The draft is read from its Y.Doc once per change of the draft, and the forecast once per animation frame.
 */
import type * as Y from 'yjs';
import { docToExhibition } from '../twin/collab-doc';
import { Exhibition, Placement } from '../twin/schema';
import { forecastPlacement } from '../twin/simulate/placement';

export interface WhatIfWarning {
  /** Forecasts `work` at `placement` and shows the warnings, if any (none: hidden). */
  show(work: string, placement: unknown): void;
  destroy(): void;
}

/** A warning line placed right after `after` (the stage's canvas). */
export function whatIfWarning(doc: Y.Doc, after: HTMLElement): WhatIfWarning {
  const line = document.createElement('p');
  line.className = 'what-if-warning';
  line.setAttribute('role', 'status');
  line.setAttribute('aria-live', 'polite');
  line.hidden = true;
  after.insertAdjacentElement('afterend', line);
  let draft: Exhibition | null | undefined; // undefined: read again; null: the draft does not validate now
  const forget = () => (draft = undefined);
  doc.on('update', forget);
  let pending: { work: string; placement: unknown } | undefined;
  let frame = 0;

  const render = () => {
    frame = 0;
    const p = pending;
    pending = undefined;
    if (!p) return;
    if (draft === undefined) {
      const parsed = Exhibition.safeParse(docToExhibition(doc));
      draft = parsed.success ? parsed.data : null;
    }
    const placement = Placement.safeParse(p.placement);
    if (!draft || !placement.success || !draft.artworks.some((a) => a.id === p.work)) {
      line.hidden = true;
      return;
    }
    const { warnings } = forecastPlacement(draft, p.work, placement.data);
    line.textContent = warnings.length ? `What if: ${warnings.map((w) => w.message).join(' ')}` : '';
    line.hidden = warnings.length === 0;
  };

  return {
    show(work, placement) {
      pending = { work, placement };
      if (!frame) frame = requestAnimationFrame(render);
    },
    destroy() {
      if (frame) cancelAnimationFrame(frame);
      doc.off('update', forget);
      line.remove();
    },
  };
}
