/**
 * The personal visit in the preview: the "Plan my visit" button and drawer, planning from the visitor's
 * favourites (src/twin/route/), the route on the floor plan, following it stop by stop (Next / Previous,
 * "Stop 3 of 8, 18 min left"), and taking it away as a link and QR code. The route is kept in the browser
 * (IndexedDB via idb-keyval, like the favourites) and a `#route=` link opens it in any browser, no account.
 */
import { createStore, get, set, type UseStore } from 'idb-keyval';
import type { Drawer } from '../ui/drawer';
import { byId, clear, h } from '../ui/dom';
import { RouteWords } from '../ui/route-directions';
import { routeForm, routeResult, type RouteSettings } from '../ui/route-panel';
import { routeLayer } from '../ui/route-map';
import '../ui/route-panel.css';
import '../ui/story-editor.css';
import { planRoute, type Route } from '../twin/route/plan';
import { decodeRouteLink, encodeRouteLink, exhibitionRevision, FRAGMENT_KEY, type RouteLink } from '../twin/route/link';
import { amenitiesOf, levelsOf, onLevel } from '../twin/route/levels';
import { planOf, workRoom } from '../twin/route/places';
import { LevelSwitcher } from '../ui/route-levels';
import { LevelWalk } from './route-stairs';
import { storyFrom, storyLink, storyOf, type Story } from '../twin/route/story';
import { storyEditor, visitorNote } from '../ui/story-editor';
import { crowdingChange, liveCrowding } from '../twin/route/live-crowding';
import { RouteProgress, routeProgressFor } from '../twin/route/follow';
import { liveFeedFor } from '../modes/xr/live-feed';
import { listSaved } from '../offline/save';
import { savedRoute } from '../offline/route';
import { formatBytes } from '../offline/plan';
import type { FloorPlanManager } from './floor-plan';
import type { VisitContext } from './context';

const DEFAULTS: RouteSettings = { budget: 60, stepFree: false, avoidCrowded: false, start: 'entrance', end: 'entrance', mustSee: [] };

export class RouteManager {
  private route?: Route;
  private link?: RouteLink;
  private settings: RouteSettings = { ...DEFAULTS };
  private messages: string[] = [];
  /** The visitor's own story being made ("Make your own"), kept while the page lives; shared, it is the route. */
  private story?: Story;
  /** Live crowding per zone while the *Live* toggle is on; what the route was planned with; what changed since. */
  private crowding?: Record<string, number>;
  private plannedWith: Record<string, number> = {};
  private crowdingNotes: string[] = [];
  /** Whether this route works offline (a complete save holds its stops and their media), in words. */
  private offline?: string;
  private following?: number;
  /** The route's progress, shared with AR and VR (they tick stops off; the bar and the plan show it). */
  private progress?: RouteProgress;
  private stopProgress?: () => void;
  private store?: UseStore;
  /** The floor plan's level switcher, for a building of more than one level. */
  private levels?: LevelSwitcher;
  private readonly button: HTMLButtonElement;
  private readonly bar: HTMLElement;
  private readonly revision: string;

  constructor(
    private readonly c: VisitContext,
    private readonly drawer: Drawer,
    private readonly plan: FloorPlanManager,
    private readonly openArtwork: (id: string) => void,
  ) {
    this.revision = exhibitionRevision(c.ex);
    this.button = h('button', { type: 'button', id: 'route-button', 'aria-haspopup': 'dialog', 'aria-expanded': 'false', onclick: () => this.toggle() }, c.locale.t.routePlan);
    this.bar = h('div', { id: 'route-bar', class: 'tour-bar route-bar', role: 'region', hidden: true });
    const feed = liveFeedFor(c);
    feed.onSnapshotChangedObservable.add((s) => this.liveChanged(feed.crowdingShown ? liveCrowding(s) : undefined));
    c.locale.onChange(() => {
      this.button.textContent = c.locale.t.routePlan;
      this.levels?.relabel(this.levelChoices(), c.locale.t.map);
      this.levels?.apply();
      this.renderDrawer();
      this.renderBar();
    });
  }

