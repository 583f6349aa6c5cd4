/** The group on the floor plan: a dot per person present, with their name; the leader's in its own colour. */
import type { ParticipantView, Presence } from '../twin/together/protocol';

const SVG = 'http://www.w3.org/2000/svg';

export function groupDots(presence: ReadonlyMap<string, Presence>, people: readonly ParticipantView[], leader: string | undefined): SVGGElement {
  const g = document.createElementNS(SVG, 'g');
  g.setAttribute('class', 'together-layer');
  g.setAttribute('data-testid', 'together-dots');
  for (const [id, p] of presence) {
    const person = people.find((x) => x.id === id);
    if (!person?.connected) continue;
    const dot = document.createElementNS(SVG, 'circle');
    dot.setAttribute('cx', p.p[0].toFixed(2));
    dot.setAttribute('cy', p.p[2].toFixed(2));
    dot.setAttribute('r', '0.3');
    dot.setAttribute('class', id === leader ? 'together-dot leader' : 'together-dot');
    dot.setAttribute('data-person', id);
    const title = document.createElementNS(SVG, 'title');
    title.textContent = person.name;
    dot.append(title);
    const label = document.createElementNS(SVG, 'text');
    label.setAttribute('x', (p.p[0] + 0.4).toFixed(2));
    label.setAttribute('y', (p.p[2] + 0.15).toFixed(2));
    label.setAttribute('class', 'together-dot-label');
    label.textContent = person.name; // a text node: names are never markup
    g.append(dot, label);
  }
  return g;
}
