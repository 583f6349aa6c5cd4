/**
 * Tours: starting one, the tour bar (stop i of n, previous, next, end), and following its stops. The tour and
 * its stop belong to VisitState; the bar shows them while the preview is the mode.
 */
import type { Tour } from '../twin/schema';
import { byId, clear, h } from '../ui/dom';
import type { VisitContext } from './context';
import { local } from './context';

export class TourManager {
  private readonly bar = byId('tour-bar');

  constructor(
    private readonly c: VisitContext,
    private readonly openArtwork: (id: string) => void,
  ) {
    c.state.onChange('tour', () => {
      if (c.state.mode === 'preview') this.render();
    });
    c.locale.onChange(() => this.render());
  }

  /** The tour being followed, from the state. */
  current(): { tour: Tour; index: number } | undefined {
    const at = this.c.state.tour;
    const tour = at && this.c.ex.tours.find((x) => x.id === at.id);
    return tour ? { tour, index: at.index } : undefined;
  }

  start(tour: Tour): void {
    this.c.state.setTour({ id: tour.id, index: 0 }, 'tour');
    this.goToStop();
  }

  /** Puts the preview in a tour without moving (back from VR): the bar shows it. */
  restore(at: { id: string; index: number } | undefined): void {
    const tour = at && this.c.ex.tours.find((x) => x.id === at.id);
    this.c.state.setTour(tour ? { id: tour.id, index: at.index } : undefined, 'restore');
    this.render();
  }

  render(): void {
    const bar = this.bar;
    const { locale, ex } = this.c;
    const t = locale.t;
    clear(bar);
    const cur = this.current();
    if (!cur) {
      bar.hidden = true;
      return;
    }
    const { tour, index } = cur;
    const stop = tour.stops[index]!;
    const art = ex.artworks.find((a) => a.id === stop.artwork);
    bar.hidden = false;
    bar.setAttribute('aria-label', locale.text(tour.title));
    bar.append(
      h(
        'div',
        { class: 'where' },
        h('span', {}, `${locale.text(tour.title)} · ${locale.fill(t.tourStop, { i: index + 1, n: tour.stops.length })}`),
        art ? local(locale, 'strong', art.title) : h('strong', {}, stop.artwork),
        stop.text ? local(locale, 'span', stop.text) : null,
      ),
      h('button', { type: 'button', class: 'tour-prev', disabled: index === 0, onclick: () => this.step(-1) }, t.previous),
      h('button', { type: 'button', class: 'tour-next', disabled: index >= tour.stops.length - 1, onclick: () => this.step(1) }, t.next),
      h('button', { type: 'button', class: 'tour-end', onclick: () => this.end() }, t.endTour),
    );
  }

  private goToStop(): void {
    const cur = this.current();
    if (!cur) return;
    const stop = cur.tour.stops[cur.index];
    this.render();
    if (stop) this.openArtwork(stop.artwork);
  }

  private step(delta: number): void {
    const cur = this.current();
    if (!cur) return;
    this.c.state.setTour({ id: cur.tour.id, index: Math.min(Math.max(cur.index + delta, 0), cur.tour.stops.length - 1) }, 'tour');
    this.goToStop();
    this.bar.querySelector<HTMLElement>(delta > 0 ? '.tour-next' : '.tour-prev')?.focus();
  }

  private end(): void {
    this.c.state.setTour(undefined, 'tour');
    this.render();
    byId('tours-button').focus();
  }
}
