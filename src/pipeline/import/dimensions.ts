/**
 * Reads dimensions as catalogues write them: "73.7 × 92.1 cm", "29 x 36 1/4 in. (73.7 x 92.1 cm)", "H. 45 cm",
 * "45 cm (h) x 30 cm (w)", "Diam. 12 cm", "73,7 x 92,1 cm", "image: 50 x 40 cm; frame: 62 x 52 cm". Unlabelled
 * numbers are height × width × depth, the catalogue convention. Pure, no dependencies: no well-kept library reads
 * this catalogue shorthand (unit converters want one quantity, not "29 x 36 1/4 in.").
 */

/** A size in metres; any part may be missing ("H. 45 cm" gives a height only). */
export interface ParsedSize {
  height?: number;
  width?: number;
  depth?: number;
}

export type SizeResult = { ok: true; size: ParsedSize } | { ok: false; message: string };

export type Unit = 'mm' | 'cm' | 'm' | 'in' | 'ft';

const UNITS: Record<string, Unit> = {
  mm: 'mm', millimetre: 'mm', millimetres: 'mm', millimeter: 'mm', millimeters: 'mm', millimetri: 'mm',
  cm: 'cm', cms: 'cm', centimetre: 'cm', centimetres: 'cm', centimeter: 'cm', centimeters: 'cm', centimetri: 'cm',
  m: 'm', metre: 'm', metres: 'm', meter: 'm', meters: 'm', metri: 'm', mt: 'm',
  in: 'in', ins: 'in', inch: 'in', inches: 'in', '"': 'in',
  ft: 'ft', foot: 'ft', feet: 'ft',
};
export const METRES: Record<Unit, number> = { mm: 0.001, cm: 0.01, m: 1, in: 0.0254, ft: 0.3048 };

type Axis = 'height' | 'width' | 'depth' | 'diameter' | 'length';
const LABELS: Record<string, Axis> = {
  h: 'height', ht: 'height', hgt: 'height', height: 'height', high: 'height', alt: 'height', altezza: 'height', alto: 'height', höhe: 'height', hoehe: 'height', haut: 'height', hauteur: 'height',
  w: 'width', wd: 'width', width: 'width', wide: 'width', larg: 'width', larghezza: 'width', largeur: 'width', breite: 'width', b: 'width', ancho: 'width', br: 'width',
  d: 'depth', dp: 'depth', depth: 'depth', deep: 'depth', prof: 'depth', profondità: 'depth', profondeur: 'depth', tiefe: 'depth', t: 'depth', p: 'depth',
  diam: 'diameter', dia: 'diameter', diameter: 'diameter', diametro: 'diameter', durchmesser: 'diameter', ø: 'diameter', '⌀': 'diameter',
  l: 'length', len: 'length', length: 'length', long: 'length', lunghezza: 'length', länge: 'length', longueur: 'length',
};
/** Parts describing what surrounds the work, not the work: used only when nothing else is given. */
const SURROUND = /\b(frame[sd]?|framed|mount(ed)?|base|pedestal|plinth|stand|case|vitrine|cornice|rahmen|cadre)\b/i;
const FRACTIONS: Record<string, string> = { '½': ' 1/2', '¼': ' 1/4', '¾': ' 3/4', '⅛': ' 1/8', '⅜': ' 3/8', '⅝': ' 5/8', '⅞': ' 7/8', '⅓': ' 1/3', '⅔': ' 2/3', '⅙': ' 1/6', '⅚': ' 5/6', '⅕': ' 1/5' };

interface Measure {
  value: number;
  unit?: Unit;
  axis?: Axis;
}

const shown = (s: string): string => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

/** A number as written: "92.1", "92,1" (decimal comma), "1,250" (thousands), "36 1/4", "1/2". */
function readNumber(raw: string): number {
  const [whole, frac] = /^(\S+)(?:\s+(\d+\/\d+))?$/.exec(raw)?.slice(1) ?? [raw];
  const one = (s: string): number => {
    if (s.includes('/')) {
      const [a, b] = s.split('/').map(Number);
      return b ? a! / b : NaN;
    }
    return Number(/^\d{1,3}(,\d{3})+$/.test(s) ? s.replace(/,/g, '') : s.replace(',', '.'));
  };
  return one(whole!) + (frac ? one(frac) : 0);
}

