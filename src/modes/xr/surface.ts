/**
 * A world-space GUI surface: a quad (facing +z, like the wall labels) carrying an `@babylonjs/gui`
 * AdvancedDynamicTexture, with named buttons the controller ray can press, and a way to find where a
 * named control sits in the world (tests aim the emulated controller at it).
 */
import { AdvancedDynamicTexture } from '@babylonjs/gui/2D/advancedDynamicTexture';
import { Button } from '@babylonjs/gui/2D/controls/button';
import { TextBlock } from '@babylonjs/gui/2D/controls/textBlock';
import { Rectangle } from '@babylonjs/gui/2D/controls/rectangle';
import { StackPanel } from '@babylonjs/gui/2D/controls/stackPanel';
import { Control } from '@babylonjs/gui/2D/controls/control';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { Mesh } from '@babylonjs/core/Meshes/mesh';
import type { Scene } from '@babylonjs/core/scene';
import { quad } from '../../scene/labels';

export const INK = '#f4efe6';
export const MUTED = '#c9bfb1';
export const ACCENT = '#ffb347';
export const FONT = 'Georgia, "Times New Roman", serif';
export const SANS = 'system-ui, Arial, sans-serif';

export class Surface {
  readonly mesh: Mesh;
  readonly ui: AdvancedDynamicTexture;
  private readonly named = new Map<string, Control>();
  /** The font size (texture pixels) each named control was given: every text on a surface comes through here. */
  private readonly sizes = new Map<string, number>();

  constructor(
    name: string,
    scene: Scene,
    readonly width: number,
    readonly height: number,
    readonly pxWidth: number,
    readonly pxHeight: number,
  ) {
    this.mesh = quad(name, width, height, scene);
    this.mesh.metadata = { kind: 'vr-ui' };
    this.mesh.isPickable = true;
    this.ui = AdvancedDynamicTexture.CreateForMesh(this.mesh, pxWidth, pxHeight, true, false);
    this.ui.background = 'transparent';
  }

  /**
   * Starts the surface afresh: everything on it goes, then a dark rounded card fills it, with one column of
   * `columnWidth` pixels from the top. Every world-space surface (panel, wrist menu, AR controls) is drawn on this.
   */
  card(name: string, opts: { columnWidth: number; cornerRadius: number; thickness: number; background?: string; top?: string }): StackPanel {
    const root = this.ui.rootContainer;
    for (const c of [...root.children]) c.dispose();
    const card = new Rectangle(`${name}-card`);
    card.background = opts.background ?? '#1f1c19f2';
    card.cornerRadius = opts.cornerRadius;
    card.thickness = opts.thickness;
    card.color = '#5a4d40';
    root.addControl(card);
    const col = new StackPanel(`${name}-column`);
    col.isVertical = true;
    col.width = `${opts.columnWidth}px`;
    if (opts.top) col.top = opts.top;
    col.verticalAlignment = Control.VERTICAL_ALIGNMENT_TOP;
    card.addControl(col);
    return col;
  }

  /** A horizontal row of `height` pixels added to `parent`. */
  row(parent: StackPanel, name: string, height: number): StackPanel {
    const r = new StackPanel(name);
    r.isVertical = false;
    r.height = `${height}px`;
    parent.addControl(r);
    return r;
  }

  /** Metres per texture pixel, at scale 1. */
  get metresPerPixel(): number {
    return this.width / this.pxWidth;
  }

  button(name: string, text: string, onPress: () => void, opts: { width?: string; height?: string; fontSize?: number; background?: string; color?: string } = {}): Button {
    const old = this.named.get(name);
    if (old) old.dispose();
    const b = Button.CreateSimpleButton(name, text);
    b.width = opts.width ?? '220px';
    b.height = opts.height ?? '72px';
    b.color = opts.color ?? INK;
    b.background = opts.background ?? '#3a332c';
    b.cornerRadius = 14;
    b.thickness = 2;
    b.fontFamily = SANS;
    b.fontSize = opts.fontSize ?? 30;
    b.paddingLeft = '6px';
    b.paddingRight = '6px';
    b.paddingTop = '4px';
    b.paddingBottom = '4px';
    b.hoverCursor = 'pointer';
    b.pointerEnterAnimation = () => (b.background = '#5a4d40');
    b.pointerOutAnimation = () => (b.background = opts.background ?? '#3a332c');
    b.onPointerUpObservable.add(() => onPress());
    this.named.set(name, b);
    this.sizes.set(name, opts.fontSize ?? 30);
    return b;
  }

  text(name: string, text: string, size: number, opts: { color?: string; bold?: boolean; font?: string; height?: string; wrap?: boolean } = {}): TextBlock {
    const t = new TextBlock(name, text);
    t.color = opts.color ?? INK;
    t.fontSize = size;
    t.fontFamily = opts.font ?? SANS;
    if (opts.bold) t.fontWeight = '600';
    t.textWrapping = opts.wrap ?? true;
    t.textHorizontalAlignment = TextBlock.HORIZONTAL_ALIGNMENT_LEFT;
    t.textVerticalAlignment = TextBlock.VERTICAL_ALIGNMENT_TOP;
    if (opts.height) t.height = opts.height;
    else t.resizeToFit = true;
    this.named.set(name, t);
    this.sizes.set(name, size);
    return t;
  }

  forget(name: string): void {
    this.named.delete(name);
    this.sizes.delete(name);
  }

  /** The smallest font size (texture pixels) among the texts now on the surface. */
  smallestTextPx(): number {
    let least = Infinity;
    for (const [name, size] of this.sizes) if (this.control(name)?.isVisible) least = Math.min(least, size);
    return least;
  }

  control(name: string): Control | undefined {
    const c = this.named.get(name);
    // A control taken out of the tree has no parent (the root container is the only parentless one).
    return c && (c.parent || c === this.ui.rootContainer) ? c : undefined;
  }

  /** Where a named control's centre is in the world, if it is laid out and visible. */
  controlPoint(name: string): [number, number, number] | undefined {
    const c = this.control(name);
    if (!c || !c.isVisible || !this.mesh.isEnabled()) return undefined;
    const size = this.ui.getSize();
    const u = c.centerX / size.width;
    const v = c.centerY / size.height;
    if (!(u > 0 && u < 1 && v > 0 && v < 1)) return undefined;
    const local = new Vector3((u - 0.5) * this.width, (0.5 - v) * this.height, 0);
    const p = Vector3.TransformCoordinates(local, this.mesh.computeWorldMatrix(true));
    return [p.x, p.y, p.z];
  }

  dispose(): void {
    this.ui.dispose();
    this.mesh.dispose(false, true);
  }
}
