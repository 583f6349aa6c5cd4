/** The curating view's own words, in English and Italian (the default exhibition's languages). */
import { fill } from '../i18n';

const en = {
  pageTitle: 'Curating: {exhibition}',
  signInTitle: 'Sign in to curate',
  signInHint: 'A draft is unpublished work: sign in with the account your admin gave you.',
  userName: 'User name',
  password: 'Password',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  signOut: 'Sign out',
  wrongPassword: 'The user name or the password is wrong.',
  tooMany: 'Too many failed sign-ins: try again in {minutes} minute(s).',
  signInFailed: 'Signing in failed: {reason}',
  signedInAs: 'Signed in as {name} ({role})',
  noRole: 'no role',
  role_admin: 'admin',
  role_curator: 'curator',
  role_conservator: 'conservator',
  role_keeper: 'community keeper',
  reopen: 'Open the draft again',
  connecting: 'Opening the draft…',
  connected: 'Draft open: changes are shared as you type.',
  offline: 'Connection lost: your changes are kept here and sent when it comes back.',
  closedBy: 'The server closed the draft: {reason}',
  whoIsHere: 'Who is here',
  you: '{name} (you)',
  selecting: 'on {work}',
  nothingSelected: 'nothing selected',
  works: 'Works',
  searchWorks: 'Search works',
  noWorks: 'No work matches “{q}”.',
  pickWork: 'Pick a work to edit its texts and place.',
  title: 'Title',
  label: 'Label',
  inLanguage: '{field} ({lang})',
  placement: 'Place on the wall',
  offset: 'Distance along wall {wall} of {room} (m)',
  moveLeft: 'Move 5 cm towards the wall’s start',
  moveRight: 'Move 5 cm towards the wall’s end',
  notOnWall: 'This work does not hang on a wall.',
  readOnly: 'Your role may not change this: it is shown read-only.',
  problems: 'Problems in the draft at this work',
  noProblems: 'No problems at this work.',
  draftProblems: '{n} problem(s) in the whole draft',
  undo: 'Undo my last change',
  publish: 'Publish',
  publishing: 'Publishing…',
  published: 'Published as version {version}.',
  publishRefused: 'Not published: {error}',
  language: 'Language',
};

export type CurateStrings = typeof en;

const it: CurateStrings = {
  pageTitle: 'Cura: {exhibition}',
  signInTitle: 'Accedi per curare',
  signInHint: 'Una bozza è lavoro non pubblicato: accedi con l’account che ti ha dato l’amministratore.',
  userName: 'Nome utente',
  password: 'Password',
  signIn: 'Accedi',
  signingIn: 'Accesso in corso…',
  signOut: 'Esci',
  wrongPassword: 'Il nome utente o la password sono sbagliati.',
  tooMany: 'Troppi accessi falliti: riprova tra {minutes} minuto/i.',
  signInFailed: 'Accesso non riuscito: {reason}',
  signedInAs: 'Accesso come {name} ({role})',
  noRole: 'nessun ruolo',
  role_admin: 'amministratore',
  role_curator: 'curatore',
  role_conservator: 'conservatore',
  role_keeper: 'custode della comunità',
  reopen: 'Riapri la bozza',
  connecting: 'Apertura della bozza…',
  connected: 'Bozza aperta: le modifiche sono condivise mentre scrivi.',
  offline: 'Connessione persa: le tue modifiche restano qui e partono quando torna.',
  closedBy: 'Il server ha chiuso la bozza: {reason}',
  whoIsHere: 'Chi c’è',
  you: '{name} (tu)',
  selecting: 'su {work}',
  nothingSelected: 'nessuna selezione',
  works: 'Opere',
  searchWorks: 'Cerca opere',
  noWorks: 'Nessuna opera corrisponde a «{q}».',
  pickWork: 'Scegli un’opera per modificarne testi e posizione.',
  title: 'Titolo',
  label: 'Didascalia',
  inLanguage: '{field} ({lang})',
  placement: 'Posizione sulla parete',
  offset: 'Distanza lungo la parete {wall} di {room} (m)',
  moveLeft: 'Sposta di 5 cm verso l’inizio della parete',
  moveRight: 'Sposta di 5 cm verso la fine della parete',
  notOnWall: 'Quest’opera non è appesa a una parete.',
  readOnly: 'Il tuo ruolo non può cambiarlo: è mostrato in sola lettura.',
  problems: 'Problemi della bozza in quest’opera',
  noProblems: 'Nessun problema in quest’opera.',
  draftProblems: '{n} problema/i nell’intera bozza',
  undo: 'Annulla la mia ultima modifica',
  publish: 'Pubblica',
  publishing: 'Pubblicazione…',
  published: 'Pubblicata come versione {version}.',
  publishRefused: 'Non pubblicata: {error}',
  language: 'Lingua',
};

export const CURATE_LANGUAGES = { en, it } as const;
export type CurateLanguage = keyof typeof CURATE_LANGUAGES;

/** The text for `key` in `lang`, its {slots} filled. */
export function t(lang: CurateLanguage, key: keyof CurateStrings, values: Record<string, string | number> = {}): string {
  return fill(CURATE_LANGUAGES[lang][key], values, lang);
}

/** The browser's language if the view speaks it, else English. */
export function pickLanguage(wanted: readonly string[]): CurateLanguage {
  for (const w of wanted) {
    const base = w.toLowerCase().split('-')[0] ?? '';
    if (base in CURATE_LANGUAGES) return base as CurateLanguage;
  }
  return 'en';
}
