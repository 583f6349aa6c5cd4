/**
 * Who is here: each person's name and the work they have selected, through the Hocuspocus provider's awareness
 * (y-protocols' awareness: every client's small state, gone when they leave).
 */
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { t, type CurateLanguage } from './strings';

export interface Presence {
  readonly name: string;
  readonly selected: string | null;
}

/**
 * Keeps `list` showing everyone in the draft; `titleOf` names a work in the view's language; `onColleagues` hears
 * who else is here and what each has selected (the floor plan rings it).
 */
export function showPresence(provider: HocuspocusProvider, list: HTMLUListElement, lang: CurateLanguage, titleOf: (id: string) => string, onColleagues?: (others: Presence[]) => void): () => void {
  const awareness = provider.awareness!;
  const render = () => {
    const items: HTMLLIElement[] = [];
    const others: Presence[] = [];
    for (const [clientId, state] of awareness.getStates()) {
      const user = (state as { user?: Presence }).user;
      if (!user) continue;
      const li = document.createElement('li');
      const me = clientId === awareness.clientID;
      if (!me) others.push(user);
      li.dataset.user = user.name;
      li.textContent = `${me ? t(lang, 'you', { name: user.name }) : user.name}: ${user.selected ? t(lang, 'selecting', { work: titleOf(user.selected) }) : t(lang, 'nothingSelected')}`;
      items.push(li);
    }
    items.sort((a, b) => (a.dataset.user ?? '').localeCompare(b.dataset.user ?? ''));
    list.replaceChildren(...items);
    onColleagues?.(others);
  };
  awareness.on('change', render);
  render();
  return render;
}

/** Says who I am and what I have selected. */
export function setPresence(provider: HocuspocusProvider, me: Presence): void {
  provider.setAwarenessField('user', me);
}
