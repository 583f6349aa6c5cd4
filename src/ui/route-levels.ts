/**
 * The floor plan's level switcher, for a building of more than one level: one button per level (the exhibition's
 * own level names); the plan then shows that level's rooms and works and the stretch of the route on it. The
 * minimap draws every room it is given, so the switcher marks the other levels' rooms, names and works (found by
 * the minimap's `data-room` and `data-artwork`) with `other-level`, which route-panel.css hides.
 */
import { h } from './dom';

export interface LevelChoice {
  id: string;
  name: string;
}

export class LevelSwitcher {
  readonly element: HTMLElement;
  private current: string;

  constructor(
    private levels: LevelChoice[],
    label: string,
    private readonly map: HTMLElement,
    private readonly contents: (level: string) => { rooms: ReadonlySet<string>; works: ReadonlySet<string> },
    private readonly changed: (level: string) => void,
  ) {
    this.current = levels[0]!.id;
    this.element = h('div', { class: 'route-levels', role: 'group', 'aria-label': label });
    this.render();
    this.apply();
  }

  get level(): string {
    return this.current;
  }

  select(level: string): void {
    if (level === this.current || !this.levels.some((l) => l.id === level)) return;
    this.current = level;
    this.render();
    this.apply();
    this.changed(level);
  }

  /** The level names in another language. */
  relabel(levels: LevelChoice[], label: string): void {
    this.levels = levels;
    this.element.setAttribute('aria-label', label);
    this.render();
  }

  /** Hides the other levels' rooms, room names and works on the plan (again after the plan is drawn anew). */
  apply(): void {
    const { rooms, works } = this.contents(this.current);
    for (const poly of this.map.querySelectorAll<SVGElement>('[data-room]')) {
      const other = !rooms.has(poly.getAttribute('data-room') ?? '');
      poly.classList.toggle('other-level', other);
      // The room's name is drawn right after its outline.
      const name = poly.nextElementSibling;
      if (name?.classList.contains('room-name')) name.classList.toggle('other-level', other);
    }
    for (const dot of this.map.querySelectorAll<SVGElement>('circle.work[data-artwork]')) dot.classList.toggle('other-level', !works.has(dot.getAttribute('data-artwork') ?? ''));
  }

  private render(): void {
    this.element.replaceChildren(
      ...this.levels.map((l) => h('button', { type: 'button', 'aria-pressed': String(l.id === this.current), 'data-level': l.id, onclick: () => this.select(l.id) }, l.name)),
    );
  }
}
