/**
 * The What if view's results: the comparison table (what got better or worse, and by how much), the baseline's
 * and the scenario's density heatmaps on the floor plan side by side with one time slider (and a button that plays
 * the day), the visitors of either run walking in 3D at that time, and occupancy per zone over the day (uPlot,
 * as the live twin's charts). A building of several floors has a map per floor, one shown at a time (a choice of
 * floor): a mezzanine's people are not drawn over the room under it.
 */
import type { Comparison, SimulationResult, Heatmap, LightCalibration } from '../twin/simulate';
import type { Vec2 } from '../twin/schema';
import { clock } from '../twin/simulate';

export interface WhatIfRequest {
  exhibition: unknown;
  scenario: unknown;
  visitors: number;
  seed: number;
  /** The light the live twin measured, to calibrate the light model (absent: the model's own assumption). */
  light?: LightCalibration;
}

export type WhatIfReply =
  | { kind: 'progress'; run: 'baseline' | 'scenario'; fraction: number }
  | { kind: 'done'; baseline: SimulationResult; scenario: SimulationResult; comparison: Comparison }
  | { kind: 'problems'; problems: string[] };

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

const fmt = (n: number | null) => (n === null ? '—' : Math.abs(n) >= 1000 ? Math.round(n).toLocaleString('en') : String(Math.round(n * 100) / 100));

function table(c: Comparison): HTMLTableElement {
  const t = el('table', { class: 'what-if-compare' });
  t.append(el('caption', {}, `${c.scenario} against ${c.baseline}: ${c.better} better, ${c.worse} worse`));
  const head = el('tr');
  for (const h of ['Where', 'Measure', c.baseline, c.scenario, 'Change', '']) head.append(el('th', { scope: 'col' }, h));
  t.append(el('thead'), el('tbody'));
  t.tHead!.append(head);
  const rows = [...c.rows].sort((a, b) => order(a.verdict) - order(b.verdict));
  for (const r of rows) {
    const tr = el('tr', { class: `verdict-${r.verdict}` });
    tr.append(el('td', {}, r.subject), el('td', {}, r.measure), el('td', {}, fmt(r.baseline)), el('td', {}, fmt(r.scenario)), el('td', {}, r.change === null ? '—' : `${r.change > 0 ? '+' : ''}${fmt(r.change)}`), el('td', {}, r.verdict));
    t.tBodies[0]!.append(tr);
  }
  return t;
}
const order = (v: string) => ['worse', 'better', 'changed', 'same'].indexOf(v);

/** A room's outline and its level (absent: the plan's first). */
export interface PlanRoom {
  polygon: Vec2[];
  level?: string;
}

/** The frames of one level of a heatmap (the first level's when `level` is not one of its others). */
function levelFrames(h: Heatmap, level: string): number[][] {
  return h.otherLevels?.find((l) => l.id === level)?.frames ?? h.frames;
}

/** Draws one heatmap frame: room outlines, then each cell shaded by people per m² (red at 2× comfort). */
function drawHeatmap(canvas: HTMLCanvasElement, rooms: Vec2[][], h: Heatmap, frames: number[][], frame: number, comfort: number): void {
  const ctx = canvas.getContext('2d')!;
  const scale = Math.min(canvas.width / (h.cols * h.cellSize), canvas.height / (h.rows * h.cellSize));
  const px = (p: Vec2): [number, number] => [(p[0] - h.origin[0]) * scale, (p[1] - h.origin[1]) * scale];
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  const cells = frames[frame] ?? [];
  const area = h.cellSize * h.cellSize;
  cells.forEach((n, i) => {
    if (!n) return;
    const density = n / area;
    const a = Math.min(1, density / (2 * comfort));
    ctx.fillStyle = `rgba(${Math.round(255 * Math.min(1, 2 * a))}, ${Math.round(200 * (1 - a))}, 0, ${0.25 + 0.75 * a})`;
    ctx.fillRect((i % h.cols) * h.cellSize * scale, Math.floor(i / h.cols) * h.cellSize * scale, h.cellSize * scale + 0.5, h.cellSize * scale + 0.5);
  });
  ctx.strokeStyle = '#333';
  ctx.lineWidth = 2;
  for (const poly of rooms) {
    ctx.beginPath();
    poly.forEach((p, i) => (i ? ctx.lineTo(...px(p)) : ctx.moveTo(...px(p))));
    ctx.closePath();
    ctx.stroke();
  }
}

async function chart(host: HTMLElement, r: SimulationResult): Promise<void> {
  const [{ default: UPlot }] = await Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]);
  const ids = Object.keys(r.series.zones);
  const colours = ['#1b6ca8', '#c0392b', '#27ae60', '#8e44ad', '#d35400', '#16a085', '#7f8c8d'];
  new UPlot(
    {
      title: `${r.scenario}: people per zone`,
      width: 520,
      height: 220,
      scales: { x: { time: false } },
      axes: [{ values: (_u, v) => v.map((m) => clock(m)) }, {}],
      series: [{ label: 'time', value: (_u, v) => (v === null ? '' : clock(v)) }, ...ids.map((id, i) => ({ label: id, stroke: colours[i % colours.length]! }))],
    },
    [r.series.minutes, ...ids.map((id) => r.series.zones[id]!)],
    host,
  );
}

/** The 3D picture of a run's visitors (src/app/what-if-agents.ts), opened on a canvas this view provides. */
export interface AgentsPicture {
  show(run: 'baseline' | 'scenario', minute: number): void;
}

/** Simulated minutes a second of real time while the day plays. */
const PLAY_SPEED = 1;

