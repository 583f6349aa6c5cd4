/**
 * The header's "Enter AR" button: an ImmersiveButton shown only when the browser can start an immersive-ar
 * session and the exhibition offers a way to register the twin to the room (reference points, a printed marker,
 * or a floor outline to place by hand); otherwise a short note says why not. A refused camera or session is
 * explained and the preview stays usable. The AR mode (Babylon's WebXR, hit test, anchors, GUI) loads on the
 * first press.
 */
import { arSupport } from './support';
import type { ArHost, ArMode } from './ar-mode';
import { registrationMethods } from './logic';
import { fill, type Strings } from '../../i18n';
import { ImmersiveButton } from '../xr/immersive-button';

export class ArButton extends ImmersiveButton<ArMode> {
  constructor(button: HTMLButtonElement, note: HTMLElement, t: () => Strings, host: () => ArHost, setStatus: (data: Record<string, string>) => void) {
    const registrable = () => registrationMethods(host().exhibition).length > 0;
    super(button, note, t, setStatus, {
      statusKey: 'ar',
      support: arSupport,
      status: (s) => (s.supported ? (registrable() ? 'supported' : 'no-references') : s.reason),
      offered: registrable,
      load: () => import('./ar-mode').then(({ ArMode }) => ArMode.create(host())),
      label: (t) => t.enterAr,
      unavailable: (t, s) => {
        if (s.supported) return registrable() ? '' : fill(t.arUnavailable, { reason: t.arNoReferences });
        // A desktop without WebXR is not nagged about AR; a phone or tablet is told why it cannot.
        if (s.reason === 'no-webxr' && (navigator.maxTouchPoints ?? 0) === 0) return '';
        return fill(t.arUnavailable, { reason: s.reason === 'insecure' ? t.arInsecure : s.reason === 'ios' ? t.arIos : s.reason === 'no-webxr' ? t.vrNoWebxr : t.arNoAr });
      },
      failed: (t, e) => {
        const err = e as Error | undefined;
        // Camera or session refused: say so; the visitor is still in the preview (the way back).
        return fill(t.arFailed, { reason: err?.name === 'NotAllowedError' || err?.name === 'SecurityError' ? t.arPermission : (err?.message ?? String(e)) });
      },
    });
  }
}
