/**
 * The header's "Enter VR" button: an ImmersiveButton shown only when the browser can start an immersive-vr
 * session, otherwise a short note says why not. The VR mode (Babylon's WebXR and GUI) is loaded on the first press.
 * Lives with the mode (ui/ never imports modes/); the app creates it.
 */
import { vrSupport } from './support';
import type { VrHost, VrMode } from './vr-mode';
import { fill, type Strings } from '../../i18n';
import { ImmersiveButton } from '../xr/immersive-button';

export class VrButton extends ImmersiveButton<VrMode> {
  constructor(button: HTMLButtonElement, note: HTMLElement, t: () => Strings, host: () => VrHost, setStatus: (data: Record<string, string>) => void) {
    super(button, note, t, setStatus, {
      statusKey: 'vr',
      support: vrSupport,
      load: () => import('./vr-mode').then(({ VrMode }) => VrMode.create(host())),
      label: (t) => t.enterVr,
      unavailable: (t, s) =>
        s.supported ? '' : fill(t.vrUnavailable, { reason: s.reason === 'insecure' ? t.vrInsecure : s.reason === 'no-webxr' ? t.vrNoWebxr : t.vrNoHeadset }),
      failed: (t, e) => fill(t.vrFailed, { reason: (e as Error)?.message ?? String(e) }),
    });
  }
}
