/**
 * The objects' shadow light's strength, apart from shadows.ts (the shadow map's code, loaded for the full tier
 * only): the baked tiers' levels make room for it without loading it.
 */

/**
 * The shadow light's part of a floor's or plinth's light, in the units of its fill: the sky light and the environment
 * give a floor about 1.2. A key light from a ceiling track is most of a lit floor's light, so an object's shadow
 * reads at a glance (about 45 % darker); at a share of 0.45 (27 %) the shadow on a near-white floor sat in the tone
 * curve's shoulder and could not be seen.
 */
export const KEY = 0.9;
/**
 * The shadow light's share of a floor's light where it falls unshadowed: the floor's baked level is lowered by this
 * much while it shines, so the full tier's floors are no brighter than the baked tier's, only shadowed.
 */
export const SHADOW_SHARE = KEY / (1.2 + KEY);
