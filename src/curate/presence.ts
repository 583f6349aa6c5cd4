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

/** Keeps `list` showing everyone in the draft; `titleOf` names a work in the view's language. */
export function showPresence(provider: HocuspocusProvider, list: HTMLUListElement, lang: CurateLanguage, titleOf: (id: string) => string): () => void {
  const awareness = provider.awareness!;
  const render = () => {
    const items: HTMLLIElement[] = [];
    for (const [clientId, state] of awareness.getStates()) {
      const user = (state as { user?: Presence }).user;
      if (!user) continue;
      const li = document.createElement('li');
      const me = clientId === awareness.clientID;
      li.dataset.user = user.name;
      li.textContent = `${me ? t(lang, 'you', { name: user.name }) : user.name}: ${user.selected ? t(lang, 'selecting', { work: titleOf(user.selected) }) : t(lang, 'nothingSelected')}`;
      items.push(li);
    }
    items.sort((a, b) => (a.dataset.user ?? '').localeCompare(b.dataset.user ?? ''));
    list.replaceChildren(...items);
  };
  awareness.on('change', render);
  render();
  return render;
}

/** Says who I am and what I have selected. */
export function setPresence(provider: HocuspocusProvider, me: Presence): void {
  provider.setAwarenessField('user', me);
}
