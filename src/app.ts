/**
 * The visit: loads the exhibition, builds the gallery, starts the preview, and connects the interface
 * (panel, search, floor plan, favourites, tours, problems, language) to it. Data flows one way:
 * exhibition file → validated model → scene → preview mode → interface.
 */
import { Engine } from '@babylonjs/core/Engines/engine';
import { ExhibitionError, loadExhibition, mediaUrl, type LoadedExhibition } from './twin/load';
import type { Artwork, Exhibition, Tour } from './twin/schema';
import { pick, textDirection } from './twin/text';
import { mayShare, needsNotice, withheld, type VisitMode } from './twin/protocol';
import { SessionAcknowledgements } from './visitor/acknowledgements';
import { artworkPose, EYE_HEIGHT } from './twin/layout';
import type { Problem } from './twin/validate';
import { buildGallery, type Gallery, type SceneProblem } from './scene/gallery';
import { PreviewMode } from './modes/preview/preview-mode';
import { Favourites } from './visitor/favourites';
import { byId, h, clear } from './ui/dom';
import { fill, strings, UI_LANGUAGES, PSEUDO_LANGUAGES, type Strings } from './ui/i18n';
import { languageName } from './ui/format';
import { ArtworkPanel, localText, type PanelContext } from './ui/panel';
import { Minimap, type MapRoom, type MapWork } from './ui/minimap';
import { CuratorView } from './ui/curator-view';
import type { ConservationHooks } from './ui/conservation-panel';
import { ConditionAreas } from './scene/condition-areas';
import { timeLapseFor } from './scene/time-lapse';
import { SearchBox } from './ui/search';
import { Drawer } from './ui/drawer';
import { compactProgress, hideProgress, showErrorPage, showProgress } from './ui/pages';
import { VrButton } from './ui/vr-button';
import { ArButton } from './modes/ar/ar-button';
import type { ArHost } from './modes/ar/ar-mode';
import type { VrExit, VrHost, XrHost } from './modes/vr/vr-mode';
import { OfflinePanel, showAppUpdate } from './ui/offline-panel';
import { registerOffline } from './offline/register';

export const DEFAULT_EXHIBITION = `${import.meta.env.BASE_URL}exhibitions/default/exhibition.json`;
const LANG_KEY = 'museum-twin:lang';

export interface TestHooks {
  ready: boolean;
  selected?: string;
  viewer: () => { position: [number, number, number]; heading: number; room?: string };
  screenPoint: (id: string) => { x: number; y: number; visible: boolean } | undefined;
  problems: () => SceneProblem[];
  /** The Babylon scene, for tests and benchmarks that read its instrumentation. */
  scene: () => unknown;
  /** Frame statistics (SceneInstrumentation), loaded on first use: for benchmarks and budget tests. */
  perf: () => Promise<import('./scene/perf-probe').PerfProbe>;
  /** Puts the visitor at a floor point facing a heading (test and benchmark set-up). */
  place: (position: [number, number, number], heading: number) => void;
  /** Whether a work shows its media, a placeholder, or the restricted statement. */
  workState: (id: string) => string | undefined;
  /** The title printed on a work's wall label. */
  wallLabel?: (id: string) => string | undefined;
  /** Holds the 3D view still (tests that need the page's thread, e.g. an accessibility audit). */
  pauseRendering?: (paused: boolean) => void;
  /** The conservation timeline entry whose areas are shown on its work, with their screen points (0–1). */
  conservation?: () => unknown;
  /** A work's time-lapse: position, the state shown most, blend weights. */
  timeLapse?: (id: string) => unknown;
  /** In VR: the headset's pose (feet, heading), the open panel, named GUI controls' world points, and render stats. */
  xrViewer?: () => { position: [number, number, number]; heading: number; room?: string; inXR: boolean; frames: number } | undefined;
  xrPanel?: () => unknown;
  xrControl?: (name: string) => [number, number, number] | undefined;
  xrStats?: () => unknown;
  /** In AR: registration, labels (world positions), panel, and draw calls; `arAct` drives it like a tap. */
  ar?: () => unknown;
  arStats?: () => unknown;
  arControl?: (name: string) => [number, number, number] | undefined;
  arAct?: (action: 'tap' | 'realign' | 'exit' | 'animation', id?: string) => void;
}

declare global {
  interface Window {
    museumTwin?: TestHooks;
  }
}