  /** After the favourites and the floor plan exist: the button, then a `#route=` link or the kept route. */
  async start(): Promise<void> {
    byId('favourites-button').after(this.button);
    byId('tour-bar').after(this.bar);
    this.addLevelSwitcher();
    // Stepping onto a stair's or lift's marked floor in 3D takes the visitor to the other level; the plan follows.
    new LevelWalk(this.c, (level) => this.levels?.select(level)).start();
    try {
      this.store = createStore('museum-twin', 'visitor');
    } catch {
      this.store = undefined;
    }
    if (location.hash.startsWith(`#${FRAGMENT_KEY}=`)) {
      this.openLink(location.hash);
      this.drawer.open('route', this.button, this.c.locale.t.routePlan, this.body());
      return;
    }
    const kept = await this.load();
    if (kept) this.openLink(`${FRAGMENT_KEY}=${kept}`, true);
  }

  private levelChoices(): { id: string; name: string }[] {
    return levelsOf(planOf(this.c.ex)).map((l) => ({ id: l.id, name: this.c.locale.text(l.name) }));
  }

  /** A building of more than one level: the switcher above the floor plan (which then shows one level at a time). */
  private addLevelSwitcher(): void {
    const { ex } = this.c;
    const plan = planOf(ex);
    if (levelsOf(plan).length < 2) return;
    const rooms = new Map(ex.artworks.map((a) => [a.id, workRoom(ex, a, plan)?.id]));
    const ids = ex.artworks.map((a) => a.id);
    const map = byId('map-svg');
    this.levels = new LevelSwitcher(this.levelChoices(), this.c.locale.t.map, map, (level) => onLevel(plan, level, (id) => rooms.get(id), ids), (level) => {
      this.draw();
      this.c.status.report({ mapLevel: level });
    });
    map.before(this.levels.element);
    this.c.status.report({ mapLevel: this.levels.level });
  }

  private words(): RouteWords {
    return new RouteWords(this.c.ex, this.c.locale);
  }

  private toggle(): void {
    if (this.drawer.isOpen('route')) return this.drawer.close();
    this.drawer.open('route', this.button, this.c.locale.t.routePlan, this.body());
  }

  private renderDrawer(): void {
    this.drawer.update('route', this.c.locale.t.routePlan, this.body());
  }

  private body(): Node[] {
    const words = this.words();
    const { locale, ex } = this.c;
    const favourites = [...new Set([...(this.c.favourites?.list() ?? []), ...(this.link?.stops ?? [])])].filter((id) => ex.artworks.some((a) => a.id === id));
    const places = [{ id: 'entrance', name: locale.t.routeEntrance }, ...amenitiesOf(planOf(ex)).map((a) => ({ id: a.id, name: locale.text(a.name) }))];
    const out: Node[] = [routeForm({ locale, words, favourites, places, settings: this.settings, plan: (s) => this.make(s, favourites) })];
    const shared = storyOf(this.link);
    if (shared && this.route) out.push(h('h3', { class: 'story-heading' }, locale.fill(locale.t.storyBy, { title: shared.title })));
    if (this.route) out.push(routeResult({ locale, words, route: this.route, messages: [...this.messages, ...this.crowdingNotes], link: this.url(), follow: () => this.follow(0), offline: this.offline }));
    // Make your own: over the works kept (or the story opened from a link), in the visitor's order.
    this.story = storyFrom(favourites, this.story ?? shared);
    if (favourites.length) out.push(storyEditor({ locale, title: (id) => words.title(id), story: this.story, changed: (st) => (this.story = st), share: (st) => this.shareStory(st) }));
    return out;
  }

  /** A story shared: its link and QR code, and the route through it in the visitor's order, ready to follow. */
  private shareStory(story: Story): void {
    this.story = story;
    this.link = storyLink(story, this.c.ex.id, this.revision);
    this.settings = { ...DEFAULTS, budget: 'all-day' };
    this.messages = [];
    this.plannedWith = this.crowding ?? {};
    this.crowdingNotes = [];
    this.route = planRoute(this.c.ex, { favourites: story.stops, mustSee: [], budget: 'all-day', start: 'entrance', end: 'entrance', stepFree: false, avoidCrowded: false, crowding: this.plannedWith, keepOrder: true });
    this.afterPlan();
    this.renderDrawer();
    document.querySelector<HTMLElement>('.route-result .route-link')?.focus();
  }

