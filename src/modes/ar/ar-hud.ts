/**
 * AR's instructions and controls, drawn twice from one description: in the WebXR DOM overlay (phones), and on a
 * small world-space GUI bar floating low in front of the visitor where the browser has no DOM overlay. The
 * registration method buttons, the by-hand pad (held buttons repeat) and Confirm, Realign, ▶ Animation, Exit AR.
 */
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { Camera } from '@babylonjs/core/Cameras/camera';
import type { Scene } from '@babylonjs/core/scene';
import { h, clear } from '../../ui/dom';
import type { XrLocale } from '../xr/host';
import { MUTED, Surface } from '../xr/surface';
import type { RegistrationMethod } from './logic';
import type { ManualStep, Phase } from './registration-flow';

/** What the HUD shows now. */
export interface ArHudView {
  instruction: string;
  phase: Phase;
  methods: RegistrationMethod[];
  method: RegistrationMethod;
  methodName: (m: RegistrationMethod) => string;
  /** The open work's animation: its id and whether it plays; undefined without one. */
  animation?: { id: string; playing: boolean };
}

export interface IArHudOptions {
  scene: Scene;
  /** The DOM overlay's HUD element. */
  element: HTMLElement;
  locale: XrLocale;
  useMethod: (m: RegistrationMethod) => void;
  adjust: (step: ManualStep) => void;
  confirm: () => void;
  realign: () => void;
  toggleAnimation: (id: string) => void;
  exit: () => void;
}

export class ArHud {
  /** The GUI fallback (no DOM overlay). */
  readonly surface: Surface;
  private repeat?: ReturnType<typeof setInterval>;

  constructor(private readonly o: IArHudOptions) {
    this.surface = new Surface('ar-hud', o.scene, 0.36, 0.27, 720, 540);
    this.surface.mesh.setEnabled(false);
  }

  render(v: ArHudView): void {
    const t = this.o.locale.t;
    const o = this.o;
    const text = v.instruction;
    const animLabel = v.animation ? (v.animation.playing ? t.arPause : t.arPlay) : '';
    const adjusting = v.phase === 'adjusting';
    const steps = [
      ['turn-left', t.arTurnLeft],
      ['turn-right', t.arTurnRight],
      ['left', t.arSlideLeft],
      ['right', t.arSlideRight],
      ['away', t.arSlideAway],
      ['nearer', t.arSlideNearer],
    ] as const;
    // DOM overlay (phones).
    const dom = o.element;
    clear(dom);
    const button = (cls: string, label: string, act: () => void, attrs: Record<string, string> = {}) => {
      const b = h('button', { type: 'button', class: cls, ...attrs }, label);
      b.addEventListener('click', act);
      return b;
    };
    dom.append(h('p', { class: 'ar-instruction', role: 'status' }, text));
    if (v.methods.length > 1) {
      const group = h('div', { class: 'ar-methods', role: 'group', 'aria-label': t.arMethods });
      for (const m of v.methods) group.append(button(`ar-method ar-method-${m}`, v.methodName(m), () => o.useMethod(m), { 'aria-pressed': String(m === v.method), 'data-method': m }));
      dom.append(group);
    }
    if (adjusting) {
      const pad = h('div', { class: 'ar-adjust', role: 'group', 'aria-label': t.arAdjustOutline });
      for (const [step, label] of steps) pad.append(this.repeatingButton(`ar-step ar-step-${step}`, label, () => o.adjust(step)));
      pad.append(button('ar-confirm', t.arConfirm, () => o.confirm()));
      dom.append(pad);
    }
    const row = h('div', { class: 'ar-controls' });
    row.append(button('ar-realign', t.arRealign, () => o.realign()), button('ar-exit', t.arExit, () => o.exit()));
    dom.append(row);
    // GUI fallback.
    const s = this.surface;
    for (const name of ['animation', 'confirm', ...steps.map(([step]) => `step:${step}`), ...(['points', 'marker', 'manual'] as const).map((m) => `method:${m}`)]) s.forget(name);
    const col = s.card('hud', { columnWidth: 690, cornerRadius: 20, thickness: 2, background: '#1f1c19e0' });
    col.addControl(s.text('instruction', text, 26, { height: '130px', wrap: true }));
    if (v.methods.length > 1) {
      const methods = s.row(col, 'hud-methods', 84);
      for (const m of v.methods) {
        methods.addControl(s.button(`method:${m}`, v.methodName(m), () => o.useMethod(m), { width: '220px', height: '72px', fontSize: 24, background: m === v.method ? '#35607a' : undefined }));
      }
    }
    if (adjusting) {
      const pad = s.row(col, 'hud-adjust', 84);
      for (const [step, label] of steps) pad.addControl(s.button(`step:${step}`, label, () => o.adjust(step), { width: '112px', height: '72px', fontSize: 20 }));
      const ok = s.row(col, 'hud-confirm', 84);
      ok.addControl(s.button('confirm', t.arConfirm, () => o.confirm(), { width: '300px', height: '72px', fontSize: 26, background: '#35607a' }));
    }
    const buttons = s.row(col, 'hud-row', 84);
    buttons.addControl(s.button('realign', t.arRealign, () => o.realign(), { width: '220px', height: '72px', fontSize: 26 }));
    if (animLabel && v.animation) {
      const id = v.animation.id;
      buttons.addControl(s.button('animation', animLabel, () => o.toggleAnimation(id), { width: '220px', height: '72px', fontSize: 26, background: '#6b4f1d' }));
    }
    buttons.addControl(s.button('exit', t.arExit, () => o.exit(), { width: '220px', height: '72px', fontSize: 26, background: '#5b2a24' }));
    if (!adjusting) col.addControl(s.text('hint', v.phase === 'registered' ? t.arTapLabel : '', 22, { color: MUTED, height: '50px' }));
  }