export async function startVisit(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const exhibitionUrl = params.get('exhibition') || DEFAULT_EXHIBITION;
  const firstLang = initialUiLanguage(params, []);
  let t = strings(firstLang);
  // The loading and error pages already speak the visitor's language, in its direction.
  document.documentElement.lang = firstLang;
  document.documentElement.dir = textDirection(firstLang);
  showProgress(t, 0, 0, 0);
  let loaded: LoadedExhibition;
  try {
    loaded = await loadExhibition(exhibitionUrl);
    performance.mark('twin:exhibition-loaded');
  } catch (e) {
    const err = e instanceof ExhibitionError ? e : new ExhibitionError(String((e as Error)?.message ?? e), exhibitionUrl);
    showErrorPage(t, err.message, err.problems, exhibitionUrl === DEFAULT_EXHIBITION ? null : location.pathname);
    return;
  }
  // The printable sheet of AR markers, for the museum to print at true size: no 3D.
  if (params.has('print-markers')) {
    const { showMarkerSheet } = await import('./modes/ar/marker-sheet');
    const lang = initialUiLanguage(params, loaded.exhibition.languages);
    showMarkerSheet(strings(lang), loaded, lang);
    return;
  }
  const canvas = byId<HTMLCanvasElement>('gallery-canvas');
  let engine: Engine;
  try {
    engine = new Engine(canvas, true, { stencil: true, preserveDrawingBuffer: false, doNotHandleContextLost: false }, true);
  } catch {
    showErrorPage(t, t.webglMissing, [], null);
    return;
  }
  const visit = new Visit(loaded, engine, canvas, initialUiLanguage(params, loaded.exhibition.languages));
  t = visit.t;
  try {
    await visit.start();
  } catch (e) {
    // The building itself could not be made (e.g. the space model is missing): nothing to walk in.
    showErrorPage(t, (e as Error)?.message ?? String(e), [], exhibitionUrl === DEFAULT_EXHIBITION ? null : location.pathname);
  }
}

function initialUiLanguage(params: URLSearchParams, available: string[]): string {
  // A pseudo-locale (layout testing) is chosen only by the address, whatever the exhibition's languages.
  const asked = params.get('lang');
  if (asked && PSEUDO_LANGUAGES.includes(asked)) return asked;
  const candidates = [params.get('lang'), safeStorage(() => localStorage.getItem(LANG_KEY)), ...navigator.languages, 'en'];
  for (const c of candidates) {
    if (!c) continue;
    const base = c.split('-')[0]!;
    if (!available.length ? UI_LANGUAGES.includes(base) : available.includes(c) || available.includes(base)) return available.includes(c) ? c : base;
  }
  return available[0] ?? 'en';
}

function safeStorage<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

class Visit {
  lang: string;
  t: Strings;
  private gallery?: Gallery;
  private preview?: PreviewMode;
  private favourites?: Favourites;
  private readonly problems: SceneProblem[] = [];
  private readonly panel: ArtworkPanel;
  private readonly drawer: Drawer;
  private minimap?: Minimap;
  /** Advisory notices acknowledged: for this browser session only (sessionStorage). */
  private readonly acknowledged: SessionAcknowledgements;
  private tour?: { tour: Tour; index: number };
  private readonly ex: Exhibition;
  private readonly status = byId('status');
  private readonly reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
  private offline?: OfflinePanel;

  constructor(
    private readonly loaded: LoadedExhibition,
    private readonly engine: Engine,
    private readonly canvas: HTMLCanvasElement,
    lang: string,
  ) {
    this.ex = loaded.exhibition;
    this.acknowledged = new SessionAcknowledgements(this.ex.id);
    this.acknowledged.onAdd = () => this.honourProtocols();
    this.lang = lang;
    this.t = strings(lang);
    this.panel = new ArtworkPanel(byId('panel'), {
      close: () => this.closeArtwork(),
      openArtwork: (id) => void this.openArtwork(id),
      toggleFavourite: (id) => void this.favourites?.toggle(id),
      acknowledgeAdvisory: (id) => {
        this.acknowledged.add(id);
        this.refreshPanel();
        byId('panel').querySelector<HTMLElement>('.lead')?.setAttribute('tabindex', '-1');
        byId('panel').querySelector<HTMLElement>('.lead')?.focus();
      },
      focusAnnotation: (a, n) => this.preview?.focusAnnotation(a, n),
      toggleAnimation: (id) => this.preview?.toggleAnimation(id) ?? Promise.resolve(false),
      copyLink: (id) => copyText(this.linkTo(id)),
    });
    this.drawer = new Drawer(byId('drawer'), () => this.t.close);
    for (const w of loaded.warnings) this.problems.push({ path: w.path, message: w.message });
  }

  private txt(m: Artwork['title'] | undefined): string {
    return pick(m, this.lang, this.ex.defaultLanguage).text;
  }

