/* eslint-disable @typescript-eslint/no-explicit-any -- tests break fixtures freely */
import { describe, expect, it } from 'vitest';
import { minimalExhibition } from './fixtures';
import { formatPath, formatProblem, listMedia, parseJsonText, validateExhibition, type Problem } from './validate';

/** A fresh, loosely typed copy of the valid fixture, to break one way per test. */
const fixture = (): any => structuredClone(minimalExhibition());

function problemsOf(json: unknown): Problem[] {
  return validateExhibition(json).problems;
}

/** Asserts a problem with exactly this path, whose message contains `part`. */
function expectProblem(json: unknown, path: string, part: string, severity: 'error' | 'warning' = 'error'): Problem {
  const problems = problemsOf(json);
  const hit = problems.find((p) => p.path === path && p.message.includes(part) && p.severity === severity);
  if (!hit) {
    throw new Error(`expected ${severity} at ${path} containing "${part}", got:\n${problems.map((p) => `  ${p.severity}: ${formatProblem(p)}`).join('\n') || '  (none)'}`);
  }
  return hit;
}

function expectNoErrors(json: unknown): void {
  const errors = problemsOf(json).filter((p) => p.severity === 'error');
  expect(errors.map(formatProblem)).toEqual([]);
}

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

describe('wall placements', () => {
  it('reports a work running past the end of its wall', () => {
    const ex = fixture();
    ex.artworks[1].placement.offset = 7.9; // 0.6 m wide on an 8 m wall
    expectProblem(ex, 'artworks[1].placement.offset', "offset 7.9 m puts the work (0.6 m wide) past the end of wall 0 of room 'hall' (8 m long); the offset must be between 0.3 m and 7.7 m");
  });

  it('reports a work running past the start of its wall', () => {
    const ex = fixture();
    ex.artworks[0].placement.offset = 0.2;
    expectProblem(ex, 'artworks[0].placement.offset', 'past the start of wall 0');
  });

  it('reports a work wider than its wall', () => {
    const ex = fixture();
    ex.artworks[0].placement = { kind: 'wall', room: 'hall', wall: 0, offset: 4, height: 2 };
    ex.artworks[0].dimensions.width = 9;
    ex.artworks[0].dimensions.height = 7.2;
    expectProblem(ex, 'artworks[0].placement.wall', "the work (9 m wide) is wider than wall 0 of room 'hall' (8 m long)");
  });

  it('reports a work reaching above the ceiling (room height, else wallHeight)', () => {
    const ex = fixture();
    ex.artworks[1].placement = { kind: 'wall', room: 'gallery', wall: 0, offset: 3, height: 3.2 };
    expectProblem(ex, 'artworks[1].placement.height', "the top of the work would be at 3.65 m, above the 3.5 m ceiling of room 'gallery'; the height must be at most 3.05 m");
    const ex2 = fixture();
    ex2.artworks[1].placement.height = 3.7;
    expectProblem(ex2, 'artworks[1].placement.height', "above the 4 m ceiling of room 'hall'");
  });

  it('reports a work reaching below the floor', () => {
    const ex = fixture();
    ex.artworks[0].placement.height = 0.3;
    expectProblem(ex, 'artworks[0].placement.height', 'would reach 0.1 m below the floor; the height must be at least 0.4 m');
  });

  it('reports works overlapping on the same wall', () => {
    const ex = fixture();
    ex.artworks[1].placement.offset = 2.6; // sunrise spans 1.5–2.5, harbour 2.3–2.9
    expectProblem(ex, 'artworks[1].placement', "overlaps 'sunrise' (artworks[0]) on wall 0 of room 'hall'");
  });

  it('does not report works on the same wall that are one above the other', () => {
    const ex = fixture();
    ex.artworks[1].placement.offset = 2;
    ex.artworks[1].placement.height = 2.7; // 2.25–3.15 vs 1.2–2.0
    expectNoErrors(ex);
  });

  it('warns when only the frames overlap', () => {
    const ex = fixture();
    ex.artworks[1].placement.offset = 2.85; // image 2.55–3.15, frames reach 2.5 and 2.56
    expectProblem(ex, 'artworks[1].placement', "its frame overlaps the frame of 'sunrise'", 'warning');
  });

  it('reports a work hanging across a doorway', () => {
    const ex = fixture();
    ex.artworks[0].placement = { kind: 'wall', room: 'hall', wall: 1, offset: 3, height: 1.6 };
    expectProblem(ex, 'artworks[0].placement', "the work hangs across doorway 'hall-gallery' on wall 1 of room 'hall'");
    ex.artworks[0].placement.height = 3; // above the 2.2 m opening: fine
    expectNoErrors(ex);
  });
});

describe('pose placements', () => {
  it('warns about a work standing outside every room', () => {
    const ex = fixture();
    ex.artworks[2].placement.position = [20, 0, 3];
    expectProblem(ex, 'artworks[2].placement.position', 'is outside every room', 'warning');
  });

  it('warns about an object on its plinth reaching the ceiling', () => {
    const ex = fixture();
    ex.artworks[2].dimensions.height = 3;
    expectProblem(ex, 'artworks[2].placement', "would reach 3.9 m, above the 3.5 m ceiling of room 'gallery'", 'warning');
  });
});

