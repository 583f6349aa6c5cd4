/**
 * Catalogue of the eleven objects (ten modelled, one restricted and never
 * published). Annotation and condition positions use the named surface points
 * reported by the model builders (metres, model coordinates, origin at the
 * centre of the base).
 */
import { ann, area, ccBy, link, MEDIA_RIGHTS, paras, PUBLIC_DOMAIN, type CatalogueEntry } from './catalogue';

const ROVERE_BEQUEST = { en: 'Bequest of Count Alvise Rovere, 1872', it: 'Lascito del conte Alvise Rovere, 1872' };
const PHARMACY = { en: 'Transferred from the pharmacy of the Ospedale Maggiore, 1911', it: "Trasferimento dalla farmacia dell'Ospedale Maggiore, 1911" };

export const OBJECT_ENTRIES: CatalogueEntry[] = [
  {
    id: 'ivy-amphora',
    kind: 'object',
    title: { en: 'Neck Amphora with Ivy Frieze', it: "Anfora a collo con fregio d'edera" },
    creator: {
      name: { en: 'Unknown potter and painter, Adriatic workshop', it: 'Vasaio e pittore ignoti, bottega adriatica' },
      lifeDates: 'active c. 520–490 BC',
      role: { en: 'Potter and vase painter', it: 'Vasaio e ceramografo' },
    },
    date: { en: 'c. 510 BC', it: '510 a.C. circa' },
    medium: { en: 'Terracotta, black-figure decoration', it: 'Terracotta, decorazione a figure nere' },
    accessionNumber: 'MCC.1872.40',
    creditLine: ROVERE_BEQUEST,
    rights: { work: PUBLIC_DOMAIN, media: MEDIA_RIGHTS },
    display: 'plinth',
    plinthHeight: 0.9,
    label: {
      en: 'A wine jar decorated with a running ivy stem, tongues and a meander. One handle was lost in antiquity; the animation shows how it once looked.',
      it: 'Un vaso da vino decorato con un tralcio d’edera, linguette e un meandro. Un’ansa andò perduta già nell’antichità; l’animazione mostra come doveva apparire.',
    },
    backstory: {
      en: paras(
        'Amphorae like this one carried and served wine. The black decoration is not paint but a refined clay slip that turns glossy black in a three-stage firing, while the rest of the vessel stays orange.',
        'Count Rovere bought the amphora in fourteen fragments in 1858. A nineteenth-century restorer filled the gaps with plaster and painted over them; in 2004 those additions were removed and the original fragments rejoined, leaving the lost handle as an honest gap.',
        'Ivy was sacred to the god of wine. The same plant, *hedera*, climbs the painted frieze and, centuries later, the borders of ' + link('the wedding bowl', 'wedding-bowl') + ' in the long gallery.',
      ),
      it: paras(
        "Anfore come questa servivano a trasportare e servire il vino. La decorazione nera non è pittura ma un’argilla depurata che, in una cottura in tre fasi, diventa nera e lucida, mentre il resto del vaso resta arancione.",
        "Il conte Rovere acquistò l'anfora in quattordici frammenti nel 1858. Un restauratore ottocentesco colmò le lacune con gesso e le ridipinse; nel 2004 queste aggiunte sono state rimosse e i frammenti originali ricomposti, lasciando l'ansa perduta come una lacuna dichiarata.",
        "L'edera era sacra al dio del vino. La stessa pianta, *hedera*, si arrampica sul fregio dipinto e, molti secoli dopo, sui bordi della " + link('coppa nuziale', 'wedding-bowl') + ' nella galleria lunga.',
      ),
    },
    narration: {
      en: [
        'This amphora was made around 510 BC, to hold and serve wine.',
        'The black decoration is a fine clay slip that turned glossy black in the kiln.',
        'An ivy stem runs around the belly, with heart-shaped leaves and little clusters of berries.',
        'One handle was lost long ago. Switch on the animation to see it rise back into place.',
        'The break surfaces were left visible on purpose, so that nothing invented is mistaken for the original.',
      ],
      it: [
        'Questa anfora fu realizzata intorno al 510 avanti Cristo, per contenere e servire il vino.',
        "La decorazione nera è un'argilla finissima che in fornace diventò nera e lucida.",
        "Un tralcio d'edera corre intorno al ventre, con foglie a cuore e piccoli grappoli di bacche.",
        "Un'ansa è andata perduta molto tempo fa. Attivate l'animazione per vederla tornare al suo posto.",
        'Le superfici di frattura sono state lasciate visibili di proposito, perché nulla di inventato venga scambiato per originale.',
      ],
    },
    animationTitle: { en: 'Reconstruction of the lost handle', it: "Ricostruzione dell'ansa perduta" },
    annotations: (p) => [
      ann('ivy-frieze', p.frieze, { en: 'The ivy frieze', it: "Il fregio d'edera" }, {
        en: 'A wavy stem with heart-shaped leaves and berry clusters, painted freehand.',
        it: 'Un tralcio ondulato con foglie a cuore e grappoli di bacche, dipinto a mano libera.',
      }),
      ann('meander', p.neck, { en: 'Meander on the neck', it: 'Meandro sul collo' }, {
        en: 'The "Greek key", a pattern named after a winding river in Asia Minor.',
        it: 'La "greca", un motivo che prende il nome da un fiume tortuoso dell’Asia Minore.',
      }),
      ann('lost-handle', p.brokenHandle, { en: 'Where the handle broke', it: "Dove si ruppe l'ansa" }, {
        en: 'Only the two stumps survive; the break edges are ancient and worn smooth.',
        it: 'Restano solo i due monconi; i bordi di frattura sono antichi e levigati dall’uso.',
      }),
    ],
    conservation: (p) => ({
      reports: [
        {
          id: 'cr-2003',
          date: '2003-10-07',
          examiner: 'Marta Colombo',
          condition: 'fair',
          notes: {
            en: 'Old plaster fills and overpaint, now cracked and yellowed. Several joins have opened slightly.',
            it: 'Vecchie stuccature in gesso e ridipinture, ora fessurate e ingiallite. Diverse giunzioni si sono leggermente aperte.',
          },
          areas: [
            area(p.joinLine, 0.05, { en: 'Open join between two fragments.', it: 'Giunzione aperta tra due frammenti.' }, 'poor'),
            area(p.brokenHandle, 0.03, { en: 'Ancient break, stable.', it: 'Frattura antica, stabile.' }, 'good'),
          ],
        },
        {
          id: 'cr-2022',
          date: '2022-04-21',
          examiner: 'Marta Colombo',
          condition: 'good',
          notes: { en: 'All joins stable. Slight dust on the shoulder.', it: 'Tutte le giunzioni stabili. Leggera polvere sulla spalla.' },
          areas: [],
        },
      ],
      treatments: [
        {
          id: 'tr-2004',
          date: '2004-03',
          conservator: 'Marta Colombo',
          description: {
            en: 'Dismantling of the 19th-century restoration; cleaning of the fourteen fragments; rejoining with a reversible adhesive; toned fills only where needed for stability.',
            it: 'Smontaggio del restauro ottocentesco; pulitura dei quattordici frammenti; ricomposizione con adesivo reversibile; stuccature intonate solo dove necessarie alla stabilità.',
          },
        },
      ],
    }),
  },
  {
    id: 'wedding-bowl',
    kind: 'object',
    title: { en: 'Wedding Bowl with a Rosette', it: 'Coppa nuziale con rosetta' },
    creator: {
      name: { en: 'Workshop of Benedetto Sala', it: 'Bottega di Benedetto Sala' },
      lifeDates: 'active c. 1510–1545',
      role: { en: 'Maiolica workshop', it: 'Bottega di maiolica' },
    },
    date: { en: '1527', it: '1527' },
    medium: { en: 'Tin-glazed earthenware (maiolica)', it: 'Maiolica (terracotta smaltata a stagno)' },
    accessionNumber: 'MCC.1872.52',
    creditLine: ROVERE_BEQUEST,
    rights: { work: PUBLIC_DOMAIN, media: MEDIA_RIGHTS },
    display: 'case',
    plinthHeight: 0.95,
    label: {
      en: 'A broad bowl given as a wedding present, with a blue rosette at the centre and a ring of leaves. Dated 1527 on the foot.',
      it: 'Una larga coppa donata come regalo di nozze, con una rosetta blu al centro e una corona di foglie. Datata 1527 sul piede.',
    },
    backstory: {
      en: paras(
        'Bowls like this were filled with sweets and fruit and carried to the bride’s house. They were meant to be used and then displayed for life; few survived daily use, and those that did were treasured.',
        'The white ground is a glaze made opaque with tin; blue, green, ochre and manganese purple were painted onto the raw glaze, which absorbs colour like blotting paper. There is no room for correction. The same blue and ochre appear a century later on ' + link('the pharmacy jar', 'pharmacy-jar') + '.',
      ),
      it: paras(
        'Coppe come questa venivano riempite di dolci e frutta e portate alla casa della sposa. Erano fatte per essere usate e poi esposte per tutta la vita; poche sopravvissero all’uso quotidiano, e quelle che lo fecero furono custodite con cura.',
        "Il fondo bianco è uno smalto reso opaco dallo stagno; blu, verde, ocra e viola di manganese venivano dipinti sullo smalto crudo, che assorbe il colore come carta assorbente. Non c'è possibilità di correggere. Gli stessi blu e ocra ricompaiono un secolo dopo sull'" + link('albarello da farmacia', 'pharmacy-jar') + '.',
      ),
    },
    annotations: (p) => [
      ann('rosette', p.medallion, { en: 'The central rosette', it: 'La rosetta centrale' }, {
        en: 'Six petals around an ochre heart: a wish for a fruitful marriage.',
        it: 'Sei petali intorno a un cuore ocra: un augurio di matrimonio fecondo.',
      }),
      ann('leaves', p.leaves, { en: 'A crown of leaves', it: 'Una corona di foglie' }, {
        en: 'Alternating green and blue leaves, each with a purple vein.',
        it: 'Foglie alternate verdi e blu, ciascuna con una venatura viola.',
      }),
    ],
    conservation: (p) => ({
      reports: [
        {
          id: 'cr-2011',
          date: '2011-07-13',
          examiner: 'Marta Colombo',
          condition: 'good',
          notes: { en: 'A stable hairline crack runs from the rim into the leaf border. Glaze intact elsewhere.', it: 'Una sottile incrinatura stabile corre dal bordo alla corona di foglie. Smalto integro altrove.' },
          areas: [area(p.crack, 0.04, { en: 'Hairline crack, stable, monitored.', it: 'Incrinatura capillare, stabile, monitorata.' }, 'fair')],
        },
      ],
      treatments: [],
    }),
  },
  {
    id: 'celadon-vase',
    kind: 'object',
    title: { en: 'Fluted Vase', it: 'Vaso baccellato' },
    creator: { name: { en: 'Nora Valli', it: 'Nora Valli' }, lifeDates: '1912–1989', role: { en: 'Studio potter', it: 'Ceramista' } },
    date: { en: '1964', it: '1964' },
    medium: { en: 'Thrown stoneware, celadon glaze', it: 'Gres tornito, smalto celadon' },
    accessionNumber: 'MCC.1990.7',
    creditLine: { en: "Gift of the artist's family, 1990", it: "Dono della famiglia dell'artista, 1990" },
    rights: { work: ccBy('Heirs of Nora Valli'), media: MEDIA_RIGHTS },
    display: 'plinth',
    plinthHeight: 0.95,
    label: {
      en: 'A tall vase with eight shallow flutes under a pale green glaze, its fine crackle darkened with tea. Valli fired it in a wood kiln she built herself.',
      it: 'Un vaso alto con otto leggere baccellature sotto uno smalto verde chiaro, dalla fine cavillatura scurita con il tè. Valli lo cosse in un forno a legna costruito da lei.',
    },
    backstory: {
      en: paras(
        'Nora Valli learned to throw pots in a brickworks during the war and later travelled to study the green glazes of East Asia, made with a little iron and fired without oxygen.',
        'The crackle is not damage: the glaze shrinks more than the clay as it cools, and the potter rubbed tea into the cracks to draw them out. Compare the glossy tin glaze of ' + link('the wedding bowl', 'wedding-bowl') + ', made four centuries earlier.',
      ),
      it: paras(
        'Nora Valli imparò a tornire in una fornace di mattoni durante la guerra e viaggiò poi per studiare gli smalti verdi dell’Asia orientale, ottenuti con un po’ di ferro e cotti in assenza di ossigeno.',
        'La cavillatura non è un danno: raffreddandosi, lo smalto si ritira più dell’argilla, e la ceramista strofinò il tè nelle crepe per metterle in evidenza. Confrontatelo con lo smalto lucido della ' + link('coppa nuziale', 'wedding-bowl') + ', di quattro secoli prima.',
      ),
    },
    annotations: (p) => [
      ann('flutes', p.flutes, { en: 'Eight flutes', it: 'Otto baccellature' }, {
        en: 'Cut into the leather-hard clay with a wire; the glaze pools thicker and greener in each hollow.',
        it: 'Incise con un filo nell’argilla a durezza cuoio; lo smalto si raccoglie più spesso e più verde in ogni incavo.',
      }),
      ann('crackle', p.lip, { en: 'Stained crackle', it: 'Cavillatura colorata' }, {
        en: 'A network of fine cracks in the glaze, stained with tea.',
        it: 'Una rete di sottili crepe nello smalto, colorate con il tè.',
      }),
    ],
  },
  {
    id: 'pharmacy-jar',
    kind: 'object',
    title: { en: 'Pharmacy Jar (Albarello)', it: 'Albarello da farmacia' },
    creator: { name: { en: 'Castelrovo pottery workshop', it: 'Manifattura di Castelrovo' }, lifeDates: 'active 17th century', role: { en: 'Maiolica workshop', it: 'Bottega di maiolica' } },
    date: { en: 'c. 1620', it: '1620 circa' },
    medium: { en: 'Tin-glazed earthenware (maiolica)', it: 'Maiolica (terracotta smaltata a stagno)' },
    accessionNumber: 'MCC.1911.5',
    creditLine: PHARMACY,
    rights: { work: PUBLIC_DOMAIN, media: MEDIA_RIGHTS },
    display: 'plinth',
    plinthHeight: 1.0,
    label: {
      en: 'A waisted jar for herbs and ointments from the hospital pharmacy, painted with a scrolling blue stem between bands of blue and ochre.',
      it: 'Un vaso dal corpo rientrante per erbe e unguenti della farmacia dell’ospedale, dipinto con un tralcio blu tra fasce blu e ocra.',
    },
    backstory: {
      en: paras(
        'The narrow waist let the apothecary lift a jar from a crowded shelf with one hand. The rim is plain because the mouth was closed with parchment tied with string.',
        'The hospital pharmacy used a set of more than two hundred of these jars for nearly three centuries. You can see them on the shelves behind ' + link('The Apothecary’s Daughter', 'the-apothecarys-daughter') + ', painted around 1840.',
      ),
      it: paras(
        'La strozzatura permetteva allo speziale di prendere il vaso con una mano da uno scaffale affollato. L’orlo è liscio perché la bocca veniva chiusa con una pergamena legata con lo spago.',
        "La farmacia dell'ospedale usò un corredo di oltre duecento di questi vasi per quasi tre secoli. Si vedono sugli scaffali alle spalle della " + link('Figlia dello speziale', 'the-apothecarys-daughter') + ', dipinta intorno al 1840.',
      ),
    },
    annotations: (p) => [
      ann('scroll', p.foliage, { en: 'Scrolling stem', it: 'Tralcio a girali' }, {
        en: 'The blue scroll with alternating blue and ochre leaves, painted in one continuous movement.',
        it: 'Il girale blu con foglie alternate blu e ocra, dipinto in un unico movimento continuo.',
      }),
      ann('rim', p.rim, { en: 'A rim for parchment', it: "Un orlo per la pergamena" }, {
        en: 'The jar was closed with parchment tied under this lip.',
        it: 'Il vaso veniva chiuso con una pergamena legata sotto questo labbro.',
      }),
    ],
  },
  {
    id: 'cinerary-urn',
    kind: 'object',
    title: { en: 'Biconical Cinerary Urn with Bowl Lid', it: 'Urna cineraria biconica con coperchio a ciotola' },
    creator: { name: { en: 'Unknown maker, Early Iron Age', it: "Artigiano ignoto, prima età del ferro" }, lifeDates: 'active 9th–8th century BC', role: { en: 'Potter', it: 'Vasaio' } },
    date: { en: 'c. 850–750 BC', it: '850–750 a.C. circa' },
    medium: { en: 'Hand-built burnished impasto', it: 'Impasto modellato a mano e lucidato' },
    accessionNumber: 'MCC.1961.8',
    creditLine: { en: 'From the excavation of the Campo Santo cemetery, 1961', it: 'Dallo scavo della necropoli di Campo Santo, 1961' },
    rights: { work: PUBLIC_DOMAIN, media: MEDIA_RIGHTS },
    display: 'plinth',
    plinthHeight: 0.85,
    sensitivity: {
      level: 'advisory',
      notice: {
        en: 'This urn was made to hold the cremated remains of a person and was found in a grave. The remains were reburied in 2019 in agreement with the town. Some visitors may prefer not to view funerary objects.',
        it: "Quest'urna fu realizzata per contenere i resti cremati di una persona e fu rinvenuta in una sepoltura. I resti sono stati nuovamente sepolti nel 2019 in accordo con il Comune. Alcuni visitatori potrebbero preferire non vedere oggetti funerari.",
      },
      // Agreed with the town at the reburial: seen in the gallery as it is, not overlaid with phones; no pictures.
      modes: ['preview', 'vr'],
      screenshots: false,
      labels: [
        {
          code: 'TK CS',
          name: { en: 'Culturally Sensitive', it: 'Culturalmente sensibile' },
          text: {
            en: 'A funerary object. As agreed with the town of Castelrovo at the reburial in 2019, it is not shown in AR in the gallery, and we ask you not to photograph it or take screenshots.',
            it: 'Un oggetto funerario. Come concordato con il Comune di Castelrovo alla nuova sepoltura del 2019, non è mostrato in AR in sala, e vi chiediamo di non fotografarlo né farne screenshot.',
          },
        },
      ],
    },
    label: {
      en: 'A two-part urn for the ashes of the dead, closed with an upturned bowl. The incised meanders were drawn into the leather-hard clay with a point.',
      it: "Un'urna in due parti per le ceneri dei defunti, chiusa da una ciotola capovolta. I meandri incisi furono tracciati con una punta nell'argilla a durezza cuoio.",
    },
    backstory: {
      en: paras(
        'Nearly three thousand years ago the people of this valley cremated their dead and buried the ashes in urns like this one, sometimes with a brooch or a spindle whorl. The bowl lid may once have been covered with a cloth.',
        'The urn was excavated in 1961. The human remains it contained were kept in the museum stores for almost sixty years; in 2019, after consultation with the town, they were reburied in the municipal cemetery, and the empty urn returned to display.',
        'Its meander border is a distant relative of the pattern on ' + link('the amphora in the hall', 'ivy-amphora') + ', made three centuries later.',
      ),
      it: paras(
        "Quasi tremila anni fa gli abitanti di questa valle cremavano i loro morti e ne seppellivano le ceneri in urne come questa, talvolta con una fibula o una fusaiola. La ciotola che fa da coperchio poteva essere coperta da un panno.",
        "L'urna fu scavata nel 1961. I resti umani che conteneva rimasero nei depositi del museo per quasi sessant'anni; nel 2019, dopo un confronto con il Comune, sono stati nuovamente sepolti nel cimitero cittadino, e l'urna vuota è tornata in esposizione.",
        "Il suo bordo a meandro è un lontano parente del motivo sull'" + link("anfora dell'atrio", 'ivy-amphora') + ', realizzata tre secoli più tardi.',
      ),
    },
    annotations: (p) => [
      ann('meander', p.meander, { en: 'Incised meander', it: 'Meandro inciso' }, {
        en: 'Drawn with a pointed tool and once filled with white paste.',
        it: 'Tracciato con uno strumento appuntito e un tempo riempito di pasta bianca.',
      }),
      ann('lid', p.lid, { en: 'The bowl lid', it: 'La ciotola-coperchio' }, {
        en: 'An ordinary drinking bowl, turned upside down to close the urn.',
        it: 'Una comune ciotola per bere, capovolta per chiudere l’urna.',
      }),
      ann('handle', p.handle, { en: 'A single handle', it: "Un'unica ansa" }, {
        en: 'The second handle was broken off on purpose before burial, a custom seen on many urns of this period.',
        it: "La seconda ansa fu spezzata intenzionalmente prima della sepoltura, un'usanza attestata su molte urne di questo periodo.",
      }),
    ],
    conservation: (p) => ({
      reports: [
        {
          id: 'cr-2019',
          date: '2019-09-10',
          examiner: 'Marta Colombo',
          condition: 'fair',
          notes: {
            en: 'Urn emptied before the reburial of the remains. Burial soil on the inside; an old plaster fill on the lower body.',
            it: "Urna svuotata prima della nuova sepoltura dei resti. Terra di scavo all'interno; una vecchia stuccatura in gesso sulla parte inferiore.",
          },
          areas: [area(p.repair, 0.04, { en: 'Plaster fill from 1962, stained.', it: 'Stuccatura in gesso del 1962, macchiata.' }, 'fair')],
        },
      ],
      treatments: [
        {
          id: 'tr-2019',
          date: '2019-10',
          conservator: 'Marta Colombo',
          description: {
            en: 'Careful removal of burial soil, documented and returned with the remains; replacement of the 1962 plaster fill with a toned reversible fill.',
            it: 'Rimozione accurata della terra di scavo, documentata e restituita insieme ai resti; sostituzione della stuccatura in gesso del 1962 con una stuccatura reversibile intonata.',
          },
        },
      ],
    }),
  },
  {
    id: 'orbit-ii',
    kind: 'object',
    title: { en: 'Orbit II', it: 'Orbita II' },
    creator: { name: { en: 'Ettore Lanza', it: 'Ettore Lanza' }, lifeDates: '1921–2003', role: { en: 'Sculptor', it: 'Scultore' } },
    date: { en: '1969', it: '1969' },
    medium: { en: 'Cast and polished bronze, steel, electric motor', it: 'Bronzo fuso e lucidato, acciaio, motore elettrico' },
    accessionNumber: 'MCC.2005.1',
    creditLine: { en: 'Gift of the Fondazione Ettore Lanza, 2005', it: 'Dono della Fondazione Ettore Lanza, 2005' },
    rights: { work: ccBy('Fondazione Ettore Lanza'), media: MEDIA_RIGHTS },
    display: 'plinth',
    plinthHeight: 0.5,
    label: {
      en: 'A twisted bronze band, a loop with only one side, turns slowly on a steel spindle. Lanza made it in the summer of the Moon landing.',
      it: 'Una fascia di bronzo ritorta, un anello con una sola faccia, gira lentamente su un perno d’acciaio. Lanza la realizzò nell’estate dello sbarco sulla Luna.',
    },
    backstory: {
      en: paras(
        'Ettore Lanza trained as an engineer before he became a sculptor. *Orbit II* is a Möbius band: follow its surface with a finger and you pass over both "sides" without ever crossing an edge.',
        'A small motor in the base turns the band once every sixteen seconds, so that the polished bronze continually catches and loses the light. The original motor failed in 2011; the replacement fitted in 2012 was chosen to run at exactly the original speed.',
        'Lanza was a friend of ' + link('Ada Kessler', 'red-rhythm') + ', and the two shared a studio building in the 1960s.',
      ),
      it: paras(
        'Ettore Lanza si formò come ingegnere prima di diventare scultore. *Orbita II* è un nastro di Möbius: seguendone la superficie con un dito si passa su entrambe le "facce" senza mai attraversare un bordo.',
        'Un piccolo motore nella base fa compiere al nastro un giro ogni sedici secondi, così che il bronzo lucidato cattura e perde continuamente la luce. Il motore originale si guastò nel 2011; quello sostituito nel 2012 fu scelto perché girasse esattamente alla velocità originale.',
        'Lanza era amico di ' + link('Ada Kessler', 'red-rhythm') + ' e negli anni Sessanta i due condivisero un edificio di studi.',
      ),
    },
    narration: {
      en: [
        'Orbit the Second was made by Ettore Lanza in 1969.',
        'The bronze band has a half twist, so it has only one surface and only one edge.',
        'A motor in the base turns it once every sixteen seconds.',
        'As it turns, the polished bronze catches the light and lets it go again.',
        'Switch on the animation to see it move as it does in the gallery.',
      ],
      it: [
        'Orbita Seconda fu realizzata da Ettore Lanza nel 1969.',
        'La fascia di bronzo ha una mezza torsione: per questo ha una sola superficie e un solo bordo.',
        'Un motore nella base la fa girare una volta ogni sedici secondi.',
        'Girando, il bronzo lucidato cattura la luce e poi la lascia andare.',
        "Attivate l'animazione per vederla muoversi come nella sala.",
      ],
    },
    animationTitle: { en: 'The band turning, as when the motor runs', it: 'Il nastro in rotazione, come quando il motore è acceso' },
    annotations: (p) => [
      ann('half-twist', p.twist, { en: 'The half twist', it: 'La mezza torsione' }, {
        en: 'Here the band turns over on itself: the inside becomes the outside.',
        it: "Qui il nastro si rovescia su sé stesso: l'interno diventa l'esterno.",
      }),
      ann('spindle', p.spindle, { en: 'The spindle', it: 'Il perno' }, {
        en: 'Steel, hidden inside the bronze rod; the motor sits in the base.',
        it: "D'acciaio, nascosto nell'asta di bronzo; il motore è alloggiato nella base.",
      }),
    ],
    conservation: (p) => ({
      reports: [
        {
          id: 'cr-2011',
          date: '2011-12-01',
          examiner: 'Stefano Ruggeri',
          condition: 'unstable',
          notes: { en: 'Motor failed; the band no longer turns. Fingerprints etched into the polished surface.', it: 'Motore guasto; il nastro non gira più. Impronte digitali incise nella superficie lucidata.' },
          areas: [area(p.twist, 0.06, { en: 'Fingerprint corrosion on the polished bronze.', it: 'Corrosione da impronte sul bronzo lucidato.' }, 'fair')],
        },
        {
          id: 'cr-2023',
          date: '2023-06-19',
          examiner: 'Stefano Ruggeri',
          condition: 'good',
          notes: { en: 'Motor running smoothly at the original speed. Wax coating intact.', it: 'Motore regolare alla velocità originale. Strato di cera protettiva integro.' },
          areas: [],
        },
      ],
      treatments: [
        {
          id: 'tr-2012',
          date: '2012-03',
          conservator: 'Stefano Ruggeri',
          description: {
            en: 'New motor fitted, matched to the original speed from the artist’s notes; the old motor kept in the archive. Bronze cleaned and protected with microcrystalline wax.',
            it: 'Installato un nuovo motore, regolato sulla velocità originale secondo gli appunti dell’artista; il vecchio motore è conservato in archivio. Bronzo pulito e protetto con cera microcristallina.',
          },
        },
      ],
    }),
  },
  {
    id: 'three-waters',
    kind: 'object',
    title: { en: 'Three Waters', it: 'Tre acque' },
    creator: { name: { en: 'Irene Costa', it: 'Irene Costa' }, lifeDates: 'born 1966', role: { en: 'Sculptor', it: 'Scultrice' } },
    date: { en: '2004', it: '2004' },
    medium: { en: 'Statuary marble', it: 'Marmo statuario' },
    accessionNumber: 'MCC.2006.2',
    creditLine: { en: 'Purchased with the support of the Friends of the Museum, 2006', it: 'Acquisto con il sostegno degli Amici del Museo, 2006' },
    rights: { work: ccBy('Irene Costa'), media: MEDIA_RIGHTS },
    display: 'plinth',
    plinthHeight: 0.7,
    label: {
      en: 'Three polished marble stones balanced on one another, each named after one of the rivers that meet at Castelrovo.',
      it: 'Tre pietre di marmo levigato in equilibrio l’una sull’altra, ciascuna intitolata a uno dei fiumi che si incontrano a Castelrovo.',
    },
    backstory: {
      en: paras(
        'Irene Costa carves stone into the shapes that water gives to pebbles. The three forms are cut from a single block and are not fixed to each other: they rest by gravity alone.',
        'Each stone takes its name from a river: the broad lower stone is the river of ' + link('Castelrovo from the River', 'castelrovo-from-the-river') + ', the two smaller ones its mountain tributaries.',
      ),
      it: paras(
        "Irene Costa scolpisce la pietra nelle forme che l'acqua dà ai ciottoli. Le tre forme sono ricavate da un unico blocco e non sono fissate tra loro: stanno in equilibrio per sola gravità.",
        'Ogni pietra prende il nome da un fiume: la larga pietra inferiore è il fiume di ' + link('Castelrovo dal fiume', 'castelrovo-from-the-river') + ', le due più piccole i suoi affluenti di montagna.',
      ),
    },
    annotations: (p) => [
      ann('balance', p.joint, { en: 'Balanced, not fixed', it: 'In equilibrio, non fissate' }, {
        en: 'The contact surfaces were ground by hand until each stone sat without rocking.',
        it: 'Le superfici di contatto furono levigate a mano finché ogni pietra non rimase ferma senza oscillare.',
      }),
      ann('veins', p.lower, { en: 'Grey veins', it: 'Venature grigie' }, {
        en: 'The veins of the three stones match: they were cut from one block.',
        it: 'Le venature delle tre pietre si corrispondono: furono ricavate da un unico blocco.',
      }),
    ],
  },
  {
    id: 'head-of-a-young-man',
    kind: 'object',
    title: { en: 'Head of a Young Man', it: 'Testa di giovane' },
    creator: { name: { en: 'Unknown Roman sculptor', it: 'Scultore romano ignoto' }, lifeDates: 'active 1st century AD', role: { en: 'Sculptor', it: 'Scultore' } },
    date: { en: 'c. AD 40–60', it: '40–60 d.C. circa' },
    medium: { en: 'Marble; modern stone socle', it: 'Marmo; zoccolo moderno in pietra' },
    accessionNumber: 'MCC.1872.61',
    creditLine: ROVERE_BEQUEST,
    rights: { work: PUBLIC_DOMAIN, media: MEDIA_RIGHTS },
    display: 'plinth',
    plinthHeight: 1.0,
    label: {
      en: 'A portrait head of a young man with short, drilled curls, once set into a full statue. The tip of the nose was lost long ago.',
      it: "Una testa-ritratto di giovane con corti riccioli lavorati al trapano, un tempo inserita in una statua intera. La punta del naso è andata perduta molto tempo fa.",
    },
    backstory: {
      en: paras(
        'Roman workshops often carved heads separately and set them into ready-made bodies; the tapering neck was made to fit a socket. Who he was is unknown, but the hairstyle follows the fashion of the imperial court around the middle of the first century.',
        'The head was found in 1849 in a vineyard outside the town and bought by ' + link('Count Rovere', 'portrait-of-count-rovere') + '. Traces of red in the hair, seen under the microscope in 2021, show that it was once painted.',
      ),
      it: paras(
        "Le botteghe romane scolpivano spesso le teste a parte e le inserivano in corpi già pronti; il collo rastremato era fatto per entrare in un incasso. Non sappiamo chi fosse, ma l'acconciatura segue la moda della corte imperiale intorno alla metà del I secolo.",
        'La testa fu trovata nel 1849 in una vigna fuori città e acquistata dal ' + link('conte Rovere', 'portrait-of-count-rovere') + '. Tracce di rosso nei capelli, individuate al microscopio nel 2021, dimostrano che un tempo era dipinta.',
      ),
    },
    annotations: (p) => [
      ann('nose', p.nose, { en: 'The lost nose tip', it: 'La punta del naso perduta' }, {
        en: 'Broken in antiquity. The museum has chosen not to replace it.',
        it: "Spezzata nell'antichità. Il museo ha scelto di non integrarla.",
      }),
      ann('curls', p.hair, { en: 'Drilled curls', it: 'Riccioli a trapano' }, {
        en: 'Small holes made with a bow drill give depth and shadow to the hair.',
        it: "Piccoli fori eseguiti con il trapano ad arco danno profondità e ombra ai capelli.",
      }),
      ann('eyes', p.eye, { en: 'Blank eyes', it: 'Occhi vuoti' }, {
        en: 'The pupils were painted, not carved; the paint has gone.',
        it: 'Le pupille erano dipinte, non scolpite; il colore è scomparso.',
      }),
    ],
    conservation: (p) => ({
      reports: [
        {
          id: 'cr-1994',
          date: '1994-02-15',
          examiner: 'Luisa Gatti',
          condition: 'fair',
          notes: { en: 'Grey-black encrustation from burial and old smoke on the hair and the right side of the face.', it: 'Incrostazioni grigio-nere dovute allo scavo e a vecchi fumi sui capelli e sul lato destro del volto.' },
          areas: [
            area(p.hair, 0.05, { en: 'Encrustation in the drill holes.', it: 'Incrostazioni nei fori del trapano.' }, 'poor'),
            area(p.nose, 0.02, { en: 'Ancient loss, stable.', it: 'Lacuna antica, stabile.' }, 'good'),
          ],
        },
        {
          id: 'cr-2021',
          date: '2021-10-05',
          examiner: 'Paolo Ferraris',
          condition: 'good',
          notes: { en: 'Surface stable. Microscopic traces of red pigment identified in the hair.', it: 'Superficie stabile. Individuate al microscopio tracce di pigmento rosso nei capelli.' },
          areas: [area(p.hair, 0.03, { en: 'Red pigment traces: do not clean.', it: 'Tracce di pigmento rosso: non pulire.' }, 'good')],
        },
      ],
      treatments: [
        {
          id: 'tr-1995',
          date: '1995-05',
          conservator: 'Luisa Gatti',
          description: {
            en: 'Cleaning with poultices of deionised water and soft brushes; the 19th-century plaster nose removed.',
            it: "Pulitura con impacchi di acqua deionizzata e pennelli morbidi; rimosso il naso in gesso ottocentesco.",
          },
        },
      ],
    }),
  },
  {
    id: 'shepherd-with-staff',
    kind: 'object',
    title: { en: 'Votive Figure of a Shepherd', it: 'Figura votiva di pastore' },
    creator: { name: { en: 'Unknown carver, Alpine valleys', it: 'Intagliatore ignoto, valli alpine' }, lifeDates: 'active 18th century', role: { en: 'Wood carver', it: 'Intagliatore' } },
    date: { en: '18th century', it: 'XVIII secolo' },
    medium: { en: 'Carved limewood with traces of paint; walnut base and staff', it: 'Legno di tiglio intagliato con tracce di colore; base e bastone in noce' },
    accessionNumber: 'MCC.1924.3',
    creditLine: { en: 'Gift of the parish of San Ravo in Valdorta, 1924', it: 'Dono della parrocchia di San Ravo in Valdorta, 1924' },
    rights: { work: PUBLIC_DOMAIN, media: MEDIA_RIGHTS },
    display: 'plinth',
    plinthHeight: 0.95,
    label: {
      en: 'A shepherd in a cloak and broad hat, leaning on his staff. Figures like this were left at mountain chapels in thanks for a flock saved from storm or sickness.',
      it: 'Un pastore con mantello e cappello a tesa larga, appoggiato al bastone. Figure come questa venivano lasciate nelle cappelle di montagna come ringraziamento per un gregge scampato a tempesta o malattia.',
    },
    backstory: {
      en: paras(
        'The figure was carved from a single block of limewood, soft enough to cut with a knife. Traces of red on the cloak show that it was once brightly painted.',
        'It stood for two centuries in a chapel dedicated to Saint Ravo in the high valley of Valdorta, the saint shown stilling the flood in ' + link('the gold-ground panel', 'saint-ravo-calms-the-waters') + '. The parish gave it to the museum when the chapel roof collapsed in 1923.',
      ),
      it: paras(
        'La figura fu intagliata in un unico blocco di tiglio, abbastanza tenero da essere lavorato con il coltello. Tracce di rosso sul mantello mostrano che un tempo era vivacemente dipinta.',
        "Rimase per due secoli in una cappella dedicata a San Ravo nell'alta valle di Valdorta: lo stesso santo che placa le acque nella " + link('tavola su fondo oro', 'saint-ravo-calms-the-waters') + '. La parrocchia la donò al museo quando il tetto della cappella crollò nel 1923.',
      ),
    },
  },
  {
    id: 'old-man-mask',
    kind: 'object',
    title: { en: 'Carnival Mask of the Old Man', it: 'Maschera carnevalesca del Vecchio' },
    creator: { name: { en: 'Anselmo Guidi', it: 'Anselmo Guidi' }, lifeDates: '1851–1923', role: { en: 'Wood carver', it: 'Intagliatore' } },
    date: { en: 'c. 1890', it: '1890 circa' },
    medium: { en: 'Carved and painted poplar wood; modern steel stand', it: 'Legno di pioppo intagliato e dipinto; supporto moderno in acciaio' },
    accessionNumber: 'MCC.1987.14',
    creditLine: { en: 'Gift of the Guidi family, 1987', it: 'Dono della famiglia Guidi, 1987' },
    rights: { work: PUBLIC_DOMAIN, media: MEDIA_RIGHTS },
    display: 'case',
    plinthHeight: 1.0,
    label: {
      en: 'The Old Man, with his long nose, wrinkled brow and red cheeks, led the winter carnival procession. Worn for thirty years, then retired to a cupboard.',
      it: 'Il Vecchio, con il naso lungo, la fronte rugosa e le guance rosse, guidava il corteo del carnevale d’inverno. Indossata per trent’anni, poi riposta in un armadio.',
    },
    backstory: {
      en: paras(
        'In the mountain villages above Castelrovo, carnival masks were carved each winter by local craftsmen. The Old Man, bent and grumbling, chased the young people through the streets, a comic figure of the winter that must give way to spring.',
        'Anselmo Guidi was a carpenter who carved masks in the evenings. His family kept this one until 1987. The paint has been worn away where the wearer’s hands adjusted it, and the inside is darkened by the breath of many winters.',
      ),
      it: paras(
        "Nei paesi di montagna sopra Castelrovo, ogni inverno gli artigiani del luogo intagliavano le maschere di carnevale. Il Vecchio, curvo e brontolone, inseguiva i giovani per le strade: una figura comica dell'inverno che deve cedere il passo alla primavera.",
        'Anselmo Guidi era un falegname che intagliava maschere la sera. La sua famiglia conservò questa fino al 1987. Il colore è consumato dove le mani di chi la indossava la sistemavano, e l’interno è scurito dal respiro di molti inverni.',
      ),
    },
    annotations: (p) => [
      ann('nose', p.nose, { en: 'The long nose', it: 'Il naso lungo' }, {
        en: 'Carved from the same piece of wood, following the grain for strength.',
        it: 'Ricavato dallo stesso pezzo di legno, seguendo la venatura per maggiore resistenza.',
      }),
      ann('wrinkles', p.wrinkles, { en: 'Wrinkled brow', it: 'Fronte rugosa' }, {
        en: 'Three gouged furrows: the Old Man is always frowning.',
        it: 'Tre solchi scavati con la sgorbia: il Vecchio è sempre accigliato.',
      }),
      ann('cheeks', p.cheek, { en: 'Red cheeks', it: 'Guance rosse' }, {
        en: 'Red lead paint, renewed by the family before every carnival.',
        it: 'Minio, rinnovato dalla famiglia prima di ogni carnevale.',
      }),
    ],
    conservation: (p) => ({
      reports: [
        {
          id: 'cr-2015',
          date: '2015-01-22',
          examiner: 'Stefano Ruggeri',
          condition: 'fair',
          notes: { en: 'Old woodworm exit holes, no fresh frass. Flaking paint on the brow and cheeks.', it: 'Vecchi fori di sfarfallamento di tarli, nessun rosume recente. Colore in sollevamento sulla fronte e sulle guance.' },
          areas: [
            area(p.wrinkles, 0.03, { en: 'Lifting paint along the furrows.', it: 'Colore sollevato lungo i solchi.' }, 'poor'),
            area(p.edge, 0.03, { en: 'Woodworm exit holes (inactive).', it: 'Fori di tarlo (inattivi).' }, 'fair'),
          ],
        },
        {
          id: 'cr-2024',
          date: '2024-02-08',
          examiner: 'Stefano Ruggeri',
          condition: 'good',
          notes: { en: 'Paint stable since consolidation. No insect activity.', it: 'Colore stabile dopo il consolidamento. Nessuna attività di insetti.' },
          areas: [],
        },
      ],
      treatments: [
        {
          id: 'tr-2015',
          date: '2015-03',
          conservator: 'Stefano Ruggeri',
          description: {
            en: 'Three weeks in a low-oxygen enclosure to rule out live insects; consolidation of flaking paint with sturgeon glue; new padded steel stand.',
            it: "Tre settimane in atmosfera a basso contenuto di ossigeno per escludere insetti vivi; consolidamento del colore con colla di storione; nuovo supporto imbottito in acciaio.",
          },
        },
      ],
    }),
  },
  {
    id: 'veiled-processional-object',
    kind: 'object',
    title: { en: 'Processional Object of the Confraternity of San Ravo', it: 'Oggetto processionale della Confraternita di San Ravo' },
    creator: { name: { en: 'Members of the Confraternity of San Ravo', it: 'Confratelli della Confraternita di San Ravo' }, role: { en: 'Makers and keepers', it: 'Artefici e custodi' } },
    date: { en: '18th century, renewed in the 19th', it: 'XVIII secolo, rinnovato nel XIX' },
    medium: { en: 'Not disclosed, at the Confraternity’s request', it: 'Non divulgato, su richiesta della Confraternita' },
    accessionNumber: 'MCC.2018.2',
    creditLine: { en: 'On long-term deposit from the Confraternity of San Ravo, 2018', it: 'In deposito a lungo termine dalla Confraternita di San Ravo, 2018' },
    rights: {
      work: { licence: 'all-rights-reserved', holder: 'Confraternita di San Ravo, Castelrovo' },
      media: { licence: 'all-rights-reserved', holder: 'Confraternita di San Ravo, Castelrovo' },
    },
    display: 'case',
    plinthHeight: 0.8,
    dimensions: { height: 0.9, width: 0.4, depth: 0.4 },
    sensitivity: {
      level: 'restricted',
      community: { en: 'Confraternity of San Ravo, Castelrovo', it: 'Confraternita di San Ravo, Castelrovo' },
      statement: {
        en: 'This object belongs to the rite of our Confraternity. By our rule it is seen only by members, during the procession of the saint. We have asked the museum to keep it veiled and not to publish any image of it. We thank you for respecting this.',
        it: 'Questo oggetto appartiene al rito della nostra Confraternita. Secondo la nostra regola può essere visto solo dai confratelli, durante la processione del santo. Abbiamo chiesto al museo di tenerlo velato e di non pubblicarne alcuna immagine. Vi ringraziamo per il rispetto.',
      },
      contact: 'protocols@sanravo-confraternity.example.org',
      labels: [
        {
          code: 'TK CO',
          name: { en: 'Community Use Only', it: 'Solo per uso della comunità' },
          text: {
            en: 'Seen only by members of the Confraternity of San Ravo, during the procession of the saint. No image, scan or model of it is made or published.',
            it: 'Visto solo dai confratelli di San Ravo, durante la processione del santo. Non ne viene realizzata né pubblicata alcuna immagine, scansione o modello.',
          },
        },
      ],
    },
    label: {
      en: 'A veiled case. The object inside is cared for by the museum on behalf of the Confraternity of San Ravo, whose members decide how it may be seen.',
      it: 'Una vetrina velata. L’oggetto al suo interno è custodito dal museo per conto della Confraternita di San Ravo, i cui membri decidono come può essere visto.',
    },
    backstory: {
      en: paras(
        'The Confraternity of San Ravo has carried its saint through the streets of Castelrovo every spring for at least five hundred years, in memory of the flood shown in ' + link('the gold-ground panel', 'saint-ravo-calms-the-waters') + '.',
        'In 2018 the Confraternity asked the museum to look after this object between processions, in conditions its own chapel could no longer provide. The agreement leaves every decision about access with the Confraternity: it leaves the museum for the procession each year, and no photograph, scan or model of it is made or published.',
        'This twin therefore shows only the veiled case, as the galleries do.',
      ),
      it: paras(
        "La Confraternita di San Ravo porta il suo santo per le strade di Castelrovo ogni primavera da almeno cinquecento anni, in memoria dell'alluvione raffigurata nella " + link('tavola su fondo oro', 'saint-ravo-calms-the-waters') + '.',
        "Nel 2018 la Confraternita ha chiesto al museo di custodire questo oggetto tra una processione e l'altra, in condizioni che la sua cappella non poteva più garantire. L'accordo lascia alla Confraternita ogni decisione sull'accesso: ogni anno l'oggetto esce dal museo per la processione, e non ne viene realizzata né pubblicata alcuna fotografia, scansione o modello.",
        'Per questo il gemello digitale mostra soltanto la vetrina velata, come accade nelle sale.',
      ),
    },
  },
];