function measures(part: string): Measure[] | string {
  const text = part
    .toLowerCase()
    .replace(/[½¼¾⅛⅜⅝⅞⅓⅔⅙⅚⅕]/g, (c) => FRACTIONS[c]!)
    .replace(/[″“”]|''/g, ' " ')
    .replace(/(\d)\s*[′']/g, '$1 ft ')
    .replace(/[×✕*]/g, ' x ');
  const out: Measure[] = [];
  let pendingAxis: Axis | undefined;
  let lastUnitAt = 0;
  const tokens = text.match(/\d+(?:[.,]\d+)*(?:\s+\d+\/\d+)?|\d+\/\d+|"|[a-zà-üøß⌀]+/g) ?? [];
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t]!;
    if (/^\d/.test(tok)) {
      const value = readNumber(tok);
      if (!Number.isFinite(value)) return `'${tok}' is not a number`;
      out.push({ value, ...(pendingAxis ? { axis: pendingAxis } : {}) });
      pendingAxis = undefined;
      continue;
    }
    const unit = UNITS[tok];
    // "m" right after a number is metres; "in" is inches only after a number ("in" is also a word).
    if (unit && out.length > 0 && out[out.length - 1]!.unit === undefined && /^\d/.test(tokens[t - 1] ?? '')) {
      for (let k = lastUnitAt; k < out.length; k++) out[k]!.unit ??= unit;
      lastUnitAt = out.length;
      continue;
    }
    const axis = LABELS[tok];
    if (axis) {
      // A label before a number names it ("H. 45"); after one, it names that one ("45 cm (h)").
      if (/^\d/.test(tokens[t + 1] ?? '')) pendingAxis = axis;
      else if (out.length > 0 && out[out.length - 1]!.axis === undefined) out[out.length - 1]!.axis = axis;
      else pendingAxis = axis;
    }
  }
  return out;
}

function toSize(list: Measure[], defaultUnit: Unit | undefined, original: string): SizeResult {
  if (list.length === 0) return { ok: false, message: `'${shown(original)}' is not a size` };
  if (list.length > 3 && list.every((m) => m.axis === undefined)) return { ok: false, message: `'${shown(original)}' has ${list.length} numbers; a size has at most three (height × width × depth)` };
  const size: ParsedSize = {};
  const order: Axis[] = ['height', 'width', 'depth'];
  let next = 0;
  for (const m of list) {
    const unit = m.unit ?? defaultUnit;
    if (!unit) return { ok: false, message: `'${shown(original)}' gives no unit (mm, cm, m, in or ft)` };
    const metres = m.value * METRES[unit];
    let axis: Axis | undefined = m.axis;
    if (axis === undefined) {
      while (next < order.length && size[order[next] as keyof ParsedSize] !== undefined) next++;
      axis = order[next++];
      if (!axis) continue;
    }
    if (axis === 'diameter') {
      size.width ??= metres;
      size.depth ??= metres;
    } else if (axis === 'length') {
      if (size.width === undefined) size.width = metres;
      else size.depth ??= metres;
    } else size[axis] = metres;
  }
  for (const [axis, v] of Object.entries(size)) {
    if (v <= 0) return { ok: false, message: `'${shown(original)}' gives a ${axis} of 0` };
    if (v > 60) return { ok: false, message: `'${shown(original)}' gives a ${axis} of ${Math.round(v)} m, larger than any work (is the unit right?)` };
  }
  return { ok: true, size };
}

/**
 * Parses a catalogue's dimensions into metres. `defaultUnit` is for numbers written without one (a column headed
 * "Dimensions (cm)"). Where a value gives several sizes, the work's own (not its frame or base) is taken, and
 * metric before imperial.
 */
export function parseDimensions(raw: string, defaultUnit?: Unit): SizeResult {
  const original = raw.trim();
  if (!original) return { ok: false, message: 'empty' };
  // Alternatives: parts separated by ";" or new lines, and bracketed ones with numbers in them.
  const parts: string[] = [];
  const rest = original.replace(/[([]([^)\]]*\d[^)\]]*)[)\]]/g, (_, inner: string) => {
    parts.push(inner);
    return ' ';
  });
  parts.unshift(...rest.split(/[;\n]/));
  const candidates = parts
    .map((text) => ({ text, list: measures(text) }))
    .filter((c): c is { text: string; list: Measure[] } => typeof c.list !== 'string' && c.list.length > 0);
  const firstError = parts.map(measures).find((l): l is string => typeof l === 'string');
  if (candidates.length === 0) return { ok: false, message: firstError ? `'${shown(original)}': ${firstError}` : `'${shown(original)}' is not a size` };
  // "Altezza 120 cm; larghezza 80 cm": labelled parts of one size, not alternatives.
  const labelled = candidates.filter((c) => !SURROUND.test(c.text) && c.list.every((m) => m.axis !== undefined));
  const axes = labelled.flatMap((c) => c.list.map((m) => m.axis));
  if (labelled.length > 1 && labelled.length === candidates.length && new Set(axes).size === axes.length) {
    return toSize(labelled.flatMap((c) => c.list), defaultUnit, original);
  }
  const rank = (c: { text: string; list: Measure[] }): number =>
    (SURROUND.test(c.text) ? 2 : 0) + (c.list.some((m) => m.unit === 'in' || m.unit === 'ft') ? 1 : 0);
  const best = [...candidates].sort((a, b) => rank(a) - rank(b))[0]!;
  return toSize(best.list, defaultUnit, original);
}

/** A unit named in a column heading: "Height (cm)", "Dimensions [in]". */
export function unitInHeading(heading: string): Unit | undefined {
  const m = /[([]\s*([a-z"]+)\.?\s*[)\]]/i.exec(heading);
  return m ? UNITS[m[1]!.toLowerCase()] : undefined;
}
