/**
 * The draft's history in the curating view: the latest changes (of the whole exhibition, or of the selected work),
 * who made each and when; any of them compared with the draft now (what moved, what text changed); and, for
 * curators and admins, the draft restored as it was after that change, as a new change (conservation records
 * and community protocols stay as they are: the server sees to it, src/twin/exhibition-diff.ts).
 */
import { compareWithNow, history, restore, type HistoryEntry } from './api';
import { t, type CurateLanguage } from './strings';

export interface HistoryPanelOptions {
  readonly root: HTMLElement;
  readonly exhibitionId: string;
  readonly lang: CurateLanguage;
  readonly mayRestore: boolean;
  /** The work selected in the view, if any. */
  readonly selectedWork: () => string | null;
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text = '', attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
};

const shown = (v: unknown): string => {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s === undefined ? '—' : s.length > 80 ? `${s.slice(0, 80)}…` : s;
};

export function openHistoryPanel(o: HistoryPanelOptions): () => void {
  const { lang } = o;
  const section = el('section', '', { id: 'history', 'aria-labelledby': 'history-title' });
  const onlyWork = el('input', '', { type: 'checkbox', id: 'history-only-work' });
  const load = el('button', t(lang, 'historyShow'), { type: 'button', id: 'history-show' });
  const list = el('ol', '', { class: 'history-list' });
  const result = el('div', '', { class: 'history-result', role: 'status', 'aria-live': 'polite' });
  const label = el('label', '', { for: 'history-only-work' });
  label.append(onlyWork, ` ${t(lang, 'historyOnlyWork')}`);
  section.append(el('h2', t(lang, 'history'), { id: 'history-title' }), label, load, list, result);
  o.root.append(section);

  const fail = (e: unknown) => result.replaceChildren(t(lang, 'historyFailed', { reason: (e as Error).message }));

  async function compare(entry: HistoryEntry) {
    result.replaceChildren(t(lang, 'historyComparing'));
    try {
      const differences = await compareWithNow(o.exhibitionId, entry.seq);
      const ul = el('ul');
      ul.append(...differences.slice(0, 50).map((d) => el('li', `${t(lang, `diff_${d.kind}` as never) || d.kind} ${d.path}: ${shown(d.before)} → ${shown(d.after)}`)));
      result.replaceChildren(t(lang, 'historyDifferences', { n: differences.length, seq: entry.seq }), ul);
    } catch (e) {
      fail(e);
    }
  }

  async function restoreTo(entry: HistoryEntry) {
    if (!confirm(t(lang, 'historyRestoreConfirm', { seq: entry.seq }))) return;
    try {
      await restore(o.exhibitionId, entry.seq);
      result.replaceChildren(t(lang, 'historyRestored', { seq: entry.seq }));
      await show();
    } catch (e) {
      fail(e);
    }
  }

  async function show() {
    const work = onlyWork.checked ? o.selectedWork() ?? undefined : undefined;
    try {
      const entries = await history(o.exhibitionId, work);
      list.replaceChildren(
        ...entries.map((entry) => {
          const li = el('li', '', { 'data-seq': String(entry.seq) });
          const what = entry.summary.slice(0, 3).map((s) => `${s.kind} ${s.path}`).join('; ') + (entry.summary.length > 3 ? '…' : '');
          li.append(el('span', `#${entry.seq} ${entry.user} · ${new Date(entry.at).toLocaleString(lang)} · ${what}`));
          const cmp = el('button', t(lang, 'historyCompare'), { type: 'button' });
          cmp.addEventListener('click', () => void compare(entry));
          li.append(' ', cmp);
          if (o.mayRestore) {
            const back = el('button', t(lang, 'historyRestore'), { type: 'button' });
            back.addEventListener('click', () => void restoreTo(entry));
            li.append(' ', back);
          }
          return li;
        }),
      );
      if (!entries.length) list.replaceChildren(el('li', t(lang, 'historyEmpty')));
    } catch (e) {
      fail(e);
    }
  }
  load.addEventListener('click', () => void show());
  return () => section.remove();
}
