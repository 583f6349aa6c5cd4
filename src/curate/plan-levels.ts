/**
 * Levels in the curating view: a draft whose building has more than one floor shows one level at a time, on the
 * floor plan and in the 3D stage (rooms one above another share their outline, so drawn together they hide each
 * other), as the visitor's floor plan does. A switch above the plan picks the level; choosing a work on another
 * level (in the list, or a colleague's pick followed) goes to its level. A work in no room (moved far off) is shown
 * on every level, so it can still be picked and moved back.
 */
import type * as Y from 'yjs';
import { exhibitionMap } from '../twin/collab-doc';
import { docReader } from '../twin/curate-edits';
import { levelsOf, roomElevations, roomLevels } from '../twin/route/levels';
import type { Level, Space } from '../twin/schema';
import { t, type CurateLanguage } from './strings';

type Rooms = Pick<Space, 'rooms'> & { levels?: Level[] };

/** The levels to switch between, lowest first; none when the building has one (nothing to switch). */
export function switchableLevels(space: Rooms | undefined): Level[] {
  if (!space) return [];
  const levels = levelsOf(space);
  return levels.length > 1 ? [...levels].sort((a, b) => a.elevation - b.elevation) : [];
}

/** The rooms shown on a level (all of them when the level is undefined: a building of one floor). */
export function roomsOnLevel<S extends Rooms>(space: S, level: string | undefined): S['rooms'] {
  if (level === undefined) return space.rooms;
  const levels = roomLevels(space);
  return space.rooms.filter((r) => levels.get(r.id) === level) as S['rooms'];
}

/** Whether a work in `room` (undefined: in no room) is shown on the level. */
export function shownOnLevel(space: Rooms, room: string | undefined, level: string | undefined): boolean {
  return level === undefined || room === undefined || roomLevels(space).get(room) === level;
}

/** The level a room is on, for following a work picked elsewhere; undefined for no room. */
export function levelOfRoom(space: Rooms, room: string | undefined): string | undefined {
  return room === undefined ? undefined : roomLevels(space).get(room);
}

/** How high the level's floor stands (m): the stage draws the level shown at ground height, so drags stay as they are. */
export function levelElevation(space: Rooms, level: string | undefined): number {
  if (level === undefined) return 0;
  const room = space.rooms.find((r) => roomLevels(space).get(r.id) === level);
  return room ? (roomElevations(space).get(room.id) ?? 0) : (levelsOf(space).find((l) => l.id === level)?.elevation ?? 0);
}

export interface LevelSwitch {
  /** The level shown; undefined while the building has one. */
  readonly level: string | undefined;
  /** Shows this level (a work picked on it); an unknown id changes nothing. */
  show(level: string | undefined): void;
  destroy(): void;
}

export interface LevelSwitchOptions {
  readonly root: HTMLElement;
  /** The switch goes before this child of root (default: at the end). */
  readonly before?: Element | null;
  readonly doc: Y.Doc;
  readonly lang: CurateLanguage;
  /** The level shown changed (by the switch, a pick, or the draft's levels changing). */
  readonly onChange: (level: string | undefined) => void;
}

/**
 * A group of radio buttons, one per level, named in the view's language (the keyboard moves between them with the
 * arrows, as for any radio group). Hidden for a building of one floor; rebuilt when the draft's levels change.
 */
export function openLevelSwitch(o: LevelSwitchOptions): LevelSwitch {
  const fieldset = document.createElement('fieldset');
  fieldset.className = 'plan-levels';
  const legend = document.createElement('legend');
  legend.textContent = t(o.lang, 'levelSwitch');
  o.root.insertBefore(fieldset, o.before ?? null);
  let level: string | undefined;
  let drawnKey = '';

  const name = (l: Level) => l.name[o.lang] ?? l.name.en ?? Object.values(l.name)[0] ?? l.id;
  function render() {
    const levels = switchableLevels(docReader(o.doc).space());
    const before = level;
    if (!levels.some((l) => l.id === level)) level = levels[0]?.id;
    const key = JSON.stringify([levels.map((l) => [l.id, name(l)]), level]);
    if (key !== drawnKey) {
      drawnKey = key;
      fieldset.hidden = levels.length === 0;
      fieldset.replaceChildren(
        legend,
        ...levels.map((l) => {
          const input = Object.assign(document.createElement('input'), { type: 'radio', name: 'plan-level', value: l.id, checked: l.id === level });
          input.addEventListener('change', () => input.checked && show(l.id));
          const label = document.createElement('label');
          label.append(input, ` ${name(l)}`);
          return label;
        }),
      );
    }
    if (level !== before) o.onChange(level);
  }
  function show(id: string | undefined) {
    if (id === undefined || id === level || !switchableLevels(docReader(o.doc).space()).some((l) => l.id === id)) return;
    level = id;
    render();
    o.onChange(level);
  }
  const onSpace = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    if (events.some((e) => e.path[0] === 'space' || e.path.length === 0)) render();
  };
  exhibitionMap(o.doc).observeDeep(onSpace);
  render();

  return {
    get level() {
      return level;
    },
    show,
    destroy() {
      exhibitionMap(o.doc).unobserveDeep(onSpace);
      fieldset.remove();
    },
  };
}
