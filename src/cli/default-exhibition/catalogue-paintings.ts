/**
 * Catalogue of the fifteen paintings: fictional artists with plausible lives,
 * coherent dates, provenance and rights, wall labels and backstories in
 * English and Italian. Annotation and condition positions refer to feature
 * points reported by the generative painters (metres from the image centre).
 */
import { ann, area, ccBy, link, MEDIA_RIGHTS, paras, PUBLIC_DOMAIN, type CatalogueEntry } from './catalogue';

export const MARCHETTI = { name: { en: 'Elena Marchetti Varo', it: 'Elena Marchetti Varo' }, lifeDates: '1861–1934', role: { en: 'Painter', it: 'Pittrice' } };
const FERRANTE = { name: { en: 'Tommaso Ferrante', it: 'Tommaso Ferrante' }, lifeDates: '1796–1858', role: { en: 'Painter', it: 'Pittore' } };
const SANSEVERINO = { name: { en: 'Vittoria Sanseverino', it: 'Vittoria Sanseverino' }, lifeDates: '1868–1941', role: { en: 'Painter', it: 'Pittrice' } };
export const BASSO = { name: { en: 'Giulio Basso', it: 'Giulio Basso' }, lifeDates: '1889–1961', role: { en: 'Painter', it: 'Pittore' } };
export const KESSLER = { name: { en: 'Ada Kessler', it: 'Ada Kessler' }, lifeDates: '1903–1978', role: { en: 'Painter', it: 'Pittrice' } };
const ORSENIGO = { name: { en: 'Lidia Orsenigo', it: 'Lidia Orsenigo' }, lifeDates: '1931–2016', role: { en: 'Painter', it: 'Pittrice' } };
const DELLERA = { name: { en: 'Marco Dellera', it: 'Marco Dellera' }, lifeDates: 'born 1958', role: { en: 'Painter', it: 'Pittore' } };
const SALT_MASTER = {
  name: { en: 'Master of the Salt Road', it: 'Maestro della Via del Sale' },
  lifeDates: 'active c. 1465–1490',
  role: { en: 'Painter (anonymous, named after his works)', it: 'Pittore (anonimo, così chiamato dalle sue opere)' },
};

const OIL = { en: 'Oil on canvas', it: 'Olio su tela' };
const ROVERE_BEQUEST = { en: 'Bequest of Count Alvise Rovere, 1872', it: 'Lascito del conte Alvise Rovere, 1872' };
export const MARCHETTI_BEQUEST = { en: 'Bequest of the artist, 1935', it: "Lascito dell'artista, 1935" };
export const BASSO_GIFT = { en: "Gift of Anna Basso, the artist's daughter, 1979", it: "Dono di Anna Basso, figlia dell'artista, 1979" };
export const KESSLER_GIFT = { en: 'Gift of the estate of Ada Kessler, 1983', it: 'Dono degli eredi di Ada Kessler, 1983' };

