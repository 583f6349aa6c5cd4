/**
 * VR's wrist menu: a world-space surface above the left hand (or floating low on the left without one) with
 * the tour (its stop, previous/next, end) or the tours to start, the live twin's page (live-page.ts), the comfort
 * settings, and Exit VR. B / Y hide and show it.
 */
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { WebXRDefaultExperience } from '@babylonjs/core/XR/webXRDefaultExperience';
import type { Scene } from '@babylonjs/core/scene';
import type { Exhibition, Tour } from '../../twin/schema';
import type { XrLocale } from '../xr/host';
import { faceToward } from '../xr/panel-logic';
import { MUTED, Surface } from '../xr/surface';
import type { XrLiveFeed } from '../xr/live-feed';
import { ALERT_COLOUR } from '../xr/live-text';
import { activeAlerts, livePageKey, renderLivePage } from './live-page';

/** What the menu shows and what its buttons do. */
export interface IVrWristMenuOptions {
  exhibition: Exhibition;
  locale: XrLocale;
  tour: () => { tour: Tour; index: number } | undefined;
  settings: () => { snapAngle: number; smooth: boolean; seated: boolean };
  startTour: (id: string) => void;
  stepTour: (delta: number) => void;
  endTour: () => void;
  nextSnap: () => void;
  toggleSmooth: () => void;
  toggleSeated: () => void;
  exit: () => void;
  /** The live twin, when the app has one: the menu gains its *Live* page. */
  live?: XrLiveFeed;
  /** The work whose panel is open (the Live page shows its conditions). */
  openWork?: () => string | undefined;
}

export class VrWristMenu {
  readonly surface: Surface;
  private hidden = false;
  /** Which page shows: the tours and settings, or the live twin's conditions and alerts. */
  page: 'main' | 'live' = 'main';
  /** What was last drawn of the live twin (livePageKey). */
  private liveKey = '';

  constructor(
    private readonly scene: Scene,
    private readonly xr: WebXRDefaultExperience,
    private readonly options: IVrWristMenuOptions,
  ) {
    // 0.5 mm a texture pixel, as before the Live button made it taller.
    this.surface = new Surface('vr-menu', scene, 0.3, 0.39, 600, 780);
    this.surface.mesh.setEnabled(false);
  }

  /** Shows it (unless the visitor hid it) while `on`. */
  show(on: boolean): void {
    this.surface.mesh.setEnabled(on && !this.hidden);
  }

  toggle(active: boolean): void {
    this.hidden = !this.hidden;
    this.surface.mesh.setEnabled(!this.hidden && active);
  }

  /** Above the left wrist, turned toward the eyes; without a left hand or controller, floating low on the left. */
  place(): void {
    if (this.hidden) return;
    const camera = this.xr.baseExperience.camera;
    const left = this.xr.input.controllers.find((c) => c.inputSource.handedness === 'left');
    const anchor = left?.grip ?? left?.pointer;
    const eye = camera.position;
    const m = this.surface.mesh;
    if (anchor) {
      const p = anchor.getAbsolutePosition();
      m.position.set(p.x, p.y + 0.22, p.z);
    } else {
      const f = camera.getDirection(Vector3.Forward(this.scene.useRightHandedSystem));
      const flat = new Vector3(f.x, 0, f.z).normalize();
      const leftDir = new Vector3(flat.z, 0, -flat.x);
      m.position.set(eye.x + flat.x * 0.55 + leftDir.x * 0.3, eye.y - 0.45, eye.z + flat.z * 0.55 + leftDir.z * 0.3);
    }
    m.rotation.set(0, faceToward([m.position.x, m.position.z], [eye.x, eye.z]), 0);
  }

  render(): void {
    const o = this.options;
    const loc = o.locale;
    const t = loc.t;
    const s = this.surface;
    const ex = o.exhibition;
    this.liveKey = this.currentLiveKey();
    const col = s.card('menu', { columnWidth: 560, cornerRadius: 24, thickness: 3, top: '16px' });
    const wide = { width: '560px', height: '78px', fontSize: 30 };
    const txt = (m: Parameters<XrLocale['text']>[0]) => loc.text(m);
    if (this.page === 'live' && o.live) {
      renderLivePage(s, col, { exhibition: ex, locale: loc, snapshot: o.live.snapshot, openWork: o.openWork?.(), back: () => this.showPage('main') });
      return;
    }
    const current = o.tour();
    if (current) {
      const { tour, index } = current;
      const stop = tour.stops[index]!;
      const art = ex.artworks.find((a) => a.id === stop.artwork);
      col.addControl(s.text('tour-title', `${txt(tour.title)} · ${loc.fill(t.tourStop, { i: index + 1, n: tour.stops.length })}`, 28, { color: MUTED, height: '80px' }));
      col.addControl(s.text('tour-work', art ? txt(art.title) : stop.artwork, 32, { bold: true, height: '90px' }));
      const row = s.row(col, 'tour-row', 90);
      row.addControl(s.button('tour:previous', `‹ ${t.previous}`, () => o.stepTour(-1), { width: '270px', height: '80px', fontSize: 28 }));
      row.addControl(s.button('tour:next', `${t.vrNextStop} ›`, () => o.stepTour(1), { width: '290px', height: '80px', fontSize: 28, background: '#6b4f1d' }));
      col.addControl(s.button('tour:end', t.endTour, () => o.endTour(), wide));
    } else {
      col.addControl(s.text('tours-title', t.tours, 30, { bold: true, color: MUTED, height: '56px' }));
      for (const tour of ex.tours.slice(0, 3)) col.addControl(s.button(`tour:${tour.id}`, `▶ ${txt(tour.title)}`, () => o.startTour(tour.id), wide));
      if (!ex.tours.length) col.addControl(s.text('no-tours', '—', 28, { color: MUTED, height: '60px' }));
    }
    if (o.live) {
      // The number of active alerts on the button itself, so a conservator sees one without opening the page.
      const n = activeAlerts(o.live.snapshot).length;
      col.addControl(s.button('live', n ? `⚠ ${t.live} (${n})` : t.live, () => this.showPage('live'), { ...wide, color: n ? ALERT_COLOUR : undefined }));
    }
    const { snapAngle, smooth, seated } = o.settings();
    col.addControl(s.button('snap', loc.fill(t.vrSnapTurn, { n: snapAngle }), () => o.nextSnap(), wide));
    col.addControl(s.button('smooth', loc.fill(t.vrSmooth, { state: smooth ? t.vrOn : t.vrOff }), () => o.toggleSmooth(), wide));
    col.addControl(s.button('seated', loc.fill(t.vrSeated, { state: seated ? t.vrOn : t.vrOff }), () => o.toggleSeated(), wide));
    col.addControl(s.button('exit', t.vrExit, () => o.exit(), { ...wide, background: '#5b2a24' }));
  }

  /** A new snapshot or another open work: redraws only if what the menu shows of it changed. */
  refreshLive(): void {
    if (this.currentLiveKey() !== this.liveKey) this.render();
  }

  private currentLiveKey(): string {
    return livePageKey(this.page, this.options.live?.snapshot, this.options.openWork?.());
  }

  showPage(page: 'main' | 'live'): void {
    this.page = page;
    this.render();
  }

  dispose(): void {
    this.surface.dispose();
  }
}