/**
 * Shows both runs' results in `root`. `rooms` are the plan's rooms (each map draws those of the floor it shows).
 * With `openAgents`, the runs' visitors walk in 3D at the slider's time, and the day can be played.
 */
export function showWhatIf(
  root: HTMLElement,
  rooms: PlanRoom[],
  baseline: SimulationResult,
  scenario: SimulationResult,
  comparison: Comparison,
  openAgents?: (canvas: HTMLCanvasElement) => Promise<AgentsPicture>,
): void {
  root.replaceChildren();
  root.hidden = false;
  root.append(el('h2', {}, 'Compared'), table(comparison));
  const maps = el('div', { class: 'what-if-heatmaps' });
  const canvases = [baseline, scenario].map((r) => {
    const fig = el('figure');
    const canvas = el('canvas', { width: '480', height: '300', 'aria-label': `density heatmap, ${r.scenario}`, 'data-run': r.scenario });
    fig.append(canvas, el('figcaption', {}, `${r.scenario}: people per m² (red: twice the comfort limit of ${r.comfort.peoplePerM2})`));
    maps.append(fig);
    return canvas;
  });
  // The slider is the time of day in minutes; each map shows its last frame at or before it.
  const frameMinutes = baseline.heatmap.minutes;
  const first = frameMinutes[0] ?? 0;
  const last = frameMinutes.at(-1) ?? first;
  const slider = el('input', { type: 'range', min: String(first), max: String(last), step: '1', value: String(first + Math.round((last - first) / 3)), id: 'what-if-time', 'aria-label': 'Time of day' });
  const time = el('output', { for: 'what-if-time' });
  const frameAt = (h: Heatmap, minute: number) => {
    let i = 0;
    while (i + 1 < h.minutes.length && h.minutes[i + 1]! <= minute) i++;
    return i;
  };
  let picture: AgentsPicture | undefined;
  const run = el('select', { id: 'what-if-agents-run', 'aria-label': 'Whose visitors walk in 3D' });
  run.append(new Option(`Visitors of ${scenario.scenario}`, 'scenario'), new Option(`Visitors of ${baseline.scenario}`, 'baseline'));
  // Several floors: one chosen at a time for both maps, each floor's own people on its own rooms.
  const floors = [baseline.heatmap.level, ...(baseline.heatmap.otherLevels ?? [])];
  const floor = el('select', { id: 'what-if-level', 'aria-label': 'Floor shown on the maps' });
  for (const f of floors) floor.append(new Option(f.name, f.id));
  floor.addEventListener('change', () => draw());
  let minute = Number(slider.value);
  const draw = () => {
    time.textContent = clock(minute);
    const level = floor.value || baseline.heatmap.level.id;
    const outlines = rooms.filter((r) => (r.level ?? baseline.heatmap.level.id) === level).map((r) => r.polygon);
    drawHeatmap(canvases[0]!, outlines, baseline.heatmap, levelFrames(baseline.heatmap, level), frameAt(baseline.heatmap, minute), baseline.comfort.peoplePerM2);
    drawHeatmap(canvases[1]!, outlines, scenario.heatmap, levelFrames(scenario.heatmap, level), frameAt(scenario.heatmap, minute), scenario.comfort.peoplePerM2);
    picture?.show(run.value as 'baseline' | 'scenario', minute);
  };
  slider.addEventListener('input', () => {
    minute = Number(slider.value);
    draw();
  });
  run.addEventListener('change', draw);

  // Play the day: the slider moves on by PLAY_SPEED minutes a second, the visitors walking between its steps.
  const play = el('button', { type: 'button', id: 'what-if-play', 'aria-pressed': 'false' }, 'Play the day');
  let playing = 0;
  let before = 0;
  const tick = (now: number) => {
    minute = Math.min(last, minute + ((now - before) / 1000) * PLAY_SPEED);
    before = now;
    slider.value = String(Math.floor(minute));
    draw();
    if (minute >= last || !root.isConnected) stop();
    else playing = requestAnimationFrame(tick);
  };
  const stop = () => {
    cancelAnimationFrame(playing);
    playing = 0;
    play.textContent = 'Play the day';
    play.setAttribute('aria-pressed', 'false');
  };
  play.addEventListener('click', () => {
    if (playing) return stop();
    if (minute >= last) minute = first;
    play.textContent = 'Pause';
    play.setAttribute('aria-pressed', 'true');
    before = performance.now();
    playing = requestAnimationFrame(tick);
  });

  const label = el('label', { for: 'what-if-time' }, 'Time of day ');
  root.append(el('h2', {}, 'Density on the floor plan'), label, slider, time, play);
  if (floors.length > 1) root.append(el('label', { for: 'what-if-level' }, ' Floor '), floor);
  root.append(maps);
  if (openAgents) {
    const fig = el('figure', { class: 'what-if-agents' });
    const canvas = el('canvas', { width: '640', height: '360', id: 'what-if-agents', 'aria-label': 'The simulated visitors walking in the building at the time of day', 'data-agents': '0' });
    const caption = el('figcaption', {}, 'Each figure is one simulated visitor where the simulation had them at this time; drag to turn the view.');
    fig.append(run, canvas, caption);
    root.append(el('h2', {}, 'Visitors walking'), fig);
    openAgents(canvas).then(
      (p) => {
        picture = p;
        draw();
      },
      (e: unknown) => (caption.textContent = `The 3D view could not open (${(e as Error).message}); the floor-plan maps above show the same day.`),
    );
  }
  draw();
  const charts = el('div', { class: 'what-if-charts' });
  root.append(el('h2', {}, 'Occupancy per zone'), charts);
  for (const r of [baseline, scenario]) {
    const host = el('div');
    charts.append(host);
    void chart(host, r);
  }
}
