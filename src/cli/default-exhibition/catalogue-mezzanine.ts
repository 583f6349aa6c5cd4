/**
 * The mezzanine's three pictures: a study, a sketch and a small repetition by painters whose canvases hang
 * downstairs, each linked to its companion there. Reached by the stair hall's stairs or its lift (personal visit: levels).
 */
import { ccBy, link, MEDIA_RIGHTS, paras, PUBLIC_DOMAIN, type CatalogueEntry } from './catalogue';
import { BASSO, BASSO_GIFT, KESSLER, KESSLER_GIFT, MARCHETTI, MARCHETTI_BEQUEST } from './catalogue-paintings';

const OIL_ON_BOARD = { en: 'Oil on board', it: 'Olio su tavola' };

export const MEZZANINE_ENTRIES: CatalogueEntry[] = [
  {
    id: 'poplars-for-her-sister',
    kind: 'painting',
    title: { en: 'Poplars, for her Sister', it: 'Pioppi, per la sorella' },
    creator: MARCHETTI,
    date: { en: '1908', it: '1908' },
    medium: OIL_ON_BOARD,
    accessionNumber: 'MCC.1935.4',
    creditLine: MARCHETTI_BEQUEST,
    rights: { work: PUBLIC_DOMAIN, media: MEDIA_RIGHTS },
    depth: 0.02,
    label: {
      en: 'A small repetition of the November poplars downstairs, painted the next year on a board as a present for her sister Clara. The road is the same; the trees stand closer.',
      it: 'Una piccola replica dei pioppi di novembre al piano di sotto, dipinta l’anno dopo su tavola come regalo per la sorella Clara. La strada è la stessa; gli alberi sono più fitti.',
    },
    backstory: {
      en: paras(
        'Clara Marchetti asked for a picture of the river road after seeing ' + link('Poplars in November', 'poplars-in-november') + ' in her sister’s studio. Elena painted it again from memory, small enough to travel by post.',
        'It came back to the studio when Clara died, and was found in 1935 wrapped in a page of the newspaper that had reviewed ' + link('Castelrovo from the River', 'castelrovo-from-the-river') + ' thirty-six years before.',
      ),
      it: paras(
        'Clara Marchetti chiese un quadro della strada del fiume dopo aver visto ' + link('Pioppi a novembre', 'poplars-in-november') + ' nello studio della sorella. Elena lo ridipinse a memoria, abbastanza piccolo da viaggiare per posta.',
        'Tornò nello studio alla morte di Clara e fu ritrovato nel 1935, avvolto in una pagina del giornale che trentasei anni prima aveva recensito ' + link('Castelrovo dal fiume', 'castelrovo-from-the-river') + '.',
      ),
    },
  },
  {
    id: 'study-for-red-rhythm',
    kind: 'painting',
    title: { en: 'Study for Red Rhythm', it: 'Studio per Ritmo rosso' },
    creator: KESSLER,
    date: { en: '1957', it: '1957' },
    medium: { en: 'Oil on paper, laid on canvas', it: 'Olio su carta, applicata su tela' },
    accessionNumber: 'MCC.1983.3',
    creditLine: KESSLER_GIFT,
    rights: { work: ccBy('Estate of Ada Kessler'), media: MEDIA_RIGHTS },
    depth: 0.02,
    label: {
      en: 'One of eleven studies Kessler made while listening to percussion records in the winter of 1957. Everything of the finished picture is already here, pressed into a smaller field.',
      it: 'Uno degli undici studi che Kessler eseguì ascoltando dischi di percussioni nell’inverno del 1957. C’è già tutto il quadro finito, compresso in un campo più piccolo.',
    },
    backstory: {
      en: paras(
        'Kessler kept the studies pinned in rows on her studio wall and took them down one by one as the big canvas, ' + link('Red Rhythm', 'red-rhythm') + ', settled. This is the last one she kept.',
        'Compare the arcs in the corner with the finished picture downstairs: here the yellow and black bands are drawn with the edge of a palette knife.',
      ),
      it: paras(
        'Kessler teneva gli studi appuntati in file sulla parete dello studio e li staccava uno a uno man mano che la grande tela, ' + link('Ritmo rosso', 'red-rhythm') + ', prendeva forma. Questo è l’ultimo che conservò.',
        'Confrontate gli archi nell’angolo con il quadro finito al piano di sotto: qui le bande gialle e nere sono tracciate con il filo della spatola.',
      ),
    },
  },
  {
    id: 'lemons-and-a-blue-jug-study',
    kind: 'painting',
    title: { en: 'Lemons and a Blue Jug (study)', it: 'Limoni e brocca blu (studio)' },
    creator: BASSO,
    date: { en: '1923', it: '1923' },
    medium: OIL_ON_BOARD,
    accessionNumber: 'MCC.1979.3',
    creditLine: BASSO_GIFT,
    rights: { work: PUBLIC_DOMAIN, media: MEDIA_RIGHTS },
    depth: 0.02,
    label: {
      en: 'The small board on which Basso first tried the arrangement of the still life downstairs: the same jug, the same folded cloth, the lemons not yet where they end up.',
      it: 'La piccola tavola su cui Basso provò per la prima volta la composizione della natura morta al piano di sotto: la stessa brocca, la stessa tovaglia piegata, i limoni non ancora al loro posto.',
    },
    backstory: {
      en: paras(
        'A year before ' + link('Still Life with Lemons and a Blue Jug', 'still-life-with-lemons') + ' Basso painted this study in an afternoon and gave it to his daughter Anna, then six.',
        'She kept it in her kitchen until she gave her father’s pictures to the museum in 1979, with ' + link('Bottles and a Blue Bowl', 'bottles-and-a-blue-bowl') + '.',
      ),
      it: paras(
        'Un anno prima di ' + link('Natura morta con limoni e brocca blu', 'still-life-with-lemons') + ' Basso dipinse questo studio in un pomeriggio e lo regalò alla figlia Anna, che aveva sei anni.',
        'Lei lo tenne nella sua cucina finché nel 1979 non donò al museo i quadri del padre, insieme a ' + link('Bottiglie e una ciotola blu', 'bottles-and-a-blue-bowl') + '.',
      ),
    },
  },
];
