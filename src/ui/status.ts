/**
 * The `#status` element as an output only: the visit's state (selected work, tour, mode) is written to its
 * data attributes whenever it changes, modes and panels add their own reports (`data-ar-phase`,
 * `data-offline`, …), and its text is the live-region announcement. Nothing reads it back: the state lives in
 * `VisitState` (src/visitor/visit-state.ts).
 */
import type { VisitState } from '../visitor/visit-state';

/** Writes a mode's or panel's report (data attributes of `#status`, e.g. `{ arPhase: 'registered' }`). */
export type Report = (data: Record<string, string>) => void;

export class StatusBoard {
  constructor(private readonly el: HTMLElement) {}

  /** Mirrors the state onto `data-selected`, `data-tour`, `data-tour-stop` and `data-mode`, now and on each change. */
  bind(state: VisitState): void {
    this.write(state);
    state.onChange((c) => {
      if (c.key !== 'lang') this.write(state);
    });
  }

  /** Adds reports to `#status` (its data attributes). */
  readonly report: Report = (data) => {
    Object.assign(this.el.dataset, data);
  };

  /** Says something to screen readers (the polite live region). */
  readonly announce = (text: string): void => {
    this.el.textContent = text;
  };

  private write(state: VisitState): void {
    this.report({
      selected: state.selected ?? '',
      tour: state.tour?.id ?? '',
      tourStop: state.tour ? String(state.tour.index) : '',
      mode: state.mode,
    });
  }
}
