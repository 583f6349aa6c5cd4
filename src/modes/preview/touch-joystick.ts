/** An on-screen joystick for touch screens: drag the knob to walk and turn. */
import type { Scene } from '@babylonjs/core/scene';

export class TouchJoystick {
  private vx = 0;
  private vy = 0;

  constructor(el: HTMLElement, apply: (x: number, y: number) => void, scene: Scene) {
    el.hidden = false;
    const knob = el.querySelector<HTMLElement>('.knob')!;
    const radius = 45;
    let pointer: number | undefined;
    const reset = () => {
      pointer = undefined;
      this.vx = this.vy = 0;
      knob.style.transform = '';
    };
    el.addEventListener('pointerdown', (e) => {
      pointer = e.pointerId;
      el.setPointerCapture(e.pointerId);
      e.preventDefault();
    });
    el.addEventListener('pointermove', (e) => {
      if (e.pointerId !== pointer) return;
      const r = el.getBoundingClientRect();
      let dx = e.clientX - (r.left + r.width / 2);
      let dy = e.clientY - (r.top + r.height / 2);
      const len = Math.hypot(dx, dy);
      if (len > radius) {
        dx = (dx / len) * radius;
        dy = (dy / len) * radius;
      }
      knob.style.transform = `translate(${dx}px, ${dy}px)`;
      this.vx = dx / radius;
      this.vy = dy / radius;
    });
    el.addEventListener('pointerup', reset);
    el.addEventListener('pointercancel', reset);
    scene.onBeforeRenderObservable.add(() => {
      if (this.vx || this.vy) apply(this.vx, this.vy);
    });
  }
}
