/**
 * Saved scenarios in the What if view: the exhibition's scenarios on the server (src/server/scenarios.ts), shared
 * by its staff. Lists them, loads one into the scenario box, and saves the box under its name; the server checks
 * it against the exhibition and its problems are shown as they come.
 */
interface SavedScenario {
  name: string;
  savedBy: string;
  savedAt: string;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** Wires the saved-scenario controls for exhibition `id` to the scenario box `text`. */
export function wireSavedScenarios(id: string, text: HTMLTextAreaElement): void {
  const url = `/api/exhibitions/${encodeURIComponent(id)}/scenarios`;
  const select = $<HTMLSelectElement>('what-if-saved');
  const note = $('what-if-saved-status');
  const error = $('what-if-error');
  let saved: (SavedScenario & Record<string, unknown>)[] = [];

  const refresh = async (choose?: string) => {
    const res = await fetch(url, { credentials: 'same-origin' });
    if (!res.ok) {
      note.textContent = `Saved scenarios could not be read (${res.status}).`;
      return;
    }
    saved = (await res.json()) as typeof saved;
    select.replaceChildren(new Option(saved.length ? 'Choose a saved scenario' : 'No saved scenarios yet', ''), ...saved.map((s) => new Option(`${s.name} (${s.savedBy}, ${s.savedAt.slice(0, 10)})`, s.name)));
    if (choose) select.value = choose;
  };

  select.addEventListener('change', () => {
    const s = saved.find((x) => x.name === select.value);
    if (!s) return;
    const { savedBy: _by, savedAt: _at, ...scenario } = s;
    text.value = JSON.stringify(scenario, null, 2);
    note.textContent = `Loaded “${s.name}”, saved by ${s.savedBy}.`;
  });

  $<HTMLButtonElement>('what-if-save').addEventListener('click', () => {
    error.textContent = '';
    let scenario: { name?: unknown };
    try {
      scenario = JSON.parse(text.value) as { name?: unknown };
    } catch (e) {
      error.textContent = `The scenario is not JSON: ${(e as Error).message}`;
      return;
    }
    const name = typeof scenario.name === 'string' ? scenario.name : '';
    if (!name) {
      error.textContent = 'Give the scenario a "name" to save it under.';
      return;
    }
    void fetch(`${url}/${encodeURIComponent(name)}`, { method: 'PUT', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify(scenario) }).then(async (res) => {
      const body = (await res.json().catch(() => ({}))) as { error?: string; problems?: string[] };
      if (!res.ok) {
        error.textContent = [body.error ?? `Not saved (${res.status})`, ...(body.problems ?? [])].join('\n');
        return;
      }
      note.textContent = `Saved “${name}” for everyone on the staff.`;
      await refresh(name);
    });
  });

  void refresh();
}
