/**
 * The three-dimensional works, modelled procedurally at real scale (metres,
 * y-up, resting on y = 0, centred on x/z = 0, facing +z) with PBR
 * metallic-roughness materials, written as GLB. Each model also reports named
 * points on its surface, used for annotations and condition-report areas.
 */
import type { BuiltModel } from './objects-gltf';
import { albarello, amphora, celadonVase, cineraryUrn, weddingBowl } from './objects-vessels';
import { carnivalMask, kineticBronze, shepherdFigure, stoneHead, threeWaters } from './objects-sculpture';

export { measure, snapToSurface, type BuiltModel } from './objects-gltf';

export const MODEL_BUILDERS: Record<string, (id: string) => Promise<BuiltModel>> = {
  'ivy-amphora': amphora,
  'wedding-bowl': weddingBowl,
  'celadon-vase': celadonVase,
  'pharmacy-jar': albarello,
  'cinerary-urn': cineraryUrn,
  'orbit-ii': kineticBronze,
  'three-waters': threeWaters,
  'head-of-a-young-man': stoneHead,
  'shepherd-with-staff': shepherdFigure,
  'old-man-mask': carnivalMask,
};
