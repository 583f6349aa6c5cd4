/** Full-page states: loading progress and the readable error page for an exhibition that cannot be shown. */
import { formatProblem, type Problem } from '../twin/validate';
import { byId, h } from './dom';
import { fill, type Strings } from './i18n';

export function showProgress(t: Strings, works: number, total: number, fraction: number): void {
  const box = byId('loading');
  box.setAttribute('aria-valuenow', String(Math.round(fraction * 100)));
  byId('loading-text').textContent = total ? fill(t.loadingProgress, { works, total }, document.documentElement.lang || undefined) : t.loading;
  byId('loading-bar').style.width = `${Math.round(fraction * 100)}%`;
}

/** The rooms can be walked: keep showing progress, out of the way. */
export function compactProgress(): void {
  byId('loading').classList.add('compact');
}

export function hideProgress(): void {
  byId('loading').classList.add('done');
}

export function showErrorPage(t: Strings, message: string, problems: Problem[], defaultUrl: string | null): void {
  hideProgress();
  const page = h(
    'div',
    { class: 'error-page', role: 'alert', 'aria-labelledby': 'error-title' },
    h('h1', { id: 'error-title' }, t.errorTitle),
    h('p', {}, message),
    problems.length ? h('p', {}, t.errorIntro) : null,
    problems.length
      ? h(
          'ul',
          { class: 'problems-list' },
          problems.slice(0, 200).map((p) => h('li', {}, h('span', { class: 'path' }, p.path), `: ${p.message}`)),
        )
      : null,
    problems.length > 200 ? h('p', {}, fill(t.problemsMore, { n: problems.length - 200 })) : null,
    defaultUrl ? h('p', {}, h('a', { href: defaultUrl }, t.errorTryDefault)) : null,
  );
  document.body.append(page);
  document.title = `${t.errorTitle} · ${t.appName}`;
  page.querySelector('h1')?.setAttribute('tabindex', '-1');
  (page.querySelector('h1') as HTMLElement | null)?.focus();
  // Keep one plain-text record for people reading the console or logs.
  console.warn([message, ...problems.map(formatProblem)].join('\n'));
}
