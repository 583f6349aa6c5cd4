/* eslint-disable @typescript-eslint/no-explicit-any -- tests break fixtures freely */
// The validator: the format, ids, references and languages. Space checks: validate-space.test.ts; works: validate-artworks.test.ts.
import { describe, expect, it } from 'vitest';
import { minimalExhibition } from './fixtures';
import { formatPath, formatProblem, parseJsonText, validateExhibition } from './validate';
import { expectProblem, fixture, problemsOf } from './validate-testing';

describe('the fixture', () => {
  it('is valid with no problems at all', () => {
    const r = validateExhibition(minimalExhibition());
    expect(r.problems.map(formatProblem)).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it('comes back with the schema defaults filled in', () => {
    const r = validateExhibition(minimalExhibition());
    if (!r.ok) throw new Error('fixture invalid');
    const [sunrise, harbour, vase] = r.exhibition.artworks;
    expect(sunrise?.kind === 'painting' && sunrise.frame).toEqual({ style: 'gilded', width: 0.06 });
    expect(sunrise?.sensitivity).toEqual({ level: 'open' });
    expect(harbour?.annotations).toEqual([]);
    expect(vase?.kind === 'object' && vase.display).toBe('plinth');
    expect(vase?.animation?.loop).toBe(true);
    expect(r.exhibition.credits).toEqual([]);
  });

  it('returns ok with warnings when there are only warnings', () => {
    const ex = fixture();
    ex.artworks[0].title.fr = 'Aube';
    const r = validateExhibition(ex);
    expect(r.ok).toBe(true);
    expect(r.problems).toHaveLength(1);
  });

  it('returns ok: false when a semantic check fails', () => {
    const ex = fixture();
    ex.artworks[0].placement.room = 'nowhere';
    expect(validateExhibition(ex).ok).toBe(false);
  });
});

describe('formatting', () => {
  it('formats paths like artworks[3].image and the root as (file)', () => {
    expect(formatPath(['artworks', 3, 'image'])).toBe('artworks[3].image');
    expect(formatPath(['space', 'rooms', 1, 'polygon', 2])).toBe('space.rooms[1].polygon[2]');
    expect(formatPath(['artworks', 0, 'title', 'en-GB'])).toBe('artworks[0].title.en-GB');
    expect(formatPath(['artworks', 0, 'title', 'a b'])).toBe('artworks[0].title["a b"]');
    expect(formatPath([])).toBe('(file)');
  });

  it('formats a problem as one line', () => {
    expect(formatProblem({ path: 'artworks[3].image', message: "file 'x.jpg' not found", severity: 'error' })).toBe("artworks[3].image: file 'x.jpg' not found");
  });
});

describe('parseJsonText', () => {
  it('parses JSON (with a BOM)', () => {
    expect(parseJsonText('\uFEFF{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
  });

  it('reports a syntax error with its line and column', () => {
    const r = parseJsonText('{\n  "a": 1,\n  "b": 2,,\n}');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]?.path).toBe('(file)');
    expect(r.problems[0]?.message).toMatch(/^not valid JSON: .*line 3 column 10/);
  });

  it('reports an empty file', () => {
    expect(parseJsonText('  ')).toEqual({ ok: false, problems: [{ path: '(file)', severity: 'error', message: 'the file is empty' }] });
  });
});

describe('schema problems', () => {
  it('rejects a file that is not an object', () => {
    expect(problemsOf([])).toEqual([{ path: '(file)', severity: 'error', message: 'an exhibition file must contain a JSON object { … }, not a list of 0 items' }]);
    expectProblem('hello', '(file)', 'must contain a JSON object');
  });

  it('says what format this app reads, and nothing else, for another format', () => {
    const problems = problemsOf({ format: 'other-app', version: 1, stuff: [] });
    expect(problems).toEqual([{ path: 'format', severity: 'error', message: `this app reads "museum-twin-exhibition" files; this file's format is 'other-app'` }]);
  });

  it('says a file without a format is not an exhibition', () => {
    expectProblem({ version: 1 }, 'format', 'this is not a museum-twin exhibition file');
  });

  it('says what version this app reads, for a newer version', () => {
    const ex = fixture();
    ex.version = 2;
    expect(problemsOf(ex)).toEqual([
      { path: 'version', severity: 'error', message: 'this file is format version 2, made for a newer version of the app; this app reads version 1' },
    ]);
  });

  it('lists the allowed kinds for an unknown artwork kind', () => {
    const ex = fixture();
    ex.artworks[2].kind = 'statue';
    expect(expectProblem(ex, 'artworks[2].kind', "unknown kind 'statue'").message).toBe("unknown kind 'statue' (allowed kinds: 'painting', 'object')");
  });

  it('lists the allowed kinds for an unknown space or placement kind', () => {
    const ex = fixture();
    ex.space.kind = 'blueprint';
    ex.artworks[0].placement.kind = 'ceiling';
    expectProblem(ex, 'space.kind', "allowed kinds: 'floorplan', 'model'");
    expectProblem(ex, 'artworks[0].placement.kind', "allowed kinds: 'wall', 'pose'");
  });

  it('lists the allowed levels for an unknown sensitivity level', () => {
    const ex = fixture();
    ex.artworks[0].sensitivity = { level: 'secret' };
    expectProblem(ex, 'artworks[0].sensitivity.level', "unknown level 'secret' (allowed levels: 'open', 'advisory', 'restricted')");
  });

  it('reports a missing discriminator', () => {
    const ex = fixture();
    delete ex.artworks[0].kind;
    expectProblem(ex, 'artworks[0].kind', "is required but missing: it says what this is, one of 'painting', 'object'");
  });

  it('reports a missing required field', () => {
    const ex = fixture();
    delete ex.artworks[1].accessionNumber;
    delete ex.institution;
    expectProblem(ex, 'artworks[1].accessionNumber', 'is required but missing (text)');
    expectProblem(ex, 'institution', 'is required but missing (a text per language, e.g. {"en": "…", "it": "…"})');
  });

  it('reports a value of the wrong type', () => {
    const ex = fixture();
    ex.artworks[0].dimensions.width = '1.0';
    expectProblem(ex, 'artworks[0].dimensions.width', "must be a number, not the text '1.0'");
  });

  it('reports a number out of range with the value', () => {
    const ex = fixture();
    ex.space.wallHeight = 100;
    expectProblem(ex, 'space.wallHeight', 'must be between 1.8 and 30 m (got 100)');
  });

  it('reports a non-integer wall index', () => {
    const ex = fixture();
    ex.artworks[0].placement.wall = 1.5;
    expectProblem(ex, 'artworks[0].placement.wall', 'must be a whole number, not 1.5');
  });

  it('reports an invalid id', () => {
    const ex = fixture();
    ex.artworks[0].id = 'Sunrise 1';
    expectProblem(ex, 'artworks[0].id', "'Sunrise 1' is not valid: an id is 1–80 lowercase letters");
  });

  it('reports an invalid language key in a text', () => {
    const ex = fixture();
    ex.title.EN = 'Title';
    expectProblem(ex, 'title.EN', "'EN' is not a valid key: a language is a BCP 47 tag");
  });

  it('reports a text with no language at all', () => {
    const ex = fixture();
    ex.artworks[0].label = {};
    expectProblem(ex, 'artworks[0].label', 'a text needs at least one language');
  });

  it('reports a polygon point that is not [x, z]', () => {
    const ex = fixture();
    ex.space.rooms[0].polygon[1] = [8, 0, 0];
    expectProblem(ex, 'space.rooms[0].polygon[1]', 'must be a plan point [x, z] (two numbers, metres), not a list of 3');
  });

  it('reports a polygon with too few points', () => {
    const ex = fixture();
    ex.space.rooms[0].polygon = [
      [0, 0],
      [1, 0],
    ];
    expectProblem(ex, 'space.rooms[0].polygon', 'a room polygon needs at least 3 points');
  });

  it('lists the allowed values of an enumeration', () => {
    const ex = fixture();
    ex.artworks[1].frame.style = 'gold';
    expectProblem(ex, 'artworks[1].frame.style', "'gold' is not allowed; use one of: gilded, oak, black, white, none");
  });

  it('rejects a media path that is not relative or https', () => {
    const ex = fixture();
    ex.artworks[0].image = 'javascript:alert(1)';
    expectProblem(ex, 'artworks[0].image', "a media path is relative to the exhibition file or an https:// URL (got 'javascript:alert(1)')");
  });

  it('reports an invalid date and colour', () => {
    const ex = fixture();
    ex.artworks[0].conservation.reports[0].date = '1/5/2020';
    ex.space.floor = { color: 'red' };
    expectProblem(ex, 'artworks[0].conservation.reports[0].date', "'1/5/2020' is not valid: a date is YYYY, YYYY-MM or YYYY-MM-DD");
    expectProblem(ex, 'space.floor.color', "'red' is not valid: a colour is #rrggbb");
  });

  it('reports a zone with neither room nor polygon', () => {
    const ex = fixture();
    delete ex.zones[0].room;
    expectProblem(ex, 'zones[0]', 'a zone names a room or gives a polygon');
  });

  it('reports an empty required list and an empty string', () => {
    const ex = fixture();
    ex.tours[0].stops = [];
    ex.artworks[0].accessionNumber = '';
    expectProblem(ex, 'tours[0].stops', 'must not be empty');
    expectProblem(ex, 'artworks[0].accessionNumber', 'must not be empty');
  });

  it('reports a licence URL that is not a URL', () => {
    const ex = fixture();
    ex.licence.url = 'not a url';
    expectProblem(ex, 'licence.url', "'not a url' is not valid: a licence link is an http(s) URL");
  });
});

describe('unknown fields', () => {
  it('warns about an unknown field and suggests the intended one', () => {
    const ex = fixture();
    ex.artworks[0].lable = ex.artworks[0].label;
    ex.space.rooms[1].heigth = 3;
    expectProblem(ex, 'artworks[0].lable', "unknown field 'lable' is ignored (did you mean 'label'?)", 'warning');
    expectProblem(ex, 'space.rooms[1].heigth', "(did you mean 'height'?)", 'warning');
  });

  it('accepts $schema', () => {
    const ex = fixture();
    ex.$schema = '/schema/exhibition.schema.json';
    expect(problemsOf(ex)).toEqual([]);
  });
});

describe('unique ids', () => {
  const cases: [string, (ex: any) => void, string][] = [
    ['rooms', (ex) => (ex.space.rooms[1].id = 'hall'), 'space.rooms[1].id'],
    [
      'doorways',
      (ex) => ex.space.doorways.push({ ...ex.space.doorways[0], position: [8, 4.5], width: 1 }),
      'space.doorways[1].id',
    ],
    ['zones', (ex) => ex.zones.push({ ...ex.zones[0] }), 'zones[1].id'],
    ['artworks', (ex) => (ex.artworks[1].id = 'sunrise'), 'artworks[1].id'],
    ['tours', (ex) => ex.tours.push(structuredClone(ex.tours[0])), 'tours[1].id'],
    [
      'annotations',
      (ex) => ex.artworks[0].annotations.push({ ...ex.artworks[0].annotations[0] }),
      'artworks[0].annotations[1].id',
    ],
    [
      'condition reports',
      (ex) => ex.artworks[0].conservation.reports.push(structuredClone(ex.artworks[0].conservation.reports[0])),
      'artworks[0].conservation.reports[1].id',
    ],
    [
      'treatments',
      (ex) => ex.artworks[0].conservation.treatments.push({ ...ex.artworks[0].conservation.treatments[0] }),
      'artworks[0].conservation.treatments[1].id',
    ],
    ['AR points', (ex) => ex.arReferences.points.push({ ...ex.arReferences.points[0] }), 'arReferences.points[1].id'],
    ['markers', (ex) => ex.arReferences.markers.push({ ...ex.arReferences.markers[0] }), 'arReferences.markers[1].id'],
  ];
  it.each(cases)('reports a duplicate id among %s', (_name, breakIt, path) => {
    const ex = fixture();
    breakIt(ex);
    expectProblem(ex, path, 'is used twice (also by ');
  });

  it('names the first user of a duplicate id', () => {
    const ex = fixture();
    ex.artworks[2].id = 'sunrise';
    ex.tours[0].stops[2].artwork = 'harbour';
    ex.tours[0].stops.pop();
    expectProblem(ex, 'artworks[2].id', "id 'sunrise' is used twice (also by artworks[0]); ids must be unique");
  });
});

describe('references', () => {
  it('reports a doorway naming a room that does not exist', () => {
    const ex = fixture();
    ex.space.doorways[0].rooms[1] = 'galery';
    expect(expectProblem(ex, 'space.doorways[0].rooms[1]', "room 'galery' does not exist").message).toBe(
      "room 'galery' does not exist (rooms are: hall, gallery)",
    );
  });

  it('reports a doorway naming the same room twice', () => {
    const ex = fixture();
    ex.space.doorways[0].rooms = ['hall', 'hall'];
    expectProblem(ex, 'space.doorways[0].rooms[1]', "names room 'hall' twice");
  });

  it('reports a zone naming a room that does not exist', () => {
    const ex = fixture();
    ex.zones[0].room = 'attic';
    expectProblem(ex, 'zones[0].room', "room 'attic' does not exist (rooms are: hall, gallery)");
  });

  it('reports an artwork placed in a room that does not exist', () => {
    const ex = fixture();
    ex.artworks[1].placement.room = 'hall-x';
    expectProblem(ex, 'artworks[1].placement.room', "room 'hall-x' does not exist (rooms are: hall, gallery)");
  });

  it('reports a wall index beyond the room outline', () => {
    const ex = fixture();
    ex.artworks[0].placement.wall = 4;
    expectProblem(ex, 'artworks[0].placement.wall', "wall 4 does not exist in room 'hall' (it has 4 walls, numbered 0–3)");
  });

  it('reports an artwork in a zone that does not exist', () => {
    const ex = fixture();
    ex.artworks[0].zone = 'sculptures';
    expectProblem(ex, 'artworks[0].zone', "zone 'sculptures' does not exist (zones are: paintings)");
  });

  it('warns when a work hangs outside the room of its zone', () => {
    const ex = fixture();
    ex.zones.push({ id: 'back', name: { en: 'Back', it: 'Retro' }, room: 'gallery' });
    ex.artworks[0].zone = 'back';
    expectProblem(ex, 'artworks[0].zone', "zone 'back' is room 'gallery', but the work hangs in room 'hall'", 'warning');
  });

  it('reports a tour stop naming an artwork that does not exist', () => {
    const ex = fixture();
    ex.tours[0].stops[2].artwork = 'urn';
    expectProblem(ex, 'tours[0].stops[2].artwork', "artwork 'urn' does not exist (artworks are: sunrise, harbour, vase)");
  });

  it('reports a backstory link to a missing artwork, in the language where it is', () => {
    const ex = fixture();
    ex.artworks[0].backstory.it = 'Vedi [il porto](#artwork=porto).';
    const problems = problemsOf(ex);
    expect(problems.filter((p) => p.path.startsWith('artworks[0].backstory'))).toEqual([
      { path: 'artworks[0].backstory.it', severity: 'error', message: "links to artwork 'porto', which does not exist" },
    ]);
  });
});

describe('languages', () => {
  it('reports a default language that is not among the languages', () => {
    const ex = fixture();
    ex.defaultLanguage = 'it';
    ex.languages = ['en'];
    expectProblem(ex, 'defaultLanguage', "default language 'it' is not one of the languages (en)");
  });

  it('reports a text missing the default language', () => {
    const ex = fixture();
    delete ex.artworks[1].label.en;
    expectProblem(ex, 'artworks[1].label', "missing the text in the default language 'en' (it has: it)");
  });

  it('finds texts everywhere, including inside sensitivity, tours and conservation', () => {
    const ex = fixture();
    delete ex.artworks[1].sensitivity.notice.en;
    delete ex.tours[0].stops[1].text.en;
    delete ex.artworks[0].conservation.reports[0].areas[0].note.en;
    expectProblem(ex, 'artworks[1].sensitivity.notice', "missing the text in the default language 'en'");
    expectProblem(ex, 'tours[0].stops[1].text', "missing the text in the default language 'en'");
    expectProblem(ex, 'artworks[0].conservation.reports[0].areas[0].note', "missing the text in the default language 'en'");
  });

  it('warns about a text missing another listed language', () => {
    const ex = fixture();
    delete ex.artworks[2].title.it;
    expectProblem(ex, 'artworks[2].title', "no 'it' text; visitors reading 'it' will see the 'en' text", 'warning');
  });

  it('warns about a text in a language that is not listed', () => {
    const ex = fixture();
    ex.title.fr = 'Exposition';
    expectProblem(ex, 'title.fr', "language 'fr' is not one of the exhibition's languages (en, it), so this text is never shown", 'warning');
  });

  it('warns about an empty text and a language listed twice', () => {
    const ex = fixture();
    ex.artworks[0].label.it = '  ';
    ex.languages = ['en', 'it', 'en'];
    expectProblem(ex, 'artworks[0].label.it', 'the text is empty', 'warning');
    expectProblem(ex, 'languages[2]', "language 'en' is listed twice", 'warning');
  });

  it('warns about narration in a language that is not listed', () => {
    const ex = fixture();
    ex.artworks[0].narration.fr = { audio: 'audio/fr.ogg', captions: 'audio/fr.vtt' };
    expectProblem(ex, 'artworks[0].narration.fr', "narration language 'fr' is not one of the exhibition's languages", 'warning');
  });

  it('warns about narration missing in a listed language', () => {
    const ex = fixture();
    delete ex.artworks[0].narration.it;
    expectProblem(ex, 'artworks[0].narration', "no 'it' narration", 'warning');
  });
});