export const PAINTING_ENTRIES: CatalogueEntry[] = [
  {
    id: 'castelrovo-from-the-river',
    kind: 'painting',
    title: { en: 'Castelrovo from the River', it: 'Castelrovo dal fiume' },
    creator: MARCHETTI,
    date: { en: '1898', it: '1898' },
    medium: OIL,
    accessionNumber: 'MCC.1935.2',
    creditLine: MARCHETTI_BEQUEST,
    rights: { work: PUBLIC_DOMAIN, media: MEDIA_RIGHTS },
    depth: 0.04,
    label: {
      en: 'The town seen from the far bank on a late summer afternoon, its bell tower and dome doubled in the slow water. The largest canvas Marchetti Varo ever painted.',
      it: "La città vista dalla riva opposta in un tardo pomeriggio d'estate, con il campanile e la cupola raddoppiati nell'acqua lenta. È la tela più grande mai dipinta da Marchetti Varo.",
    },
    backstory: {
      en: paras(
        'Elena Marchetti Varo painted this view from a ferry landing on the eastern bank, returning to the same spot for most of the summer of 1898. Letters to her sister describe waiting each day for *the hour when the walls turn the colour of apricots*.',
        'The picture was shown in Milan in 1899 and failed to sell. Marchetti Varo kept it in her studio for the rest of her life and left it to the town, together with ' + link('Dawn over the Marsh', 'dawn-over-the-marsh') + ' and ' + link('Poplars in November', 'poplars-in-november') + ', in 1935.',
        'A century later ' + link('Marco Dellera', 'harbour-lights') + ' painted the same stretch of river at night. The two canvases now face each other across the hall.',
      ),
      it: paras(
        "Elena Marchetti Varo dipinse questa veduta da un approdo del traghetto sulla riva orientale, tornando nello stesso punto per gran parte dell'estate del 1898. Le lettere alla sorella raccontano l'attesa quotidiana *dell'ora in cui i muri prendono il colore delle albicocche*.",
        "Il quadro fu esposto a Milano nel 1899 e rimase invenduto. Marchetti Varo lo tenne nello studio per tutta la vita e nel 1935 lo lasciò alla città, insieme ad " + link('Alba sulla palude', 'dawn-over-the-marsh') + ' e a ' + link('Pioppi a novembre', 'poplars-in-november') + '.',
        'Un secolo dopo ' + link('Marco Dellera', 'harbour-lights') + " ha dipinto lo stesso tratto di fiume di notte. Oggi le due tele si fronteggiano nell'atrio.",
      ),
    },
    narration: {
      en: [
        'This is Castelrovo, seen from the far bank of the river in the summer of 1898.',
        'Elena Marchetti Varo came back to this spot almost every afternoon, waiting for the hour when the walls turn the colour of apricots.',
        'Look for the bell tower of San Ravo, and the grey dome of Santa Maria della Neve beside it.',
        'Everything above the waterline is repeated below it, broken into short horizontal strokes.',
        'The painting did not sell, so the artist kept it, and left it to her town.',
      ],
      it: [
        'Questa è Castelrovo, vista dalla riva opposta del fiume nell\'estate del 1898.',
        "Elena Marchetti Varo tornava qui quasi ogni pomeriggio, aspettando l'ora in cui i muri prendono il colore delle albicocche.",
        'Cercate il campanile di San Ravo e, accanto, la cupola grigia di Santa Maria della Neve.',
        "Tutto ciò che sta sopra la linea dell'acqua si ripete sotto, spezzato in brevi pennellate orizzontali.",
        "Il quadro rimase invenduto: l'artista lo tenne con sé e lo lasciò alla sua città.",
      ],
    },
    annotations: (p) => [
      ann('bell-tower', p.tower, { en: 'The bell tower of San Ravo', it: 'Il campanile di San Ravo' }, {
        en: 'The tallest building in town. Its belfry is left as a single dark stroke.',
        it: "L'edificio più alto della città. La cella campanaria è resa con un'unica pennellata scura.",
      }),
      ann('dome', p.dome, { en: 'Santa Maria della Neve', it: 'Santa Maria della Neve' }, {
        en: 'The lead-covered dome, cooled with grey and blue against the warm houses.',
        it: 'La cupola rivestita di piombo, raffreddata con grigi e azzurri accanto alle case calde.',
      }),
      ann('ferry', p.boat, { en: 'The ferry boat', it: 'La barca del traghetto' }, {
        en: 'The painter crossed in this boat every day; the ferryman appears in several of her sketches.',
        it: 'La pittrice attraversava il fiume ogni giorno con questa barca; il traghettatore compare in molti suoi schizzi.',
      }),
    ],
    conservation: (p) => ({
      reports: [
        {
          id: 'cr-2014',
          date: '2014-05-12',
          examiner: 'Giovanna Riva',
          condition: 'good',
          notes: {
            en: 'Stable paint layer. Slight cupping in the sky; old varnish evenly discoloured.',
            it: 'Pellicola pittorica stabile. Lieve sollevamento a scodella nel cielo; vecchia vernice uniformemente ingiallita.',
          },
          areas: [area(p.clouds, 0.2, { en: 'Fine cupping along the craquelure.', it: 'Leggero sollevamento a scodella lungo la craquelure.' }, 'fair')],
        },
      ],
      treatments: [],
    }),
  },
  {
    id: 'portrait-of-count-rovere',
    kind: 'painting',
    title: { en: 'Count Alvise Rovere', it: 'Ritratto del conte Alvise Rovere' },
    creator: FERRANTE,
    date: { en: '1846', it: '1846' },
    medium: OIL,
    accessionNumber: 'MCC.1872.1',
    creditLine: ROVERE_BEQUEST,
    rights: { work: PUBLIC_DOMAIN, media: MEDIA_RIGHTS },
    depth: 0.04,
    label: {
      en: "The museum's founder at fifty, painted by the town's leading portraitist. His bequest of 1872 began the civic collections.",
      it: 'Il fondatore del museo a cinquant’anni, ritratto dal più noto pittore della città. Il suo lascito del 1872 diede origine alle collezioni civiche.',
    },
    backstory: {
      en: paras(
        'Count Alvise Rovere (1796–1871) collected everything: Roman marbles, painted pottery, altarpieces, old pharmacy jars. When he died he left the collection, and the palace that housed it, to the town *for the instruction of all citizens*.',
        'Tommaso Ferrante, born in the same year as his sitter, shows him without wig or ceremony, in a black coat with the red ribbon of the Order of Civil Merit. Among the Count\'s treasures were ' + link('the gold-ground Saint Ravo', 'saint-ravo-calms-the-waters') + ', ' + link('the ivy amphora', 'ivy-amphora') + ' and ' + link('a young Roman head', 'head-of-a-young-man') + '.',
      ),
      it: paras(
        'Il conte Alvise Rovere (1796–1871) collezionava di tutto: marmi romani, ceramiche dipinte, pale d’altare, antichi vasi da farmacia. Alla sua morte lasciò la raccolta, e il palazzo che la ospitava, alla città *per l’istruzione di tutti i cittadini*.',
        'Tommaso Ferrante, nato nello stesso anno del suo modello, lo ritrae senza parrucca né cerimonie, in abito nero con il nastro rosso dell’Ordine al Merito Civile. Tra i tesori del conte c’erano ' + link('il San Ravo su fondo oro', 'saint-ravo-calms-the-waters') + ', ' + link("l'anfora con l'edera", 'ivy-amphora') + ' e ' + link('una testa romana di giovane', 'head-of-a-young-man') + '.',
      ),
    },
    annotations: (p) => [
      ann('face', p.face, { en: 'A face without flattery', it: 'Un volto senza adulazione' }, {
        en: 'Ferrante models the face with a strong light from the left and leaves the lines of age in place.',
        it: 'Ferrante modella il volto con una forte luce da sinistra e lascia al loro posto i segni dell’età.',
      }),
      ann('ribbon', p.ribbon, { en: 'The Order of Civil Merit', it: "L'Ordine al Merito Civile" }, {
        en: 'Awarded to Rovere in 1844 for founding the town’s first public school.',
        it: 'Conferito a Rovere nel 1844 per aver fondato la prima scuola pubblica della città.',
      }),
      ann('cravat', p.collar, { en: 'High collar and cravat', it: 'Colletto alto e cravatta' }, {
        en: 'The fashion of the 1840s; the gold pin was also part of the bequest.',
        it: 'La moda degli anni Quaranta dell’Ottocento; anche lo spillo d’oro faceva parte del lascito.',
      }),
    ],
    conservation: (p) => ({
      reports: [
        {
          id: 'cr-2009',
          date: '2009-03-02',
          examiner: 'Giovanna Riva',
          condition: 'fair',
          notes: {
            en: 'Thick, strongly yellowed natural-resin varnish flattens the modelling of the face. Small losses along the lower edge.',
            it: 'Vernice di resina naturale spessa e molto ingiallita che appiattisce il modellato del volto. Piccole cadute lungo il margine inferiore.',
          },
          areas: [
            area(p.face, 0.12, { en: 'Discoloured varnish, uneven gloss.', it: 'Vernice alterata, brillantezza disomogenea.' }, 'fair'),
            area(p.ribbon, 0.05, { en: 'Old retouching over the ribbon has darkened.', it: 'Vecchi ritocchi sul nastro, scuriti.' }, 'fair'),
          ],
        },
        {
          id: 'cr-2021',
          date: '2021-11-18',
          examiner: 'Paolo Ferraris',
          condition: 'good',
          notes: { en: 'Stable after the 2010 treatment. No new losses.', it: 'Stabile dopo l’intervento del 2010. Nessuna nuova caduta.' },
          areas: [],
        },
      ],
      treatments: [
        {
          id: 'tr-2010',
          date: '2010-01',
          conservator: 'Giovanna Riva',
          description: {
            en: 'Removal of the discoloured varnish and old retouching; losses filled and inpainted with reversible materials; new synthetic varnish.',
            it: 'Rimozione della vernice alterata e dei vecchi ritocchi; stuccatura e reintegrazione delle lacune con materiali reversibili; nuova vernice sintetica.',
          },
        },
      ],
    }),
  },
  {
    id: 'harbour-lights',
    kind: 'painting',
    title: { en: 'Harbour Lights', it: 'Luci del porto' },
    creator: DELLERA,
    date: { en: '2009', it: '2009' },
    medium: { en: 'Oil on linen', it: 'Olio su lino' },
    accessionNumber: 'MCC.2011.4',
    creditLine: { en: 'Gift of the artist, 2011', it: "Dono dell'artista, 2011" },
    rights: { work: ccBy('Marco Dellera'), media: MEDIA_RIGHTS },
    depth: 0.03,
    label: {
      en: 'The river port at night: warehouse lamps and a crane stretched into long reflections. Dellera painted it wet-into-wet in a single night.',
      it: 'Il porto fluviale di notte: le lampade dei magazzini e una gru allungate in lunghi riflessi. Dellera lo ha dipinto bagnato su bagnato in una sola notte.',
    },
    backstory: {
      en: paras(
        'Marco Dellera grew up above a chandler’s shop on the quay. *Harbour Lights* belongs to a series of nocturnes he began when the last cargo barges stopped using the river port in 2008.',
        'He gave the painting to the museum so that it could hang opposite ' + link('Castelrovo from the River', 'castelrovo-from-the-river') + ': the same water, a hundred and eleven years later, lit by electricity instead of the sun.',
      ),
      it: paras(
        'Marco Dellera è cresciuto sopra una bottega di forniture navali sul molo. *Luci del porto* appartiene a una serie di notturni iniziata quando, nel 2008, le ultime chiatte da carico smisero di usare il porto fluviale.',
        'Ha donato il quadro al museo perché fosse appeso di fronte a ' + link('Castelrovo dal fiume', 'castelrovo-from-the-river') + ': la stessa acqua, centoundici anni dopo, illuminata dall’elettricità invece che dal sole.',
      ),
    },
    annotations: (p) => [
      ann('crane', p.crane, { en: 'The last crane', it: "L'ultima gru" }, {
        en: 'Dismantled in 2012; the painting is one of the few records of it.',
        it: 'Smontata nel 2012; il quadro è una delle poche testimonianze che ne restano.',
      }),
      ann('reflections', p.reflections, { en: 'Dragged reflections', it: 'Riflessi trascinati' }, {
        en: 'Each reflection is a single vertical drag of a loaded brush through wet paint.',
        it: 'Ogni riflesso è un solo trascinamento verticale di un pennello carico nel colore ancora fresco.',
      }),
    ],
  },
  {
    id: 'dawn-over-the-marsh',
    kind: 'painting',
    title: { en: 'Dawn over the Marsh', it: 'Alba sulla palude' },
    creator: MARCHETTI,
    date: { en: '1894', it: '1894' },
    medium: OIL,
    accessionNumber: 'MCC.1935.1',
    creditLine: MARCHETTI_BEQUEST,
    rights: { work: PUBLIC_DOMAIN, media: MEDIA_RIGHTS },
    depth: 0.035,
    label: {
      en: 'Sunrise over the reed beds south of the town, with a grey heron standing in the shallows. One of the first pictures Marchetti Varo painted out of doors.',
      it: 'L’alba sui canneti a sud della città, con un airone cenerino fermo nell’acqua bassa. Uno dei primi quadri dipinti da Marchetti Varo all’aperto.',
    },
    backstory: {
      en: paras(
        'The marshes were drained in the 1920s; this canvas records a landscape that no longer exists. Marchetti Varo rowed out before dawn with a folding easel and worked for less than an hour, while the light lasted.',
        'Four years later she brought the same patience to the town itself in ' + link('Castelrovo from the River', 'castelrovo-from-the-river') + '.',
      ),
      it: paras(
        'Le paludi furono bonificate negli anni Venti: questa tela documenta un paesaggio che non esiste più. Marchetti Varo vi arrivava in barca prima dell’alba con un cavalletto pieghevole e lavorava per meno di un’ora, finché durava la luce.',
        'Quattro anni dopo dedicò la stessa pazienza alla città in ' + link('Castelrovo dal fiume', 'castelrovo-from-the-river') + '.',
      ),
    },
    annotations: (p) => [
      ann('sun', p.sun, { en: 'The rising sun', it: 'Il sole che sorge' }, {
        en: 'Thick white paint, the brightest passage in the picture.',
        it: 'Bianco steso a spessore: il punto più luminoso del quadro.',
      }),
      ann('heron', p.heron, { en: 'A grey heron', it: 'Un airone cenerino' }, {
        en: 'Painted in a few strokes, almost the colour of the water.',
        it: 'Dipinto con poche pennellate, quasi dello stesso colore dell’acqua.',
      }),
    ],
  },
  {
    id: 'threshing-in-the-sun',
    kind: 'painting',
    title: { en: 'Threshing Day', it: 'Giorno di trebbiatura' },
    creator: SANSEVERINO,
    date: { en: '1899', it: '1899' },
    medium: OIL,
    accessionNumber: 'MCC.1952.3',
    creditLine: { en: 'Purchased, 1952', it: 'Acquisto, 1952' },
    rights: { work: PUBLIC_DOMAIN, media: MEDIA_RIGHTS },
    depth: 0.035,
    label: {
      en: 'A stubble field after the harvest, built from separate touches of pure colour that mix in the eye. Sanseverino was the only woman in the divisionist circle of her city.',
      it: "Un campo di stoppie dopo il raccolto, costruito con tocchi separati di colore puro che si fondono nell'occhio. Sanseverino fu l'unica donna del gruppo divisionista della sua città.",
    },
    backstory: {
      en: paras(
        'Divisionist painters laid colours side by side instead of mixing them on the palette: yellow next to violet in the shadows, orange next to blue in the light. Seen from a few steps away, the touches fuse into a shimmer that was meant to rival sunlight itself.',
        'Vittoria Sanseverino painted *Threshing Day* on her family’s farm. Its companion, ' + link('High Pasture', 'mountain-pasture') + ', takes the same method up into the mountains two years later.',
      ),
      it: paras(
        "I pittori divisionisti accostavano i colori invece di mescolarli sulla tavolozza: il giallo accanto al viola nelle ombre, l'arancio accanto all'azzurro nelle luci. Visti da qualche passo di distanza, i tocchi si fondono in una vibrazione che voleva gareggiare con la luce del sole.",
        'Vittoria Sanseverino dipinse *Giorno di trebbiatura* nella fattoria di famiglia. Il suo pendant, ' + link('Pascolo alto', 'mountain-pasture') + ', porta lo stesso metodo in montagna due anni più tardi.',
      ),
    },
    annotations: (p) => [
      ann('haystack', p.stack, { en: 'Shadow in complementary colours', it: 'Ombre in colori complementari' }, {
        en: 'Step closer: the shadow of the stack is made of blue and violet touches, not grey.',
        it: 'Avvicinatevi: l’ombra del covone è fatta di tocchi blu e viola, non di grigio.',
      }),
      ann('farmhouse', p.house, { en: 'The Sanseverino farm', it: 'La cascina Sanseverino' }, {
        en: 'Still standing, four kilometres north of the town.',
        it: 'Esiste ancora, quattro chilometri a nord della città.',
      }),
    ],
  },
  {
    id: 'mountain-pasture',
    kind: 'painting',
    title: { en: 'High Pasture', it: 'Pascolo alto' },
    creator: SANSEVERINO,
    date: { en: '1901', it: '1901' },
    medium: OIL,
    accessionNumber: 'MCC.1998.2',
    creditLine: { en: 'Purchased with the support of the Friends of the Museum, 1998', it: 'Acquisto con il sostegno degli Amici del Museo, 1998' },
    rights: { work: PUBLIC_DOMAIN, media: MEDIA_RIGHTS },
    depth: 0.035,
    label: {
      en: 'Cows grazing below snow peaks in thin, bright mountain air. Painted during a summer at an alpine hut, in touches even smaller than those of Threshing Day.',
      it: "Mucche al pascolo sotto le cime innevate, nell'aria sottile e luminosa della montagna. Dipinto durante un'estate in un alpeggio, con tocchi ancora più piccoli di quelli di Giorno di trebbiatura.",
    },
    backstory: {
      en: paras(
        'In 1901 Sanseverino spent three months at an alpine hut, carrying her canvases up each morning strapped to a frame on her back. She wrote that at altitude *the colours stand apart by themselves*, as if the mountain air did the divisionist’s work.',
        'The picture left the region after her death and reappeared at auction in 1998, when the Friends of the Museum bought it to hang beside ' + link('Threshing Day', 'threshing-in-the-sun') + '.',
      ),
      it: paras(
        "Nel 1901 Sanseverino trascorse tre mesi in un alpeggio, portando ogni mattina le tele in quota legate a un telaio sulla schiena. Scrisse che in alta montagna *i colori si separano da soli*, come se l'aria facesse il lavoro del divisionista.",
        "Il quadro lasciò la regione dopo la sua morte e ricomparve in un'asta nel 1998, quando gli Amici del Museo lo acquistarono per affiancarlo a " + link('Giorno di trebbiatura', 'threshing-in-the-sun') + '.',
      ),
    },
  },
  {
    id: 'poplars-in-november',
    kind: 'painting',
    title: { en: 'Poplars in November', it: 'Pioppi a novembre' },
    creator: MARCHETTI,
    date: { en: '1907', it: '1907' },
    medium: OIL,
    accessionNumber: 'MCC.1935.3',
    creditLine: MARCHETTI_BEQUEST,
    rights: { work: PUBLIC_DOMAIN, media: MEDIA_RIGHTS },
    depth: 0.035,
    label: {
      en: 'The road to the river between two rows of poplars in their last yellow leaves. A late, freer work, painted with a loaded brush.',
      it: 'La strada verso il fiume tra due filari di pioppi con le ultime foglie gialle. Un’opera tarda e più libera, dipinta con il pennello carico.',
    },
    backstory: {
      en: paras(
        'Poplars were planted along the river roads for timber and shade. Marchetti Varo painted this avenue on the way to the ferry landing from which, nine years earlier, she had painted ' + link('Castelrovo from the River', 'castelrovo-from-the-river') + '.',
        'The vanishing road pulls the eye deep into the picture, while the thick yellow strokes of the leaves sit on the surface, almost in relief.',
      ),
      it: paras(
        'I pioppi venivano piantati lungo le strade del fiume per il legname e per l’ombra. Marchetti Varo dipinse questo viale sulla via dell’approdo da cui, nove anni prima, aveva dipinto ' + link('Castelrovo dal fiume', 'castelrovo-from-the-river') + '.',
        'La strada che fugge trascina lo sguardo in profondità, mentre le dense pennellate gialle delle foglie restano in superficie, quasi in rilievo.',
      ),
    },
  },
  {
    id: 'still-life-with-lemons',
    kind: 'painting',
    title: { en: 'Still Life with Lemons and a Blue Jug', it: 'Natura morta con limoni e brocca blu' },
    creator: BASSO,
    date: { en: '1924', it: '1924' },
    medium: OIL,
    accessionNumber: 'MCC.1979.1',
    creditLine: BASSO_GIFT,
    rights: { work: ccBy('Heirs of Giulio Basso'), media: MEDIA_RIGHTS },
    depth: 0.03,
    label: {
      en: 'Four lemons, a blue jug and a folded cloth on the kitchen table of the artist’s house. Basso returned to the same few objects for forty years.',
      it: 'Quattro limoni, una brocca blu e una tovaglia piegata sul tavolo di cucina della casa dell’artista. Basso tornò sugli stessi pochi oggetti per quarant’anni.',
    },
    backstory: {
      en: paras(
        'Giulio Basso rarely left Castelrovo. He taught drawing at the technical school and painted in the evenings, arranging and rearranging the same jug, bottles and bowls on a table by the window.',
        'In this early still life the light is still warm and the shadows sharp. Seven years later, in ' + link('Bottles and a Blue Bowl', 'bottles-and-a-blue-bowl') + ', colour and shadow have almost disappeared.',
      ),
      it: paras(
        'Giulio Basso si allontanò raramente da Castelrovo. Insegnava disegno alla scuola tecnica e dipingeva la sera, disponendo e ridisponendo sullo stesso tavolo accanto alla finestra la stessa brocca, le stesse bottiglie e ciotole.',
        'In questa natura morta giovanile la luce è ancora calda e le ombre sono nette. Sette anni dopo, in ' + link('Bottiglie e una ciotola blu', 'bottles-and-a-blue-bowl') + ', colore e ombre sono quasi scomparsi.',
      ),
    },
    annotations: (p) => [
      ann('jug', p.jug, { en: 'The blue jug', it: 'La brocca blu' }, {
        en: 'The jug survives; the artist’s daughter gave it to the museum with the paintings.',
        it: 'La brocca esiste ancora: la figlia dell’artista l’ha donata al museo insieme ai quadri.',
      }),
      ann('lemons', p.lemon, { en: 'Cast shadows', it: 'Ombre portate' }, {
        en: 'Light comes from a window on the left; every lemon throws a cool shadow to the right.',
        it: 'La luce viene da una finestra a sinistra; ogni limone proietta un’ombra fredda verso destra.',
      }),
    ],
  },
  {
    id: 'bottles-and-a-blue-bowl',
    kind: 'painting',
    title: { en: 'Bottles and a Blue Bowl', it: 'Bottiglie e una ciotola blu' },
    creator: BASSO,
    date: { en: '1931', it: '1931' },
    medium: OIL,
    accessionNumber: 'MCC.1979.2',
    creditLine: BASSO_GIFT,
    rights: { work: ccBy('Heirs of Giulio Basso'), media: MEDIA_RIGHTS },
    depth: 0.03,
    label: {
      en: 'Three bottles, a box and a bowl in soft, even light, pressed together like buildings seen from afar. The only strong colour is the bowl.',
      it: 'Tre bottiglie, una scatola e una ciotola in una luce morbida e uniforme, accostate come edifici visti da lontano. L’unico colore deciso è quello della ciotola.',
    },
    backstory: {
      en: paras(
        'By 1931 Basso had stopped painting fruit. He covered his bottles with a thin coat of matt paint so that they would not reflect the window, and chose a palette of chalk, sand and ash.',
        'The blue bowl is the same blue as the jug in ' + link('Still Life with Lemons and a Blue Jug', 'still-life-with-lemons') + ': a small signature that ties the two pictures together.',
      ),
      it: paras(
        'Nel 1931 Basso aveva smesso di dipingere la frutta. Copriva le bottiglie con una sottile mano di colore opaco perché non riflettessero la finestra, e sceglieva una tavolozza di gesso, sabbia e cenere.',
        'La ciotola è dello stesso blu della brocca in ' + link('Natura morta con limoni e brocca blu', 'still-life-with-lemons') + ': una piccola firma che lega i due quadri.',
      ),
    },
  },
  {
    id: 'composition-with-ochre-bars',
    kind: 'painting',
    title: { en: 'Composition with Ochre Bars', it: 'Composizione con barre ocra' },
    creator: KESSLER,
    date: { en: '1952', it: '1952' },
    medium: OIL,
    accessionNumber: 'MCC.1983.1',
    creditLine: KESSLER_GIFT,
    rights: { work: ccBy('Estate of Ada Kessler'), media: MEDIA_RIGHTS },
    depth: 0.03,
    label: {
      en: 'Bars of ochre and black, a blue square and a red disc held in balance on a warm white ground. Kessler painted every edge by hand, without tape.',
      it: 'Barre ocra e nere, un quadrato blu e un disco rosso tenuti in equilibrio su un fondo bianco caldo. Kessler dipingeva ogni bordo a mano libera, senza nastro.',
    },
    backstory: {
      en: paras(
        'Ada Kessler trained as a textile designer in Zurich and settled in Castelrovo after the war. Her compositions begin as weaving drafts: a grid of warp and weft from which she removes everything but a few bars of colour.',
        'Look closely and the "flat" colours are full of brush marks running along each bar. Six years later the same elements begin to move, in ' + link('Red Rhythm', 'red-rhythm') + '.',
      ),
      it: paras(
        'Ada Kessler si formò come disegnatrice tessile a Zurigo e si stabilì a Castelrovo dopo la guerra. Le sue composizioni nascono come schemi di tessitura: una griglia di ordito e trama da cui elimina tutto tranne poche barre di colore.',
        'Guardando da vicino, i colori "piatti" sono pieni di segni di pennello che corrono lungo ogni barra. Sei anni dopo gli stessi elementi cominciano a muoversi, in ' + link('Ritmo rosso', 'red-rhythm') + '.',
      ),
    },
    annotations: (p) => [
      ann('disc', p.disc, { en: 'The red disc', it: 'Il disco rosso' }, {
        en: 'The only curve in the picture, placed just off the centre.',
        it: "L'unica curva del quadro, collocata appena fuori dal centro.",
      }),
      ann('blue-square', p.blue, { en: 'Hand-painted edges', it: 'Bordi dipinti a mano' }, {
        en: 'The edges of the blue square waver slightly: Kessler never used masking tape.',
        it: 'I bordi del quadrato blu vibrano leggermente: Kessler non usò mai il nastro adesivo.',
      }),
    ],
  },
  {
    id: 'red-rhythm',
    kind: 'painting',
    title: { en: 'Red Rhythm', it: 'Ritmo rosso' },
    creator: KESSLER,
    date: { en: '1958', it: '1958' },
    medium: OIL,
    accessionNumber: 'MCC.1983.2',
    creditLine: KESSLER_GIFT,
    rights: { work: ccBy('Estate of Ada Kessler'), media: MEDIA_RIGHTS },
    depth: 0.03,
    label: {
      en: 'A diagonal black band cuts a red field; yellow and black arcs ripple out from a corner. Kessler called it her first picture about music.',
      it: 'Una banda nera diagonale taglia un campo rosso; archi gialli e neri si propagano da un angolo. Kessler lo definì il suo primo quadro sulla musica.',
    },
    backstory: {
      en: paras(
        'In 1957 Kessler began to paint while listening to recordings of percussion. The right angles of ' + link('Composition with Ochre Bars', 'composition-with-ochre-bars') + ' give way to diagonals and arcs, and the ground itself turns red.',
        'The white disc, half ringed in black, is the one still point in the composition, *a rest in the score*, as she wrote in her notebook.',
      ),
      it: paras(
        'Nel 1957 Kessler cominciò a dipingere ascoltando registrazioni di percussioni. Gli angoli retti di ' + link('Composizione con barre ocra', 'composition-with-ochre-bars') + ' lasciano il posto a diagonali e archi, e il fondo stesso diventa rosso.',
        'Il disco bianco, per metà cerchiato di nero, è l’unico punto fermo della composizione, *una pausa nella partitura*, come scrisse nel suo taccuino.',
      ),
    },
  },
  {
    id: 'field-of-sienna',
    kind: 'painting',
    title: { en: 'Field of Sienna', it: 'Campo di terra di Siena' },
    creator: ORSENIGO,
    date: { en: '1968', it: '1968' },
    medium: { en: 'Acrylic on canvas', it: 'Acrilico su tela' },
    accessionNumber: 'MCC.1990.1',
    creditLine: { en: 'Purchased, 1990', it: 'Acquisto, 1990' },
    rights: { work: ccBy('Archivio Lidia Orsenigo'), media: MEDIA_RIGHTS },
    depth: 0.04,
    label: {
      en: 'Two soft-edged blocks, burnt orange over deep maroon, float on a ground of raw sienna. Stand close: the picture is meant to fill your field of view.',
      it: 'Due blocchi dai bordi morbidi, arancio bruciato sopra un bordeaux profondo, galleggiano su un fondo di terra di Siena naturale. Avvicinatevi: il quadro è pensato per riempire il vostro campo visivo.',
    },
    backstory: {
      en: paras(
        'Lidia Orsenigo built her colour fields from dozens of thin, scrubbed layers of diluted acrylic, so that each block seems to glow from behind. She asked that her large canvases be hung low and seen from no more than a metre away.',
        'The title refers to the earth pigments of her childhood in the hills around Siena. Its night-time counterpart, ' + link('Night Field (Blue)', 'night-field-blue') + ', hangs around the corner.',
      ),
      it: paras(
        'Lidia Orsenigo costruiva i suoi campi di colore con decine di strati sottili e strofinati di acrilico diluito, così che ogni blocco sembra illuminato da dietro. Chiedeva che le grandi tele fossero appese in basso e guardate da non più di un metro.',
        "Il titolo richiama le terre della sua infanzia sulle colline intorno a Siena. Il suo corrispettivo notturno, " + link('Campo notturno (blu)', 'night-field-blue') + ", è appeso dietro l'angolo.",
      ),
    },
    annotations: (p) => [
      ann('feathered-edge', p.edge, { en: 'A breathing edge', it: 'Un bordo che respira' }, {
        en: 'No block has a hard edge: the colours are scrubbed into each other with a dry brush.',
        it: 'Nessun blocco ha un bordo netto: i colori sono sfregati l’uno nell’altro con il pennello asciutto.',
      }),
      ann('upper-block', p.upper, { en: 'Layers of orange', it: 'Strati di arancio' }, {
        en: 'At least twenty thin layers, from yellow to red, build up this orange.',
        it: 'Almeno venti strati sottili, dal giallo al rosso, costruiscono questo arancio.',
      }),
    ],
    conservation: (p) => ({
      reports: [
        {
          id: 'cr-2019',
          date: '2019-02-20',
          examiner: 'Paolo Ferraris',
          condition: 'good',
          notes: {
            en: 'Unvarnished acrylic surface with a film of grime that dulls the dark lower block. Canvas taut, no losses.',
            it: 'Superficie acrilica non verniciata con un velo di sporco che spegne il blocco scuro inferiore. Tela ben tesa, nessuna caduta.',
          },
          areas: [area(p.edge, 0.3, { en: 'Surface grime, sensitive to water.', it: 'Sporco superficiale, sensibile all’acqua.' }, 'fair')],
        },
      ],
      treatments: [
        {
          id: 'tr-2019',
          date: '2019-04',
          conservator: 'Paolo Ferraris',
          description: {
            en: 'Dry surface cleaning with soft sponges, tested square by square; no solvents. The artist’s archive was consulted.',
            it: 'Pulitura a secco della superficie con spugne morbide, saggiata quadrato per quadrato; nessun solvente. È stato consultato l’archivio dell’artista.',
          },
        },
      ],
    }),
  },
  {
    id: 'night-field-blue',
    kind: 'painting',
    title: { en: 'Night Field (Blue)', it: 'Campo notturno (blu)' },
    creator: ORSENIGO,
    date: { en: '1974', it: '1974' },
    medium: { en: 'Acrylic on canvas', it: 'Acrilico su tela' },
    accessionNumber: 'MCC.2017.1',
    creditLine: { en: 'Gift of the Archivio Lidia Orsenigo, 2017', it: "Dono dell'Archivio Lidia Orsenigo, 2017" },
    rights: { work: ccBy('Archivio Lidia Orsenigo'), media: MEDIA_RIGHTS },
    depth: 0.04,
    label: {
      en: 'A luminous blue block and a thin violet band on a ground close to black. The picture changes as your eyes adjust to it.',
      it: 'Un blocco blu luminoso e una sottile fascia viola su un fondo vicino al nero. Il quadro cambia mentre gli occhi vi si abituano.',
    },
    backstory: {
      en: paras(
        'After 1970 Orsenigo painted at night, under a single lamp. The warm earths of ' + link('Field of Sienna', 'field-of-sienna') + ' give way to blues and violets that, she said, *only begin to show after a minute of looking*.',
        'Give it that minute. The dark ground slowly separates into blue-black and brown-black, and the violet band starts to glow.',
      ),
      it: paras(
        'Dopo il 1970 Orsenigo dipingeva di notte, sotto un’unica lampada. Le terre calde di ' + link('Campo di terra di Siena', 'field-of-sienna') + ' lasciano il posto a blu e viola che, diceva, *cominciano a vedersi solo dopo un minuto di sguardo*.',
        'Concedetegli quel minuto. Il fondo scuro si separa lentamente in un nero bluastro e in un nero bruno, e la fascia viola comincia a brillare.',
      ),
    },
  },
  {
    id: 'saint-ravo-calms-the-waters',
    kind: 'painting',
    title: { en: 'Saint Ravo Calms the Waters', it: 'San Ravo placa le acque' },
    creator: SALT_MASTER,
    date: { en: 'c. 1475', it: '1475 circa' },
    medium: { en: 'Tempera and gold leaf on poplar panel', it: 'Tempera e foglia d’oro su tavola di pioppo' },
    accessionNumber: 'MCC.1872.14',
    // The Confraternity of San Ravo asked that the saint's legend not be played aloud in the gallery (AR), where
    // the panel hangs beside the case of its processional object; online and in VR it may be heard.
    sensitivity: { level: 'open', narration: ['preview', 'vr'] },
    creditLine: ROVERE_BEQUEST,
    rights: { work: PUBLIC_DOMAIN, media: MEDIA_RIGHTS },
    depth: 0.035,
    label: {
      en: 'The town’s patron saint raises his hand over a flooded river and a boat in danger. A panel from a lost altarpiece, on a ground of punched gold leaf.',
      it: 'Il santo patrono della città alza la mano su un fiume in piena e su una barca in pericolo. Una tavola di una pala d’altare perduta, su un fondo di foglia d’oro punzonata.',
    },
    backstory: {
      en: paras(
        'According to local legend, Ravo was a ferryman who, in the flood of 1129, stilled the river with a blessing so that the boats could reach the town. He is still carried through the streets every spring by the Confraternity that bears his name.',
        'The painter is known only from a group of panels made for churches along the old salt road, hence his name. This one was bought by ' + link('Count Rovere', 'portrait-of-count-rovere') + ' in 1851 from a dismantled chapel.',
        'Tempera paint is made with egg yolk and dries fast, so the saint’s red robe and blue mantle are built up from hundreds of fine parallel hatchings. The gold was laid on red clay and burnished, then decorated with punches.',
      ),
      it: paras(
        "Secondo la leggenda locale, Ravo era un traghettatore che nell'alluvione del 1129 placò il fiume con una benedizione, perché le barche potessero raggiungere la città. Ogni primavera viene ancora portato in processione per le strade dalla Confraternita che porta il suo nome.",
        "Il pittore è noto solo per un gruppo di tavole dipinte per le chiese lungo l'antica via del sale, da cui il suo nome. Questa fu acquistata dal " + link('conte Rovere', 'portrait-of-count-rovere') + ' nel 1851 da una cappella smantellata.',
        "La tempera si prepara con il tuorlo d'uovo e asciuga in fretta: per questo la veste rossa e il manto blu del santo sono costruiti con centinaia di sottili tratteggi paralleli. L'oro fu steso su bolo rosso e brunito, poi decorato con punzoni.",
      ),
    },
    narration: {
      en: [
        'This small panel was painted around 1475 for an altarpiece that no longer exists.',
        'It shows Saint Ravo, the patron of Castelrovo, calming the flood of 1129 with a raised hand.',
        'Below him, a boat with two passengers rides the stylised waves.',
        'The background is real gold leaf, laid on red clay, burnished, and tooled with tiny punches around the halo.',
        'The fine network of cracks is normal for a painting on wood of this age.',
      ],
      it: [
        "Questa piccola tavola fu dipinta intorno al 1475 per una pala d'altare che non esiste più.",
        "Raffigura San Ravo, patrono di Castelrovo, che placa l'alluvione del 1129 alzando la mano.",
        'Sotto di lui, una barca con due passeggeri avanza sulle onde stilizzate.',
        "Lo sfondo è vera foglia d'oro, stesa su bolo rosso, brunita e lavorata con minuscoli punzoni intorno all'aureola.",
        "La sottile rete di crepe è normale per una pittura su legno di quest'età.",
      ],
    },
    annotations: (p) => [
      ann('halo', p.halo, { en: 'A punched halo', it: "Un'aureola punzonata" }, {
        en: 'Rings of tiny dots struck into the gold with metal punches catch the light as the viewer moves.',
        it: "Cerchi di minuscoli punti impressi nell'oro con punzoni di metallo catturano la luce mentre chi guarda si sposta.",
      }),
      ann('blessing', p.hand, { en: 'The blessing hand', it: 'La mano benedicente' }, {
        en: 'The gesture that, in the legend, stilled the river.',
        it: 'Il gesto che, nella leggenda, placò il fiume.',
      }),
      ann('boat', p.boat, { en: 'The boat in danger', it: 'La barca in pericolo' }, {
        en: 'Two passengers and a mast: the flood survivors the saint is saving.',
        it: "Due passeggeri e un albero: i superstiti dell'alluvione che il santo sta salvando.",
      }),
      ann('gold-ground', p.gold, { en: 'Gold ground and craquelure', it: 'Fondo oro e craquelure' }, {
        en: 'The network of cracks follows the grain of the poplar panel beneath.',
        it: 'La rete di crepe segue la venatura della tavola di pioppo sottostante.',
      }),
    ],
    conservation: (p) => ({
      reports: [
        {
          id: 'cr-1987',
          date: '1987-06-04',
          examiner: 'Luisa Gatti',
          condition: 'poor',
          notes: {
            en: 'Active flaking of paint and gilding along the vertical joint of the panel; the panel has warped. Dirty, discoloured varnish.',
            it: 'Sollevamenti attivi di colore e doratura lungo la commettitura verticale della tavola; la tavola si è imbarcata. Vernice sporca e alterata.',
          },
          areas: [
            area(p.gold, 0.08, { en: 'Flaking gold leaf, lifting at the edges.', it: 'Foglia d’oro in sollevamento ai bordi.' }, 'unstable'),
            area(p.boat, 0.06, { en: 'Losses in the water and the boat.', it: 'Cadute di colore nell’acqua e nella barca.' }, 'poor'),
          ],
        },
        {
          id: 'cr-2016',
          date: '2016-09-28',
          examiner: 'Paolo Ferraris',
          condition: 'fair',
          notes: {
            en: 'Consolidation of 1988 holding well. Varnish yellowed again; old retouchings visible in the waves.',
            it: 'Il consolidamento del 1988 tiene bene. Vernice di nuovo ingiallita; vecchi ritocchi visibili nelle onde.',
          },
          areas: [area(p.boat, 0.07, { en: 'Discoloured 1988 retouching.', it: 'Ritocchi del 1988 alterati.' }, 'fair')],
        },
        {
          id: 'cr-2023',
          date: '2023-03-15',
          examiner: 'Paolo Ferraris',
          condition: 'good',
          notes: { en: 'Stable after the 2017 treatment. Relative humidity in the cabinet kept at 50–55%.', it: 'Stabile dopo l’intervento del 2017. Umidità relativa del gabinetto mantenuta al 50–55%.' },
          areas: [],
        },
      ],
      treatments: [
        {
          id: 'tr-1988',
          date: '1988-02',
          conservator: 'Luisa Gatti',
          description: {
            en: 'Consolidation of flaking paint and gilding with animal glue; the warped panel fitted with a flexible cradle.',
            it: 'Consolidamento di colore e doratura in sollevamento con colla animale; la tavola imbarcata è stata dotata di una traversatura flessibile.',
          },
        },
        {
          id: 'tr-2017',
          date: '2017-05',
          conservator: 'Paolo Ferraris',
          description: {
            en: 'Cleaning of the varnish, removal of the 1988 retouching in the waves, new reversible inpainting.',
            it: 'Pulitura della vernice, rimozione dei ritocchi del 1988 nelle onde, nuova reintegrazione reversibile.',
          },
        },
      ],
    }),
  },
  {
    id: 'the-apothecarys-daughter',
    kind: 'painting',
    title: { en: 'The Apothecary’s Daughter', it: 'La figlia dello speziale' },
    creator: FERRANTE,
    date: { en: 'c. 1840', it: '1840 circa' },
    medium: OIL,
    accessionNumber: 'MCC.1911.2',
    creditLine: { en: 'Transferred from the pharmacy of the Ospedale Maggiore, 1911', it: "Trasferimento dalla farmacia dell'Ospedale Maggiore, 1911" },
    rights: { work: PUBLIC_DOMAIN, media: MEDIA_RIGHTS },
    depth: 0.035,
    label: {
      en: 'Caterina Bassi, daughter of the hospital apothecary, in front of the shelves of blue-and-white pharmacy jars she helped to keep.',
      it: 'Caterina Bassi, figlia dello speziale dell’ospedale, davanti agli scaffali di vasi da farmacia bianchi e blu che aiutava a custodire.',
    },
    backstory: {
      en: paras(
        'The portrait hung for seventy years in the hospital pharmacy, above the counter where Caterina Bassi worked with her father. After his death she ran the pharmacy herself until 1879, one of the first women in the region to do so.',
        'The jars behind her are real: when the old pharmacy closed in 1911, the painting and its furniture came to the museum together, and ' + link('one of the jars', 'pharmacy-jar') + ' is on show in the sculpture room.',
      ),
      it: paras(
        'Il ritratto rimase appeso per settant’anni nella farmacia dell’ospedale, sopra il banco dove Caterina Bassi lavorava con il padre. Dopo la sua morte fu lei stessa a dirigere la farmacia fino al 1879, tra le prime donne della regione a farlo.',
        'I vasi alle sue spalle sono reali: quando la vecchia farmacia chiuse, nel 1911, il quadro e gli arredi arrivarono insieme al museo, e ' + link('uno di quei vasi', 'pharmacy-jar') + ' è esposto nella sala delle sculture.',
      ),
    },
    annotations: (p) => [
      ann('jars', p.shelves, { en: 'Pharmacy jars', it: 'Vasi da farmacia' }, {
        en: 'Albarelli with a blue band, the same model as the jar in the sculpture room.',
        it: 'Albarelli con una fascia blu, dello stesso modello del vaso esposto nella sala delle sculture.',
      }),
      ann('sitter', p.face, { en: 'Caterina Bassi', it: 'Caterina Bassi' }, {
        en: 'Aged about twenty. The centre-parted hair and low chignon are the fashion of around 1840.',
        it: 'Ha circa vent’anni. La scriminatura centrale e lo chignon basso sono la moda intorno al 1840.',
      }),
    ],
  },
];