  /** Exhibition text as an element marked with its language, and visibly tagged when it is a fallback. */
  private local(tag: 'span' | 'strong' | 'p', m: Artwork['title'] | undefined, attrs: Record<string, string> = {}): HTMLElement {
    return localText(tag, pick(m, this.lang, this.ex.defaultLanguage), this.t, this.lang, attrs);
  }

  async start(): Promise<void> {
    this.renderChrome();
    this.setStatus({ ready: 'false', mode: 'preview' });
    this.favourites = await Favourites.open(this.ex.id);
    if (!this.favourites.persistent) this.addProblem({ path: '(browser)', message: this.t.storageUnavailable });
    this.favourites.onChange((ids) => {
      byId('favourites-count').textContent = String(ids.size);
      this.minimap?.setFavourites(ids);
      this.refreshPanel();
      this.drawer.update('favourites', this.t.favourites, this.favouritesBody());
    });
    byId('favourites-count').textContent = String(this.favourites.list().length);

    const gallery = await buildGallery(this.engine, this.loaded, {
      onProgress: (p) => showProgress(this.t, p.works, p.worksTotal, p.done / p.total),
      onProblem: (p) => this.addProblem(p),
      labelText: (a) => this.labelText(a),
      texts: { unavailable: this.t.unavailable, restricted: this.t.restrictedPlaceholder },
      // The in-gallery link (`?ar`): AR shows no work's media, so none loads until the visitor turns to the preview.
      holdMedia: new URLSearchParams(location.search).has('ar'),
    });
    this.gallery = gallery;
    // Touching the preview (not AR) is turning to it: its works load.
    this.canvas.addEventListener('pointerdown', () => {
      if (!this.ar?.active) gallery.loadMedia();
    });
    this.honourProtocols();
    performance.mark('twin:gallery-built');
    this.preview = new PreviewMode(
      gallery,
      this.ex,
      this.canvas,
      byId('fade'),
      {
        // In VR the VR mode handles the controller's picks.
        artworkPicked: (id) => void (this.vr?.active || this.ar?.active || this.openArtwork(id)),
        annotationPicked: (a, n) => void (this.vr?.active || this.ar?.active || this.showAnnotation(a, n)),
      },
      () => this.reducedMotion.matches,
    );
    performance.mark('twin:preview-ready');
    this.buildMap();
    performance.mark('twin:map-built');
    this.minimap?.setFavourites(new Set(this.favourites.list()));
    this.renderFrame = () => gallery.scene.render();
    this.engine.runRenderLoop(this.renderFrame);
    // The canvas changes size with the window and with the layout around it (header wrapping, panels).
    new ResizeObserver(() => this.engine.resize()).observe(this.canvas);
    this.installTestHooks();
    this.startOffline();
    this.vr = new VrButton(byId<HTMLButtonElement>('vr-button'), byId('vr-note'), () => this.t, () => this.vrHost(), (d) => this.setStatus(d));
    void this.vr.init();
    this.ar = new ArButton(byId<HTMLButtonElement>('ar-button'), byId('ar-note'), () => this.t, () => this.arHost(), (d) => {
      this.setStatus(d);
      // Media held for AR (`?ar`) loads once the preview is what the visitor has: no AR here, or it failed.
      if ((d.ar !== undefined && d.ar !== 'supported') || d.xr === 'failed') gallery.loadMedia();
    });
    void this.ar.init();
    performance.mark('twin:first-frame-asked');
    // The rooms are walkable after the first frame; works keep arriving.
    await new Promise<void>((resolve) => gallery.scene.onAfterRenderObservable.addOnce(() => resolve()));
    // Marks read by the benchmark: the first frame of the building, and the room ready to walk.
    performance.mark('twin:first-frame');
    compactProgress();
    this.setStatus({ ready: 'true' });
    performance.mark('twin:interactive');
    if (this.museumHooks) this.museumHooks.ready = true;
    let lastMap = 0;
    gallery.scene.onAfterRenderObservable.add(() => {
      const now = performance.now();
      if (now - lastMap < 100) return;
      lastMap = now;
      const pose = this.preview!.pose();
      this.minimap?.setViewer([pose.position[0], pose.position[2]], pose.heading);
    });
    addEventListener('hashchange', () => this.followHash());
    this.followHash();
    this.watchCuratorView();
    void gallery.media.then(async () => {
      await gallery.scene.whenReadyAsync();
      hideProgress();
      this.setStatus({ media: 'done' });
      performance.mark('twin:media-done');
    });
  }

  private museumHooks?: TestHooks;
  private vr?: VrButton;
  private ar?: ArButton;

