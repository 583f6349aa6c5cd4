/**
 * The header's "Enter AR" button: shown only when the browser can start an immersive-ar session and the
 * exhibition names at least two reference points to register with; otherwise a short note says why not.
 * The AR mode (Babylon's WebXR, hit test, anchors, GUI) is loaded on the first press.
 */
import { arSupport, type ArSupport } from './support';
import type { ArHost, ArMode } from './ar-mode';
import { fill, type Strings } from '../../ui/i18n';

export class ArButton {
  private mode?: ArMode;
  private loading?: Promise<ArMode>;
  private support?: ArSupport;
  private failure?: string;

  constructor(
    private readonly button: HTMLButtonElement,
    private readonly note: HTMLElement,
    private readonly t: () => Strings,
    private readonly host: () => ArHost,
    private readonly setStatus: (data: Record<string, string>) => void,
  ) {
    button.addEventListener('click', () => void this.enter());
  }

  private get hasReferences(): boolean {
    return this.host().exhibition.arReferences.points.length >= 2;
  }

  async init(): Promise<void> {
    this.support = await arSupport();
    this.setStatus({ ar: this.support.supported ? (this.hasReferences ? 'supported' : 'no-references') : this.support.reason });
    this.render();
  }

  render(): void {
    const t = this.t();
    const s = this.support;
    this.button.hidden = !s?.supported || !this.hasReferences;
    this.button.textContent = t.enterAr;
    this.button.disabled = !!this.loading && !this.mode;
    let note = '';
    if (this.failure) note = fill(t.arFailed, { reason: this.failure });
    else if (s?.supported && !this.hasReferences) note = fill(t.arUnavailable, { reason: t.arNoReferences });
    // A desktop without WebXR is not nagged about AR; a phone or tablet is told why it cannot.
    else if (s && !s.supported && (s.reason !== 'no-webxr' || (navigator.maxTouchPoints ?? 0) > 0)) {
      note = fill(t.arUnavailable, { reason: s.reason === 'insecure' ? t.arInsecure : s.reason === 'ios' ? t.arIos : s.reason === 'no-webxr' ? t.vrNoWebxr : t.arNoAr });
    }
    this.note.textContent = note;
    this.note.hidden = !note;
  }

  get active(): boolean {
    return this.mode?.active ?? false;
  }

  get current(): ArMode | undefined {
    return this.mode;
  }

  async enter(): Promise<void> {
    if (this.active) return;
    this.failure = undefined;
    try {
      this.loading ??= import('./ar-mode').then(({ ArMode }) => ArMode.create(this.host()));
      this.render();
      this.setStatus({ xr: 'starting' });
      this.mode = await this.loading;
      await this.mode.enter();
    } catch (e) {
      this.loading = this.mode ? this.loading : undefined;
      const err = e as Error;
      // Camera refused: say so, and the visitor is still in the preview (the way back).
      this.failure = err?.name === 'NotAllowedError' || err?.name === 'SecurityError' ? this.t().arPermission : (err?.message ?? String(e));
      this.setStatus({ xr: 'failed' });
    }
    this.render();
  }
}
