/**
 * The group's name boards: the names above the nearest heads (src/app/together-avatars.ts chooses whose), all
 * drawn at once. Each name is a cell of one texture, shown by a sprite of one Babylon SpriteManager (sprites face
 * the viewer by themselves): the names on show cost one draw call and one texture, and a frame writes nothing but
 * their positions. A board per name was a mesh, a material and a texture each: 16 of each, every frame, for a
 * class of 100. Names are drawn as text on a canvas, never as markup.
 */
import { DynamicTexture } from '@babylonjs/core/Materials/Textures/dynamicTexture';
import { Texture } from '@babylonjs/core/Materials/Textures/texture';
import type { Matrix } from '@babylonjs/core/Maths/math.vector';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { Sprite } from '@babylonjs/core/Sprites/sprite';
import { SpriteManager } from '@babylonjs/core/Sprites/spriteManager';
import type { Scene } from '@babylonjs/core/scene';

/** A cell of the names' texture (px): wide enough to read a name at arm's length in a headset. */
const CELL_W = 384;
const CELL_H = 72;
const COLUMNS = 2;
/** A board's size in the world (m), and its height above the head's centre. */
const BOARD_W = 0.8;
const BOARD_H = 0.15;
const ABOVE = 0.3;

export class GroupNames {
  private readonly texture: DynamicTexture;
  private readonly ctx: CanvasRenderingContext2D;
  private readonly manager: SpriteManager;
  private readonly boards: Sprite[] = [];
  private readonly free: number[] = [];
  private readonly at = new Vector3();
  /** A cell was drawn since the texture was last sent to the GPU. */
  private drawn = false;

  /** `cells`: how many names may be held at once (shown, or kept hidden to be shown again without redrawing). */
  constructor(scene: Scene, cells: number) {
    const rows = Math.ceil(cells / COLUMNS);
    // Not flipped: a sprite sheet's first row is its top (as Babylon loads sprite sheets); bilinear, no mipmaps
    // (a cell's neighbours would bleed into it at small mip levels).
    this.texture = new DynamicTexture('together-names', { width: CELL_W * COLUMNS, height: CELL_H * rows }, scene, false, Texture.BILINEAR_SAMPLINGMODE, undefined, false);
    this.texture.hasAlpha = true;
    this.ctx = this.texture.getContext() as CanvasRenderingContext2D;
    this.manager = new SpriteManager('together-names', '', cells, { width: CELL_W, height: CELL_H }, scene, 0.01, Texture.BILINEAR_SAMPLINGMODE);
    this.manager.texture = this.texture;
    this.manager.isPickable = false;
    for (let i = 0; i < cells; i++) {
      const s = new Sprite(`together-name-${i}`, this.manager);
      s.cellIndex = i;
      s.width = BOARD_W;
      s.height = BOARD_H;
      s.isVisible = false;
      // Babylon's sprites turn a cell's u round in a right-handed scene (the gallery's): read the right way round.
      s.invertU = scene.useRightHandedSystem;
      this.boards.push(s);
      this.free.push(cells - 1 - i);
    }
  }

  /** A board with `name` drawn on it (hidden until {@link place}d), or undefined when all are in use. */
  claim(name: string): number | undefined {
    const cell = this.free.pop();
    if (cell === undefined) return undefined;
    const x = (cell % COLUMNS) * CELL_W;
    const y = Math.floor(cell / COLUMNS) * CELL_H;
    const ctx = this.ctx;
    ctx.clearRect(x, y, CELL_W, CELL_H);
    ctx.fillStyle = 'rgba(0,0,0,0.6)';
    ctx.fillRect(x, y, CELL_W, CELL_H);
    ctx.fillStyle = '#fff';
    ctx.font = '600 39px sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(name, x + CELL_W / 2, y + CELL_H / 2 + 1, CELL_W - 12);
    this.drawn = true;
    return cell;
  }

  release(cell: number): void {
    this.boards[cell]!.isVisible = false;
    this.free.push(cell);
  }

  /** Shows or hides a board, above a head at (x, y, z) in the group's space (`world`: that space's world matrix). */
  place(cell: number, shown: boolean, x: number, y: number, z: number, world: Matrix | undefined): void {
    const s = this.boards[cell]!;
    s.isVisible = shown;
    if (!shown) return;
    if (world) Vector3.TransformCoordinatesFromFloatsToRef(x, y + ABOVE, z, world, this.at);
    else this.at.set(x, y + ABOVE, z);
    s.position.copyFrom(this.at);
  }

  /** The names drawn since the last frame go to the GPU: one upload for all of them. */
  flush(): void {
    if (!this.drawn) return;
    this.drawn = false;
    this.texture.update(false);
  }

  /** All boards drawn or none (the page bench's blocks without the group), the shown ones kept as they are. */
  setShown(on: boolean): void {
    this.manager.layerMask = on ? 0x0fffffff : 0; // Babylon's default mask, or no camera's
  }

  /** The boards on show, where they are (for the tests). */
  shown(): Vector3[] {
    return this.boards.filter((s) => s.isVisible).map((s) => s.position.clone());
  }

  /** The manager disposes its texture with it. */
  dispose(): void {
    this.manager.dispose();
  }
}
