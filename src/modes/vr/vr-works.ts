/**
 * Works in VR: the one under the controller's ray highlights; the trigger (or a pinch) opens its world-space panel
 * beside it, which turns toward the visitor and grows to stay readable as they move, and closes once they walk
 * away; the open work's details are hotspots on it.
 */
import type { WebXRDefaultExperience } from '@babylonjs/core/XR/webXRDefaultExperience';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { Mesh } from '@babylonjs/core/Meshes/mesh';
import type { AbstractMesh } from '@babylonjs/core/Meshes/abstractMesh';
import { Observable } from '@babylonjs/core/Misc/observable';
import type { Vec3 } from '../../twin/schema';
import { pick } from '../../twin/text';
import { artworkIdOf, type SceneArtwork } from '../../scene/artworks';
import { panelFacing, panelPlacement, textPerMetre, type PanelSize } from '../xr/panel-logic';
import { PANEL_SIZE, WorldPanel } from '../xr/world-panel';
import { ACCENT } from '../xr/surface';
import { xrPanelContext, type XrHost } from '../xr/host';

export class VrWorks {
  /** A work's panel opened (its id) or closed (undefined). */
  readonly onPanelChangedObservable = new Observable<string | undefined>();
  readonly panel: WorldPanel;
  private hovered?: string;
  private highlighted: AbstractMesh[] = [];
  private selectedWork?: SceneArtwork;
  /** Where the open panel was put (its centre at scale 1) and the floor under it: it turns and grows from there. */
  private panelAnchor?: { anchor: Vec3; floorY: number };

  constructor(
    private readonly host: XrHost,
    private readonly xr: WebXRDefaultExperience,
    /** The floor under the visitor's feet, for a painting's panel. */
    private readonly floorY: () => number,
  ) {
    this.panel = new WorldPanel(
      host.gallery.scene,
      xrPanelContext(host, () => this.panel, () => this.closePanel(), (a, n) => this.focusHotspot(a, n)),
    );
    // The visit's favourites outlive this session's mode: the listener goes with the mode (dispose).
    this.stopFavourites = host.favourites?.onChange(() => this.panel.refresh());
  }

  private readonly stopFavourites: (() => void) | undefined;

  private get camera() {
    return this.xr.baseExperience.camera;
  }

  /** Every XR frame: the panel follows the visitor; the work under the ray highlights. */
  frame(): void {
    this.facePanel();
    this.hover();
  }

  /** The session ended: no highlight, no panel. */
  ended(): void {
    this.unhighlight();
    this.closePanel();
  }

  /** The trigger or a pinch on `mesh` (nothing: pointing away from any work). */
  select(mesh: AbstractMesh | null | undefined): void {
    if (mesh && (mesh.metadata as { kind?: string } | null)?.kind === 'vr-ui') return; // the GUI takes it
    const meta = mesh?.metadata as { annotationId?: string; artworkId?: string } | undefined;
    if (meta?.annotationId && meta.artworkId) {
      if (this.panel.artworkId !== meta.artworkId) this.openWork(meta.artworkId);
      this.panel.showAnnotation(meta.annotationId);
      this.focusHotspot(meta.artworkId, meta.annotationId);
      return;
    }
    const id = artworkIdOf(mesh);
    if (id) {
      this.openWork(id);
      return;
    }
    // Pointing away from any work and pulling the trigger closes the panel.
    this.closePanel();
  }

  openWork(id: string): void {
    const work = this.host.gallery.works.get(id);
    if (!work) return;
    if (this.selectedWork && this.selectedWork !== work) for (const h of this.selectedWork.hotspots) h.setEnabled(false);
    this.selectedWork = work;
    for (const h of work.hotspots) h.setEnabled(true);
    const eye = this.camera.position;
    const room = this.host.exhibition.space.rooms.find((r) => r.id === work.pose.room)?.polygon;
    const place = panelPlacement({
      work: work.pose,
      workWidth: work.artwork.dimensions.width + (work.artwork.kind === 'object' ? 0.3 : 0),
      floorY: work.artwork.kind === 'painting' ? this.floorY() : work.pose.position[1],
      viewer: [eye.x, eye.y, eye.z],
      room,
      panel: this.panelSize(),
    });
    const mesh = this.panel.surface.mesh;
    mesh.position.set(...place.centre);
    mesh.rotation.set(0, place.yaw, 0);
    mesh.scaling.setAll(place.scale);
    this.panelAnchor = { anchor: place.anchor, floorY: place.floorY };
    this.panel.open(work.artwork);
    this.host.setStatus({ selected: id, vrPanel: id });
    this.host.announce(pick(work.artwork.title, this.host.lang(), this.host.exhibition.defaultLanguage).text);
    this.onPanelChangedObservable.notifyObservers(id);
  }

