/**
 * The What if page (/what-if.html), for staff: signed-in accounts only (the session of the curating view), it
 * runs the baseline and a scenario in a Web Worker with progress, then compares them (src/ui/what-if-view.ts).
 * The runs happen in the browser; scenarios can be saved on the server for colleagues (what-if-saved.ts). Their
 * visitors walk in 3D (what-if-agents.ts) at the results' time of day.
 * `?exhibition=<folder>` picks the exhibition.
 */
import { fetchLimited } from '../twin/fetch-limits';
import { showWhatIf, type WhatIfReply, type WhatIfRequest } from '../ui/what-if-view';
import type { Vec2 } from '../twin/schema';
import type { AgentsView } from './what-if-agents';
import type { LightCalibration } from '../twin/simulate';
import { wireSavedScenarios } from './what-if-saved';

const params = new URLSearchParams(location.search);
const folder = (params.get('exhibition') ?? 'default').replace(/[^a-z0-9-]/gi, '');
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const EXAMPLE = {
  name: 'Cabinet closed, gallery brighter',
  changes: [
    { kind: 'closeRoom', room: 'cabinet' },
    { kind: 'lightLevel', room: 'gallery', lux: 300 },
  ],
};

/**
 * The light the live twin measured over the last year (server: scenarios.ts), said under the form; undefined when
 * it has none or cannot be read, and the runs use the model's own light.
 */
async function measuredLight(id: string): Promise<LightCalibration | undefined> {
  const note = document.createElement('p');
  note.id = 'what-if-light';
  $('what-if-run').before(note);
  const res = await fetch(`/api/exhibitions/${encodeURIComponent(id)}/what-if/light`, { credentials: 'same-origin' }).catch(() => undefined);
  if (!res?.ok) {
    note.textContent = `Measured light could not be read${res ? ` (${res.status})` : ''}: the light doses use the model's own light levels.`;
    return undefined;
  }
  const c = (await res.json()) as LightCalibration;
  const zones = Object.keys(c.zones);
  const works = Object.keys(c.artworks);
  note.textContent =
    zones.length + works.length
      ? `Light calibrated from the live twin's measurements since ${c.from.slice(0, 10)}: ${zones.length ? `zones ${zones.join(', ')}` : ''}${zones.length && works.length ? '; ' : ''}${works.length ? `${works.length} works with their own sensor` : ''}.`
      : "No measured light yet: the light doses use the model's own light levels.";
  return zones.length + works.length ? c : undefined;
}

/** The 3D view of the last runs, disposed when the next runs replace it. */
let agents: AgentsView | undefined;

async function start(): Promise<void> {
  const session = await fetch('/api/session', { credentials: 'same-origin' }).then((r) => (r.ok ? (r.json() as Promise<{ account: { role: string | null } | null }>) : { account: null }));
  if (!session.account?.role) {
    $('what-if-sign-in').hidden = false;
    return;
  }
  // Within the exhibition file's limits (size, deadline), as the visit loads it.
  const file = await fetchLimited(`/exhibitions/${folder}/exhibition.json`, 'exhibition');
  if (!file.ok) throw new Error(`The exhibition “${folder}” could not be loaded: HTTP ${file.status}.`);
  const exhibition = JSON.parse(file.text()) as { id: string; space: { kind: string; rooms?: { polygon: Vec2[]; level?: string }[] } };
  $('what-if-form').hidden = false;
  const text = $<HTMLTextAreaElement>('what-if-scenario');
  text.value = JSON.stringify(EXAMPLE, null, 2);
  wireSavedScenarios(exhibition.id, text);
  const button = $<HTMLButtonElement>('what-if-run');
  // The form shows at once, its Run button waits for the measured light and its handler: a click before that
  // did nothing at all (a race the full suite met).
  button.disabled = true;
  const light = await measuredLight(exhibition.id);
  const progress = $<HTMLProgressElement>('what-if-progress');
  const status = $('what-if-status');
  const error = $('what-if-error');
  button.addEventListener('click', () => {
    error.textContent = '';
    let scenario: unknown;
    try {
      scenario = JSON.parse(text.value);
    } catch (e) {
      error.textContent = `The scenario is not JSON: ${(e as Error).message}`;
      return;
    }
    const worker = new Worker(new URL('./what-if-worker.ts', import.meta.url), { type: 'module' });
    button.disabled = true;
    progress.hidden = false;
    const request: WhatIfRequest = { exhibition, scenario, visitors: Number($<HTMLInputElement>('what-if-visitors').value), seed: Number($<HTMLInputElement>('what-if-seed').value), ...(light ? { light } : {}) };
    worker.onmessage = (e: MessageEvent<WhatIfReply>) => {
      const m = e.data;
      if (m.kind === 'progress') {
        progress.value = Math.round((m.run === 'baseline' ? 0 : 50) + m.fraction * 50);
        status.textContent = `Simulating the ${m.run}: ${Math.round(m.fraction * 100)} %`;
        return;
      }
      worker.terminate();
      button.disabled = false;
      progress.hidden = true;
      if (m.kind === 'problems') {
        status.textContent = '';
        error.textContent = m.problems.join('\n');
        return;
      }
      status.textContent = `Done: ${m.comparison.better} better, ${m.comparison.worse} worse.`;
      agents?.dispose();
      agents = undefined;
      const { baseline, scenario } = m;
      // Visitors in 3D for a floor plan (a space model's building is not drawn here); Babylon loads only now.
      const open =
        exhibition.space.kind === 'floorplan' && baseline.track && scenario.track
          ? async (canvas: HTMLCanvasElement) => {
              const { openAgentsView } = await import('./what-if-agents');
              return (agents = openAgentsView(canvas, exhibition.space, { baseline: baseline.track!, scenario: scenario.track! }));
            }
          : undefined;
      showWhatIf($('what-if-results'), exhibition.space.rooms ?? [], baseline, scenario, m.comparison, open);
    };
    worker.postMessage(request);
  });
  button.disabled = false;
}

void start();