  /** Plans from the favourites with the form's settings. */
  private make(settings: RouteSettings, favourites: string[]): void {
    this.settings = settings;
    this.messages = [];
    this.plannedWith = this.crowding ?? {};
    this.crowdingNotes = [];
    this.route = planRoute(this.c.ex, { favourites, mustSee: settings.mustSee, budget: settings.budget, start: settings.start, end: settings.end, stepFree: settings.stepFree, avoidCrowded: settings.avoidCrowded, crowding: this.plannedWith });
    this.link = this.linkOf(this.route);
    this.afterPlan();
    this.renderDrawer();
    if (this.route) this.c.status.announce(this.words().summary(this.route));
  }

  /** Opens a shared or kept route: the works that exist here, in the link's order. */
  private openLink(text: string, quiet = false): void {
    const { ex } = this.c;
    const decoded = decodeRouteLink(text, { exhibition: ex.id, revision: this.revision, artworks: new Set(ex.artworks.map((a) => a.id)) });
    const words = this.words();
    this.messages = quiet ? [] : decoded.messages.map((m) => words.linkMessage(m));
    const l = decoded.link;
    this.settings = { budget: l.budget, stepFree: l.stepFree, avoidCrowded: l.avoidCrowded, start: l.start ?? 'entrance', end: l.end ?? 'entrance', mustSee: l.mustSee };
    this.plannedWith = this.crowding ?? {};
    this.crowdingNotes = [];
    this.route = planRoute(ex, { favourites: l.stops, mustSee: l.mustSee, budget: l.budget, start: l.start, end: l.end, stepFree: l.stepFree, avoidCrowded: l.avoidCrowded, crowding: this.plannedWith, keepOrder: true });
    this.link = { ...l, exhibition: ex.id, revision: this.revision, stops: this.route.stops.map((s) => s.artwork) };
    this.afterPlan();
  }

  /**
   * New live counts (or the toggle): a planned route says which of its rooms became crowded (or calm) since it was
   * planned; the visitor plans again to go round them (a route being followed is never changed under them).
   */
  private liveChanged(crowding: Record<string, number> | undefined): void {
    this.crowding = crowding;
    if (!this.route) return;
    const change = crowding ? crowdingChange(this.c.ex, this.route, this.plannedWith, crowding) : undefined;
    const notes = change ? this.words().crowdingChange(change) : [];
    if (notes.join('\n') === this.crowdingNotes.join('\n')) return;
    this.crowdingNotes = notes;
    if (this.drawer.isOpen('route')) this.renderDrawer();
    if (change?.nowCrowded.length) this.c.status.announce(notes[0]!);
    this.c.status.report({ routeCrowding: change?.nowCrowded.join(',') ?? '' });
  }

  private linkOf(route: Route): RouteLink {
    const s = this.settings;
    return { exhibition: this.c.ex.id, revision: this.revision, stops: route.stops.map((x) => x.artwork), mustSee: s.mustSee, budget: s.budget, start: s.start, end: s.end, stepFree: s.stepFree, avoidCrowded: s.avoidCrowded, notes: this.link?.notes ?? {}, ...(this.link?.title ? { title: this.link.title } : {}) };
  }

  private url(): string {
    return `${location.origin}${location.pathname}${location.search}#${this.link ? encodeRouteLink(this.link) : ''}`;
  }

  private afterPlan(): void {
    this.following = undefined;
    this.stopProgress?.();
    this.progress = this.route ? new RouteProgress(this.route) : undefined;
    this.stopProgress = this.progress?.onChange((ch) => this.progressed(ch.kind === 'moved' ? ch.stop : undefined));
    routeProgressFor(this.c.ex).set(this.progress);
    this.draw();
    this.renderBar();
    this.c.status.report({ route: String(this.route?.stops.length ?? 0) });
    void this.save();
    void this.checkOffline();
  }

