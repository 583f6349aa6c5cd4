/**
 * The visit, as one facade over small managers: it loads nothing itself, but builds the gallery, starts the
 * preview, and connects the interface (works and panel, floor plan, drawers, tours, conservation, VR and AR)
 * to the visit's one state (VisitState) and language (Locale). Data flows one way:
 * exhibition file → validated model → scene → modes → interface.
 */
import type { Engine } from '@babylonjs/core/Engines/engine';
import type { LoadedExhibition } from '../twin/load';
import type { Artwork } from '../twin/schema';
import { buildGallery } from '../scene/gallery';
import { PreviewMode } from '../modes/preview/preview-mode';
import { Favourites } from '../visitor/favourites';
import { SessionAcknowledgements } from '../visitor/acknowledgements';
import { VisitState } from '../visitor/visit-state';
import type { Locale } from '../i18n/locale';
import { byId } from '../ui/dom';
import { compactProgress, hideProgress, showProgress } from '../ui/pages';
import { StatusBoard } from '../ui/status';
import { restorePlaceAfterUpdate, watchPublished } from './published';
import type { VisitContext } from './context';
import { WorksManager } from './works';
import { TourManager } from './tours';
import { FloorPlanManager } from './floor-plan';
import { DrawerManager } from './drawers';
import { ConservationManager } from './conservation';
import { showStaleApp, watchStaleChunks } from '../ui/stale-app';
import { ChromeManager } from './chrome';
import { ImmersiveManager } from './immersive';
import { honourProtocols } from './protocols';
import { installTestHooks, type TestHooks } from './test-hooks';
import { RenderOnDemand } from './render-on-demand';
import { LiveManager } from './live';
import type { RouteManager } from './route';
import type { TogetherManager } from './together';
import { PanoramaManager } from './panorama';
import { graphicsQualitySetting } from '../ui/graphics-quality';
import { deviceFacts } from '../scene/gallery-look';
import { deviceClass } from '../scene/quality-tier';

export class Visit {
  readonly state: VisitState;
  private readonly c: VisitContext;
  private readonly works: WorksManager;
  private readonly tours: TourManager;
  private readonly plan: FloorPlanManager;
  private readonly drawers: DrawerManager;
  private readonly conservation: ConservationManager;
  private readonly chrome: ChromeManager;
  private readonly immersive: ImmersiveManager;
  private readonly live: LiveManager;
  /** Route planning and visit together load in their own chunks, fetched while the gallery is built. */
  private readonly chunks = { route: import('./route'), together: import('./together') };
  private readonly panoramas: PanoramaManager;
  private render?: RenderOnDemand;
  private hooks?: TestHooks;

  constructor(
    loaded: LoadedExhibition,
    engine: Engine,
    canvas: HTMLCanvasElement,
    readonly locale: Locale,
  ) {
    locale.useExhibition(loaded.exhibition);
    this.state = new VisitState(locale);
    const status = new StatusBoard(byId('status'));
    status.bind(this.state);
    const acknowledged = new SessionAcknowledgements(loaded.exhibition.id);
    const c: VisitContext = {
      loaded,
      ex: loaded.exhibition,
      engine,
      canvas,
      locale,
      state: this.state,
      status,
      acknowledged,
      reducedMotion: matchMedia('(prefers-reduced-motion: reduce)'),
      requestRender: () => this.render?.request(),
      keepFrameObserver: (o) => this.render?.keep(o),
      addProblem: (p) => this.drawers.addProblem(p),
    };
    this.c = c;
    const open = (id: string) => void this.works.open(id);
    this.works = new WorksManager(c);
    this.tours = new TourManager(c, open);
    this.plan = new FloorPlanManager(c, open);
    this.drawers = new DrawerManager(c, { openArtwork: open, startTour: (tour) => this.tours.start(tour) });
    this.conservation = new ConservationManager(c, this.plan, open);
    this.drawers.conservation = this.conservation;
    this.works.conservation = () => this.conservation.hooks();
    this.chrome = new ChromeManager(c, this.drawers, open);
    this.immersive = new ImmersiveManager(c, this.works, this.tours, this.plan, (on) => this.render?.setAlways(on));
    this.live = new LiveManager(c, open);
    this.drawers.live = this.live;
    this.panoramas = new PanoramaManager(c, this.immersive);
    acknowledged.onAdd = () => honourProtocols(c);
    this.state.onChange('mode', () => honourProtocols(c));
    // Scene text follows the language too: wall labels and the floor plan.
    locale.onChange(() => {
      c.gallery?.relabel((a) => this.labelText(a));
      this.plan.build();
      c.requestRender();
    });
  }

