/**
 * The 360° photographs' controls over the 3D view: a button per viewpoint (the keyboard's way to the markers in
 * the scene), and while a photograph shows, what it is and a clear "Back to the 3D twin".
 */

/** The panel's words; the exhibition's own texts (names, credits) come in already in the visitor's language. */
const WORDS: Record<string, { group: string; open: string; back: string; photo: string }> = {
  en: { group: '360° photographs of the rooms', open: '360° photo: {name}', back: 'Back to the 3D twin', photo: '360° photograph: {name}' },
  it: { group: 'Foto a 360° delle sale', open: 'Foto a 360°: {name}', back: 'Torna al gemello 3D', photo: 'Foto a 360°: {name}' },
  ar: { group: 'صور 360° للقاعات', open: 'صورة 360°: {name}', back: 'العودة إلى النموذج ثلاثي الأبعاد', photo: 'صورة 360°: {name}' },
};

export interface PanoramaEntryView {
  id: string;
  name: string;
  credit?: string;
}

export interface PanoramaPanelActions {
  open: (id: string) => void;
  back: () => void;
}

export class PanoramaPanel {
  readonly element: HTMLElement;

  constructor(private readonly actions: PanoramaPanelActions) {
    this.element = document.createElement('div');
    this.element.className = 'panorama-bar';
    this.element.setAttribute('role', 'group');
  }

  /** Redraws for the language and for what shows: the viewpoints, or the photo shown and the way back. */
  render(lang: string, entries: PanoramaEntryView[], shown: string | undefined): void {
    const w = WORDS[lang.split('-')[0]!] ?? WORDS.en!;
    this.element.setAttribute('aria-label', w.group);
    this.element.dataset.shown = shown ?? '';
    const nodes: HTMLElement[] = [];
    const current = entries.find((e) => e.id === shown);
    if (current) {
      const back = document.createElement('button');
      back.type = 'button';
      back.className = 'panorama-back';
      back.textContent = w.back;
      back.addEventListener('click', () => this.actions.back());
      const caption = document.createElement('span');
      caption.className = 'panorama-caption';
      caption.setAttribute('role', 'status');
      caption.textContent = w.photo.replace('{name}', current.name) + (current.credit ? ` · © ${current.credit}` : '');
      nodes.push(back, caption);
    } else {
      for (const e of entries) {
        const b = document.createElement('button');
        b.type = 'button';
        b.dataset.panorama = e.id;
        b.textContent = w.open.replace('{name}', e.name);
        b.addEventListener('click', () => this.actions.open(e.id));
        nodes.push(b);
      }
    }
    this.element.replaceChildren(...nodes);
  }
}
