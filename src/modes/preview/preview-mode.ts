/**
 * The pre-visit preview: a first-person walk through the gallery scene in any browser.
 * Click or tap a work to glide to it and open its story; tap the floor to walk there.
 */
import { PointerEventTypes } from '@babylonjs/core/Events/pointerEvents';
import type { AbstractMesh } from '@babylonjs/core/Meshes/abstractMesh';
import { Matrix, Vector3 } from '@babylonjs/core/Maths/math.vector';
import { centroid, headingToDir, pointInPolygon } from '../../twin/floorplan';
import { floorOf, insideWithMargin, viewpoint, EYE_HEIGHT } from '../../twin/layout';
import { roomAtHeight } from '../../twin/route/levels';
import type { Exhibition, Vec2, Vec3 } from '../../twin/schema';
import { artworkIdOf, type SceneArtwork } from '../../scene/artworks';
import type { Gallery } from '../../scene/gallery';
import { OverlayPlayer } from '../../scene/overlay';
import { VisitorCamera, type ViewerPose } from './visitor-camera';
import { TouchJoystick } from './touch-joystick';

export interface PreviewEvents {
  artworkPicked: (id: string) => void;
  annotationPicked: (artworkId: string, annotationId: string) => void;
}

export class PreviewMode {
  readonly visitor: VisitorCamera;
  private selected?: SceneArtwork;
  private readonly overlays = new Map<string, OverlayPlayer>();

  constructor(
    private readonly gallery: Gallery,
    private readonly exhibition: Exhibition,
    private readonly canvas: HTMLCanvasElement,
    private readonly fade: HTMLElement,
    private readonly events: PreviewEvents,
    private readonly reducedMotion: () => boolean,
  ) {
    const e = exhibition.entrance;
    this.visitor = new VisitorCamera(gallery.scene, canvas, { position: e.position, heading: e.heading }, reducedMotion);
    this.pointer();
    if (matchMedia('(pointer: coarse)').matches) {
      new TouchJoystick(document.getElementById('joystick')!, (x, y) => this.visitor.nudge(x * 0.6, -y, x * 0.4), gallery.scene);
    }
  }

  private pointer(): void {
    const scene = this.gallery.scene;
    let lastHover = 0;
    scene.onPointerObservable.add((info) => {
      if (info.type === PointerEventTypes.POINTERMOVE) {
        const now = performance.now();
        if (now - lastHover < 120) return;
        lastHover = now;
        const hit = scene.pick(scene.pointerX, scene.pointerY, (m) => m.isPickable && m.isEnabled() && m.isVisible);
        const mesh = hit?.pickedMesh;
        this.canvas.style.cursor = mesh && (artworkIdOf(mesh) || mesh.metadata?.kind === 'floor') ? 'pointer' : '';
        return;
      }
      if (info.type !== PointerEventTypes.POINTERTAP) return;
      if ((info.event as PointerEvent).button > 0) return;
      this.canvas.focus({ preventScroll: true });
      const hit = scene.pick(scene.pointerX, scene.pointerY, (m) => m.isPickable && m.isEnabled() && (m.isVisible || !!m.metadata?.annotationId));
      if (!hit?.hit || !hit.pickedMesh) return;
      this.handlePick(hit.pickedMesh, hit.pickedPoint);
    });
  }

  private handlePick(mesh: AbstractMesh, point: Vector3 | null): void {
    const meta = mesh.metadata as { annotationId?: string; artworkId?: string; kind?: string } | undefined;
    if (meta?.annotationId && meta.artworkId) return this.events.annotationPicked(meta.artworkId, meta.annotationId);
    const id = artworkIdOf(mesh);
    if (id) return this.events.artworkPicked(id);
    if (meta?.kind === 'floor' && point) this.visitor.walkTo([point.x, point.y, point.z]);
  }

  /** Moves to a good viewing position for the work: a glide within the room, a fade-cut beyond it. */
  async goToArtwork(id: string, covered: { right: number; bottom: number } = { right: 0, bottom: 0 }): Promise<void> {
    const work = this.gallery.works.get(id);
    if (!work) return;
    const vp = viewpoint(this.exhibition, work.artwork, work.pose);
    const sameRoom = work.pose.room !== undefined && work.pose.room === this.currentRoom();
    const { eye, target } = this.besidePanel(vp.eye, vp.target, covered.right, work.pose.room);
    await this.moveTo(eye, this.abovePanel(eye, target, covered.bottom), sameRoom);
  }

  /** When a bottom sheet covers the lower part of the view (phones), look down so the work shows above it. */
  private abovePanel(eye: Vec3, target: Vec3, coveredBottom: number): Vec3 {
    if (coveredBottom <= 0) return target;
    const dist = Math.hypot(target[0] - eye[0], target[2] - eye[2]);
    const drop = dist * Math.tan(this.visitor.camera.fov / 2) * Math.min(coveredBottom, 0.7);
    return [target[0], target[1] - drop, target[2]];
  }