  closePanel(): void {
    if (this.selectedWork) for (const h of this.selectedWork.hotspots) h.setEnabled(false);
    this.selectedWork = undefined;
    this.panelAnchor = undefined;
    if (!this.panel.artworkId) return;
    this.panel.close();
    this.host.setStatus({ selected: '', vrPanel: '' });
    this.onPanelChangedObservable.notifyObservers(undefined);
  }

  private focusHotspot(artworkId: string, annotationId: string | undefined): void {
    const work = this.host.gallery.works.get(artworkId);
    for (const s of work?.hotspots ?? []) s.scaling.setAll(s.metadata?.annotationId === annotationId ? 1.8 : 1);
  }

  /** The smallest text now on the panel, with its size, for readability. */
  private panelSize(): PanelSize {
    const px = this.panel.surface.smallestTextPx();
    return Number.isFinite(px) ? { ...PANEL_SIZE, smallestText: px * this.panel.surface.metresPerPixel } : PANEL_SIZE;
  }

  /** The open panel turns toward the visitor as they move, grows to stay readable, and closes once they walk away. */
  private facePanel(): void {
    if (!this.panel.artworkId || !this.panelAnchor) return;
    const eye = this.camera.position;
    const f = panelFacing({ ...this.panelAnchor, viewer: [eye.x, eye.y, eye.z], panel: this.panelSize() });
    if (!f.readable) {
      this.closePanel();
      return;
    }
    const mesh = this.panel.surface.mesh;
    mesh.position.set(...f.centre);
    mesh.rotation.set(0, f.yaw, 0);
    mesh.scaling.setAll(f.scale);
  }

  private hover(): void {
    let id: string | undefined;
    for (const c of this.xr.input.controllers) {
      const mesh = this.xr.pointerSelection.getMeshUnderPointer(c.uniqueId);
      id = artworkIdOf(mesh);
      if (id) break;
    }
    if (id === this.hovered) return;
    this.unhighlight();
    this.hovered = id;
    this.host.setStatus({ hovered: id ?? '' });
    const work = id ? this.host.gallery.works.get(id) : undefined;
    if (!work) return;
    for (const m of work.root.getChildMeshes(false)) {
      if (!(m instanceof Mesh) || !m.isPickable || !m.isEnabled() || (m.metadata as { annotationId?: string } | null)?.annotationId) continue;
      m.renderOverlay = true;
      m.overlayColor = Color3.FromHexString(ACCENT);
      m.overlayAlpha = 0.22;
      this.highlighted.push(m);
    }
  }

  private unhighlight(): void {
    for (const m of this.highlighted) m.renderOverlay = false;
    this.highlighted = [];
    this.hovered = undefined;
  }

  /** Where a hotspot of the open work (`hotspot:<work>:<annotation>`) is in the world. */
  hotspotPoint(name: string): Vec3 | undefined {
    const h = this.selectedWork?.hotspots.find((m) => m.name === name && m.isEnabled());
    if (!h) return undefined;
    const p = h.getAbsolutePosition();
    return [p.x, p.y, p.z];
  }

  /**
   * The open panel: what it shows, and how it stands toward the visitor: `facing` is the cosine between its
   * face and the direction to the eye in plan (1 = square on); `textPerMetre`, its smallest text's height per
   * metre of distance from the eye.
   */
  panelState() {
    if (!this.panel.artworkId) return undefined;
    const mesh = this.panel.surface.mesh;
    const eye = this.camera.position;
    const c = mesh.position;
    const toEye = [eye.x - c.x, eye.z - c.z];
    const plan = Math.hypot(toEye[0]!, toEye[1]!) || 1;
    const facing = (Math.sin(mesh.rotation.y) * toEye[0]! + Math.cos(mesh.rotation.y) * toEye[1]!) / plan;
    const distance = Vector3.Distance(eye, c);
    const textHeight = this.panelSize().smallestText * mesh.scaling.x;
    return {
      artworkId: this.panel.artworkId,
      title: this.panel.title,
      ...this.panel.state,
      scale: mesh.scaling.x,
      centre: [c.x, c.y, c.z] as Vec3,
      facing,
      distance,
      textHeight,
      textPerMetre: textPerMetre(textHeight, distance),
    };
  }

  dispose(): void {
    this.stopFavourites?.();
    this.unhighlight();
    this.panel.dispose();
  }
}
