/**
 * The "Visit together" drawer's content: start or join a group; in a group, its code, link and QR code, who is
 * in it (with the guide's controls: lock, remove, co-guide, end), following, gathering, and the text chat.
 * Names and chat lines are put in as text nodes only (never HTML), as all visitor-written text.
 */
import type { Strings } from '../i18n/en';
import type { ParticipantView, Role } from '../twin/together/protocol';
import { h } from './dom';
import { qrCode } from './route-qr';

export interface ChatLine {
  name: string;
  text: string;
  at: number;
  /** A line the app writes (someone opened a work for the group, the group ended), not a person. */
  notice?: boolean;
}

export interface TogetherPanelState {
  /** Undefined: not in a group. */
  group?: {
    code: string;
    link: string;
    you: string;
    role: Role;
    people: ParticipantView[];
    locked: boolean;
    leader?: string;
    following: boolean;
  };
  /** A code from the address (`?group=`), filled in the join form. */
  codeFromLink?: string;
  name: string;
  /** The last refusal or error, in words. */
  message?: string;
  connecting: boolean;
  chat: readonly ChatLine[];
}

export interface TogetherPanelActions {
  start(name: string): void;
  join(code: string, name: string): void;
  lock(locked: boolean): void;
  remove(id: string): void;
  setRole(id: string, role: 'co-guide' | 'participant'): void;
  follow(on: boolean): void;
  gather(): void;
  end(): void;
  leave(): void;
  say(text: string): void;
}

const fill = (s: string, v: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (m, k: string) => (k in v ? String(v[k]) : m));

/** The drawer's body for the current state. */
export function togetherPanel(t: Strings['together'], s: TogetherPanelState, a: TogetherPanelActions): Node[] {
  const out: Node[] = [];
  if (s.message) out.push(h('p', { class: 'together-message', role: 'alert' }, s.message));
  out.push(...(s.group ? inGroup(t, s, s.group, a) : outside(t, s, a)));
  return out;
}

function nameField(t: Strings['together'], id: string, value: string): HTMLElement {
  return h('label', { class: 'together-field' }, t.yourName, h('input', { id, name: 'name', autocomplete: 'nickname', maxlength: '40', required: true, value }));
}

function outside(t: Strings['together'], s: TogetherPanelState, a: TogetherPanelActions): Node[] {
  const joinForm = h(
    'form',
    { class: 'together-join', 'data-testid': 'together-join' },
    h('label', { class: 'together-field' }, t.code, h('input', { name: 'code', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', maxlength: '15', required: true, value: s.codeFromLink ?? '', placeholder: 'K7M-PQ4-XRA' })),
    nameField(t, 'together-join-name', s.name),
    h('button', { type: 'submit', disabled: s.connecting }, t.join),
  );
  joinForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const f = new FormData(joinForm);
    a.join(String(f.get('code') ?? ''), String(f.get('name') ?? ''));
  });
  const startForm = h('form', { class: 'together-start' }, nameField(t, 'together-start-name', s.name), h('button', { type: 'submit', disabled: s.connecting }, t.start));
  startForm.addEventListener('submit', (e) => {
    e.preventDefault();
    a.start(String(new FormData(startForm).get('name') ?? ''));
  });
  // Someone who came by a group's link joins; starting a group of one's own comes second then.
  return [h('p', {}, t.intro), ...(s.codeFromLink ? [joinForm, h('h3', {}, t.orStart), startForm] : [startForm, h('h3', {}, t.orJoin), joinForm])];
}

function inGroup(t: Strings['together'], s: TogetherPanelState, g: NonNullable<TogetherPanelState['group']>, a: TogetherPanelActions): Node[] {
  const leads = g.role !== 'participant';
  const out: Node[] = [
    h('p', { class: 'together-code' }, `${t.code}: `, h('strong', { 'data-testid': 'together-code' }, g.code)),
    h('p', { class: 'together-link' }, `${t.link}: `, h('a', { href: g.link }, g.link)),
  ];
  if (g.role === 'guide') out.push(qrCode(g.link, t.qr));
  if (g.locked) out.push(h('p', { class: 'together-locked' }, t.locked));
  const people = h(
    'ul',
    { class: 'together-people', 'aria-label': fill(t.people, { n: g.people.length }) },
    g.people.map((p) => {
      const tags = [p.id === g.you ? t.you : '', p.role === 'guide' ? t.guide : p.role === 'co-guide' ? t.coGuide : '', p.connected ? '' : t.away].filter(Boolean);
      const controls: Node[] = [];
      if (leads && p.id !== g.you && p.role !== 'guide') controls.push(h('button', { type: 'button', class: 'together-remove', onclick: () => a.remove(p.id) }, fill(t.remove, { name: p.name })));
      if (g.role === 'guide' && p.id !== g.you) {
        controls.push(
          p.role === 'co-guide'
            ? h('button', { type: 'button', onclick: () => a.setRole(p.id, 'participant') }, fill(t.notCoGuide, { name: p.name }))
            : h('button', { type: 'button', onclick: () => a.setRole(p.id, 'co-guide') }, fill(t.makeCoGuide, { name: p.name })),
        );
      }
      return h('li', { 'data-person': p.id, class: p.connected ? '' : 'away' }, h('span', { class: 'together-name' }, p.name), tags.length ? h('span', { class: 'sub' }, ` (${tags.join(', ')})`) : null, ...controls);
    }),
  );
  out.push(h('h3', {}, fill(t.people, { n: g.people.length })), people);
  const actions: Node[] = [];
  if (g.leader !== g.you) {
    const box = h('input', { type: 'checkbox', name: 'follow', checked: g.following, onchange: (e: Event) => a.follow((e.target as HTMLInputElement).checked) });
    actions.push(h('label', { class: 'together-follow' }, box, ` ${t.follow}`));
  }
  if (leads) {
    actions.push(h('button', { type: 'button', class: 'together-gather', onclick: () => a.gather() }, t.gather));
    actions.push(h('button', { type: 'button', class: 'together-lock', 'aria-pressed': String(g.locked), onclick: () => a.lock(!g.locked) }, g.locked ? t.unlock : t.lock));
  }
  if (g.role === 'guide' || (leads && g.leader === g.you)) actions.push(h('button', { type: 'button', class: 'together-end', onclick: () => a.end() }, t.end));
  actions.push(h('button', { type: 'button', class: 'together-leave', onclick: () => a.leave() }, t.leave));
  out.push(h('div', { class: 'together-actions' }, actions));
  out.push(chat(t, s.chat, a));
  return out;
}

function chat(t: Strings['together'], lines: readonly ChatLine[], a: TogetherPanelActions): HTMLElement {
  const log = h(
    'ol',
    { class: 'together-chat-log', 'aria-live': 'polite', 'aria-label': t.chat },
    lines.slice(-50).map((l) => h('li', { class: l.notice ? 'notice' : '' }, l.notice ? null : h('strong', {}, `${l.name}: `), l.text)),
  );
  const input = h('input', { name: 'text', maxlength: '500', autocomplete: 'off', 'aria-label': t.message });
  const form = h('form', { class: 'together-chat-form' }, input, h('button', { type: 'submit' }, t.send));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!input.value.trim()) return;
    a.say(input.value);
    input.value = '';
  });
  return h('section', { class: 'together-chat' }, h('h3', {}, t.chat), log, form);
}
