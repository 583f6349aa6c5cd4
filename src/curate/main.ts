/**
 * The curating view's entry (/curate, curate.html): a sign-in form for a visitor without a session, the live
 * draft for a signed-in person. `?exhibition=<folder>` picks the exhibition (default: the project's default).
 */
import { fetchLimited } from '../twin/fetch-limits';
import './curate.css';
import { currentAccount, signIn, signOut, type Account } from './api';
import { openDraftView } from './draft-view';
import { pickLanguage, t, type CurateLanguage } from './strings';

const params = new URLSearchParams(location.search);
const folder = (params.get('exhibition') ?? 'default').replace(/[^a-z0-9-]/gi, '');
const lang: CurateLanguage = pickLanguage([params.get('lang') ?? '', ...navigator.languages]);

const signInSection = document.querySelector<HTMLElement>('#sign-in')!;
const draftSection = document.querySelector<HTMLElement>('#draft')!;
const form = document.querySelector<HTMLFormElement>('#sign-in-form')!;
const error = document.querySelector<HTMLElement>('#sign-in-error')!;
const heading = document.querySelector<HTMLElement>('#curate-heading')!;
const languageSelect = document.querySelector<HTMLSelectElement>('#curate-language')!;

/** Fills every [data-t] element with its text in the view's language. */
function translate(): void {
  document.documentElement.lang = lang;
  for (const e of document.querySelectorAll<HTMLElement>('[data-t]')) e.textContent = t(lang, e.dataset.t as never);
  for (const e of document.querySelectorAll<HTMLElement>('[data-t-label]')) e.setAttribute('aria-label', t(lang, e.dataset.tLabel as never));
}

let exhibition: { id: string; title: string } | undefined;
async function loadExhibition(): Promise<{ id: string; title: string }> {
  // The usual URL gives the latest published version (or the file): its id names the draft.
  // Within the exhibition file's limits (size, deadline), as the visit loads it: a huge or stalled file is named.
  const res = await fetchLimited(`/exhibitions/${folder}/exhibition.json`, 'exhibition');
  if (!res.ok) throw new Error(`The exhibition “${folder}” could not be loaded: HTTP ${res.status}.`);
  const ex = JSON.parse(res.text()) as { id: string; title: Record<string, string> };
  return { id: ex.id, title: ex.title[lang] ?? ex.title.en ?? ex.id };
}

let closeDraft: (() => void) | undefined;
async function showDraft(account: Account): Promise<void> {
  exhibition ??= await loadExhibition();
  heading.textContent = document.title = t(lang, 'pageTitle', { exhibition: exhibition.title });
  signInSection.hidden = true;
  draftSection.hidden = false;
  closeDraft = openDraftView({ root: draftSection, exhibitionId: exhibition.id, account, lang, onSignOut: () => undefined });
}

function showSignIn(): void {
  closeDraft?.();
  closeDraft = undefined;
  draftSection.hidden = true;
  signInSection.hidden = false;
  heading.textContent = document.title = t(lang, 'signInTitle');
  form.querySelector<HTMLInputElement>('#user-name')!.focus();
}

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const data = new FormData(form);
  const button = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
  button.disabled = true;
  button.textContent = t(lang, 'signingIn');
  error.textContent = '';
  const r = await signIn(String(data.get('name') ?? ''), String(data.get('password') ?? ''));
  button.disabled = false;
  button.textContent = t(lang, 'signIn');
  if (r.ok) {
    form.reset();
    await showDraft(r.account);
    return;
  }
  error.textContent =
    r.kind === 'wrong' ? t(lang, 'wrongPassword')
    : r.kind === 'too-many' ? t(lang, 'tooMany', { minutes: Math.ceil((r.retryAfterS ?? 60) / 60) })
    : t(lang, 'signInFailed', { reason: r.message });
  form.querySelector<HTMLInputElement>('#password')!.select();
});

document.querySelector('#sign-out')!.addEventListener('click', async () => {
  await signOut();
  showSignIn();
});

languageSelect.value = lang;
languageSelect.addEventListener('change', () => {
  // The draft view is built in one language: reload in the other, keeping the session.
  const url = new URL(location.href);
  url.searchParams.set('lang', languageSelect.value);
  location.assign(url);
});

translate();
const account = await currentAccount();
if (account) await showDraft(account);
else showSignIn();
