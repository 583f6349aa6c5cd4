/**
 * The live twin shown in the visit (a lazily loaded chunk): one LiveClient, and what it feeds: the floor plan's
 * layer (crowding for visitors, a heat overlay in the curator view), the legend and zone lines under the plan,
 * the open work's live section in its panel, and the curator drawer's heat choice and alerts list.
 */
import type { AlertEvent } from '../twin/live/contract';
import { LiveClient, type LiveView as ClientView } from '../live/client';
import { type HeatQuantity } from '../live/model';
import { byId, h } from '../ui/dom';
import { LivePlanLayer, type PlanZone } from '../ui/live-plan';
import { crowdingLegend, freshness, heatLegendList, type LegendZone } from '../ui/live-legend';
import { alertsList, alertText, heatChooser } from '../ui/live-alerts';
import { liveSection, livePanelKey } from '../ui/live-panel';
import { drawCharts } from '../ui/live-chart';
import { floorLegend } from '../ui/live-floor-legend';
import { CrowdingFloor, type FloorZone } from '../scene/crowding-floor';
import { centroid, pointInPolygon } from '../twin/geometry';
import '../ui/live.css';
import { liveFeedFor } from '../modes/xr/live-feed';
import type { VisitContext } from './context';

export interface LiveViewActions {
  openArtwork: (id: string) => void;
  /** Whether the visitor turned the Live toggle on. */
  crowdingOn: () => boolean;
}

export class LiveView {
  private readonly client: LiveClient;
  private layer?: LivePlanLayer;
  private readonly summary = h('div', { id: 'live-summary', class: 'live-summary' });
  private readonly curator = h('section', { class: 'live-curator', 'aria-labelledby': 'live-curator-title' });
  private heat: HeatQuantity = 'humidity';
  /** Crowding on the 3D view's floors, and its legend over the view. */
  private floor?: CrowdingFloor;
  private readonly floorBox = h('div', { id: 'live-3d', class: 'live-3d', role: 'group', hidden: true });
  /** What each panel's live section shows (the preview's #panel, AR's DOM-overlay #ar-panel). */
  private readonly panelKeys = new WeakMap<HTMLElement, string>();

  constructor(
    private readonly c: VisitContext,
    private readonly actions: LiveViewActions,
  ) {
    this.client = new LiveClient(c.ex.id);
    byId('map').append(this.summary);
    document.querySelector('.stage')?.append(this.floorBox);
  }

  start(): void {
    this.client.subscribe((view, event) => this.update(view, event));
    void this.client.start();
    // The panel is redrawn by its own module (language, favourites): put the live section back each time.
    new MutationObserver(() => this.renderPanels(false)).observe(byId('panel'), { childList: true });
    // AR's DOM overlay shows the same panel (#ar-panel, made when AR starts): the work's conditions and alert there too.
    new MutationObserver(() => this.renderPanels(false)).observe(byId('ar-overlay'), { childList: true, subtree: true });
    // The curator view (opened from the header or ?view=curator) switches the plan to the heat overlay.
    new MutationObserver(() => this.renderPlan()).observe(document.body, { attributes: true, attributeFilter: ['class'] });
    // Ages ("3 min ago") move on even when nothing arrives.
    setInterval(() => this.render(), 30_000);
  }

  /** Redraws everything from the current view (language changed, toggle pressed, time passed). */
  render(): void {
    this.renderPlan();
    this.renderCurator();
    this.renderPanels(true);
  }

  /** The curator drawer's live part; the same element, updated in place. */
  curatorSection(): HTMLElement {
    this.renderCurator();
    return this.curator;
  }

