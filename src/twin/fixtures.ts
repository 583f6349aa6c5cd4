/**
 * A tiny, valid exhibition for tests (browser-safe, no Node imports): two rooms joined by a
 * doorway, two paintings on one wall, one object on a plinth, a zone, a tour, AR references.
 * It validates with no errors and no warnings. Each call returns a fresh copy to mutate.
 *
 * Media it names (relative to the exhibition file), for tests that write them:
 *   images/sunrise.png (100 × 80 px), images/harbour.png (60 × 90 px), markers/m1.png,
 *   models/vase.glb (0.3 × 0.5 × 0.3 m, animation "spin"),
 *   audio/sunrise-en.ogg, audio/sunrise-en.vtt, audio/sunrise-it.ogg, audio/sunrise-it.vtt
 */
import { FORMAT, FORMAT_VERSION, type ExhibitionInput } from './schema';

const t = (en: string, it: string): { en: string; it: string } => ({ en, it });

const rights = {
  work: { licence: 'public-domain' },
  media: { licence: 'CC-BY-4.0', holder: 'Test Museum', url: 'https://creativecommons.org/licenses/by/4.0/' },
};

export const FIXTURE_MEDIA = {
  sunriseImage: 'images/sunrise.png',
  harbourImage: 'images/harbour.png',
  vaseModel: 'models/vase.glb',
  markerImage: 'markers/m1.png',
  audioEn: 'audio/sunrise-en.ogg',
  captionsEn: 'audio/sunrise-en.vtt',
  audioIt: 'audio/sunrise-it.ogg',
  captionsIt: 'audio/sunrise-it.vtt',
} as const;

export function minimalExhibition(): ExhibitionInput {
  return {
    format: FORMAT,
    version: FORMAT_VERSION,
    id: 'test-exhibition',
    title: t('Test exhibition', 'Mostra di prova'),
    institution: t('Test Museum', 'Museo di prova'),
    languages: ['en', 'it'],
    defaultLanguage: 'en',
    licence: { licence: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
    space: {
      kind: 'floorplan',
      wallHeight: 4,
      wallThickness: 0.2,
      rooms: [
        { id: 'hall', name: t('Hall', 'Salone'), polygon: [[0, 0], [8, 0], [8, 6], [0, 6]] },
        { id: 'gallery', name: t('Gallery', 'Galleria'), polygon: [[8, 0], [14, 0], [14, 6], [8, 6]], height: 3.5 },
      ],
      doorways: [{ id: 'hall-gallery', rooms: ['hall', 'gallery'], position: [8, 3], width: 1.2, height: 2.2 }],
    },
    zones: [{ id: 'paintings', name: t('Paintings', 'Dipinti'), room: 'hall' }],
    entrance: { position: [2, 0, 3], heading: 90 },
    artworks: [
      {
        kind: 'painting',
        id: 'sunrise',
        title: t('Sunrise', 'Alba'),
        creator: { name: t('A. Painter', 'A. Pittore'), lifeDates: '1840–1910' },
        date: t('c. 1880', 'ca. 1880'),
        medium: t('Oil on canvas', 'Olio su tela'),
        dimensions: { width: 1.0, height: 0.8 },
        accessionNumber: 'TM-001',
        creditLine: t('Gift of a friend', 'Dono di un amico'),
        rights,
        label: t('Morning light over the sea.', 'Luce del mattino sul mare.'),
        backstory: t(
          'Painted at dawn.\n\nCompare *the light* in [the harbour](#artwork=harbour).',
          "Dipinto all'alba.\n\nConfronta *la luce* con [il porto](#artwork=harbour).",
        ),
        placement: { kind: 'wall', room: 'hall', wall: 0, offset: 2, height: 1.6 },
        zone: 'paintings',
        image: FIXTURE_MEDIA.sunriseImage,
        narration: {
          en: { audio: FIXTURE_MEDIA.audioEn, captions: FIXTURE_MEDIA.captionsEn },
          it: { audio: FIXTURE_MEDIA.audioIt, captions: FIXTURE_MEDIA.captionsIt },
        },
        annotations: [{ id: 'sun', position: [0.3, 0.2, 0], title: t('The sun', 'Il sole'), text: t('Pure white.', 'Bianco puro.') }],
        conservation: {
          reports: [
            {
              id: 'r2020',
              date: '2020-05-01',
              examiner: 'C. Restorer',
              condition: 'good',
              notes: t('Stable.', 'Stabile.'),
              areas: [{ position: [-0.2, -0.1, 0], radius: 0.05, condition: 'fair', note: t('Small loss.', 'Piccola lacuna.') }],
            },
          ],
          treatments: [{ id: 't2021', date: '2021', conservator: 'C. Restorer', description: t('Varnish removed.', 'Vernice rimossa.') }],
        },
      },
      {
        kind: 'painting',
        id: 'harbour',
        title: t('Harbour', 'Porto'),
        creator: { name: t('B. Painter', 'B. Pittrice') },
        date: t('1901', '1901'),
        medium: t('Oil on board', 'Olio su tavola'),
        dimensions: { width: 0.6, height: 0.9 },
        accessionNumber: 'TM-002',
        creditLine: t('Purchased 1950', 'Acquistato nel 1950'),
        rights,
        label: t('Boats at rest.', 'Barche a riposo.'),
        backstory: t('Boats at rest after a storm.', 'Barche a riposo dopo una tempesta.'),
        placement: { kind: 'wall', room: 'hall', wall: 0, offset: 5, height: 1.5 },
        image: FIXTURE_MEDIA.harbourImage,
        frame: { style: 'oak', width: 0.05 },
        sensitivity: { level: 'advisory', notice: t('Depicts a shipwreck.', 'Raffigura un naufragio.') },
      },
      {
        kind: 'object',
        id: 'vase',
        title: t('Vase', 'Vaso'),
        creator: { name: t('Unknown potter', 'Vasaio ignoto') },
        date: t('2nd century BCE', 'II secolo a.C.'),
        medium: t('Terracotta', 'Terracotta'),
        dimensions: { width: 0.3, height: 0.5, depth: 0.3 },
        accessionNumber: 'TM-003',
        creditLine: t('Excavated 1920', 'Scavato nel 1920'),
        rights,
        label: t('A storage vase.', 'Un vaso per conserve.'),
        backstory: t('Found **intact**.', 'Trovato **intatto**.'),
        placement: { kind: 'pose', position: [11, 0, 3], heading: 180 },
        model: FIXTURE_MEDIA.vaseModel,
        animation: { title: t('Turn it', 'Giralo'), clip: 'spin' },
      },
    ],
    tours: [
      {
        id: 'highlights',
        title: t('Highlights', 'Capolavori'),
        durationMinutes: 10,
        stops: [{ artwork: 'sunrise' }, { artwork: 'harbour', text: t('Look closely.', 'Guarda da vicino.') }, { artwork: 'vase' }],
      },
    ],
    arReferences: {
      points: [{ id: 'door', name: t('Doorway', 'Porta'), position: [8, 0, 3] }],
      markers: [
        {
          id: 'm1',
          name: t('Marker by the entrance', "Marcatore all'ingresso"),
          image: FIXTURE_MEDIA.markerImage,
          widthMetres: 0.2,
          position: [4, 1.5, 0.01],
          normal: [0, 0, 1],
        },
      ],
    },
  };
}
