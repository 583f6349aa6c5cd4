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
    const baseline = simulate(checked.exhibition, base, { seed, ...(baseLux ? { measuredLux: baseLux } : {}), onProgress: (f) => post({ kind: 'progress', run: 'baseline', fraction: f }) });
    const other = simulate(changed.exhibition, changed.setting, { seed, scenarioName: parsed.name, ...(otherLux ? { measuredLux: otherLux } : {}), onProgress: (f) => post({ kind: 'progress', run: 'scenario', fraction: f }) });
    post({ kind: 'done', baseline, scenario: other, comparison: compareResults(baseline, other) });
  } catch (err) {
    post({ kind: 'problems', problems: err instanceof ScenarioError ? err.problems : [(err as Error).message] });
  }
};
