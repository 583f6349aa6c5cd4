/**
 * Rooms' finishes and lighting in the curating view: pick a room, change its floor and wall colours (the 3D stage
 * shows the change at once, to everyone), its use and its general light in lux (the format's room lighting, which
 * the visitor's 3D view follows). Each change is one edit (twin/curate-actions.ts) that the server checks
 * (twin/curate-edits.ts: a colour is #rrggbb, the light 0–100,000 lx).
 */
import * as Y from 'yjs';
import { exhibitionMap } from '../twin/collab-doc';
import { setRoomFinish, setRoomLighting } from '../twin/curate-actions';
import { ROOM_USES } from '../twin/schema';
import { t, type CurateLanguage } from './strings';

export interface RoomsPanelOptions {
  readonly root: HTMLElement;
  readonly doc: Y.Doc;
  readonly lang: CurateLanguage;
  readonly origin: object;
  readonly editable: boolean;
}

type RoomJson = { id: string; name?: Record<string, string>; floor?: { color?: string }; walls?: { color?: string }; lighting?: { use?: string; illuminance?: number } };

export function openRoomsPanel(o: RoomsPanelOptions): () => void {
  const { doc, lang } = o;
  const section = document.createElement('section');
  section.id = 'rooms';
  section.setAttribute('aria-labelledby', 'rooms-title');
  section.innerHTML = `<h2 id="rooms-title"></h2><label for="room-pick"></label><select id="room-pick"></select>
    <label for="floor-colour"></label><input id="floor-colour" type="color"><label for="wall-colour"></label><input id="wall-colour" type="color">
    <fieldset class="lighting"><legend></legend><label for="room-use"></label><select id="room-use"></select>
    <label for="room-lux"></label><input id="room-lux" type="number" min="0" max="100000" step="10" aria-describedby="room-lux-hint"><small id="room-lux-hint"></small>
    <p class="error" id="room-lighting-error" role="alert"></p></fieldset>`;
  const [title, pickLabel, , floorLabel, , wallLabel] = section.children as unknown as HTMLElement[];
  title!.textContent = t(lang, 'rooms');
  pickLabel!.textContent = t(lang, 'room');
  floorLabel!.textContent = t(lang, 'floorColour');
  wallLabel!.textContent = t(lang, 'wallColour');
  const picker = section.querySelector<HTMLSelectElement>('#room-pick')!;
  const floor = section.querySelector<HTMLInputElement>('#floor-colour')!;
  const walls = section.querySelector<HTMLInputElement>('#wall-colour')!;
  const use = section.querySelector<HTMLSelectElement>('#room-use')!;
  const lux = section.querySelector<HTMLInputElement>('#room-lux')!;
  const lightingError = section.querySelector<HTMLElement>('#room-lighting-error')!;
  section.querySelector('.lighting legend')!.textContent = t(lang, 'lighting');
  section.querySelector('label[for=room-use]')!.textContent = t(lang, 'roomUse');
  section.querySelector('label[for=room-lux]')!.textContent = t(lang, 'illuminance');
  section.querySelector('#room-lux-hint')!.textContent = t(lang, 'illuminanceHint');
  use.append(...['', ...ROOM_USES].map((u) => Object.assign(document.createElement('option'), { value: u, textContent: t(lang, `use_${u || 'auto'}` as 'use_auto') })));
  floor.disabled = walls.disabled = use.disabled = lux.disabled = !o.editable;
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
    use.value = room?.lighting?.use ?? '';
    if (document.activeElement !== lux) lux.value = room?.lighting?.illuminance === undefined ? '' : String(room.lighting.illuminance);
  }
  /** The room's lighting from the two fields; a light the format cannot hold is named here, not sent. */
  function setLighting() {
    const value = lux.value.trim() === '' ? undefined : Number(lux.value);
    if (value !== undefined && !(Number.isFinite(value) && value >= 0 && value <= 100_000)) {
      lightingError.textContent = t(lang, 'editRefused', { reason: 'the light must be between 0 and 100,000 lx' });
      return;
    }
    lightingError.textContent = '';
    setRoomLighting(doc, picker.value, { use: use.value || undefined, illuminance: value }, o.origin);
  }
  use.addEventListener('change', setLighting);
  lux.addEventListener('change', setLighting);
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
