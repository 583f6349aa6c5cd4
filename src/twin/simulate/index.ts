/** What-if simulation: visitors and light in the twin, for a baseline and scenarios. Pure: no DOM, no Node. */
export { simulate, type SimulateOptions } from './simulate';
export { applyScenario, baselineSetting, parseScenario, Scenario, ScenarioError, MAX_VISITORS_PER_DAY, MAX_VISITORS_PER_HOUR, type Setting } from './scenario';
export { compareResults, type Comparison, type ComparisonRow } from './compare';
export { COMFORT, clock, type SimulationResult, type ZoneResult, type WorkResult, type DoorwayResult, type Heatmap } from './results';
