/**
 * The immersive modes, wired by the app (ui/ never imports modes/): the "Enter VR" and "Enter AR" buttons,
 * what each mode gets of the visit (its host), and the way back to the preview. Modes report the visit's state
 * into VisitState; their own details go to `#status` as reports.
 */
import { mediaUrl } from '../twin/load';
import { EYE_HEIGHT } from '../twin/layout';
import { byId } from '../ui/dom';
import { VrButton } from '../modes/vr/vr-button';
import { ArButton } from '../modes/ar/ar-button';
import { PhoneGuide } from '../modes/ar/phone-guide';
import { supportsQuickLook } from '../modes/ar/quick-look';
import type { ArHost } from '../modes/ar/ar-mode';
import { liveFeedFor } from '../modes/xr/live-feed';
import type { VrExit, VrHost, XrHost } from '../modes/vr/vr-mode';
import type { VisitContext } from './context';
import type { WorksManager } from './works';
import type { TourManager } from './tours';
import type { FloorPlanManager } from './floor-plan';

const STATE_KEYS = new Set(['mode', 'selected', 'tour', 'tourStop']);

export class ImmersiveManager {
  vr?: VrButton;
  ar?: ArButton;
  /** The in-gallery guide where `?ar` finds no WebXR AR (an iPhone: with AR Quick Look). */
  guide?: PhoneGuide;

  constructor(
    private readonly c: VisitContext,
    private readonly works: WorksManager,
    private readonly tours: TourManager,
    private readonly plan: FloorPlanManager,
    private readonly setAlwaysRender: (on: boolean) => void,
  ) {
    c.locale.onChange(() => {
      this.vr?.render();
      this.ar?.render();
    });
    c.state.onChange('mode', (ch) => this.setAlwaysRender(ch.value !== 'preview'));
  }

  /** Creates both buttons (each checks its support; the mode itself loads on the first press). */
  start(): void {
    const { c } = this;
    this.vr = new VrButton(byId<HTMLButtonElement>('vr-button'), byId('vr-note'), () => c.locale.t, () => this.vrHost(), this.setStatus);
    void this.vr.init();
    this.ar = new ArButton(byId<HTMLButtonElement>('ar-button'), byId('ar-note'), () => c.locale.t, () => this.arHost(), (d) => {
      this.setStatus(d);
      // Media held for AR (`?ar`) loads once the preview is what the visitor has: no AR here, or it failed.
      if ((d.ar !== undefined && d.ar !== 'supported') || d.xr === 'failed') c.gallery?.loadMedia();
      if (d.ar !== undefined && d.ar !== 'supported' && new URLSearchParams(location.search).has('ar')) this.showGuide();
    });
    void this.ar.init();
  }

  /** The phone guide (works near you, their panels, AR Quick Look on iPhone) for `?ar` without WebXR AR. */
  private showGuide(): void {
    const { c } = this;
    if (this.guide || !c.gallery || !c.preview) return;
    const scene = c.gallery.scene;
    this.guide = new PhoneGuide({
      exhibition: c.ex,
      t: () => c.locale.t,
      text: (m) => c.locale.text(m),
      position: () => c.preview!.pose().position,
      onMoved: (f) => scene.onAfterRenderObservable.add(f),
      selected: () => c.state.selected,
      onSelected: (f) => c.state.onChange('selected', f),
      onLanguage: (f) => c.locale.onChange(f),
      open: (id) => void this.works.open(id),
      resolveMedia: (p) => mediaUrl(c.loaded.url, p),
      engine: c.engine,
      quickLook: supportsQuickLook(),
      page: () => location.href,
    });
    byId('main').append(...this.guide.elements);
    c.status.report({ phoneGuide: this.guide.quickLook ? 'quick-look' : 'guide' });
  }

  /** Whether an immersive session is showing (the preview ignores picks then). */
  get active(): boolean {
    return !!(this.vr?.active || this.ar?.active);
  }

  /** The running WebXR session, VR's or AR's. */
  session(): XRSession | undefined {
    return this.vr?.current?.xrSession ?? this.ar?.current?.xrSession;
  }

  /**
   * What the modes write to `#status`: the visit's state (`mode`, `selected`, `tour`/`tourStop`) goes into
   * VisitState (which writes it out), the rest is a report.
   */
  private readonly setStatus = (data: Record<string, string>): void => {
    const { state, status } = this.c;
    const origin = state.mode === 'ar' || data.mode === 'ar' ? 'ar' : 'vr';
    if (data.xr === 'starting') this.setAlwaysRender(true);
    if (data.xr === 'failed' || data.xr === 'ended') this.setAlwaysRender(state.mode !== 'preview' && data.mode !== 'preview');
    const report: Record<string, string> = {};
    for (const [k, v] of Object.entries(data)) if (!STATE_KEYS.has(k)) report[k] = v;
    status.report(report);
    if (data.selected !== undefined) state.select(data.selected || undefined, origin);
    if (data.tour !== undefined || data.tourStop !== undefined) {
      const id = data.tour ?? state.tour?.id ?? '';
      state.setTour(id ? { id, index: Number(data.tourStop ?? state.tour?.index ?? 0) } : undefined, origin);
    }
    if (data.mode === 'preview' || data.mode === 'vr' || data.mode === 'ar') state.setMode(data.mode, data.mode === 'preview' ? origin : data.mode);
  };

  /** What both immersive modes share of the visit. */
  private xrHost(): XrHost {
    const { c } = this;
    const host = {
      gallery: c.gallery!,
      exhibition: c.ex,
      lang: () => c.locale.lang,
      t: () => c.locale.t,
      locale: c.locale,
      state: c.state,
      report: c.status.report,
      requestRender: c.requestRender,
      favourites: c.favourites,
      acknowledged: c.acknowledged,
      resolveMedia: (p: string) => mediaUrl(c.loaded.url, p),
      setStatus: this.setStatus,
      announce: c.status.announce,
      // Published by the live view (src/app/live-view.ts) for the same visit.
      live: liveFeedFor(c),
    };
    return host;
  }

  private arHost(): ArHost {
    return {
      ...this.xrHost(),
      panelContext: () => ({ ...this.works.panelContext(), mode: 'ar' }),
      overlay: byId('ar-overlay'),
      exited: () => {
        this.c.status.announce(this.c.locale.t.vrExited);
        this.c.gallery?.loadMedia();
      },
    };
  }

  private vrHost(): VrHost {
    return {
      ...this.xrHost(),
      startPose: () => this.c.preview!.pose(),
      tour: () => this.c.state.tour,
      exited: (r) => this.vrExited(r),
    };
  }

  /** Back from VR: the preview stands where the visitor reached, with their tour and open work. */
  private vrExited(r: VrExit): void {
    const { c } = this;
    const v = c.preview!.visitor;
    v.stop();
    // Drop any movement the preview camera queued while VR was drawing (it does not update then).
    v.camera.cameraDirection.setAll(0);
    v.camera.cameraRotation.setAll(0);
    v.camera.position.set(r.pose.position[0], r.pose.position[1] + EYE_HEIGHT, r.pose.position[2]);
    v.face(r.pose.heading);
    this.tours.restore(r.tour);
    const art = r.selected ? c.ex.artworks.find((a) => a.id === r.selected) : undefined;
    if (art) {
      this.works.restore(art.id);
      this.plan.minimap?.setSelected(art.id);
    }
    c.status.announce(c.locale.t.vrExited);
    c.requestRender();
  }
}