  /** Whether a complete offline save of this exhibition holds the route (its stops and their media): said under the link. */
  private async checkOffline(): Promise<void> {
    const link = this.link;
    if (!link) return;
    let words: string;
    let state: string;
    try {
      const saves = (await listSaved()).flatMap((e) => (e.manifest && e.manifest.id === this.c.ex.id ? [e.manifest] : []));
      const latest = saves.sort((a, b) => b.savedAt.localeCompare(a.savedAt))[0];
      const r = latest ? savedRoute({ manifest: latest, exhibition: this.c.ex }, encodeRouteLink(link)) : undefined;
      state = r?.ok ? 'saved' : latest ? 'missing' : 'none';
      const t = this.c.locale.t;
      words = r?.ok && latest ? this.c.locale.fill(t.offlineSaved, { date: this.c.locale.date(latest.savedAt.slice(0, 10)), size: formatBytes(latest.bytes) }) : t.offlineNotSaved;
    } catch {
      return; // no cache storage here: nothing to say
    }
    if (link !== this.link) return;
    this.offline = words;
    this.c.status.report({ routeOffline: state });
    if (this.drawer.isOpen('route')) this.renderDrawer();
  }

  /** A stop ticked off or walked to in AR or VR: the bar follows from there, the plan shows the ticks. */
  private progressed(stop: number | undefined): void {
    if (stop !== undefined && this.following !== undefined) this.following = stop;
    this.draw();
    this.renderBar();
    this.c.status.report({ routeTicked: String(this.progress?.tickedCount ?? 0) });
  }

  private draw(): void {
    const p = this.progress;
    this.plan.minimap?.setOverlay('route', this.route ? routeLayer(this.route, this.following, this.levels?.level, (i) => !!p?.isTicked(i)) : undefined);
    this.c.requestRender();
  }

  /** Follows the route from stop i (0-based): the bar, the plan, and the preview walks to the work. */
  private follow(i: number): void {
    if (!this.route?.stops.length) return;
    this.following = Math.min(Math.max(i, 0), this.route.stops.length - 1);
    this.progress?.goTo(this.following);
    // The plan shows the level the stop is on.
    this.levels?.select(this.route.stops[this.following]!.place.level);
    this.drawer.close();
    this.draw();
    this.renderBar();
    this.openArtwork(this.route.stops[this.following]!.artwork);
  }

  private renderBar(): void {
    const bar = this.bar;
    clear(bar);
    const route = this.route;
    const i = this.following;
    if (!route || i === undefined) {
      bar.hidden = true;
      return;
    }
    const { locale } = this.c;
    const t = locale.t;
    const n = route.stops.length;
    const note = this.link?.notes[route.stops[i]!.artwork];
    // Left from here: this stop and the ones after it, and the walks between them and back to the end.
    let left = 0;
    for (let k = i; k < n; k++) left += route.stops[k]!.dwellMinutes;
    for (let k = i + 1; k < route.legs.length; k++) left += route.legs[k]!.minutes;
    bar.hidden = false;
    bar.setAttribute('aria-label', t.routePlan);
    const where = h('div', { class: 'where' }, h('span', { class: 'route-progress' }, locale.fill(t.routeProgress, { i: i + 1, n, min: Math.round(left) })), h('strong', {}, this.words().title(route.stops[i]!.artwork)));
    bar.append(
      where,
      // A visitor's story: their note on this work, beside the museum's text in the work's panel.
      ...(note ? [visitorNote(locale, note, this.openArtwork)] : []),
      h('button', { type: 'button', class: 'route-prev', disabled: i === 0, onclick: () => this.step(-1) }, t.previous),
      h('button', { type: 'button', class: 'route-next', disabled: i >= n - 1, onclick: () => this.step(1) }, t.next),
      h('button', { type: 'button', class: 'route-end', onclick: () => this.stopFollowing() }, t.routeStopFollowing),
    );
  }

  private step(delta: number): void {
    if (this.following === undefined) return;
    this.follow(this.following + delta);
    this.bar.querySelector<HTMLElement>(delta > 0 ? '.route-next' : '.route-prev')?.focus();
  }

  private stopFollowing(): void {
    this.following = undefined;
    this.draw();
    this.renderBar();
    this.button.focus();
  }

  private key(): string {
    return `route:${this.c.ex.id}`;
  }

  private async save(): Promise<void> {
    if (!this.store || !this.link) return;
    try {
      await set(this.key(), encodeRouteLink(this.link).slice(FRAGMENT_KEY.length + 1), this.store);
    } catch {
      // Storage refused: the route lasts for this page, and the link still carries it.
    }
  }

  private async load(): Promise<string | undefined> {
    if (!this.store) return undefined;
    try {
      const v = await get<unknown>(this.key(), this.store);
      return typeof v === 'string' ? v : undefined;
    } catch {
      return undefined;
    }
  }
}
