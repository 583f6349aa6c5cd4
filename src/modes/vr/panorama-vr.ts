/**
 * 360° photographs in VR: pointing at a viewpoint marker and pulling the trigger moves the visitor to where the
 * photo was taken (the VR mode's fade through black) and cross-fades the twin into the photograph around them.
 * A "Back to the 3D twin" button floats in front of them; pointing at it (or teleporting away) cross-fades back.
 * One per VR session: made when the session starts, gone with it.
 */
import { PointerEventTypes } from '@babylonjs/core/Events/pointerEvents';
import { DynamicTexture } from '@babylonjs/core/Materials/Textures/dynamicTexture';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { CreatePlane } from '@babylonjs/core/Meshes/Builders/planeBuilder';
import type { Mesh } from '@babylonjs/core/Meshes/mesh';
import type { Observer } from '@babylonjs/core/Misc/observable';
import type { PointerInfo } from '@babylonjs/core/Events/pointerEvents';
import type { Scene } from '@babylonjs/core/scene';
import { headingToDir } from '../../twin/floorplan';
import { panoramaIdOf, type PanoramaView } from '../../scene/panorama-view';
import type { VrMode } from './vr-mode';

/** Teleporting this far (plan metres) from where the photo was taken leaves it. */
const LEAVE_DISTANCE = 0.5;
const BUTTON = { width: 0.56, height: 0.14, distance: 1.1, height_above_floor: 1.15 };

export class PanoramaVr {
  private readonly scene: Scene;
  private pointer?: Observer<PointerInfo>;
  private frame?: Observer<Scene>;
  private button?: Mesh;
  private at?: readonly [number, number];
  private going = 0;

  constructor(
    private readonly view: PanoramaView,
    private readonly vr: VrMode,
    /** The button's words, in the visitor's language. */
    private readonly backLabel: () => string,
    private readonly changed: () => void,
  ) {
    this.scene = view.scene;
    this.pointer = this.scene.onPointerObservable.add((info) => {
      if (!vr.active || info.type !== PointerEventTypes.POINTERDOWN) return;
      const mesh = info.pickInfo?.hit ? info.pickInfo.pickedMesh : null;
      if ((mesh?.metadata as { kind?: string } | null)?.kind === 'panorama-back') return void this.back();
      const id = panoramaIdOf(mesh);
      if (id) void this.go(id);
    });
    vr.onExitedObservable.addOnce(() => this.dispose());
  }

  get shown(): string | undefined {
    return this.view.shown?.id;
  }

  /** Where the back button is in the world (for tests to aim at), while it shows. */
  backPoint(): [number, number, number] | undefined {
    const p = this.button?.isEnabled() ? this.button.getAbsolutePosition() : undefined;
    return p ? [p.x, p.y, p.z] : undefined;
  }

  async go(id: string): Promise<void> {
    const entry = this.view.get(id);
    const me = this.vr.viewer();
    if (!entry || !me) return;
    const ticket = ++this.going;
    this.at = undefined;
    if (this.view.shown) await this.view.hide();
    const { panorama } = entry;
    const heading = me.heading;
    await this.vr.moveTo({ position: [panorama.position[0], me.position[1], panorama.position[1]], heading });
    if (ticket !== this.going) return;
    this.placeButton(panorama.position, me.position[1], heading);
    await this.view.show(id, { heading, pitch: 0 });
    if (ticket !== this.going) return;
    this.at = panorama.position;
    this.frame ??= this.scene.onAfterRenderObservable.add(() => this.watch());
    this.changed();
  }

  async back(): Promise<void> {
    this.going++;
    this.at = undefined;
    this.button?.setEnabled(false);
    await this.view.hide();
    this.changed();
  }

  /** Teleporting away from the spot leaves the photograph. */
  private watch(): void {
    if (!this.at) return;
    const me = this.vr.viewer();
    if (me && Math.hypot(me.position[0] - this.at[0], me.position[2] - this.at[1]) > LEAVE_DISTANCE) void this.back();
  }

  /** The way back floats in front of the visitor, a little below the eyes, over the photograph. */
  private placeButton(at: readonly [number, number], floorY: number, heading: number): void {
    if (!this.button) this.button = this.makeButton();
    const d = headingToDir(heading);
    const b = this.button;
    b.position.set(at[0] + d[0] * BUTTON.distance, floorY + BUTTON.height_above_floor, at[1] + d[1] * BUTTON.distance);
    // Turned toward the visitor: in this right-handed scene the text then reads the right way round.
    b.lookAt(new Vector3(at[0], b.position.y, at[1]));
    b.setEnabled(true);
  }

  private makeButton(): Mesh {
    const plane = CreatePlane('panorama-back', { width: BUTTON.width, height: BUTTON.height, sideOrientation: 2 }, this.scene);
    const tex = new DynamicTexture('panorama-back-text', { width: 1024, height: 256 }, this.scene, true);
    const ctx = tex.getContext() as CanvasRenderingContext2D;
    ctx.fillStyle = '#1d4ed8';
    ctx.fillRect(0, 0, 1024, 256);
    ctx.fillStyle = '#ffffff';
    ctx.font = 'bold 88px sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(`← ${this.backLabel()}`, 512, 132, 980);
    tex.update();
    const mat = new StandardMaterial('panorama-back-mat', this.scene);
    mat.disableLighting = true;
    mat.emissiveTexture = tex;
    mat.diffuseColor = Color3.Black();
    mat.backFaceCulling = false;
    plane.material = mat;
    // Over the photograph, as the hotspots are.
    plane.renderingGroupId = 1;
    plane.metadata = { kind: 'panorama-back' };
    plane.isPickable = true;
    return plane;
  }

  /** The session ended: back to the twin, and nothing of this session left on the scene. */
  dispose(): void {
    this.going++;
    this.view.close();
    if (this.pointer) this.scene.onPointerObservable.remove(this.pointer);
    if (this.frame) this.scene.onAfterRenderObservable.remove(this.frame);
    this.pointer = this.frame = undefined;
    this.button?.material?.dispose(true, true);
    this.button?.dispose();
    this.button = undefined;
    this.changed();
  }
}
