/**
 * The What if view's Web Worker: validates the exhibition and the scenario, runs the baseline and then the
 * scenario (src/twin/simulate), and posts progress and results, so the page stays responsive.
 */
import { validateExhibition } from '../twin/validate';
import { applyScenario, baselineSetting, compareResults, parseScenario, simulate, ScenarioError } from '../twin/simulate';
import type { WhatIfRequest, WhatIfReply } from '../ui/what-if-view';

const post = (m: WhatIfReply) => (self as unknown as Worker).postMessage(m);

self.onmessage = (e: MessageEvent<WhatIfRequest>) => {
  const { exhibition, scenario, visitors, seed } = e.data;
  try {
    const checked = validateExhibition(exhibition);
    if (!checked.ok) throw new ScenarioError(checked.problems.filter((p) => p.severity === 'error').map((p) => `${p.path}: ${p.message}`));
    const parsed = parseScenario(scenario);
    const base = baselineSetting(visitors);
    const changed = applyScenario(checked.exhibition, base, parsed);
    const baseline = simulate(checked.exhibition, base, { seed, onProgress: (f) => post({ kind: 'progress', run: 'baseline', fraction: f }) });
    const other = simulate(changed.exhibition, changed.setting, { seed, scenarioName: parsed.name, onProgress: (f) => post({ kind: 'progress', run: 'scenario', fraction: f }) });
    post({ kind: 'done', baseline, scenario: other, comparison: compareResults(baseline, other) });
  } catch (err) {
    post({ kind: 'problems', problems: err instanceof ScenarioError ? err.problems : [(err as Error).message] });
  }
};
