/**
 * 360° photographs in the preview: choosing a viewpoint marker (a click or tap on it, or its button) walks the
 * visitor to where the photo was taken and cross-fades the twin into the photograph; looking around works as
 * before. "Back to the twin", or walking away from the spot, cross-fades back.
 */
import { PointerEventTypes } from '@babylonjs/core/Events/pointerEvents';
import type { Observer } from '@babylonjs/core/Misc/observable';
import type { Camera } from '@babylonjs/core/Cameras/camera';
import { headingToDir, roomAt } from '../../twin/floorplan';
import { EYE_HEIGHT } from '../../twin/layout';
import type { Exhibition } from '../../twin/schema';
import { headingTowards } from '../../twin/panorama';
import { panoramaIdOf, type PanoramaView } from '../../scene/panorama-view';
import type { PreviewMode } from './preview-mode';

/** Walking this far (plan metres) from where the photo was taken leaves it: the photo no longer matches the view. */
export const LEAVE_DISTANCE = 0.35;

export class PanoramaPreview {
  private watch?: Observer<Camera>;
  private going = 0;

  constructor(
    private readonly view: PanoramaView,
    private readonly preview: PreviewMode,
    private readonly exhibition: Exhibition,
    /** False while VR or AR has the scene: their own modes handle picks. */
    private readonly enabled: () => boolean,
    private readonly changed: () => void,
  ) {
    const scene = preview.visitor.camera.getScene();
    scene.onPointerObservable.add((info) => {
      if (info.type !== PointerEventTypes.POINTERTAP || !this.enabled()) return;
      if ((info.event as PointerEvent).button > 0) return;
      const hit = scene.pick(scene.pointerX, scene.pointerY, (m) => m.isPickable && m.isEnabled() && m.isVisible);
      const id = panoramaIdOf(hit?.pickedMesh);
      if (id) void this.go(id);
    });
  }

  /** The panorama the visitor stands in, if any. */
  get shown(): string | undefined {
    return this.view.shown?.id;
  }

  /** Walks to the spot where the photograph was taken, facing the way the visitor walks, and cross-fades into it. */
  async go(id: string): Promise<void> {
    const entry = this.view.get(id);
    if (!entry) return;
    const ticket = ++this.going;
    this.stopWatching();
    const { panorama, room } = entry;
    const visitor = this.preview.visitor;
    const from = visitor.pose();
    const at = panorama.position;
    const far = Math.hypot(at[0] - from.position[0], at[1] - from.position[2]);
    const heading = far > 0.2 ? headingTowards([from.position[0], from.position[2]], at) : from.heading;
    const d = headingToDir(heading);
    const eye: [number, number, number] = [at[0], EYE_HEIGHT, at[1]];
    const sameRoom = roomAt(this.exhibition.space.rooms, [from.position[0], from.position[2]])?.id === room;
    if (this.view.shown) await this.view.hide();
    await visitor.glide(eye, [at[0] + d[0], EYE_HEIGHT, at[1] + d[1]], sameRoom ? 1.1 : 0);
    if (ticket !== this.going) return;
    await this.view.show(id, { heading, pitch: 0 });
    if (ticket !== this.going) return;
    this.watchFor(at);
    this.changed();
  }

  /** Cross-fades back to the twin where the visitor stands. */
  async back(): Promise<void> {
    this.going++;
    this.stopWatching();
    await this.view.hide();
    this.changed();
  }

  /** Leaves the photograph at once (entering VR or AR: the immersive mode shows its own). */
  close(): void {
    this.going++;
    this.stopWatching();
    this.view.close();
    this.changed();
  }

  /** Walking away from the spot leaves the photograph. */
  private watchFor(at: readonly [number, number]): void {
    const cam = this.preview.visitor.camera;
    this.watch = cam.onViewMatrixChangedObservable.add(() => {
      const p = cam.position;
      if (Math.hypot(p.x - at[0], p.z - at[1]) > LEAVE_DISTANCE) void this.back();
    });
  }

  private stopWatching(): void {
    if (this.watch) this.preview.visitor.camera.onViewMatrixChangedObservable.remove(this.watch);
    this.watch = undefined;
  }
}
