/**
 * The curator's view of the whole exhibition: every work on the floor plan marked by its latest condition
 * (shape, colour and word), a filter by condition, and the works whose last report is older than a chosen age.
 * Opened from "Curator view" in the header or with `?view=curator`.
 */
import { CONDITIONS, CONDITION_VOCABULARY, latestReport, worksDueForExamination, type ConditionTerm } from '../twin/conservation';
import type { Artwork, Exhibition } from '../twin/schema';
import { pick } from '../twin/text';
import { h } from './dom';
import { fill, type Strings } from './i18n';
import { formatIsoDate, formatNumber } from './format';
import { conditionBadge } from './conservation-panel';
import { markerPath } from './minimap';

type Filter = ConditionTerm | 'none';
const FILTERS: readonly Filter[] = [...CONDITIONS, 'none'];

export interface CuratorContext {
  exhibition: Exhibition;
  lang: string;
  t: Strings;
  now: () => Date;
  openArtwork: (id: string) => void;
  /** The floor plan shows these conditions for these works. */
  showOnPlan: (conditions: ReadonlyMap<string, ConditionTerm | undefined>, visible: ReadonlySet<string>) => void;
}

export class CuratorView {
  private readonly shown = new Set<Filter>(FILTERS);
  private years = 2;

  constructor(private readonly ctx: () => CuratorContext) {}

  /** Each work's latest condition (undefined: never examined). */
  conditions(): Map<string, ConditionTerm | undefined> {
    return new Map(this.ctx().exhibition.artworks.map((a) => [a.id, latestReport(a.conservation)?.condition]));
  }

  /** Works the filter lets through. */
  visible(): Set<string> {
    const c = this.conditions();
    return new Set([...c].filter(([, cond]) => this.shown.has(cond ?? 'none')).map(([id]) => id));
  }

  /** Puts the current conditions and filter on the plan. */
  apply(): void {
    this.ctx().showOnPlan(this.conditions(), this.visible());
  }

  /** The drawer's contents (re-rendered on every change so that the counts stay true). */
  body(rerender: () => void): Node[] {
    const { t, lang, exhibition } = this.ctx();
    const conditions = this.conditions();
    const count = (f: Filter) => [...conditions.values()].filter((c) => (c ?? 'none') === f).length;
    const legend = h(
      'fieldset',
      { class: 'curator-legend' },
      h('legend', {}, t.curatorLegend),
      FILTERS.map((f) => {
        const box = h('input', { type: 'checkbox', checked: this.shown.has(f), 'data-condition': f }) as HTMLInputElement;
        box.addEventListener('change', () => {
          if (box.checked) this.shown.add(f);
          else this.shown.delete(f);
          this.apply();
          rerender();
          // The drawer is drawn afresh: keep the keyboard where it was.
          document.querySelector<HTMLElement>(`.curator-legend input[data-condition="${f}"]`)?.focus();
        });
        return h(
          'label',
          { class: 'curator-filter' },
          box,
          svgShape(f),
          f === 'none' ? h('span', { class: 'condition-badge cond-none' }, t.notExamined) : conditionBadge(f, t),
          h('span', { class: 'count' }, ` (${formatNumber(count(f), lang)})`),
        );
      }),
    );
    const age = h('input', { type: 'number', min: '0', max: '100', step: '0.5', value: String(this.years), id: 'curator-age', class: 'curator-age' }) as HTMLInputElement;
    age.addEventListener('change', () => {
      const v = Number(age.value);
      if (Number.isFinite(v) && v >= 0) {
        this.years = v;
        rerender();
        document.getElementById('curator-age')?.focus();
      }
    });
    const visible = this.visible();
    const due = worksDueForExamination(exhibition.artworks.filter((a) => visible.has(a.id)), this.ctx().now(), this.years);
    const byId = new Map(exhibition.artworks.map((a) => [a.id, a]));
    const title = (a: Artwork) => pick(a.title, lang, exhibition.defaultLanguage).text;
    const list = due.length
      ? h(
          'ul',
          { class: 'due-list' },
          due.map((d) => {
            const a = byId.get(d.id)!;
            const detail =
              d.lastReport && d.condition
                ? fill(t.dueLast, { condition: t.conditions[d.condition], date: formatIsoDate(d.lastReport, lang), age: yearsAgo(d.years ?? 0, lang) })
                : t.dueNever;
            return h(
              'li',
              { 'data-artwork': d.id },
              h('button', { type: 'button', onclick: () => this.ctx().openArtwork(d.id) }, title(a)),
              h('span', { class: 'sub' }, detail),
            );
          }),
        )
      : h('p', { class: 'due-none' }, fill(t.dueNone, { n: this.years }, lang));
    return [
      h('p', {}, t.curatorIntro),
      legend,
      h('h3', {}, t.dueTitle),
      h('p', { class: 'curator-age-row' }, h('label', { for: 'curator-age' }, t.dueAge), ' ', age),
      list,
    ];
  }
}

function svgShape(f: Filter): SVGSVGElement {
  const NS = 'http://www.w3.org/2000/svg';
  const s = document.createElementNS(NS, 'svg');
  s.setAttribute('viewBox', '-1 -1 2 2');
  s.setAttribute('class', 'legend-shape');
  s.setAttribute('aria-hidden', 'true');
  const p = document.createElementNS(NS, 'path');
  p.setAttribute('d', markerPath(f === 'none' ? 'none' : CONDITION_VOCABULARY[f].shape, 0, 0, 0.8));
  p.setAttribute('class', `condition-marker cond-${f}`);
  s.append(p);
  return s;
}

/** "7 years ago" in the visitor's language (plural rules included). */
function yearsAgo(years: number, lang: string): string {
  try {
    return new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(-Math.floor(years), 'year');
  } catch {
    return `${Math.floor(years)}`;
  }
}
