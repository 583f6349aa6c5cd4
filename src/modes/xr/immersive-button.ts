/**
 * A header button that enters an immersive mode (VR or AR): shown only where the browser can start that kind of
 * session, otherwise a short note says why not; the mode itself (Babylon's WebXR and GUI, heavy) is loaded on the
 * first press. A failed start (camera refused, session refused) is explained in the note and the visitor stays
 * in the preview, with the button there to try again. VrButton and ArButton are this with their own words.
 */
import type { Strings } from '../../i18n';
import { disposeAfterSession, type SessionBound } from './lifetime';

export interface ImmersiveMode extends SessionBound {
  readonly active: boolean;
  enter(): Promise<void>;
}

export type Support = { supported: true } | { supported: false; reason: string };

export interface ImmersiveButtonOptions<M extends ImmersiveMode> {
  /** The `data-*` status key that reports support (`vr`, `ar`). */
  statusKey: string;
  support: () => Promise<Support>;
  /** Loads the mode (a dynamic import) and creates it. */
  load: () => Promise<M>;
  label: (t: Strings) => string;
  /**
   * Why the button is not offered (or '' to say nothing), given the browser's support. Also asked when it is
   * supported: the exhibition itself may lack what the mode needs.
   */
  unavailable: (t: Strings, support: Support) => string;
  /** Extra reason not to offer it although the browser could (e.g. nothing to register AR with). */
  offered?: () => boolean;
  /** The note after a failed start. */
  failed: (t: Strings, error: unknown) => string;
  /** The support status to report, when it differs from `supported`/the reason. */
  status?: (support: Support) => string;
}

export class ImmersiveButton<M extends ImmersiveMode> {
  private mode?: M;
  private loading?: Promise<M>;
  private support?: Support;
  private failure?: string;

  constructor(
    private readonly button: HTMLButtonElement,
    private readonly note: HTMLElement,
    private readonly t: () => Strings,
    private readonly setStatus: (data: Record<string, string>) => void,
    private readonly options: ImmersiveButtonOptions<M>,
  ) {
    button.addEventListener('click', () => void this.enter());
  }

  async init(): Promise<void> {
    this.support = await this.options.support();
    const s = this.support;
    this.setStatus({ [this.options.statusKey]: this.options.status?.(s) ?? (s.supported ? 'supported' : s.reason) });
    this.render();
  }

  /** Re-labels after a language change. */
  render(): void {
    const t = this.t();
    const s = this.support;
    this.button.hidden = !s?.supported || !(this.options.offered?.() ?? true);
    this.button.textContent = this.options.label(t);
    this.button.disabled = !!this.loading && !this.mode;
    const note = this.failure ?? (s ? this.options.unavailable(t, s) : '');
    this.note.textContent = note;
    this.note.hidden = !note;
  }

  get active(): boolean {
    return this.mode?.active ?? false;
  }

  get current(): M | undefined {
    return this.mode;
  }

  async enter(): Promise<void> {
    if (this.active) return;
    this.failure = undefined;
    try {
      this.loading ??= this.options.load();
      this.render();
      this.setStatus({ xr: 'starting' });
      const mode = (this.mode = await this.loading);
      // One mode per session: disposed of once the session ends (lifetime.ts); the next press makes a new one.
      disposeAfterSession(mode, () => {
        if (this.mode !== mode) return;
        this.mode = undefined;
        this.loading = undefined;
        this.render();
      }, `${this.options.statusKey} mode`);
      await mode.enter();
    } catch (e) {
      // A mode that loaded stays loaded; one that failed to load is tried afresh next time.
      this.loading = this.mode ? this.loading : undefined;
      this.failure = this.options.failed(this.t(), e);
      this.setStatus({ xr: 'failed' });
    }
    this.render();
  }
}
