/**
 * AR's world-space panel (no DOM overlay) gains the work's live conditions: a card just under the panel, turned and
 * scaled with it, with any alert at the work, its conditions now against its limits, and its light budget.
 */
import type { Mesh } from '@babylonjs/core/Meshes/mesh';
import type { Observer } from '@babylonjs/core/Misc/observable';
import type { LiveSnapshot } from '../../twin/live/contract';
import type { Scene } from '@babylonjs/core/scene';
import { lightBudgetParts } from '../../live/model';
import { alertText } from '../../ui/live-alerts';
import type { XrLocale } from '../xr/host';
import type { XrLiveFeed } from '../xr/live-feed';
import { ALERT_COLOUR, conditionLine, conditionQuantities } from '../xr/live-text';
import { MUTED, Surface } from '../xr/surface';

const W = 0.8;
const H = 0.4;

export class ArLiveCard {
  readonly surface: Surface;
  private id?: string;
  private key = '';
  private readonly observer: Observer<LiveSnapshot | undefined> | null | undefined;

  constructor(
    scene: Scene,
    /** The world panel's quad: the card hangs under it. */
    panel: Mesh,
    panelHeight: number,
    private readonly live: XrLiveFeed | undefined,
    private readonly locale: XrLocale,
  ) {
    this.surface = new Surface('ar-live-card', scene, W, H, 1024, 512);
    this.surface.mesh.parent = panel;
    this.surface.mesh.position.set(0, -(panelHeight / 2 + H / 2 + 0.02), 0);
    this.surface.mesh.setEnabled(false);
    this.observer = live?.onSnapshotChangedObservable.add(() => this.render());
  }

  /** Shows the card for the open work (undefined: none open, or the DOM overlay shows the panel). */
  show(id: string | undefined): void {
    this.id = id;
    this.key = '';
    this.render();
  }

  private render(): void {
    const w = this.id ? this.live?.snapshot?.artworks[this.id] : undefined;
    this.surface.mesh.setEnabled(!!w);
    if (!w || !this.live) return;
    const alerts = this.live.alertsAt(w.id);
    const key = JSON.stringify([w.id, alerts, Object.entries(w.values).map(([q, v]) => [q, v.value, v.stale]), w.lightBudget?.fractionUsed, this.locale.lang]);
    if (key === this.key) return;
    this.key = key;
    const { t, lang } = this.locale;
    const s = this.surface;
    const col = s.card('ar-live', { columnWidth: 960, cornerRadius: 24, thickness: 3, top: '20px' });
    col.addControl(s.text('live-card-title', t.liveConditions, 32, { bold: true, color: MUTED }));
    for (const a of alerts) col.addControl(s.text(`live-card-alert:${a.id}`, `⚠ ${t.alertAtWork}: ${alertText(a, t, lang)}`, 30, { bold: true, color: ALERT_COLOUR }));
    const now = new Date();
    for (const q of conditionQuantities(w)) col.addControl(s.text(`live-card-value:${q}`, conditionLine(w, q, this.locale, now), 28));
    if (w.lightBudget) {
      const b = lightBudgetParts(w.lightBudget, new Date(this.live.snapshot!.time), lang);
      col.addControl(s.text('live-card-budget', this.locale.fill(t.lightBudget, { percent: b.percent, date: b.date }), 28));
    }
  }

  dispose(): void {
    this.live?.onSnapshotChangedObservable.remove(this.observer ?? null);
    this.surface.dispose();
  }
}
