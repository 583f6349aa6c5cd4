/**
 * The drawer (one floating dialog) and what it lists: tours, favourites, problems, offline, curator view.
 * Also the problems the visit collected and the "⚠ n problems" button.
 */
import type { Artwork, Tour } from '../twin/schema';
import type { Problem } from '../twin/validate';
import type { SceneProblem } from '../scene/gallery';
import { byId, h } from '../ui/dom';
import { Drawer } from '../ui/drawer';
import type { OfflinePanel } from '../ui/offline-panel';
import type { ConservationManager } from './conservation';
import type { LiveManager } from './live';
import { local, type VisitContext } from './context';

type Kind = 'tours' | 'favourites' | 'problems' | 'offline' | 'curator';
const KINDS: readonly Kind[] = ['tours', 'favourites', 'problems', 'offline', 'curator'];

export class DrawerManager {
  readonly drawer: Drawer;
  readonly problems: SceneProblem[] = [];
  private offline?: OfflinePanel;
  /** Set by the visit once the managers exist. */
  conservation?: ConservationManager;
  /** The live twin's curator part (heat overlay quantity, alerts), set by the visit. */
  live?: LiveManager;

  constructor(
    private readonly c: VisitContext,
    private readonly actions: { openArtwork: (id: string) => void; startTour: (tour: Tour) => void },
  ) {
    this.drawer = new Drawer(byId('drawer'), () => c.locale.t.close);
    for (const w of c.loaded.warnings) this.problems.push({ path: w.path, message: w.message });
    c.locale.onChange(() => {
      this.renderProblemsButton();
      for (const kind of KINDS) this.update(kind);
    });
  }

  /** Opens a drawer from its header button, or closes it when it is the one open. */
  toggle(kind: Kind, opener: HTMLElement): void {
    if (this.drawer.isOpen(kind)) return this.drawer.close();
    this.drawer.open(kind, opener, this.title(kind), this.body(kind));
  }

  /** Re-renders a drawer in place if it is open. */
  update(kind: Kind): void {
    this.drawer.update(kind, this.title(kind), this.body(kind));
  }

  addProblem(p: SceneProblem | Problem): void {
    this.problems.push({ path: p.path, message: p.message });
    this.renderProblemsButton();
    this.update('problems');
  }

  renderProblemsButton(): void {
    const { t } = this.c.locale;
    const b = byId('problems-button');
    b.hidden = this.problems.length === 0;
    b.textContent = `⚠ ${this.problems.length === 1 ? t.problemsCountOne : this.c.locale.fill(t.problemsCount, { n: this.problems.length })}`;
  }

  /**
   * Offline: the service worker (app shell, exhibition last viewed) and "save for offline" (src/offline/). Their
   * code (the drawer's panel, save.ts, workbox-window) is fetched once the visit has started, not before the first
   * view; the drawer fills in when it arrives. A chunk that cannot be fetched says so through the stale-app banner.
   */
  async startOffline(): Promise<void> {
    const { c } = this;
    const [{ OfflinePanel, showAppUpdate }, { registerOffline }] = await Promise.all([import('../ui/offline-panel'), import('../offline/register')]);
    this.offline = new OfflinePanel({
      exhibitionUrl: c.loaded.url,
      t: () => c.locale.t,
      lang: () => c.locale.lang,
      setStatus: c.status.report,
      announce: c.status.announce,
    });
    this.update('offline');
    void registerOffline(c.loaded.url, { updateWaiting: (apply) => showAppUpdate(c.locale.t, apply), setStatus: c.status.report });
  }

  private title(kind: Kind): string {
    const { t } = this.c.locale;
    return { tours: t.tours, favourites: t.favourites, problems: t.problems, offline: t.offline, curator: t.curatorView }[kind];
  }

  private body(kind: Kind): Node[] {
    if (kind === 'tours') return this.toursBody();
    if (kind === 'favourites') return this.favouritesBody();
    if (kind === 'offline') return this.offlineBody();
    if (kind === 'curator') return [...(this.conservation?.curator.body(() => this.update('curator')) ?? []), ...(this.live?.curatorBody() ?? [])];
    return this.problemsBody();
  }

  private toursBody(): Node[] {
    const { ex, locale } = this.c;
    const t = locale.t;
    if (!ex.tours.length) return [h('p', {}, '—')];
    return [
      h(
        'ul',
        { class: 'tours' },
        ex.tours.map((tour) =>
          h(
            'li',
            { 'data-tour': tour.id },
            local(locale, 'strong', tour.title),
            h('span', { class: 'sub' }, `${locale.fill(t.minutes, { n: tour.durationMinutes })} · ${locale.fill(t.stops, { n: tour.stops.length })}`),
            tour.description ? local(locale, 'p', tour.description) : null,
            h('button', { type: 'button', onclick: () => { this.drawer.close(); this.actions.startTour(tour); } }, t.startTour),
          ),
        ),
      ),
    ];
  }

  /** The favourites drawer's list (re-rendered when favourites change). */
  favouritesBody(): Node[] {
    const { ex, locale, favourites } = this.c;
    const ids = favourites?.list() ?? [];
    if (!ids.length) return [h('p', {}, locale.t.noFavourites)];
    const works = ids.map((id) => ex.artworks.find((a) => a.id === id)).filter((a): a is Artwork => !!a);
    const open = (id: string) => {
      this.drawer.close();
      this.actions.openArtwork(id);
    };
    return [
      h(
        'ul',
        { class: 'favourites' },
        works.map((a) => h('li', { 'data-artwork': a.id }, h('button', { type: 'button', onclick: () => open(a.id) }, locale.text(a.title)), h('span', { class: 'sub' }, locale.text(a.creator.name)))),
      ),
    ];
  }

  private offlineBody(): Node[] {
    if (!this.offline) return [];
    void this.offline.refresh();
    return [this.offline.root];
  }

  private problemsBody(): Node[] {
    return [h('p', {}, this.c.locale.t.problemsIntro), h('ul', { class: 'problems-list' }, this.problems.map((p) => h('li', {}, h('strong', {}, p.path), `: ${p.message}`)))];
  }
}
