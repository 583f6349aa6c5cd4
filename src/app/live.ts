/**
 * The live twin in the visit: the header's *Live* toggle (crowding on the floor plan), and, loaded lazily once
 * the visit is interactive, everything else (src/app/live-view.ts: the connection, the plan layer, the legend,
 * the work's live section, the curator's heat overlay and alerts). The entry chunk carries only this file.
 */
import { byId, h } from '../ui/dom';
import type { VisitContext } from './context';
import { safeStorage } from './chrome';
import type { LiveView } from './live-view';

const ON_KEY = 'museum-twin:live-on';

export class LiveManager {
  private readonly button: HTMLButtonElement;
  private view?: LiveView;
  private on: boolean;

  constructor(
    private readonly c: VisitContext,
    private readonly openArtwork: (id: string) => void,
  ) {
    const params = new URLSearchParams(location.search);
    this.on = params.has('live') || safeStorage(() => localStorage.getItem(ON_KEY)) === 'on';
    this.button = h('button', { type: 'button', id: 'live-button', class: 'live-toggle', 'aria-pressed': String(this.on) }, h('span', { class: 'live-dot', 'aria-hidden': 'true' }), h('span', { class: 'live-word' }, c.locale.t.live)) as HTMLButtonElement;
    const tools = byId('tours-button').parentElement!;
    tools.insertBefore(this.button, tools.querySelector('label.language'));
    this.button.addEventListener('click', () => this.toggle());
    c.locale.onChange((l) => {
      this.button.querySelector('.live-word')!.textContent = l.t.live;
      this.view?.render();
    });
  }

  /** Loads the live layer (its own chunk) and connects; without a server it says so and keeps the visit as it was. */
  async start(): Promise<void> {
    const { LiveView } = await import('./live-view');
    this.view = new LiveView(this.c, { openArtwork: this.openArtwork, crowdingOn: () => this.on });
    this.view.start();
  }

  /** The curator drawer's live part (heat quantity and alerts), when loaded. */
  curatorBody(): Node[] {
    return this.view ? [this.view.curatorSection()] : [];
  }

  private toggle(): void {
    this.on = !this.on;
    this.button.setAttribute('aria-pressed', String(this.on));
    safeStorage(() => localStorage.setItem(ON_KEY, this.on ? 'on' : 'off'));
    this.view?.render();
  }
}
