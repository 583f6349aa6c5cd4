/**
 * The What if view's Web Worker: validates the exhibition and the scenario, runs the baseline and then the
 * scenario (src/twin/simulate), the light calibrated by the measured history when the page has it, and posts
 * progress and results, so the page stays responsive.
 */
import { validateExhibition } from '../twin/validate';
import { applyScenario, baselineSetting, compareResults, measuredLux, parseScenario, simulate, ScenarioError } from '../twin/simulate';
import type { WhatIfRequest, WhatIfReply } from '../ui/what-if-view';

const post = (m: WhatIfReply) => (self as unknown as Worker).postMessage(m);

self.onmessage = (e: MessageEvent<WhatIfRequest>) => {
  const { exhibition, scenario, visitors, seed, light } = e.data;
  try {
    const checked = validateExhibition(exhibition);
    if (!checked.ok) throw new ScenarioError(checked.problems.filter((p) => p.severity === 'error').map((p) => `${p.path}: ${p.message}`));
    const parsed = parseScenario(scenario);
    const base = baselineSetting(visitors);
    const changed = applyScenario(checked.exhibition, base, parsed);
    // The measured light calibrates each run on its own layout: a work moved by the scenario takes its new zone's.
    const baseLux = measuredLux(checked.exhibition, base, light);
    const otherLux = measuredLux(changed.exhibition, changed.setting, light);
    // Where the visitors walk, for the 3D view: the opening hours and the two hours the last may take to leave
    // (as the heatmaps), every 5 s (a visitor walks 6 to 7 m between two frames, interpolated; a few MB a run).
    const track = (s: { open: number; close: number }) => ({ fromMinute: s.open, minutes: s.close - s.open + 120, everySeconds: 5 });
    const baseline = simulate(checked.exhibition, base, { seed, track: track(base), ...(baseLux ? { measuredLux: baseLux } : {}), onProgress: (f) => post({ kind: 'progress', run: 'baseline', fraction: f }) });
    const other = simulate(changed.exhibition, changed.setting, { seed, track: track(changed.setting), scenarioName: parsed.name, ...(otherLux ? { measuredLux: otherLux } : {}), onProgress: (f) => post({ kind: 'progress', run: 'scenario', fraction: f }) });
    // The tracks' buffers move to the page rather than being copied.
    const buffers = [baseline, other].flatMap((r) => r.track?.frames.flatMap((f) => [f.ids.buffer, f.xz.buffer]) ?? []);
    (self as unknown as Worker).postMessage({ kind: 'done', baseline, scenario: other, comparison: compareResults(baseline, other) } satisfies WhatIfReply, buffers as ArrayBuffer[]);
  } catch (err) {
    post({ kind: 'problems', problems: err instanceof ScenarioError ? err.problems : [(err as Error).message] });
  }
};
