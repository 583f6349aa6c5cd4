/** What-if simulation: visitors and light in the twin, for a baseline and scenarios. Pure: no DOM, no Node. */
export { simulate } from './simulate';
export { applyScenario, baselineSetting, parseScenario, ScenarioError, MAX_VISITORS_PER_DAY, type Scenario, type Setting } from './scenario';
export { compareResults, type Comparison } from './compare';
export { clock, type SimulationResult, type Heatmap } from './results';
export type { AgentTrack } from './results';
export { litLevel, measuredLux, parseLightCalibration, type LightCalibration, type MeasuredLevel } from './calibrate';
