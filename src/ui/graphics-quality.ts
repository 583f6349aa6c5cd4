/**
 * The *Graphics quality* setting: Automatic (the device decides: quality-tier.ts), or a tier the visitor picks.
 * Kept for next time like the other preferences (localStorage); `?quality=plain|baked|full` in the address
 * overrides it for one visit (benchmarks and journeys that need a tier set it so).
 */
import type { Locale } from '../i18n/locale';
import { GRAPHICS_QUALITIES, parseQualityChoice, resolveQuality, type DeviceClass, type GraphicsQuality, type QualityChoice } from '../scene/quality-tier';
import { h } from './dom';

export const QUALITY_KEY = 'museum-twin:graphics-quality';

type Texts = Record<'label' | 'auto' | GraphicsQuality, string>;
/** The setting's words; languages without them read English. */
const TEXTS: Record<string, Texts> = {
  en: { label: 'Graphics quality', auto: 'Automatic', plain: 'Plain (fastest)', baked: 'Gallery light', full: 'Gallery light and shadows' },
  it: { label: 'Qualità grafica', auto: 'Automatica', plain: 'Semplice (più veloce)', baked: 'Luce della galleria', full: 'Luce della galleria e ombre' },
  ar: { label: 'جودة الرسومات', auto: 'تلقائي', plain: 'بسيط (الأسرع)', baked: 'إضاءة المعرض', full: 'إضاءة المعرض والظلال' },
};

function stored(): string | null {
  try {
    return localStorage.getItem(QUALITY_KEY);
  } catch {
    // Storage blocked: the choice lasts for the page.
    return null;
  }
}

function store(choice: QualityChoice): void {
  try {
    if (choice === 'auto') localStorage.removeItem(QUALITY_KEY);
    else localStorage.setItem(QUALITY_KEY, choice);
  } catch {
    // As above.
  }
}

export interface GraphicsQualityOptions {
  device: DeviceClass;
  locale: Locale;
  /** Puts a tier into effect (GalleryLook.setQuality) and asks for a frame. */
  apply: (quality: GraphicsQuality) => void;
  /** Where the control goes: before this element (the language menu), in its parent. */
  before: Element;
  /** The page's address query, for `?quality=`. */
  search?: string;
}

/** Applies the visitor's (or the device's) tier now and mounts the control that changes it. */
export function graphicsQualitySetting(o: GraphicsQualityOptions): { quality: () => GraphicsQuality; select: HTMLSelectElement } {
  const addressed = new URLSearchParams(o.search ?? '').get('quality');
  let choice = parseQualityChoice(addressed ?? stored());
  let quality = resolveQuality(choice, o.device);
  o.apply(quality);
  const select = h('select', { id: 'graphics-quality', class: 'graphics-quality' });
  const caption = h('span', { class: 'visually-hidden' });
  const label = h('label', { class: 'language' }, caption, select);
  const render = (): void => {
    const t = TEXTS[o.locale.lang] ?? TEXTS.en!;
    caption.textContent = t.label;
    select.title = t.label;
    const auto = resolveQuality('auto', o.device);
    select.replaceChildren(
      h('option', { value: 'auto', selected: choice === 'auto' }, `${t.auto}: ${t[auto]}`),
      ...GRAPHICS_QUALITIES.map((q) => h('option', { value: q, selected: choice === q }, t[q])),
    );
  };
  render();
  o.locale.onChange(render);
  select.addEventListener('change', () => {
    choice = parseQualityChoice(select.value);
    store(choice);
    quality = resolveQuality(choice, o.device);
    o.apply(quality);
  });
  o.before.parentElement?.insertBefore(label, o.before);
  return { quality: () => quality, select };
}
