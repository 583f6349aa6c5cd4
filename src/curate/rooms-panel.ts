/**
 * Rooms' finishes in the curating view: pick a room, change its floor and wall colours (the 3D stage shows the
 * change at once, to everyone). Each change is one edit (twin/curate-actions.ts) that the server checks
 * (twin/curate-edits.ts: a colour is #rrggbb).
 */
import * as Y from 'yjs';
import { exhibitionMap } from '../twin/collab-doc';
import { setRoomFinish } from '../twin/curate-actions';
import { t, type CurateLanguage } from './strings';

export interface RoomsPanelOptions {
  readonly root: HTMLElement;
  readonly doc: Y.Doc;
  readonly lang: CurateLanguage;
  readonly origin: object;
  readonly editable: boolean;
}

type RoomJson = { id: string; name?: Record<string, string>; floor?: { color?: string }; walls?: { color?: string } };

export function openRoomsPanel(o: RoomsPanelOptions): () => void {
  const { doc, lang } = o;
  const section = document.createElement('section');
  section.id = 'rooms';
  section.setAttribute('aria-labelledby', 'rooms-title');
  section.innerHTML = `<h2 id="rooms-title"></h2><label for="room-pick"></label><select id="room-pick"></select>
    <label for="floor-colour"></label><input id="floor-colour" type="color"><label for="wall-colour"></label><input id="wall-colour" type="color">`;
  const [title, pickLabel, , floorLabel, , wallLabel] = section.children as unknown as HTMLElement[];
  title!.textContent = t(lang, 'rooms');
  pickLabel!.textContent = t(lang, 'room');
  floorLabel!.textContent = t(lang, 'floorColour');
  wallLabel!.textContent = t(lang, 'wallColour');
  const picker = section.querySelector<HTMLSelectElement>('#room-pick')!;
  const floor = section.querySelector<HTMLInputElement>('#floor-colour')!;
  const walls = section.querySelector<HTMLInputElement>('#wall-colour')!;
  floor.disabled = walls.disabled = !o.editable;
  o.root.append(section);

  const space = () => (exhibitionMap(doc).get('space') as Y.Map<unknown> | undefined)?.toJSON() as { rooms: RoomJson[]; floor?: { color?: string }; walls?: { color?: string } } | undefined;
  function render() {
    const s = space();
    const rooms = s?.rooms ?? [];
    const current = picker.value || rooms[0]?.id;
    picker.replaceChildren(...rooms.map((r) => Object.assign(document.createElement('option'), { value: r.id, selected: r.id === current, textContent: r.name?.[lang] ?? r.name?.en ?? r.id })));
    const room = rooms.find((r) => r.id === current);
    floor.value = room?.floor?.color ?? s?.floor?.color ?? '#9a7b5a';
    walls.value = room?.walls?.color ?? s?.walls?.color ?? '#f1eee8';
  }
  picker.addEventListener('change', render);
  floor.addEventListener('change', () => setRoomFinish(doc, picker.value, 'floor', { color: floor.value }, o.origin));
  walls.addEventListener('change', () => setRoomFinish(doc, picker.value, 'walls', { color: walls.value }, o.origin));
  const onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    if (events.some((e) => e.path[0] === 'space')) render();
  };
  exhibitionMap(doc).observeDeep(onChange);
  render();
  return () => {
    exhibitionMap(doc).unobserveDeep(onChange);
    section.remove();
  };
}
