import { DynamicTexture } from '@babylonjs/core/Materials/Textures/dynamicTexture';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { Mesh } from '@babylonjs/core/Meshes/mesh';
import { VertexData } from '@babylonjs/core/Meshes/mesh.vertexData';
import type { Scene } from '@babylonjs/core/scene';
import type { AbstractMesh } from '@babylonjs/core/Meshes/abstractMesh';

export interface LabelText {
  title: string;
  lines: string[];
}

const PX_PER_M = 2000;
/** Printed card: matte, as bright as paper in ordinary gallery light. */
const PAPER = new Color3(0.97, 0.96, 0.94);

/**
 * A wall label's type, in metres on the card: a museum's order and weights (title in a serif, the maker, date and
 * medium below it in a sans, a rule between), but sized for a screen, not for print: the title is read from
 * 1.5 m on a 1080-pixel-high view at the preview's field of view with about 20 pixels to a letter (a printed
 * label's 7 mm title would get 6). Pure, for tests.
 */
export function labelType(width: number, height: number): { pad: number; title: number; body: number; rule: number } {
  return { pad: width * 0.07, title: height * 0.15, body: height * 0.1, rule: Math.max(height * 0.006, 0.0008) };
}

/** A w×h rectangle centred on the origin, facing +z (toward the visitor), u along +x. */
export function quad(name: string, w: number, h: number, scene: Scene): Mesh {
  const vd = new VertexData();
  vd.positions = [-w / 2, -h / 2, 0, w / 2, -h / 2, 0, w / 2, h / 2, 0, -w / 2, h / 2, 0];
  vd.normals = [0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1];
  vd.uvs = [0, 0, 1, 0, 1, 1, 0, 1];
  // Wound for a right-handed scene, whose front faces are the other way round from Babylon's default.
  vd.indices = [0, 2, 1, 0, 3, 2];
  const m = new Mesh(name, scene);
  vd.applyToMesh(m);
  return m;
}

/** Each label's card mesh to its label, for the gallery's look (which meets the meshes as rooms are built). */
const LABELS = new WeakMap<AbstractMesh, WallLabel>();

/** The wall label a card mesh belongs to, if it is one. */
export function labelOf(mesh: AbstractMesh): WallLabel | undefined {
  return LABELS.get(mesh);
}

/**
 * A printed wall label: a small card whose text is drawn to a texture (never parsed as markup).
 * The texture is made only when the label is first near the visitor (`wake`): a thousand works
 * do not cost a thousand canvases at start.
 */
export class WallLabel {
  readonly mesh: Mesh;
  private texture?: DynamicTexture;
  private text?: LabelText;
  private readonly material: StandardMaterial;

  constructor(
    private readonly name: string,
    private readonly scene: Scene,
    readonly width = 0.32,
    readonly height = 0.2,
  ) {
    this.mesh = quad(name, width, height, scene);
    const mat = new StandardMaterial(`${name}-mat`, scene);
    // Printed card: matte, as bright as the room lets paper be, whatever the lights (no shader lighting to run).
    mat.disableLighting = true;
    mat.emissiveColor = PAPER.clone();
    mat.specularColor = Color3.Black();
    this.material = mat;
    this.mesh.material = mat;
    LABELS.set(this.mesh, this);
  }

  /**
   * The card in its room's light: 1 is paper in ordinary gallery light; less in a dim room (a 50 lx cabinet), so
   * the card is no brighter than the room lets paper be and does not read as lit from within.
   */
  setLight(level: number): void {
    this.material.emissiveColor = PAPER.scale(Math.min(Math.max(level, 0), 1));
  }

  /** Whether its text is drawn yet. */
  get awake(): boolean {
    return this.texture !== undefined;
  }

  /** Makes the texture and draws the text (once the label is near). */
  wake(): void {
    if (this.texture) return;
    this.texture = new DynamicTexture(`${this.name}-text`, { width: this.width * PX_PER_M, height: this.height * PX_PER_M }, this.scene, true);
    // Unlit, Babylon's standard shader draws emissive colour × diffuse texture (an emissive texture would be
    // added to the colour, washing the text out to a blank card).
    this.material.diffuseTexture = this.texture;
    if (this.text) this.paint(this.text);
  }

  /** Lets its texture go while it cannot be seen for a while (AR hides the twin); `wake()` draws it again. */
  sleep(): void {
    if (!this.texture) return;
    this.material.diffuseTexture = null;
    this.texture.dispose();
    this.texture = undefined;
  }

  /** The text the label shows (or will, once drawn). */
  get current(): LabelText | undefined {
    return this.text;
  }

  draw(text: LabelText): void {
    this.text = text;
    if (this.texture) this.paint(text);
  }

  private paint(text: LabelText): void {
    const ctx = this.texture!.getContext() as CanvasRenderingContext2D;
    const w = this.width * PX_PER_M;
    const h = this.height * PX_PER_M;
    const type = labelType(this.width, this.height);
    const pad = type.pad * PX_PER_M;
    ctx.fillStyle = '#f7f5f0';
    ctx.fillRect(0, 0, w, h);
    // The card's edge, as a mounted label's thin shadow line reads on the wall.
    ctx.strokeStyle = '#d9d4ca';
    ctx.lineWidth = Math.max(2, type.rule * PX_PER_M);
    ctx.strokeRect(0, 0, w, h);
    ctx.fillStyle = '#1d1b18';
    ctx.textBaseline = 'top';
    let y = pad;
    const titleSize = Math.round(type.title * PX_PER_M);
    ctx.font = `italic 600 ${titleSize}px Georgia, 'Times New Roman', serif`;
    for (const line of wrap(ctx, text.title, w - 2 * pad).slice(0, 2)) {
      ctx.fillText(line, pad, y);
      y += titleSize * 1.15;
    }
    y += titleSize * 0.2;
    ctx.fillStyle = '#8a8377';
    ctx.fillRect(pad, y, Math.min(w - 2 * pad, titleSize * 2), Math.max(2, type.rule * PX_PER_M));
    y += titleSize * 0.4;
    const bodySize = Math.round(type.body * PX_PER_M);
    ctx.font = `${bodySize}px 'Helvetica Neue', Arial, sans-serif`;
    ctx.fillStyle = '#3d3934';
    for (const [i, l] of text.lines.filter(Boolean).entries()) {
      // The maker's line first and in bold, as a museum's label sets it.
      ctx.font = `${i === 0 ? '600 ' : ''}${bodySize}px 'Helvetica Neue', Arial, sans-serif`;
      for (const line of wrap(ctx, l, w - 2 * pad).slice(0, 2)) {
        if (y + bodySize > h - pad / 2) break;
        ctx.fillText(line, pad, y);
        y += bodySize * 1.25;
      }
    }
    this.texture!.update(true);
  }
}

function wrap(ctx: CanvasRenderingContext2D, text: string, max: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (ctx.measureText(next).width > max && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}