describe('room outlines', () => {
  it('reports a self-intersecting outline', () => {
    const ex = fixture();
    ex.space.rooms[1].polygon = [
      [8, 0],
      [14, 6],
      [14, 0],
      [8, 6],
    ];
    expectProblem(ex, 'space.rooms[1].polygon', 'wall 0 (point 0 → 1) crosses wall 2 (point 2 → 3); the outline must not cross itself');
  });

  it('reports an outline with no area', () => {
    const ex = fixture();
    ex.space.rooms[1].polygon = [
      [8, 0],
      [10, 0],
      [14, 0],
    ];
    expectProblem(ex, 'space.rooms[1].polygon', 'the outline has no area (its points lie on a line)');
  });

  it('reports a repeated point (a wall of no length)', () => {
    const ex = fixture();
    ex.space.rooms[1].polygon = [
      [8, 0],
      [14, 0],
      [14, 6],
      [14, 6],
      [8, 6],
    ];
    expectProblem(ex, 'space.rooms[1].polygon[3]', 'point 3 repeats point 2 (wall 2 has no length)');
  });

  it('reports an outline that doubles back', () => {
    const ex = fixture();
    ex.space.rooms[1].polygon = [
      [8, 0],
      [14, 0],
      [16, 0],
      [14, 0],
      [14, 6],
      [8, 6],
    ];
    expectProblem(ex, 'space.rooms[1].polygon[2]', 'the outline doubles back on itself at point 2');
  });

  it('checks zone outlines too', () => {
    const ex = fixture();
    ex.zones[0].polygon = [
      [0, 0],
      [1, 1],
      [1, 0],
      [0, 1],
    ];
    expectProblem(ex, 'zones[0].polygon', 'the outline must not cross itself');
  });

  it('warns about rooms that overlap', () => {
    const ex = fixture();
    ex.space.rooms[1].polygon = [
      [7, 0],
      [14, 0],
      [14, 6],
      [7, 6],
    ];
    expectProblem(ex, 'space.rooms[1].polygon', "room 'gallery' overlaps room 'hall'", 'warning');
  });

  it('does not treat rooms sharing a wall as overlapping, even L-shaped ones', () => {
    const ex = fixture();
    ex.space.rooms[1].polygon = [
      [8, 0],
      [14, 0],
      [14, 10],
      [4, 10],
      [4, 6],
      [8, 6],
    ];
    expect(problemsOf(ex).filter((p) => p.message.includes('overlaps'))).toEqual([]);
  });
});

describe('doorways', () => {
  it('reports a doorway that is not on a wall of a room it names', () => {
    const ex = fixture();
    ex.space.doorways[0].position = [7, 3];
    expectProblem(ex, 'space.doorways[0].position', "the doorway is not on a wall of room 'hall': the nearest, wall 1, is 1 m away (walls are 0.2 m thick)");
  });

  it('accepts a doorway within the wall thickness', () => {
    const ex = fixture();
    ex.space.doorways[0].position = [8.1, 3];
    expectNoErrors(ex);
  });

  it('reports a doorway running past the end of its wall', () => {
    const ex = fixture();
    ex.space.doorways[0].position = [8, 0.3];
    expectProblem(ex, 'space.doorways[0].position', "the doorway (1.2 m wide) runs past the end of wall 1 of room 'hall' (6 m long)");
  });

  it('reports a doorway wider than its wall', () => {
    const ex = fixture();
    ex.space.doorways[0].width = 7;
    expectProblem(ex, 'space.doorways[0].width', "the doorway (7 m wide) is wider than wall 1 of room 'hall' (6 m long)");
  });

  it('reports a doorway taller than the room', () => {
    const ex = fixture();
    ex.space.doorways[0].height = 3.8;
    expectProblem(ex, 'space.doorways[0].height', "the doorway (3.8 m high) is taller than room 'gallery' (3.5 m)");
  });

  it('warns about a room that no doorway leads to', () => {
    const ex = fixture();
    ex.space.doorways = [];
    expectProblem(ex, 'space.rooms[1]', "room 'gallery' cannot be reached from the entrance (in room 'hall')", 'warning');
  });
});

describe('entrance', () => {
  it('reports an entrance outside every room', () => {
    const ex = fixture();
    ex.entrance.position = [-2, 0, 3];
    expectProblem(ex, 'entrance.position', 'the entrance (x -2 m, z 3 m) is not inside any room');
  });

  it('warns about an entrance inside a wall', () => {
    const ex = fixture();
    ex.entrance.position = [0.1, 0, 3];
    expectProblem(ex, 'entrance.position', 'within 20 cm of a wall', 'warning');
  });
});

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

describe('model spaces', () => {
  it('checks wall placements against model room outlines, without a ceiling', () => {
    const ex = fixture();
    ex.space = {
      kind: 'model',
      model: 'space/museum.glb',
      floorMeshes: ['floor'],
      rooms: [
        { id: 'hall', name: { en: 'Hall', it: 'Salone' }, polygon: [[0, 0], [8, 0], [8, 6], [0, 6]] },
        { id: 'gallery', name: { en: 'Gallery', it: 'Galleria' }, polygon: [[8, 0], [14, 0], [14, 6], [8, 6]] },
      ],
    };
    expect(problemsOf(ex)).toEqual([]);
    ex.artworks[0].placement.wall = 7;
    expectProblem(ex, 'artworks[0].placement.wall', "wall 7 does not exist in room 'hall'");
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
