/**
 * An offline save carries the AR Quick Look copies (USDZ) `npm run pack` made beside each object's model, so an
 * iPhone visitor who saved the visit opens a work in their room offline; copies the server lacks are left out.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateExhibition } from '../twin/validate';
import { offlineFiles, quickLookCandidates, quickLookCopies, USDZ_MEDIA_TYPE, type HeadAnswer } from './plan';

const result = validateExhibition(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../assets/default/exhibition.json'), 'utf8')));
if (!result.ok) throw new Error('default exhibition invalid');
const ex = result.exhibition;
const URL0 = 'http://127.0.0.1:4173/exhibitions/default/exhibition.json';
const DIR = 'http://127.0.0.1:4173/exhibitions/default/';

describe('Quick Look copies in an offline save', () => {
  const candidates = quickLookCandidates(ex, URL0);

  it("asks for a USDZ beside every object's model, where the pack writes it and the iPhone guide looks", () => {
    const objects = ex.artworks.filter((a) => a.kind === 'object' && a.model !== undefined);
    expect(candidates).toHaveLength(objects.length);
    expect(candidates).toContain(`${DIR}objects/cinerary-urn.usdz`);
    // A restricted work has no model, so nothing is asked for it; paintings have none either.
    expect(candidates.some((u) => u.includes('veiled-processional-object'))).toBe(false);
    // None of them is named by the exhibition file: without this step a save would not carry them.
    const files = offlineFiles(ex, URL0);
    expect(candidates.filter((u) => files.includes(u))).toEqual([]);
  });

  it('keeps the copies the server has as USDZ, with their sizes, and leaves out the rest', async () => {
    const answers = new Map<string, HeadAnswer | Error>([
      [`${DIR}objects/cinerary-urn.usdz`, { status: 200, type: USDZ_MEDIA_TYPE, bytes: 812_345 }],
      [`${DIR}objects/ivy-amphora.usdz`, { status: 200, type: `${USDZ_MEDIA_TYPE}; charset=binary`, bytes: undefined }],
      // A single-page host's page for a copy the pack never made.
      [`${DIR}objects/wedding-bowl.usdz`, { status: 200, type: 'text/html', bytes: 900 }],
      [`${DIR}objects/celadon-vase.usdz`, new Error('network down')],
    ]);
    const asked: string[] = [];
    const kept = await quickLookCopies(candidates, async (url) => {
      asked.push(url);
      const a = answers.get(url) ?? { status: 404, type: 'text/plain', bytes: 9 };
      if (a instanceof Error) throw a;
      return a;
    });
    expect(asked.sort()).toEqual([...candidates].sort());
    expect([...kept]).toEqual([
      [`${DIR}objects/ivy-amphora.usdz`, undefined],
      [`${DIR}objects/cinerary-urn.usdz`, 812_345],
    ].sort((a, b) => candidates.indexOf(a[0] as string) - candidates.indexOf(b[0] as string)));
  });
});