  /** What both immersive modes share of the visit. */
  private xrHost(): XrHost {
    return {
      gallery: this.gallery!,
      exhibition: this.ex,
      lang: () => this.lang,
      t: () => this.t,
      favourites: this.favourites,
      acknowledged: this.acknowledged,
      resolveMedia: (p) => mediaUrl(this.loaded.url, p),
      setStatus: (d) => this.setStatus(d),
      announce: (text) => this.announce(text),
    };
  }

  private arHost(): ArHost {
    return {
      ...this.xrHost(),
      panelContext: () => ({ ...this.panelContext(), mode: 'ar' }),
      overlay: byId('ar-overlay'),
      exited: () => {
        this.announce(this.t.vrExited);
        this.gallery?.loadMedia();
      },
    };
  }

  private vrHost(): VrHost {
    return {
      ...this.xrHost(),
      startPose: () => this.preview!.pose(),
      tour: () => (this.tour ? { id: this.tour.tour.id, index: this.tour.index } : undefined),
      exited: (r) => this.vrExited(r),
    };
  }

  /** Back from VR: the preview stands where the visitor reached, with their tour and open work. */
  private vrExited(r: VrExit): void {
    const v = this.preview!.visitor;
    v.stop();
    // Drop any movement the preview camera queued while VR was drawing (it does not update then).
    v.camera.cameraDirection.setAll(0);
    v.camera.cameraRotation.setAll(0);
    v.camera.position.set(r.pose.position[0], r.pose.position[1] + EYE_HEIGHT, r.pose.position[2]);
    v.face(r.pose.heading);
    const tour = r.tour && this.ex.tours.find((x) => x.id === r.tour!.id);
    this.tour = tour ? { tour, index: r.tour!.index } : undefined;
    this.setStatus({ tour: tour?.id ?? '', tourStop: tour ? String(r.tour!.index) : '' });
    this.renderTourBar();
    const art = r.selected ? this.ex.artworks.find((a) => a.id === r.selected) : undefined;
    if (art) {
      this.panel.show(art, this.panelContext(), false);
      this.preview?.select(art.id);
      this.minimap?.setSelected(art.id);
      this.setStatus({ selected: art.id });
    }
    this.announce(this.t.vrExited);
  }

  private installTestHooks(): void {
    this.museumHooks = {
      ready: false,
      viewer: () => {
        const p = this.preview!.pose();
        return { position: p.position, heading: p.heading, room: this.preview!.currentRoom() };
      },
      screenPoint: (id) => this.preview?.screenPoint(id),
      problems: () => [...this.problems],
      scene: () => this.gallery?.scene,
      perf: () => import('./scene/perf-probe').then((m) => m.probe(this.gallery!.scene)),
      place: (position, heading) => {
        const v = this.preview!.visitor;
        v.stop();
        v.camera.position.set(position[0], position[1] + EYE_HEIGHT, position[2]);
        v.face(heading);
      },
      workState: (id) => this.gallery?.works.get(id)?.state,
      wallLabel: (id) => this.gallery?.works.get(id)?.label.current?.title,
      pauseRendering: (paused) => {
        if (!this.renderFrame) return;
        if (paused) this.engine.stopRenderLoop(this.renderFrame);
        else this.engine.runRenderLoop(this.renderFrame);
      },
      conservation: () => this.conditionAreas?.state(this.gallery?.scene.activeCamera ?? null),
      timeLapse: (id) => this.gallery && timeLapseFor(this.gallery.scene, this.gallery.works.get(id), this.gallery.resolve)?.info(),
      xrViewer: () => this.vr?.current?.viewer(),
      xrPanel: () => this.vr?.current?.panelState(),
      xrControl: (name) => this.vr?.current?.controlPoint(name),
      xrStats: () => this.vr?.current?.stats(),
      ar: () => this.ar?.current?.state(),
      arStats: () => this.ar?.current?.stats(),
      arControl: (name) => this.ar?.current?.controlPoint(name),
      arAct: (action, id) => {
        const m = this.ar?.current;
        if (action === 'tap') m?.tapForTest();
        else if (action === 'realign') m?.realign();
        else if (action === 'exit') void m?.exit();
        else if (id) void m?.toggleAnimation(id);
      },
    };
    window.museumTwin = this.museumHooks;
  }

  private setStatus(data: Record<string, string>): void {
    Object.assign(this.status.dataset, data);
    if (data.mode === 'preview' || data.mode === 'vr' || data.mode === 'ar') {
      this.mode = data.mode;
      this.honourProtocols();
    }
  }

  private mode: VisitMode = 'preview';
  private renderFrame?: () => void;

