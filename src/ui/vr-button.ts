/**
 * The header's "Enter VR" button: shown only when the browser can start an immersive-vr session,
 * otherwise a short note says why not. The VR mode (Babylon's WebXR and GUI) is loaded on the first press.
 */
import { vrSupport, type VrSupport } from '../modes/vr/support';
import type { VrHost, VrMode } from '../modes/vr/vr-mode';
import { fill, type Strings } from './i18n';

export class VrButton {
  private mode?: VrMode;
  private loading?: Promise<VrMode>;
  private support?: VrSupport;
  private failure?: string;

  constructor(
    private readonly button: HTMLButtonElement,
    private readonly note: HTMLElement,
    private readonly t: () => Strings,
    private readonly host: () => VrHost,
    private readonly setStatus: (data: Record<string, string>) => void,
  ) {
    button.addEventListener('click', () => void this.enter());
  }

  async init(): Promise<void> {
    this.support = await vrSupport();
    this.setStatus({ vr: this.support.supported ? 'supported' : this.support.reason });
    this.render();
  }

  /** Re-labels after a language change. */
  render(): void {
    const t = this.t();
    const s = this.support;
    this.button.hidden = !s?.supported;
    this.button.textContent = t.enterVr;
    this.button.disabled = !!this.loading && !this.mode;
    let note = '';
    if (this.failure) note = fill(t.vrFailed, { reason: this.failure });
    else if (s && !s.supported) note = fill(t.vrUnavailable, { reason: s.reason === 'insecure' ? t.vrInsecure : s.reason === 'no-webxr' ? t.vrNoWebxr : t.vrNoHeadset });
    this.note.textContent = note;
    this.note.hidden = !note;
  }

  get active(): boolean {
    return this.mode?.active ?? false;
  }

  get current(): VrMode | undefined {
    return this.mode;
  }

  async enter(): Promise<void> {
    if (this.active) return;
    this.failure = undefined;
    try {
      this.loading ??= import('../modes/vr/vr-mode').then(({ VrMode }) => VrMode.create(this.host()));
      this.render();
      this.setStatus({ xr: 'starting' });
      this.mode = await this.loading;
      await this.mode.enter();
    } catch (e) {
      this.loading = this.mode ? this.loading : undefined;
      this.failure = (e as Error)?.message ?? String(e);
      this.setStatus({ xr: 'failed' });
    }
    this.render();
  }
}
