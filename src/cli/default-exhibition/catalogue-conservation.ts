/**
 * Condition reports for works whose catalogue entry has none, so that the curator's view of the default
 * exhibition shows every grade, recent and overdue examinations, and works never examined (the modern
 * works on loan are examined by their lenders, so they have no report here).
 */
import { area, type ConservationInput, type Points } from './catalogue';

export const EXTRA_CONSERVATION: Record<string, (p: Points) => ConservationInput> = {
  'harbour-lights': () => ({
    reports: [
      {
        id: 'cr-2024',
        date: '2024-10-03',
        examiner: 'Paolo Ferraris',
        condition: 'excellent',
        notes: { en: 'Recently lined and varnished; no change since acquisition.', it: 'Foderata e verniciata di recente; nessun cambiamento dall’acquisizione.' },
        areas: [],
      },
    ],
    treatments: [],
  }),
  'dawn-over-the-marsh': (p) => ({
    reports: [
      {
        id: 'cr-2012',
        date: '2012-04-17',
        examiner: 'Giovanna Riva',
        condition: 'fair',
        notes: {
          en: 'Blanching in the pale sky and a tear, old and repaired, near the heron. Due for a full examination.',
          it: 'Sbiancamento nel cielo chiaro e uno strappo, vecchio e riparato, vicino all’airone. Da riesaminare a fondo.',
        },
        areas: [
          area(p.sun, 0.12, { en: 'Blanched varnish around the sun.', it: 'Vernice sbiancata intorno al sole.' }, 'fair'),
          area(p.heron, 0.05, { en: 'Old tear, patched from the back.', it: 'Vecchio strappo, rattoppato dal retro.' }, 'poor'),
        ],
      },
    ],
    treatments: [],
  }),
  'threshing-in-the-sun': (p) => ({
    reports: [
      {
        id: 'cr-2022',
        date: '2022-06-09',
        examiner: 'Paolo Ferraris',
        condition: 'good',
        notes: { en: 'Stable. Slight cupping in the impasto of the haystack.', it: 'Stabile. Lieve sollevamento a scodella nell’impasto del covone.' },
        areas: [area(p.stack, 0.1, { en: 'Cupping in thick paint.', it: 'Sollevamento a scodella nel colore spesso.' }, 'fair')],
      },
    ],
    treatments: [],
  }),
  'still-life-with-lemons': (p) => ({
    reports: [
      {
        id: 'cr-2025',
        date: '2025-02-20',
        examiner: 'Paolo Ferraris',
        condition: 'poor',
        notes: {
          en: 'Flaking in the yellow of the lemons, probably from the 2024 humidity failure in the storeroom. Kept flat, awaiting treatment.',
          it: 'Sollevamenti nel giallo dei limoni, probabilmente per il guasto dell’umidificazione del deposito nel 2024. Tenuto in piano, in attesa di intervento.',
        },
        areas: [
          area(p.lemon, 0.08, { en: 'Active flaking of the chrome yellow.', it: 'Sollevamenti attivi del giallo di cromo.' }, 'unstable'),
          area(p.jug, 0.06, { en: 'Fine cracks in the glaze of the jug.', it: 'Sottili crettature nella vernice della brocca.' }, 'fair'),
        ],
      },
    ],
    treatments: [],
  }),
  'pharmacy-jar': (p) => ({
    reports: [
      {
        id: 'cr-2008',
        date: '2008-11-25',
        examiner: 'Luisa Gatti',
        condition: 'fair',
        notes: {
          en: 'Chips to the rim, old restoration with a yellowed filler; glaze otherwise sound.',
          it: 'Scheggiature all’orlo, vecchio restauro con stucco ingiallito; per il resto la smaltatura è integra.',
        },
        areas: [area(p.rim, 0.03, { en: 'Chipped rim, yellowed fill.', it: 'Orlo scheggiato, stuccatura ingiallita.' }, 'poor')],
      },
    ],
    treatments: [],
  }),
  'three-waters': (p) => ({
    reports: [
      {
        id: 'cr-2023',
        date: '2023-09-12',
        examiner: 'Paolo Ferraris',
        condition: 'unstable',
        notes: {
          en: 'The joint between the upper and lower stones has opened by about a millimetre since 2021. Do not move; monitored monthly.',
          it: 'Il giunto tra la pietra superiore e quella inferiore si è aperto di circa un millimetro dal 2021. Non spostare; controllo mensile.',
        },
        areas: [area(p.joint, 0.05, { en: 'Opening joint.', it: 'Giunto in apertura.' }, 'unstable')],
      },
    ],
    treatments: [],
  }),
};
