/**
 * Real sizes from IIIF: the physical-dimensions service on a canvas (https://iiif.io/api/annex/services/#physical-dimensions)
 * or a "Dimensions" metadata value as catalogues write it ("73.7 × 92.1 cm", "29 x 36 1/4 in.", "H. 45 cm").
 * Catalogue order is height × width × depth. Results are metres.
 */

export interface RealSize {
  height: number;
  width: number;
  depth?: number;
}

const UNIT_METRES: Record<string, number> = { mm: 0.001, cm: 0.01, m: 1, in: 0.0254, inch: 0.0254, inches: 0.0254, '"': 0.0254, ft: 0.3048, feet: 0.3048 };

/** The physical-dimensions service: canvas units times physicalScale, in physicalUnits. */
export function physicalDimensions(service: unknown, canvasWidth: unknown, canvasHeight: unknown): RealSize | undefined {
  const services = Array.isArray(service) ? service : service ? [service] : [];
  for (const s of services) {
    if (typeof s !== 'object' || s === null) continue;
    const o = s as Record<string, unknown>;
    const profile = String(o.profile ?? o['@context'] ?? o.type ?? '');
    if (!/physdim|PhysicalDimensions/i.test(profile) && !/physdim/i.test(String(o['@context'] ?? ''))) continue;
    const scale = Number(o.physicalScale);
    const unit = UNIT_METRES[String(o.physicalUnits ?? '').toLowerCase()];
    const w = Number(canvasWidth);
    const h = Number(canvasHeight);
    if (!(scale > 0) || unit === undefined || !(w > 0) || !(h > 0)) continue;
    return { width: w * scale * unit, height: h * scale * unit };
  }
  return undefined;
}

/** "29 1/4" → 29.25, "73,7" → 73.7. */
function number(s: string): number {
  const m = /^(\d+(?:[.,]\d+)?)(?:\s+(\d+)\/(\d+))?$/.exec(s.trim());
  if (!m) return NaN;
  const whole = Number(m[1]!.replace(',', '.'));
  return m[2] ? whole + Number(m[2]) / Number(m[3]) : whole;
}

const NUM = String.raw`\d+(?:[.,]\d+)?(?:\s+\d+/\d+)?`;
const UNIT = String.raw`(mm|cm|m|in(?:ch(?:es)?)?\.?|ft\.?|feet|")`;
const SEP = String.raw`\s*(?:x|×|by)\s*`;
const FULL = new RegExp(String.raw`(${NUM})(?:\s*${UNIT})?${SEP}(${NUM})(?:\s*${UNIT})?(?:${SEP}(${NUM}))?\s*${UNIT}`, 'i');

/** The first size a catalogue text gives, or undefined when it gives no height and width. */
export function parseDimensions(text: string): RealSize | undefined {
  const m = FULL.exec(text);
  if (!m) return undefined;
  const unit = UNIT_METRES[m[6]!.toLowerCase().replace(/\.$/, '').replace(/^inch(es)?$/, 'in')];
  if (unit === undefined) return undefined;
  const height = number(m[1]!) * unit;
  const width = number(m[3]!) * unit;
  const depth = m[5] ? number(m[5]) * unit : undefined;
  if (!(height > 0) || !(width > 0)) return undefined;
  return depth && depth > 0 ? { height, width, depth } : { height, width };
}
