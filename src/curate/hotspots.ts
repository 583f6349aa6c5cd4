/**
 * A work's hotspots (annotations) in the curating view: each one's place on the work (across and up from its
 * centre, metres) and its title and text in every language side by side (bound to their Y.Text, so typing
 * merges); add and remove. The 3D stage shows them as blue dots on the selected work.
 */
import * as Y from 'yjs';
import { artworksMap } from '../twin/collab-doc';
import { addHotspot, placeHotspot, removeHotspot } from '../twin/curate-actions';
import { bindText, type TextBinding } from './text-binding';
import { t } from './strings';
import { el } from './dom';
import type { WorkPartOptions } from './work-part';

export type HotspotsOptions = WorkPartOptions;

export function openHotspots(o: HotspotsOptions): { element: HTMLElement; destroy(): void } {
  const { doc, workId, lang } = o;
  const work = artworksMap(doc).get(workId)!;
  const section = el('fieldset', { className: 'hotspots' }, el('legend', {}, t(lang, 'hotspots')));
  const list = el('ul', { className: 'hotspot-list' });
  const add = el('button', { type: 'button', disabled: !o.editable, id: 'add-hotspot' }, t(lang, 'addHotspot'));
  section.append(list, add);
  let bindings: TextBinding[] = [];

  const entries = () => {
    const a = work.get('annotations');
    return a instanceof Y.Array ? (a.toArray() as Y.Map<unknown>[]).filter((m) => m instanceof Y.Map) : [];
  };

  function render() {
    for (const b of bindings) b.destroy();
    bindings = [];
    list.replaceChildren(
      ...entries().map((m) => {
        const id = String(m.get('id'));
        const position = (m.get('position') as number[] | undefined) ?? [0, 0, 0];
        const li = el('li', { className: 'hotspot' });
        li.dataset.hotspot = id;
        const coord = (axis: 0 | 1, key: 'hotspotX' | 'hotspotY') => {
          const input = el('input', { type: 'number', step: '0.01', value: String(position[axis] ?? 0), readOnly: !o.editable });
          input.setAttribute('aria-label', t(lang, key, { id }));
          input.addEventListener('change', () => {
            const next = [...position] as [number, number, number];
            next[axis] = Number(input.value) || 0;
            placeHotspot(doc, workId, id, next, o.origin);
          });
          return input;
        };
        const remove = el('button', { type: 'button', disabled: !o.editable }, '✕');
        remove.setAttribute('aria-label', t(lang, 'removeHotspot', { id }));
        remove.addEventListener('click', () => removeHotspot(doc, workId, id, o.origin));
        li.append(el('span', { className: 'hotspot-id' }, id), ' ', coord(0, 'hotspotX'), ' ', coord(1, 'hotspotY'), ' ', remove);
        for (const field of ['title', 'text'] as const) {
          const texts = m.get(field);
          if (!(texts instanceof Y.Map)) continue;
          for (const l of o.languages) {
            const text = texts.get(l);
            if (!(text instanceof Y.Text)) continue;
            const input: HTMLInputElement | HTMLTextAreaElement = field === 'title' ? el('input', { type: 'text', readOnly: !o.editable }) : el('textarea', { rows: 2, readOnly: !o.editable });
            input.lang = l;
            input.setAttribute('aria-label', `${id}: ${t(lang, field === 'title' ? 'hotspotTitle' : 'hotspotText', { lang: l })}`);
            bindings.push(bindText(input, text, o.origin));
            li.append(input);
          }
        }
        return li;
      }),
    );
  }

  add.addEventListener('click', () => {
    const taken = new Set(entries().map((m) => String(m.get('id'))));
    let n = taken.size + 1;
    while (taken.has(`hotspot-${n}`)) n++;
    const words = Object.fromEntries(o.languages.map((l) => [l, l === 'it' ? 'Nuovo punto' : t(lang, 'newHotspot')]));
    addHotspot(doc, workId, { id: `hotspot-${n}`, position: [0, 0, 0], title: words, text: { ...words } }, o.origin);
  });

  // Hotspots added, removed or moved (by anyone) redraw the list; typing in their texts does not.
  const onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    if (events.some((e) => e.path[0] === 'annotations' && !e.path.includes('title') && !e.path.includes('text')) || events.some((e) => e.path.length === 0 && (e as Y.YMapEvent<unknown>).keysChanged?.has('annotations'))) render();
  };
  work.observeDeep(onChange);
  render();
  return {
    element: section,
    destroy() {
      work.unobserveDeep(onChange);
      for (const b of bindings) b.destroy();
    },
  };
}