  /**
   * Each mode shows only what the communities allow in it: a work its protocol keeps out of a mode is hidden
   * there (its label stays, and opening it shows why); an advisory work is veiled until acknowledged. A work kept out of the preview never had its media
   * loaded at all (src/scene/artworks.ts), so it stays a placeholder everywhere.
   */
  private honourProtocols(mode: VisitMode = this.mode): void {
    for (const w of this.gallery?.works.values() ?? []) {
      // An advisory work stays veiled (plinth or frame space and label only) until its notice is acknowledged.
      const hide = (w.state !== 'withheld' && withheld(w.artwork, mode) === 'mode') || needsNotice(w.artwork, (id) => this.acknowledged.has(id));
      w.origin.setEnabled(!hide);
      for (const s of w.hotspots) if (hide) s.setEnabled(false);
    }
  }

  private announce(text: string): void {
    this.status.textContent = text;
  }

  // ---------------------------------------------------------------- chrome

  private renderChrome(): void {
    const ex = this.ex;
    document.documentElement.lang = this.lang;
    // Right-to-left languages mirror the whole page; the 3D view itself is not mirrored.
    document.documentElement.dir = textDirection(this.lang);
    document.title = `${this.txt(ex.title)} · ${this.t.appName}`;
    byId('exhibition-title').replaceChildren(this.local('span', ex.title));
    byId('exhibition-institution').replaceChildren(this.local('span', ex.institution));
    for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
      const key = el.dataset.i18n as keyof Strings;
      const v = this.t[key];
      if (typeof v === 'string') el.textContent = v;
    }
    for (const el of document.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
      const v = this.t[el.dataset.i18nLabel as keyof Strings];
      if (typeof v === 'string') el.setAttribute('aria-label', v);
    }
    const search = byId<HTMLInputElement>('search-input');
    search.placeholder = this.t.searchPlaceholder;
    const select = byId<HTMLSelectElement>('language-select');
    clear(select);
    const offered = ex.languages.includes(this.lang) ? ex.languages : [...ex.languages, this.lang];
    // Each language is named in itself, and marked as such for screen readers.
    for (const l of offered) select.append(h('option', { value: l, selected: l === this.lang, lang: l }, languageName(l, l)));
    if (!select.dataset.wired) {
      select.dataset.wired = '1';
      select.addEventListener('change', () => this.setLanguage(select.value));
      new SearchBox(
        search,
        byId<HTMLUListElement>('search-results'),
        () => ex.artworks,
        () => ({ title: (a) => this.txt(a.title), subtitle: (a) => `${this.txt(a.creator.name)}, ${this.txt(a.date)}`, noResults: (q) => fill(this.t.noResults, { q }) }),
        (id) => void this.openArtwork(id),
      );
      byId('tours-button').addEventListener('click', (e) => this.toggleDrawer('tours', e.currentTarget as HTMLElement));
      byId('favourites-button').addEventListener('click', (e) => this.toggleDrawer('favourites', e.currentTarget as HTMLElement));
      byId('problems-button').addEventListener('click', (e) => this.toggleDrawer('problems', e.currentTarget as HTMLElement));
      byId('offline-button').addEventListener('click', (e) => this.toggleDrawer('offline', e.currentTarget as HTMLElement));
      byId('curator-button').addEventListener('click', (e) => this.toggleDrawer('curator', e.currentTarget as HTMLElement));
    }
    byId('controls-hint').textContent = matchMedia('(pointer: coarse)').matches ? this.t.touchHint : this.t.controlsHint;
    this.renderProblemsButton();
    this.renderWorksList();
    this.vr?.render();
    this.ar?.render();
  }

  private setLanguage(lang: string): void {
    this.lang = lang;
    this.t = strings(lang);
    safeStorage(() => localStorage.setItem(LANG_KEY, lang));
    const url = new URL(location.href);
    url.searchParams.set('lang', lang);
    history.replaceState(null, '', url);
    this.renderChrome();
    this.gallery?.relabel((a) => this.labelText(a));
    this.buildMap();
    this.refreshPanel();
    this.renderTourBar();
    for (const kind of ['tours', 'favourites', 'problems', 'offline', 'curator']) this.drawer.update(kind, this.drawerTitle(kind), this.drawerBody(kind));
  }

  private labelText(a: Artwork) {
    const creator = this.txt(a.creator.name);
    return { title: this.txt(a.title), lines: [a.creator.lifeDates ? `${creator} (${a.creator.lifeDates})` : creator, this.txt(a.date), this.txt(a.medium)] };
  }

  private renderWorksList(): void {
    const ul = byId('works-list').querySelector('ul')!;
    clear(ul);
    for (const a of this.ex.artworks) {
      ul.append(
        h(
          'li',
          {},
          h(
            'button',
            { type: 'button', 'data-artwork': a.id, 'aria-current': String(a.id === this.panel.artworkId), onclick: () => void this.openArtwork(a.id) },
            this.local('span', a.title, { class: 'title' }),
            h('span', { class: 'sub' }, this.local('span', a.creator.name), ` · ${a.kind === 'painting' ? this.t.kindPainting : this.t.kindObject}`),
          ),
        ),
      );
    }
  }

  private markCurrentWork(): void {
    for (const b of document.querySelectorAll<HTMLElement>('.works-list [data-artwork]')) {
      b.setAttribute('aria-current', String(b.dataset.artwork === this.panel.artworkId));
    }
  }

  private buildMap(): void {
    const rooms: MapRoom[] = this.ex.space.rooms.map((r) => ({ ...r, label: this.txt(r.name) }));
    if (!rooms.length) return;
    const works: MapWork[] = this.ex.artworks.map((a) => {
      // From the model, not the scene: asking the scene for a far work would build its room at once.
      const p = artworkPose(this.ex, a);
      return { id: a.id, at: [p.position[0], p.position[2]], label: this.txt(a.title) };
    });
    if (!this.minimap) {
      this.minimap = new Minimap(byId('map-svg'), rooms, works, { goTo: (p, room) => void this.preview?.goToPoint(p, room), openArtwork: (id) => void this.openArtwork(id) }, this.t.youAreHere);
    }
    this.minimap.relabel(rooms, works, this.t.youAreHere, (name) => fill(this.t.goToRoom, { room: name }));
    this.minimap.setSelected(this.panel.artworkId);
  }

  // ---------------------------------------------------------------- works

  async openArtwork(id: string): Promise<void> {
    const art = this.ex.artworks.find((a) => a.id === id);
    if (!art || !this.preview) return;
    this.panel.show(art, this.panelContext());
    this.preview.select(id);
    this.minimap?.setSelected(id);
    this.markCurrentWork();
    this.setStatus({ selected: id });
    if (this.museumHooks) this.museumHooks.selected = id;
    this.announce(this.txt(art.title));
    // A work whose community asks that links to it not be shared never gets one in the address bar either.
    if (!mayShare(art)) {
      if (location.hash.startsWith('#artwork=')) history.replaceState(null, '', location.pathname + location.search);
    } else if (location.hash !== `#artwork=${id}`) history.replaceState(null, '', `#artwork=${encodeURIComponent(id)}`);
    const canvasRect = this.canvas.getBoundingClientRect();
    const panelRect = byId('panel').getBoundingClientRect();
    // A side panel hides the right of the view (the left in right-to-left languages); a bottom sheet (phones)
    // hides the lower part.
    const side = panelRect.bottom < canvasRect.bottom - 10 || panelRect.top > canvasRect.top + 10 ? false : panelRect.width < canvasRect.width - 10;
    const onLeft = panelRect.left <= canvasRect.left + 10;
    const covered = {
      right: !side ? 0 : onLeft ? -Math.max(0, panelRect.right - canvasRect.left) / Math.max(1, canvasRect.width) : Math.max(0, canvasRect.right - panelRect.left) / Math.max(1, canvasRect.width),
      bottom: side ? 0 : Math.max(0, canvasRect.bottom - panelRect.top) / Math.max(1, canvasRect.height),
    };
    await this.preview.goToArtwork(id, covered);
  }

  private closeArtwork(): void {
    const id = this.panel.artworkId;
    this.panel.hide();
    this.preview?.select(undefined);
    this.minimap?.setSelected(undefined);
    this.setStatus({ selected: '' });
    if (this.museumHooks) this.museumHooks.selected = undefined;
    if (location.hash.startsWith('#artwork=')) history.replaceState(null, '', location.pathname + location.search);
    this.markCurrentWork();
    const back = id ? document.querySelector<HTMLElement>(`.works-list [data-artwork="${CSS.escape(id)}"]`) : null;
    if (back) back.focus();
    else this.canvas.focus();
  }

  private showAnnotation(artworkId: string, annotationId: string): void {
    if (this.panel.artworkId !== artworkId) void this.openArtwork(artworkId);
    this.preview?.focusAnnotation(artworkId, annotationId);
    const li = byId('panel').querySelector<HTMLElement>(`[data-annotation="${CSS.escape(annotationId)}"]`);
    if (!li) return;
    for (const other of byId('panel').querySelectorAll('.annotations li')) other.classList.remove('active');
    li.classList.add('active');
    li.scrollIntoView({ block: 'center', behavior: this.reducedMotion.matches ? 'auto' : 'smooth' });
  }

  private panelContext(): PanelContext {
    return {
      exhibition: this.ex,
      lang: this.lang,
      t: this.t,
      isFavourite: (id) => this.favourites?.has(id) ?? false,
      advisoryAcknowledged: (id) => this.acknowledged.has(id),
      resolveMedia: (p) => mediaUrl(this.loaded.url, p),
      hasAnimation: (id) => this.preview?.hasAnimation(id) ?? false,
      conservation: this.conservationHooks(),
      mode: 'preview',
    };
  }

  private refreshPanel(): void {
    this.panel.refresh(this.panelContext());
  }

  private followHash(): void {
    const m = /^#artwork=(.+)$/.exec(location.hash);
    if (!m) return;
    const id = decodeURIComponent(m[1]!);
    if (id === this.panel.artworkId) return;
    if (this.ex.artworks.some((a) => a.id === id)) void this.openArtwork(id);
    else this.addProblem({ path: '(link)', message: `the link asks for a work '${id}' that is not in this exhibition` });
  }

  private linkTo(id: string): string {
    const url = new URL(location.href);
    url.hash = `artwork=${encodeURIComponent(id)}`;
    return url.href;
  }

  // ---------------------------------------------------------------- drawers

  private toggleDrawer(kind: string, opener: HTMLElement): void {
    if (this.drawer.isOpen(kind)) return this.drawer.close();
    this.drawer.open(kind, opener, this.drawerTitle(kind), this.drawerBody(kind));
  }

  private drawerTitle(kind: string): string {
    if (kind === 'offline') return this.t.offline;
    if (kind === 'curator') return this.t.curatorView;
    return kind === 'tours' ? this.t.tours : kind === 'favourites' ? this.t.favourites : this.t.problems;
  }

  private drawerBody(kind: string): Node[] {
    if (kind === 'tours') return this.toursBody();
    if (kind === 'favourites') return this.favouritesBody();
    if (kind === 'offline') return this.offlineBody();
    if (kind === 'curator') return this.curator.body(() => this.drawer.update('curator', this.t.curatorView, this.drawerBody('curator')));
    return this.problemsBody();
  }

  // ---------------------------------------------------------------- conservation

  private conditionAreas?: ConditionAreas;
  private readonly curator = new CuratorView(() => ({
    exhibition: this.ex,
    lang: this.lang,
    t: this.t,
    now: () => new Date(),
    openArtwork: (id) => void this.openArtwork(id),
    showOnPlan: (conditions, visible) =>
      this.minimap?.setConditions(conditions, visible, (id) => {
        const a = this.ex.artworks.find((x) => x.id === id)!;
        const c = conditions.get(id);
        return `${this.txt(a.title)}: ${c ? this.t.conditions[c] : this.t.notExamined}`;
      }),
  }));

  /** The floor plan shows conditions while the curator view is open, and goes back to the visitor's plan after. */
  private watchCuratorView(): void {
    let open = false;
    const sync = () => {
      const now = this.drawer.isOpen('curator');
      if (now === open) return;
      open = now;
      document.body.classList.toggle('curator-view', open);
      this.setStatus({ curator: String(open) });
      if (open) this.curator.apply();
      else {
        this.minimap?.setConditions(undefined);
        this.buildMap();
      }
    };
    new MutationObserver(sync).observe(byId('drawer'), { attributes: true, attributeFilter: ['hidden', 'data-kind'] });
    if (new URLSearchParams(location.search).get('view') === 'curator') this.toggleDrawer('curator', byId('curator-button'));
  }

  private conservationHooks(): ConservationHooks {
    return {
      showEntry: (id, entry) => {
        const work = this.gallery?.works.get(id);
        if (!work || !this.gallery) return;
        this.conditionAreas ??= new ConditionAreas(this.gallery.scene);
        if (entry) this.conditionAreas.show(work, entry);
        else if (this.conservationState()?.artwork === id) this.conditionAreas.clear();
        this.setStatus({ conservationEntry: entry?.id ?? '' });
      },
      timeLapse: (id) => (this.gallery ? timeLapseFor(this.gallery.scene, this.gallery.works.get(id), this.gallery.resolve) : undefined),
      reducedMotion: () => this.reducedMotion.matches,
    };
  }

  private conservationState() {
    return this.conditionAreas?.state(null);
  }

  private toursBody(): Node[] {
    if (!this.ex.tours.length) return [h('p', {}, '—')];
    return [
      h(
        'ul',
        { class: 'tours' },
        this.ex.tours.map((tour) =>
          h(
            'li',
            { 'data-tour': tour.id },
            this.local('strong', tour.title),
            h('span', { class: 'sub' }, `${fill(this.t.minutes, { n: tour.durationMinutes }, this.lang)} · ${fill(this.t.stops, { n: tour.stops.length }, this.lang)}`),
            tour.description ? this.local('p', tour.description) : null,
            h('button', { type: 'button', onclick: () => this.startTour(tour) }, this.t.startTour),
          ),
        ),
      ),
    ];
  }

  private favouritesBody(): Node[] {
    const ids = this.favourites?.list() ?? [];
    if (!ids.length) return [h('p', {}, this.t.noFavourites)];
    const works = ids.map((id) => this.ex.artworks.find((a) => a.id === id)).filter((a): a is Artwork => !!a);
    return [
      h(
        'ul',
        { class: 'favourites' },
        works.map((a) =>
          h('li', { 'data-artwork': a.id }, h('button', { type: 'button', onclick: () => { this.drawer.close(); void this.openArtwork(a.id); } }, this.txt(a.title)), h('span', { class: 'sub' }, this.txt(a.creator.name))),
        ),
      ),
    ];
  }

  /** Offline: the service worker (app shell, exhibition last viewed) and "save for offline" (src/offline/). */
  private startOffline(): void {
    this.offline = new OfflinePanel({
      exhibitionUrl: this.loaded.url,
      t: () => this.t,
      lang: () => this.lang,
      setStatus: (d) => this.setStatus(d),
      announce: (text) => this.announce(text),
    });
    void registerOffline(this.loaded.url, { updateWaiting: (apply) => showAppUpdate(this.t, apply), setStatus: (d) => this.setStatus(d) });
  }

  private offlineBody(): Node[] {
    if (!this.offline) return [];
    void this.offline.refresh();
    return [this.offline.root];
  }

  private problemsBody(): Node[] {
    return [h('p', {}, this.t.problemsIntro), h('ul', { class: 'problems-list' }, this.problems.map((p) => h('li', {}, h('strong', {}, p.path), `: ${p.message}`)))];
  }

  private addProblem(p: SceneProblem | Problem): void {
    this.problems.push({ path: p.path, message: p.message });
    this.renderProblemsButton();
    this.drawer.update('problems', this.t.problems, this.problemsBody());
  }

  private renderProblemsButton(): void {
    const b = byId('problems-button');
    b.hidden = this.problems.length === 0;
    b.textContent = `⚠ ${this.problems.length === 1 ? this.t.problemsCountOne : fill(this.t.problemsCount, { n: this.problems.length }, this.lang)}`;
  }

  // ---------------------------------------------------------------- tours

  private startTour(tour: Tour): void {
    this.drawer.close();
    this.tour = { tour, index: 0 };
    this.setStatus({ tour: tour.id });
    this.goToStop();
  }

  private goToStop(): void {
    if (!this.tour) return;
    const stop = this.tour.tour.stops[this.tour.index];
    this.renderTourBar();
    if (stop) {
      this.setStatus({ tourStop: String(this.tour.index) });
      void this.openArtwork(stop.artwork);
    }
  }

  private renderTourBar(): void {
    const bar = byId('tour-bar');
    clear(bar);
    if (!this.tour) {
      bar.hidden = true;
      return;
    }
    const { tour, index } = this.tour;
    const stop = tour.stops[index]!;
    const art = this.ex.artworks.find((a) => a.id === stop.artwork);
    bar.hidden = false;
    bar.setAttribute('aria-label', this.txt(tour.title));
    bar.append(
      h('div', { class: 'where' }, h('span', {}, `${this.txt(tour.title)} · ${fill(this.t.tourStop, { i: index + 1, n: tour.stops.length }, this.lang)}`), art ? this.local('strong', art.title) : h('strong', {}, stop.artwork), stop.text ? this.local('span', stop.text) : null),
      h('button', { type: 'button', class: 'tour-prev', disabled: index === 0, onclick: () => this.stepTour(-1) }, this.t.previous),
      h('button', { type: 'button', class: 'tour-next', disabled: index >= tour.stops.length - 1, onclick: () => this.stepTour(1) }, this.t.next),
      h('button', { type: 'button', class: 'tour-end', onclick: () => this.endTour() }, this.t.endTour),
    );
  }

  private stepTour(delta: number): void {
    if (!this.tour) return;
    this.tour.index = Math.min(Math.max(this.tour.index + delta, 0), this.tour.tour.stops.length - 1);
    this.goToStop();
    byId('tour-bar').querySelector<HTMLElement>(delta > 0 ? '.tour-next' : '.tour-prev')?.focus();
  }

  private endTour(): void {
    this.tour = undefined;
    this.setStatus({ tour: '', tourStop: '' });
    this.renderTourBar();
    byId('tours-button').focus();
  }
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard refused (insecure context or permission): let the visitor copy it by hand.
    window.prompt(strings(document.documentElement.lang || 'en').copyPrompt, text);
    return false;
  }
}