  private update(view: ClientView, event?: AlertEvent): void {
    this.c.status.report({ live: view.connection, liveTime: view.snapshot?.time ?? '', liveAlerts: String(view.snapshot?.alerts.length ?? 0) });
    if (event) {
      const { locale } = this.c;
      // Screen readers hear a new alert (the list and the panel show it too).
      if (event.event === 'raised' && this.curatorOpen()) this.c.status.announce(`${locale.t.alertAtWork}: ${alertText(event.alert, locale.t, locale.lang)}`);
    }
    this.render();
    // VR's wrist menu and AR's labels show the same snapshot and alerts.
    liveFeedFor(this.c).publish(view.snapshot, event);
  }

  private curatorOpen(): boolean {
    return document.body.classList.contains('curator-view');
  }

  private zones(): { plan: PlanZone[]; legend: LegendZone[] } {
    const { ex, locale } = this.c;
    const rooms = ex.space.rooms;
    const plan: PlanZone[] = [];
    const legend: LegendZone[] = [];
    for (const z of ex.zones) {
      const polygon = z.polygon ?? rooms.find((r) => r.id === z.room)?.polygon;
      if (polygon) plan.push({ id: z.id, polygon });
      legend.push({ id: z.id, name: locale.text(z.name) });
    }
    return { plan, legend };
  }

  private renderPlan(): void {
    const svg = document.querySelector<SVGSVGElement>('#map-svg svg');
    const view = this.client.current;
    const { locale } = this.c;
    const now = new Date();
    const zones = this.zones();
    if (svg && !this.layer) this.layer = new LivePlanLayer(svg, zones.plan);
    const curator = this.curatorOpen();
    const crowding = this.actions.crowdingOn();
    // The 3D floor's crowding and the visit planner follow the same toggle.
    liveFeedFor(this.c).showCrowding(crowding);
    this.render3d(crowding, zones.legend, now);
    this.summary.hidden = !curator && !crowding;
    this.summary.dataset.connection = view.connection;
    if (curator) this.layer?.showHeat(view.snapshot, this.heat, locale.lang);
    else if (crowding) this.layer?.showCrowding(view.snapshot);
    else this.layer?.hide();
    if (this.summary.hidden) return;
    const fresh = freshness(view, now, locale.t, locale.lang);
    const body = curator ? heatLegendList(view.snapshot, this.heat, zones.legend, now, locale.t, locale.lang) : crowdingLegend(view.snapshot, zones.legend, now, locale.t, locale.lang);
    this.summary.replaceChildren(
      h('h3', { class: 'live-summary-title' }, h('span', { class: 'live-dot', 'aria-hidden': 'true' }), locale.t.liveTitle),
      h('p', { class: 'live-fresh', 'data-connection': view.connection }, fresh.text),
      ...body,
    );
  }

  /** Tints the 3D view's floors by crowding while Live is on (a frame is asked for only when a tint changed). */
  private render3d(on: boolean, legend: LegendZone[], now: Date): void {
    const scene = this.c.gallery?.scene;
    const snapshot = this.client.current.snapshot;
    if (scene && !this.floor && on) this.floor = new CrowdingFloor(scene);
    const changed = on ? this.floor?.show(this.floorZones(), (id) => snapshot?.zones[id]?.crowding) : this.floor?.hide();
    if (changed) this.c.requestRender();
    this.floorBox.hidden = !on || !scene;
    if (this.floorBox.hidden) return;
    const { locale } = this.c;
    this.floorBox.setAttribute('aria-label', `${locale.t.liveCrowding}: ${locale.t.view3d}`);
    this.floorBox.replaceChildren(...floorLegend(snapshot, legend, now, locale.t, locale.lang));
  }

  private floorZonesCache?: FloorZone[];
  /** Each zone's outline and the room whose floor it lies on (its own room, or the room around its centre). */
  private floorZones(): FloorZone[] {
    if (this.floorZonesCache) return this.floorZonesCache;
    const rooms = this.c.ex.space.rooms;
    const out: FloorZone[] = [];
    for (const z of this.c.ex.zones) {
      const polygon = z.polygon ?? rooms.find((r) => r.id === z.room)?.polygon;
      if (!polygon) continue;
      const room = z.room ?? rooms.find((r) => pointInPolygon(centroid(polygon), r.polygon))?.id;
      out.push({ id: z.id, polygon, ...(room ? { room } : {}) });
    }
    return (this.floorZonesCache = out);
  }

