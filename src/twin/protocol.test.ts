import { describe, expect, it } from 'vitest';
import { minimalExhibition, FIXTURE_MEDIA } from './fixtures';
import { Exhibition, type Artwork } from './schema';
import { labelsOf, mayCapture, mayNarrate, mayRequest, mayShare, mayShow, namedMedia, narrationFor, needsNotice, requestableMedia, shownIn, withheld } from './protocol';

/** The fixture's works, parsed (defaults filled), with the sensitivity of one replaced. */
function works(id?: string, sensitivity?: unknown): Map<string, Artwork> {
  const input = structuredClone(minimalExhibition());
  if (id) (input.artworks.find((a) => a.id === id) as { sensitivity?: unknown }).sensitivity = sensitivity;
  return new Map(Exhibition.parse(input).artworks.map((a) => [a.id, a]));
}

const restricted = { level: 'restricted', community: { en: 'The community' }, statement: { en: 'Not to be seen.' }, contact: 'keepers@example.org' };

describe('community protocols', () => {
  it('shows an open work everywhere and requests all its media', () => {
    const sunrise = works().get('sunrise')!;
    expect(shownIn(sunrise)).toEqual(['preview', 'vr', 'ar']);
    expect(requestableMedia(sunrise, 'ar')).toEqual([FIXTURE_MEDIA.sunriseImage, FIXTURE_MEDIA.audioEn, FIXTURE_MEDIA.captionsEn, FIXTURE_MEDIA.audioIt, FIXTURE_MEDIA.captionsIt]);
    expect(mayShare(sunrise) && mayCapture(sunrise)).toBe(true);
  });

  it('never requests a restricted work’s media, in any mode, even if the file still names some', () => {
    const sunrise = works('sunrise', restricted).get('sunrise')!;
    for (const mode of ['preview', 'vr', 'ar'] as const) {
      expect(withheld(sunrise, mode)).toBe('restricted');
      for (const kind of ['image', 'model', 'animation', 'audio', 'captions'] as const) expect(mayRequest(sunrise, kind, mode)).toBe(false);
      expect(requestableMedia(sunrise, mode)).toEqual([]);
      expect(narrationFor(sunrise, 'en', 'en', mode)).toBeUndefined();
    }
    // What the validator rejects for a restricted work: it still names its media.
    expect(namedMedia(sunrise)).toContain(FIXTURE_MEDIA.sunriseImage);
  });

  it('keeps a work out of the modes its protocol leaves out, with nothing requested there', () => {
    const vase = works('vase', { level: 'open', modes: ['preview', 'vr'] }).get('vase')!;
    expect(shownIn(vase)).toEqual(['preview', 'vr']);
    expect(withheld(vase, 'ar')).toBe('mode');
    expect(mayShow(vase, 'vr')).toBe(true);
    expect(requestableMedia(vase, 'ar')).toEqual([]);
    expect(requestableMedia(vase, 'preview')).toEqual([FIXTURE_MEDIA.vaseModel]);
  });

  it('plays narration only in the modes it allows', () => {
    const sunrise = works('sunrise', { level: 'open', narration: ['preview'] }).get('sunrise')!;
    expect(mayShow(sunrise, 'ar')).toBe(true);
    expect(mayNarrate(sunrise, 'preview')).toBe(true);
    expect(mayNarrate(sunrise, 'ar')).toBe(false);
    expect(mayRequest(sunrise, 'captions', 'vr')).toBe(false);
    expect(mayRequest(sunrise, 'image', 'vr')).toBe(true);
    expect(requestableMedia(sunrise, 'ar')).toEqual([FIXTURE_MEDIA.sunriseImage]);
    const silent = works('sunrise', { level: 'open', narration: [] }).get('sunrise')!;
    expect(shownIn(silent).some((m) => mayNarrate(silent, m))).toBe(false);
  });

  it('needs the advisory notice until acknowledged', () => {
    const harbour = works().get('harbour')!;
    expect(needsNotice(harbour, () => false)).toBe(true);
    expect(needsNotice(harbour, (id) => id === 'harbour')).toBe(false);
    expect(needsNotice(works().get('sunrise')!, () => false)).toBe(false);
  });

  it('honours no sharing and no screenshots, and carries the community’s labels', () => {
    const label = { code: 'TK CS', name: { en: 'TK Culturally Sensitive' }, text: { en: 'Please view with care.' } };
    const harbour = works('harbour', { level: 'advisory', notice: { en: 'A shipwreck.' }, sharing: false, screenshots: false, labels: [label] }).get('harbour')!;
    expect(mayShare(harbour)).toBe(false);
    expect(mayCapture(harbour)).toBe(false);
    expect(labelsOf(harbour)).toEqual([label]);
    expect(labelsOf(works().get('sunrise')!)).toEqual([]);
  });

  it('picks narration in the visitor’s language, else the default marked as a fallback', () => {
    const sunrise = works().get('sunrise')!;
    expect(narrationFor(sunrise, 'it', 'en', 'preview')).toMatchObject({ audio: FIXTURE_MEDIA.audioIt, lang: 'it', fallback: false });
    expect(narrationFor(sunrise, 'it-CH', 'en', 'preview')).toMatchObject({ lang: 'it', fallback: false });
    expect(narrationFor(sunrise, 'ar', 'en', 'preview')).toMatchObject({ audio: FIXTURE_MEDIA.audioEn, lang: 'en', fallback: true });
  });

  it('rejects an unknown mode in a protocol', () => {
    const input = structuredClone(minimalExhibition());
    (input.artworks[0] as { sensitivity?: unknown }).sensitivity = { level: 'open', modes: ['hologram'] };
    expect(Exhibition.safeParse(input).success).toBe(false);
  });
});
