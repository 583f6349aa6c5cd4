/**
 * The group on the floor plan: a dot per person present, with their name; the leader's in its own colour. The
 * layer is kept and only what changed is written: with 100 walking, a batch of presence comes four times a
 * second, and a layer of 300 new SVG elements each time was the page's style and layout work every batch.
 * Each person is a group (dot and name) placed by one `transform`: a page profile with 100 walking found that
 * writing the dot's and the label's coordinates (four attributes) restyled both and laid the label's text out
 * again, every batch — the group's largest main-thread cost, not seen by the NullEngine bench. A translate moves
 * the text without laying it out again.
 */
import type { ParticipantView, Presence } from '../twin/together/protocol';

const SVG = 'http://www.w3.org/2000/svg';

interface Dot {
  person: SVGGElement;
  dot: SVGCircleElement;
  title: SVGTitleElement;
  label: SVGTextElement;
  x: number;
  z: number;
  name: string;
  leader: boolean;
}

export class GroupDots {
  /** The floor plan's overlay (Minimap.setOverlay). */
  readonly layer: SVGGElement;
  private readonly dots = new Map<string, Dot>();

  constructor() {
    this.layer = document.createElementNS(SVG, 'g');
    this.layer.setAttribute('class', 'together-layer');
    this.layer.setAttribute('data-testid', 'together-dots');
  }

  /** Everyone present where their latest presence puts them; those gone, or away, lose their dot. */
  update(presence: ReadonlyMap<string, Presence>, people: readonly ParticipantView[], leader: string | undefined): void {
    const present = new Map<string, string>();
    for (const p of people) if (p.connected) present.set(p.id, p.name);
    for (const [id, p] of presence) {
      const name = present.get(id);
      if (name === undefined) continue;
      const d = this.dots.get(id) ?? this.add(id);
      if (d.x !== p.p[0] || d.z !== p.p[2]) {
        d.x = p.p[0];
        d.z = p.p[2];
        d.person.setAttribute('transform', `translate(${d.x.toFixed(2)} ${d.z.toFixed(2)})`);
      }
      if (d.name !== name) {
        d.name = name;
        d.title.textContent = name; // text nodes: names are never markup
        d.label.textContent = name;
      }
      if (d.leader !== (id === leader)) {
        d.leader = id === leader;
        d.dot.setAttribute('class', d.leader ? 'together-dot leader' : 'together-dot');
      }
    }
    for (const [id, d] of this.dots) {
      if (presence.has(id) && present.has(id)) continue;
      d.person.remove();
      this.dots.delete(id);
    }
  }

  private add(id: string): Dot {
    const person = document.createElementNS(SVG, 'g');
    const dot = document.createElementNS(SVG, 'circle');
    dot.setAttribute('r', '0.3');
    dot.setAttribute('class', 'together-dot');
    dot.setAttribute('data-person', id);
    const title = document.createElementNS(SVG, 'title');
    dot.append(title);
    const label = document.createElementNS(SVG, 'text');
    label.setAttribute('class', 'together-dot-label');
    // Beside the dot, in the person's own space (the group's transform places both).
    label.setAttribute('x', '0.4');
    label.setAttribute('y', '0.15');
    person.append(dot, label);
    this.layer.append(person);
    const d: Dot = { person, dot, title, label, x: NaN, z: NaN, name: '', leader: false };
    this.dots.set(id, d);
    return d;
  }
}