  private renderCurator(): void {
    const { locale, ex } = this.c;
    const t = locale.t;
    const view = this.client.current;
    const focused = this.curator.contains(document.activeElement) ? (document.activeElement as HTMLElement) : undefined;
    const focusKey = focused?.getAttribute('value') ?? focused?.dataset.artwork;
    const zoneName = (id: string) => locale.text(ex.zones.find((z) => z.id === id)?.name) || id;
    const workTitle = (id: string) => locale.text(ex.artworks.find((a) => a.id === id)?.title) || id;
    this.curator.replaceChildren(
      h('h3', { id: 'live-curator-title' }, t.liveAlerts),
      h('p', { class: 'live-fresh sub' }, freshness(view, new Date(), t, locale.lang).text),
      alertsList(view.snapshot, { t, lang: locale.lang, now: new Date(), zoneName, workTitle, openArtwork: this.actions.openArtwork }),
      heatChooser(this.heat, t, (q) => {
        this.heat = q;
        this.render();
      }),
    );
    // The drawer opened before this chunk arrived (`?view=curator`): join it.
    const drawer = byId('drawer');
    if (!drawer.hidden && drawer.dataset.kind === 'curator' && !drawer.contains(this.curator)) drawer.append(this.curator);
    // Redrawn while someone works in it: keep the keyboard where it was.
    if (focusKey) this.curator.querySelector<HTMLElement>(`[value="${CSS.escape(focusKey)}"], [data-artwork="${CSS.escape(focusKey)}"]`)?.focus();
  }

  private renderPanels(dataChanged: boolean): void {
    for (const el of [byId('panel'), document.getElementById('ar-panel')]) if (el) this.renderPanel(el, dataChanged);
  }

  /** Puts the open work's live section in its panel (again after the panel redrew; anew when the data changed). */
  private renderPanel(panel: HTMLElement, dataChanged: boolean): void {
    const id = panel.dataset.artwork;
    const existing = panel.querySelector<HTMLElement>('.live-work');
    if (!id || panel.hidden) return;
    const view = this.client.current;
    const key = livePanelKey(view, id) + this.c.locale.lang;
    if (existing && existing.dataset.liveArtwork === id && (!dataChanged || key === this.panelKeys.get(panel))) {
      this.refreshAge(existing);
      return;
    }
    this.panelKeys.set(panel, key);
    const { locale } = this.c;
    const section = liveSection(view, id, {
      t: locale.t,
      lang: locale.lang,
      now: new Date(),
      exhibition: this.c.ex.id,
      charts: (host, work, quantities) => drawCharts(host, work, quantities, { t: locale.t, lang: locale.lang, exhibition: this.c.ex.id, now: () => new Date() }),
    });
    // A history the visitor opened stays open across updates.
    const wasOpen = existing?.querySelector<HTMLDetailsElement>('details.live-history')?.open;
    if (existing && section && wasOpen) section.querySelector('details.live-history')?.replaceWith(existing.querySelector('details.live-history')!);
    if (existing && section) existing.replaceWith(section);
    else if (existing) existing.remove();
    else if (section) {
      const before = panel.querySelector('section.time-lapse, section.conservation');
      if (before) before.before(section);
      else panel.append(section);
    }
  }

  private refreshAge(section: HTMLElement): void {
    const p = section.querySelector('.live-fresh');
    const { locale } = this.c;
    const text = freshness(this.client.current, new Date(), locale.t, locale.lang).text;
    // Only when it changed: AR's overlay is observed with its subtree, and a write would wake the observer again.
    if (p && p.textContent !== text) p.textContent = text;
  }
}
