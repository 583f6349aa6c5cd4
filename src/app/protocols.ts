/**
 * Each mode shows only what the communities allow in it: a work its protocol keeps out of a mode is hidden
 * there (its label stays, and opening it shows why); an advisory work is veiled until acknowledged. A work
 * kept out of the preview never had its media loaded at all (src/scene/artworks.ts), so it stays a
 * placeholder everywhere. Applied again when the mode changes or a notice is acknowledged.
 */
import { needsNotice, withheld } from '../twin/protocol';
import type { VisitContext } from './context';

export function honourProtocols(c: VisitContext): void {
  const mode = c.state.mode;
  for (const w of c.gallery?.works.values() ?? []) {
    // An advisory work stays veiled (plinth or frame space and label only) until its notice is acknowledged.
    const hide = (w.state !== 'withheld' && withheld(w.artwork, mode) === 'mode') || needsNotice(w.artwork, (id) => c.acknowledged.has(id));
    w.origin.setEnabled(!hide);
    for (const s of w.hotspots) if (hide) s.setEnabled(false);
  }
  c.requestRender();
}
