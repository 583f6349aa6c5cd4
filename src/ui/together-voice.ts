/**
 * The voice part of the "Visit together" drawer: join or leave the voice chat, push to talk (hold the button, or
 * hold Space or Enter on it), and for guides an open microphone and *Mute everyone*.
 *
 * Its words are here, by language, until the lead moves them into src/i18n (the together strings live there).
 */
import { h } from './dom';

interface VoiceWords {
  title: string;
  join: string;
  leave: string;
  hold: string;
  talking: string;
  openMic: string;
  closeMic: string;
  muteAll: string;
  mutedBy: string;
  inVoice: string;
  noMic: string;
}

const WORDS: Record<string, VoiceWords> = {
  en: {
    title: 'Voice',
    join: 'Join the voice chat',
    leave: 'Leave the voice chat',
    hold: 'Hold to talk',
    talking: 'Talking…',
    openMic: 'Microphone on',
    closeMic: 'Microphone off',
    muteAll: 'Mute everyone',
    mutedBy: '{name} muted everyone',
    inVoice: 'in the voice chat',
    noMic: 'No microphone could be used: check the browser’s permission. The chat still works.',
  },
  it: {
    title: 'Voce',
    join: 'Entra nella chat vocale',
    leave: 'Esci dalla chat vocale',
    hold: 'Tieni premuto per parlare',
    talking: 'Stai parlando…',
    openMic: 'Microfono acceso',
    closeMic: 'Microfono spento',
    muteAll: 'Silenzia tutti',
    mutedBy: '{name} ha silenziato tutti',
    inVoice: 'nella chat vocale',
    noMic: 'Nessun microfono utilizzabile: controlla i permessi del browser. La chat scritta funziona.',
  },
  ar: {
    title: 'الصوت',
    join: 'انضم إلى المحادثة الصوتية',
    leave: 'غادر المحادثة الصوتية',
    hold: 'اضغط مطولًا للتحدث',
    talking: 'تتحدث الآن…',
    openMic: 'الميكروفون مفتوح',
    closeMic: 'الميكروفون مغلق',
    muteAll: 'كتم الجميع',
    mutedBy: 'كتم {name} الجميع',
    inVoice: 'في المحادثة الصوتية',
    noMic: 'تعذر استخدام الميكروفون: تحقق من إذن المتصفح. الدردشة الكتابية تعمل.',
  },
};

export function voiceWords(lang: string): VoiceWords {
  return WORDS[lang] ?? WORDS.en!;
}

interface VoiceSectionState {
  on: boolean;
  talking: boolean;
  /** Guide or co-guide: an open microphone and *Mute everyone*. */
  leads: boolean;
  problem?: string;
}

interface VoiceSectionActions {
  join(): void;
  leave(): void;
  talk(on: boolean): void;
  toggleMic(): void;
  muteAll(): void;
}

export function voiceSection(w: VoiceWords, s: VoiceSectionState, a: VoiceSectionActions): HTMLElement {
  const controls: Node[] = [];
  if (!s.on) controls.push(h('button', { type: 'button', class: 'together-voice-join', onclick: () => a.join() }, w.join));
  else {
    const hold = h('button', { type: 'button', class: 'together-talk', 'aria-pressed': String(s.talking) }, s.talking ? w.talking : w.hold);
    hold.addEventListener('pointerdown', (e) => {
      e.preventDefault();
      a.talk(true);
    });
    hold.addEventListener('keydown', (e) => {
      if ((e.key === ' ' || e.key === 'Enter') && !e.repeat) {
        e.preventDefault();
        a.talk(true);
      }
    });
    controls.push(hold);
    if (s.leads) {
      controls.push(h('button', { type: 'button', class: 'together-mic', 'aria-pressed': String(s.talking), onclick: () => a.toggleMic() }, s.talking ? w.closeMic : w.openMic));
      controls.push(h('button', { type: 'button', class: 'together-mute-all', onclick: () => a.muteAll() }, w.muteAll));
    }
    controls.push(h('button', { type: 'button', class: 'together-voice-leave', onclick: () => a.leave() }, w.leave));
  }
  return h('section', { class: 'together-voice' }, h('h3', {}, w.title), s.problem ? h('p', { class: 'together-message', role: 'alert' }, w.noMic) : null, h('div', { class: 'together-actions' }, controls));
}
