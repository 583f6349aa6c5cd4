/**
 * Works in AR: a tapped label opens its work in the page's own panel (`ArtworkPanel`: story, narration with
 * captions, annotations, ♡, sensitivity rules, animation play/pause) inside the WebXR DOM overlay, or, where the
 * browser has no DOM overlay, in the world-space panel beside the real work. Overlay animations play on the
 * registered twin node of the work (`OverlayPlayer`), i.e. on the real object.
 */
import type { WebXRCamera } from '@babylonjs/core/XR/webXRCamera';
import { Observable } from '@babylonjs/core/Misc/observable';
import { EYE_HEIGHT } from '../../twin/layout';
import type { Vec3 } from '../../twin/schema';
import { mayShow } from '../../twin/protocol';
import { ArtworkPanel, type PanelContext } from '../../ui/panel';
import { OverlayPlayer } from '../../scene/overlay';
import { panelPlacement } from '../xr/panel-logic';
import { PANEL_SIZE, WorldPanel } from '../xr/world-panel';
import { xrPanelContext, type XrLocale } from '../xr/host';
import { apply, invert } from './registration';
import type { ArHost } from './ar-mode';
import type { ArOccluders } from './occluders';
import type { Alignment } from './registration-flow';
import { ArLiveCard } from './live-card';

export interface IArWorksOptions {
  host: ArHost;
  locale: XrLocale;
  occluders: ArOccluders;
  camera: () => WebXRCamera;
  /** The registration in use, to place the world-space panel in twin coordinates. */
  registration: () => Alignment | undefined;
  /** The page's panel element inside the DOM overlay. */
  panelElement: HTMLElement;
}

export class ArWorks {
  /** A work was opened or closed, or its animation started or stopped: the HUD shows it. */
  readonly onChangedObservable = new Observable<void>();
  /** Whether this session has the DOM overlay (set when it starts). */
  domOverlay = false;
  openId?: string;
  readonly guiPanel: WorldPanel;
  /** The open work's live conditions, under the world-space panel. */
  readonly liveCard: ArLiveCard;
  private readonly domPanel: ArtworkPanel;
  private readonly players = new Map<string, OverlayPlayer>();

  constructor(private readonly o: IArWorksOptions) {
    const host = o.host;
    this.guiPanel = new WorldPanel(host.gallery.scene, xrPanelContext(host, () => this.guiPanel, () => this.closeWork(), () => undefined, 'ar'));
    this.guiPanel.surface.mesh.parent = o.occluders.root;
    this.liveCard = new ArLiveCard(host.gallery.scene, this.guiPanel.surface.mesh, PANEL_SIZE.height, host.live, o.locale);
    this.domPanel = new ArtworkPanel(o.panelElement, {
      close: () => this.closeWork(),
      openArtwork: (id) => this.openWork(id),
      toggleFavourite: (id) => void host.favourites?.toggle(id),
      acknowledgeAdvisory: (id) => {
        host.acknowledged.add(id);
        this.refresh();
      },
      focusAnnotation: () => undefined,
      toggleAnimation: (id) => this.toggleAnimation(id),
      copyLink: async () => false,
    });
    // The visit's favourites outlive this session's mode: the listener goes with the mode (dispose).
    this.stopFavourites = host.favourites?.onChange(() => this.refresh());
  }

  private readonly stopFavourites: (() => void) | undefined;

  openWork(id: string): void {
    const host = this.o.host;
    const work = host.gallery.works.get(id);
    if (!work) return;
    this.openId = id;
    if (this.domOverlay) {
      this.domPanel.show(work.artwork, this.domContext());
    } else {
      // Beside the real work, turned toward the visitor, placed in twin coordinates under the root.
      const r = this.o.registration();
      const camera = this.o.camera();
      const eye = camera.position;
      const viewerTwin = r ? apply(invert(r), [eye.x, eye.y, eye.z]) : ([eye.x, eye.y, eye.z] as Vec3);
      const room = host.exhibition.space.rooms.find((x) => x.id === work.pose.room)?.polygon;
      const place = panelPlacement({
        work: work.pose,
        workWidth: work.artwork.dimensions.width + (work.artwork.kind === 'object' ? 0.3 : 0),
        floorY: work.artwork.kind === 'painting' ? viewerTwin[1] - (camera.realWorldHeight || EYE_HEIGHT) : work.pose.position[1],
        viewer: viewerTwin,
        room,
        panel: PANEL_SIZE,
      });
      const mesh = this.guiPanel.surface.mesh;
      mesh.position.set(...place.centre);
      mesh.rotation.set(0, place.yaw, 0);
      mesh.scaling.setAll(place.scale);
      this.guiPanel.open(work.artwork);
      this.liveCard.show(id);
    }
    this.onChangedObservable.notifyObservers();
    host.setStatus({ selected: id, arPanel: id });
    host.announce(this.o.locale.text(work.artwork.title));
  }

  closeWork(): void {
    if (!this.openId) return;
    this.openId = undefined;
    this.guiPanel.close();
    this.liveCard.show(undefined);
    this.domPanel.hide();
    this.onChangedObservable.notifyObservers();
    this.o.host.setStatus({ selected: '', arPanel: '' });
  }

  private domContext(): PanelContext {
    const ctx = this.o.host.panelContext();
    return { ...ctx, hasAnimation: (id) => this.hasAnimation(id) };
  }

  private refresh(): void {
    if (this.domOverlay) this.domPanel.refresh(this.domContext());
    else this.guiPanel.refresh();
  }

  hasAnimation(id: string): boolean {
    const w = this.o.host.gallery.works.get(id);
    return !!w && mayShow(w.artwork, 'ar') && OverlayPlayer.available(w);
  }

  /** Whether the open work's animation plays now (false without one). */
  playing(id: string | undefined = this.openId): boolean {
    return id ? (this.players.get(id)?.playing ?? false) : false;
  }

  /** Plays or pauses a work's overlay animation on the real object (the twin's node, registered). */
  async toggleAnimation(id: string): Promise<boolean> {
    const host = this.o.host;
    const w = host.gallery.works.get(id);
    if (!w || !this.hasAnimation(id)) return false;
    let p = this.players.get(id);
    if (!p) this.players.set(id, (p = new OverlayPlayer(host.gallery.scene, w, host.resolveMedia)));
    const playing = await p.toggle();
    // A clip of the work's own model plays on that model: show it while it plays.
    if (!w.artwork.animation?.model) {
      for (const m of w.root.getChildMeshes(false)) if (m !== w.label.mesh && !(m.metadata as { annotationId?: string } | null)?.annotationId) m.setEnabled(playing);
    }
    this.o.occluders.buildWorkOccluders(playing ? id : undefined);
    host.setStatus({ arAnimation: playing ? `${id}:playing` : `${id}:paused` });
    this.onChangedObservable.notifyObservers();
    return playing;
  }

  /** The session ended: the panel closes, animations stop. */
  ended(): void {
    this.closeWork();
    for (const p of this.players.values()) if (p.playing) void p.toggle();
  }

  dispose(): void {
    this.ended();
    this.stopFavourites?.();
    this.liveCard.dispose();
    this.guiPanel.dispose();
  }
}
