/* eslint-disable @typescript-eslint/no-explicit-any -- tests break fixtures freely */
// The validator on the works: media and sensitivity, backstories, tours, curator checks, listMedia, protocols.
import { describe, expect, it } from 'vitest';
import { minimalExhibition } from './fixtures';
import { formatPath, listMedia, validateExhibition } from './validate';
import { expectNoErrors, expectProblem, fixture, problemsOf } from './validate-testing';

describe('media and sensitivity', () => {
  it('reports a painting without an image', () => {
    const ex = fixture();
    delete ex.artworks[0].image;
    expectProblem(ex, 'artworks[0].image', 'a painting needs an image (only restricted works have none)');
  });

  it('reports an object without a model', () => {
    const ex = fixture();
    delete ex.artworks[2].model;
    expectProblem(ex, 'artworks[2].model', 'an object needs a 3D model');
  });

  const restricted = {
    level: 'restricted',
    community: { en: 'The community', it: 'La comunità' },
    statement: { en: 'Not shown by request.', it: 'Non mostrato su richiesta.' },
    contact: 'keeper@example.org',
  };

  it('accepts a restricted work without media', () => {
    const ex = fixture();
    ex.artworks[2].sensitivity = restricted;
    delete ex.artworks[2].model;
    delete ex.artworks[2].animation;
    expect(problemsOf(ex)).toEqual([]);
  });

  it('reports restricted media published in the file', () => {
    const ex = fixture();
    ex.artworks[2].sensitivity = restricted;
    delete ex.artworks[2].animation;
    expect(expectProblem(ex, 'artworks[2].model', 'restricted media').message).toBe(
      'restricted media must not be published in the exhibition file; remove it',
    );
    const ex2 = fixture();
    ex2.artworks[0].sensitivity = restricted;
    ex2.artworks[0].annotations = [];
    expectProblem(ex2, 'artworks[0].image', 'restricted media must not be published in the exhibition file; remove it');
    expectProblem(ex2, 'artworks[0].narration', 'restricted media must not be published in the exhibition file; remove it');
  });

  it('reports an animation on a restricted work', () => {
    const ex = fixture();
    ex.artworks[2].sensitivity = restricted;
    delete ex.artworks[2].model;
    expectProblem(ex, 'artworks[2].animation', 'must not have an animation');
    ex.artworks[2].animation.model = 'models/spin.glb';
    expectProblem(ex, 'artworks[2].animation.model', 'restricted media must not be published');
  });

  it('reports an empty restricted statement and an empty advisory notice', () => {
    const ex = fixture();
    ex.artworks[2].sensitivity = { ...restricted, statement: { en: ' ', it: 'x' } };
    delete ex.artworks[2].model;
    delete ex.artworks[2].animation;
    ex.artworks[1].sensitivity.notice.en = '';
    expectProblem(ex, 'artworks[2].sensitivity.statement.en', "the community's statement is empty");
    expectProblem(ex, 'artworks[1].sensitivity.notice.en', 'the advisory notice is empty');
  });

  it('warns about a restricted contact that is neither email nor web page', () => {
    const ex = fixture();
    ex.artworks[2].sensitivity = { ...restricted, contact: 'ask at the desk' };
    delete ex.artworks[2].model;
    delete ex.artworks[2].animation;
    expectProblem(ex, 'artworks[2].sensitivity.contact', 'neither an email address nor an https:// web page', 'warning');
  });

  it('reports a clip on a painting with no animation model', () => {
    const ex = fixture();
    ex.artworks[0].animation = { title: { en: 'Glow', it: 'Luce' }, clip: 'glow' };
    expectProblem(ex, 'artworks[0].animation.clip', "a painting has no 3D model of its own, so clip 'glow' cannot play");
  });

  it('reports rights and licence links that are not web addresses', () => {
    const ex = fixture();
    ex.artworks[0].rights = structuredClone(ex.artworks[0].rights);
    ex.artworks[0].rights.media.url = 'javascript:alert(1)';
    ex.licence.url = 'data:text/html,hi';
    expectProblem(ex, 'artworks[0].rights.media.url', "'javascript:alert(1)' is not valid: a licence link is an http(s) URL");
    expectProblem(ex, 'licence.url', "'data:text/html,hi' is not valid: a licence link is an http(s) URL");
  });

  it('refuses backslashes, hidden characters and folder escapes in media paths (twin/media-path.ts)', () => {
    const ex = fixture();
    ex.artworks[0].image = 'images\\sunrise.png';
    ex.artworks[1].image = 'java\tscript:alert(1)';
    ex.artworks[0].narration.en.captions = '%2e%2e/%2e%2e/secret.vtt';
    expectProblem(ex, 'artworks[0].image', "a media path must not contain '\\'; separate folders with '/' (got 'images\\sunrise.png')");
    expectProblem(ex, 'artworks[1].image', 'must not contain control characters');
    expectProblem(ex, 'artworks[0].narration.en.captions', "must not contain encoded '.'");
  });
});