  /**
   * When a panel covers the right part of the view, step sideways (still facing the work squarely)
   * so the work sits in the middle of what remains visible, stepping back a little so it still fits.
   * A negative share means the panel covers the left (right-to-left languages put it there).
   */
  private besidePanel(eye: Vec3, target: Vec3, coveredRight: number, roomId: string | undefined): { eye: Vec3; target: Vec3 } {
    if (coveredRight === 0) return { eye, target };
    const cam = this.visitor.camera;
    const engine = this.gallery.scene.getEngine();
    const aspect = engine.getRenderWidth() / Math.max(1, engine.getRenderHeight());
    const tanHalfH = Math.tan(cam.fov / 2) * aspect;
    const f = new Vector3(target[0] - eye[0], 0, target[2] - eye[2]);
    const d = f.length();
    if (d < 1e-3) return { eye, target };
    f.scaleInPlace(1 / d);
    const right = Vector3.Cross(f, Vector3.Up());
    const covered = Math.max(-0.6, Math.min(coveredRight, 0.6));
    const room = this.exhibition.space.rooms.find((r) => r.id === roomId);
    for (let back = 1 + Math.abs(covered); back >= 1; back -= 0.1) {
      const dist = d * back;
      const shift = dist * tanHalfH * covered;
      const e: Vec3 = [target[0] - f.x * dist + right.x * shift, eye[1], target[2] - f.z * dist + right.z * shift];
      if (!room || insideWithMargin([e[0], e[2]], room.polygon, 0.6)) {
        return { eye: e, target: [target[0] + right.x * shift, target[1], target[2] + right.z * shift] };
      }
    }
    return { eye, target };
  }

  /** Walks (or cuts, if in another room) to stand at a plan point, facing the way the visitor faced. */
  async goToPoint(at: Vec2, roomId: string): Promise<void> {
    const room = this.exhibition.space.rooms.find((r) => r.id === roomId);
    const target = room && pointInPolygon(at, room.polygon) ? at : room ? centroid(room.polygon) : at;
    if (roomId === this.currentRoom()) {
      this.visitor.walkTo([target[0], 0, target[1]]);
      return;
    }
    const d = headingToDir(this.visitor.pose().heading);
    const eye = floorOf(this.exhibition, room?.id) + EYE_HEIGHT;
    await this.moveTo([target[0], eye, target[1]], [target[0] + d[0], eye, target[1] + d[1]], false);
  }

  private async moveTo(eye: Vec3, target: Vec3, glide: boolean): Promise<void> {
    if (glide) return this.visitor.glide(eye, target);
    if (!this.reducedMotion()) {
      this.fade.classList.add('on');
      await sleep(260);
    }
    await this.visitor.glide(eye, target, 0);
    this.fade.classList.remove('on');
  }

  currentRoom(): string | undefined {
    const p = this.visitor.camera.position;
    return roomAtHeight(this.exhibition.space, [p.x, p.y, p.z])?.id;
  }

  pose(): ViewerPose {
    return this.visitor.pose();
  }

  /** Shows the selected work's annotation hotspots, hides the rest. */
  select(id: string | undefined): void {
    for (const h of this.selected?.hotspots ?? []) h.setEnabled(false);
    this.selected = id ? this.gallery.works.get(id) : undefined;
    for (const h of this.selected?.hotspots ?? []) h.setEnabled(true);
  }

  focusAnnotation(artworkId: string, annotationId: string): void {
    const work = this.gallery.works.get(artworkId);
    const spot = work?.hotspots.find((s) => s.metadata?.annotationId === annotationId);
    if (!spot || !work) return;
    for (const s of work.hotspots) s.scaling.setAll(s === spot ? 1.8 : 1);
  }

  hasAnimation(id: string): boolean {
    const work = this.gallery.works.get(id);
    return !!work && OverlayPlayer.available(work);
  }

  /** Plays or pauses the work's overlay animation; resolves to whether it now plays. */
  async toggleAnimation(id: string): Promise<boolean> {
    const work = this.gallery.works.get(id);
    if (!work || !OverlayPlayer.available(work)) return false;
    let player = this.overlays.get(id);
    if (!player) {
      player = new OverlayPlayer(this.gallery.scene, work, this.gallery.resolve);
      this.overlays.set(id, player);
    }
    return player.toggle();
  }

  /** Where a work appears on screen (for tests and for anchoring DOM callouts). */
  screenPoint(id: string): { x: number; y: number; visible: boolean } | undefined {
    const work = this.gallery.works.get(id);
    if (!work) return undefined;
    const scene = this.gallery.scene;
    const cam = this.visitor.camera;
    const engine = scene.getEngine();
    const centre = work.origin.getAbsolutePosition().clone();
    if (work.artwork.kind === 'object') centre.y += work.artwork.dimensions.height / 2;
    // The visitor camera's own matrices, not the scene's last transform (which another camera may have set since).
    const viewProjection = cam.getViewMatrix().multiply(cam.getProjectionMatrix(true));
    const p = Vector3.Project(centre, Matrix.IdentityReadOnly, viewProjection, cam.viewport.toGlobal(engine.getRenderWidth(), engine.getRenderHeight()));
    const rect = this.canvas.getBoundingClientRect();
    const sx = rect.width / engine.getRenderWidth();
    const sy = rect.height / engine.getRenderHeight();
    return { x: rect.left + p.x * sx, y: rect.top + p.y * sy, visible: p.z > 0 && p.z < 1 };
  }
}


const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