  /** A DOM button that steps once per tap, and keeps stepping while held (turning a whole room by 1° taps is slow). */
  private repeatingButton(cls: string, label: string, step: () => void): HTMLButtonElement {
    const b = h('button', { type: 'button', class: cls }, label) as HTMLButtonElement;
    let held = false;
    b.addEventListener('pointerdown', (e) => {
      held = true;
      step();
      this.stopRepeat();
      let n = 0;
      // A short pause before repeating, so a tap is one step.
      this.repeat = setInterval(() => {
        if (++n > 4) step();
      }, 80);
      b.setPointerCapture?.(e.pointerId);
    });
    const release = () => this.stopRepeat();
    b.addEventListener('pointerup', release);
    b.addEventListener('pointercancel', release);
    b.addEventListener('lostpointercapture', release);
    // A click that followed a pointerdown has stepped already; a keyboard or synthetic click steps once.
    b.addEventListener('click', () => {
      if (held) held = false;
      else step();
    });
    return b;
  }

  stopRepeat(): void {
    if (this.repeat) clearInterval(this.repeat);
    this.repeat = undefined;
  }

  /** The GUI fallback's controls float low in front of the visitor. */
  place(cam: Camera): void {
    const f = cam.getDirection(Vector3.Forward(this.o.scene.useRightHandedSystem));
    const flat = new Vector3(f.x, 0, f.z);
    if (flat.lengthSquared() < 1e-6) flat.set(0, 0, -1);
    flat.normalize();
    const m = this.surface.mesh;
    m.position.set(cam.position.x + flat.x * 0.6, cam.position.y - 0.3, cam.position.z + flat.z * 0.6);
    // The quad faces +z: turn it toward the visitor.
    m.rotation.set(0.35, Math.atan2(-flat.x, -flat.z), 0);
  }

  dispose(): void {
    this.stopRepeat();
    this.surface.dispose();
  }
}