describe('backstory markup', () => {
  it('warns that HTML is shown as literal text', () => {
    const ex = fixture();
    ex.artworks[1].backstory.en = 'Boats <img src=x onerror=alert(1)> at rest.';
    expectProblem(ex, 'artworks[1].backstory.en', "HTML such as '<img src=x onerror=alert(1)>' is not allowed and is shown as literal text", 'warning');
  });

  it('warns that a non-artwork link is shown as plain text', () => {
    const ex = fixture();
    ex.artworks[1].backstory.it = 'Vedi [qui](javascript:alert(1)).';
    expectProblem(ex, 'artworks[1].backstory.it', "link target 'javascript:alert(1' is not an artwork link", 'warning');
  });
});

describe('tours', () => {
  it('reports the same artwork at two consecutive stops', () => {
    const ex = fixture();
    ex.tours[0].stops[1].artwork = 'sunrise';
    expectProblem(ex, 'tours[0].stops[1].artwork', "the same artwork ('sunrise') as the previous stop");
  });

  it('warns about an artwork visited twice in one tour', () => {
    const ex = fixture();
    ex.tours[0].stops.push({ artwork: 'sunrise' });
    expectProblem(ex, 'tours[0].stops[3].artwork', "artwork 'sunrise' is already stop 1 of this tour", 'warning');
  });
});

describe('other curator checks', () => {
  it('warns about a duplicate accession number', () => {
    const ex = fixture();
    ex.artworks[2].accessionNumber = 'TM-001';
    expectProblem(ex, 'artworks[2].accessionNumber', "accession number 'TM-001' is also used by artworks[0] ('sunrise')", 'warning');
  });

  it('warns about an annotation outside the work', () => {
    const ex = fixture();
    ex.artworks[0].annotations[0].position = [2, 0, 0];
    expectProblem(ex, 'artworks[0].annotations[0].position', 'the point is outside the work (1 × 0.8 m)', 'warning');
  });

  it('warns about a condition area outside the work', () => {
    const ex = fixture();
    ex.artworks[0].conservation.reports[0].areas[0].position = [0, 3, 0];
    expectProblem(ex, 'artworks[0].conservation.reports[0].areas[0].position', 'outside the work', 'warning');
  });

  it('reports a marker with a zero normal or an up parallel to its normal', () => {
    const ex = fixture();
    ex.arReferences.markers[0].normal = [0, 0, 0];
    expectProblem(ex, 'arReferences.markers[0].normal', 'the normal must not be zero');
    const ex2 = fixture();
    ex2.arReferences.markers[0].up = [0, 0, 2];
    expectProblem(ex2, 'arReferences.markers[0].up', "'up' is parallel to the normal");
  });

  it('warns about a marker normal that is not a unit vector', () => {
    const ex = fixture();
    ex.arReferences.markers[0].normal = [0, 0, 2];
    expectProblem(ex, 'arReferences.markers[0].normal', 'should be a unit vector (its length is 2)', 'warning');
  });

  it('warns about an exhibition without artworks', () => {
    const ex = fixture();
    ex.artworks = [];
    ex.tours = [];
    ex.zones[0].room = 'hall';
    expectProblem(ex, 'artworks', 'the exhibition has no artworks', 'warning');
  });
});

describe('listMedia', () => {
  it('lists every media path with its role', () => {
    const r = validateExhibition(minimalExhibition());
    if (!r.ok) throw new Error('fixture invalid');
    expect(listMedia(r.exhibition).map((m) => `${formatPath(m.path)} ${m.role} ${m.file}`)).toEqual([
      'artworks[0].image painting-image images/sunrise.png',
      'artworks[0].narration.en.audio audio audio/sunrise-en.ogg',
      'artworks[0].narration.en.captions captions audio/sunrise-en.vtt',
      'artworks[0].narration.it.audio audio audio/sunrise-it.ogg',
      'artworks[0].narration.it.captions captions audio/sunrise-it.vtt',
      'artworks[1].image painting-image images/harbour.png',
      'artworks[2].model object-model models/vase.glb',
      'arReferences.markers[0].image marker-image markers/m1.png',
    ]);
  });
});

describe('community protocol rules', () => {
  it('accepts labels and per-mode rules on any level', () => {
    const ex = fixture();
    ex.artworks[0].sensitivity = { level: 'open', modes: ['preview', 'vr'], narration: ['preview'], sharing: false, screenshots: false, labels: [{ code: 'TK A', name: { en: 'TK Attribution', it: 'TK Attribuzione' } }] };
    expectNoErrors(ex);
    expect(problemsOf(ex).filter((p) => p.path.startsWith('artworks[0].sensitivity'))).toEqual([]);
  });

  it('warns about rules that cannot do what was meant', () => {
    const ex = fixture();
    ex.artworks[0].sensitivity = { level: 'open', modes: ['preview'], narration: ['ar'] };
    expectProblem(ex, 'artworks[0].sensitivity.narration', "narration is allowed in 'ar' but the work is not shown there", 'warning');
    ex.artworks[0].sensitivity = { level: 'open', modes: [] };
    expectProblem(ex, 'artworks[0].sensitivity.modes', 'the work is shown in no mode', 'warning');
  });

  it('rejects a label link that is not https', () => {
    const ex = fixture();
    ex.artworks[0].sensitivity = { level: 'open', labels: [{ code: 'TK CO', name: { en: 'TK Community Use Only' }, url: 'javascript:alert(1)' }] };
    expect(problemsOf(ex).some((p) => p.path === 'artworks[0].sensitivity.labels[0].url' && p.severity === 'error')).toBe(true);
  });
});