  async start(): Promise<void> {
    const { c } = this;
    const t = () => c.locale.t;
    // A tab on an older build whose lazy chunk is gone from the server: offer a reload (src/ui/stale-app.ts).
    watchStaleChunks(window, () => showStaleApp(t(), () => location.reload()));
    this.chrome.render();
    this.drawers.renderProblemsButton();
    this.works.renderList();
    c.status.report({ ready: 'false' });
    const favourites = await Favourites.open(c.ex.id);
    c.favourites = favourites;
    if (!favourites.persistent) c.addProblem({ path: '(browser)', message: t().storageUnavailable });
    // A write the storage refuses: full keeps the list as it was, blocked keeps it for the page; the visitor is told.
    favourites.onWriteFailed((why) => {
      const message = why === 'quota' ? t().favouriteNotSaved : t().storageUnavailable;
      c.status.announce(message);
      c.addProblem({ path: '(browser)', message });
    });
    favourites.onChange((ids) => {
      byId('favourites-count').textContent = String(ids.size);
      this.plan.minimap?.setFavourites(ids);
      this.works.refresh();
      this.drawers.update('favourites');
      c.requestRender();
    });
    byId('favourites-count').textContent = String(favourites.list().length);

    const gallery = await buildGallery(c.engine, c.loaded, {
      onProgress: (p) => showProgress(t(), p.works, p.worksTotal, p.done / p.total),
      onProblem: (p) => c.addProblem(p),
      labelText: (a) => this.labelText(a),
      texts: { unavailable: t().unavailable, restricted: t().restrictedPlaceholder },
      // The in-gallery link (`?ar`): AR shows no work's media, so none loads until the visitor turns to the preview.
      holdMedia: new URLSearchParams(location.search).has('ar'),
      // A room built as the visitor comes near honours the protocols of the mode in use, as the first rooms did.
      onRoomBuilt: () => honourProtocols(c),
    });
    c.gallery = gallery;
    // Graphics quality: the device's tier (software renderers and AR plain) or the visitor's, in the header.
    graphicsQualitySetting({
      device: deviceClass(deviceFacts(c.engine, new URLSearchParams(location.search).has('ar'))),
      locale: c.locale,
      apply: (q) => {
        gallery.look.setQuality(q);
        c.requestRender();
      },
      before: byId('language-select').parentElement!,
      search: location.search,
    });
    // Touching the preview (not AR) is turning to it: its works load.
    c.canvas.addEventListener('pointerdown', () => {
      if (!this.immersive.ar?.active) gallery.loadMedia();
    });
    honourProtocols(c);
    performance.mark('twin:gallery-built');
    c.preview = new PreviewMode(
      gallery,
      c.ex,
      c.canvas,
      byId('fade'),
      {
        // In VR and AR the mode handles the controller's picks.
        artworkPicked: (id) => void (this.immersive.active || this.works.open(id)),
        annotationPicked: (a, n) => void (this.immersive.active || this.works.showAnnotation(a, n)),
      },
      () => c.reducedMotion.matches,
    );
    performance.mark('twin:preview-ready');
    this.plan.build();
    performance.mark('twin:map-built');
    this.plan.minimap?.setFavourites(new Set(favourites.list()));
    // Not in the entry chunk (the first frame does not need them); already fetched while the gallery was built.
    const [{ RouteManager }, { TogetherManager }] = await Promise.all([this.chunks.route, this.chunks.together]);
    const open = (id: string) => void this.works.open(id);
    const route: RouteManager = new RouteManager(c, this.drawers.drawer, this.plan, open);
    const together: TogetherManager = new TogetherManager(c, this.drawers.drawer, this.plan, open, this.immersive);
    void route.start();
    const render = new RenderOnDemand(c.engine, gallery.scene);
    this.render = render;
    this.watchForChanges(render);
    render.start();
    // The canvas changes size with the window and with the layout around it (header wrapping, panels).
    new ResizeObserver(() => {
      c.engine.resize();
      render.request();
    }).observe(c.canvas);
    this.hooks = installTestHooks(c, { drawers: this.drawers, conservation: this.conservation, immersive: this.immersive, render });
    this.drawers.startOffline().catch(() => undefined);
    this.immersive.start();
    performance.mark('twin:first-frame-asked');
    // The rooms are walkable after the first frame; works keep arriving.
    await new Promise<void>((resolve) => gallery.scene.onAfterRenderObservable.addOnce(() => resolve()));
    // Marks read by the benchmark: the first frame of the building, and the room ready to walk.
    performance.mark('twin:first-frame');
    compactProgress();
    c.status.report({ ready: 'true' });
    performance.mark('twin:interactive');
    this.hooks.ready = true;
    // Visit together (src/app/together.ts): avatars, presence, and the drawer when the address names a group.
    together.start();
    this.hooks.together = () => together.state();
    this.hooks.togetherPresence = (shown) => together.presenceCost(shown);
    // The rooms' 360° photographs (src/app/panorama.ts): markers and the photo view, in their own chunk.
    void this.panoramas.start();
    this.hooks.panorama = () => this.panoramas.hook();
    this.plan.followViewer();
    render.keepCurrentObservers();
    addEventListener('hashchange', () => this.works.followHash());
    // After an update (a publish): back where the visitor stood, with the same work open; otherwise the address's work.
    if (!restorePlaceAfterUpdate(this.c, (id) => this.works.restore(id))) this.works.followHash();
    watchPublished(this.c);
    this.conservation.watchCuratorView(this.drawers);
    // The live twin loads in its own chunk once the visit is interactive; without a server it says so.
    void this.live.start();
    void gallery.media.then(async () => {
      await gallery.scene.whenReadyAsync();
      hideProgress();
      c.status.report({ media: 'done' });
      performance.mark('twin:media-done');
      render.request();
    });
  }

  /** Input anywhere on the page may change the view (walking, looking, a panel's controls): frames for it. */
  private watchForChanges(render: RenderOnDemand): void {
    const ask = () => render.request();
    for (const type of ['pointerdown', 'pointerup', 'click', 'input', 'change', 'keydown', 'keyup', 'wheel']) addEventListener(type, ask, { capture: true, passive: true });
    this.c.canvas.addEventListener('pointermove', ask, { passive: true });
    this.state.onChange(ask);
    document.addEventListener('visibilitychange', ask);
  }

  private labelText(a: Artwork) {
    const { locale } = this.c;
    const creator = locale.text(a.creator.name);
    return { title: locale.text(a.title), lines: [a.creator.lifeDates ? `${creator} (${a.creator.lifeDates})` : creator, locale.text(a.date), locale.text(a.medium)] };
  }
}
