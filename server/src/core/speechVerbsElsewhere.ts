// Verbs of saying in the languages of European newsrooms other than English, in the forms news copy puts beside a
// quotation: „…“, sagte Scholz; «…», afirmó Sánchez; « … », déclare Macron; „…” – powiedział Tusk. Each is a word
// no English prose uses, so that English attribution reads as before.

/** Verbs that introduce speech, third person, past and present, lower case. */
export const SPEECH_VERBS_ELSEWHERE: readonly string[] = [
  // Spanish
  'dijo', 'dice', 'afirmó', 'afirma', 'añadió', 'añade', 'explicó', 'explica', 'señaló', 'señala', 'aseguró', 'asegura',
  'respondió', 'preguntó', 'contestó', 'insistió', 'advirtió', 'advierte', 'subrayó', 'subraya', 'apuntó', 'reconoció',
  'admitió', 'comentó', 'declaró', 'indicó', 'manifestó', 'sostuvo', 'sostiene', 'recalcó', 'agregó', 'detalló',
  'precisó', 'destacó', 'lamentó', 'concluyó', 'relató', 'confesó', 'prosiguió', 'recordó', 'contó', 'matizó',
  'exclamó', 'pregunta', 'contesta', 'responde', 'insiste', 'comenta', 'declara', 'indica', 'manifiesta', 'recalca',
  'agrega', 'detalla', 'precisa', 'destaca', 'lamenta', 'concluye', 'relata', 'confiesa', 'prosigue', 'continuó',
  'continúa', 'recuerda', 'cuenta', 'matiza', 'zanjó', 'exclama', 'apunta', 'reconoce', 'admite',
  // Portuguese
  'disse', 'diz', 'afirmou', 'acrescentou', 'acrescenta', 'explicou', 'respondeu', 'perguntou', 'declarou', 'garantiu',
  'garante', 'sublinhou', 'sublinha', 'salientou', 'salienta', 'referiu', 'adiantou', 'frisou', 'admitiu',
  'reconheceu', 'sustentou', 'concluiu', 'lembrou', 'lembra', 'refere', 'contou',
  // French
  'dit', 'admet', 'résume', 's’exclame', 'déclare', 'affirme', 'ajoute', 'explique', 'souligne', 'assure', 'estime', 'indique', 'précise', 'poursuit',
  'martèle', 'insiste', 'répond', 'reconnaît', 'confie', 'raconte', 'conclut', 'rappelle', 'prévient', 'avertit',
  'regrette', 'déplore', 'dénonce',
  // Italian
  'aggiunge', 'aggiunse', 'spiega', 'spiegò', 'afferma', 'affermò', 'sottolinea', 'sottolineò', 'osserva',
  'dichiara', 'dichiarò', 'prosegue', 'ammette', 'racconta',
  // Catalan
  'diu', 'afegeix', 'assegura', 'explicà', 'digué',
  // German
  'sagte', 'sagt', 'erklärte', 'erklärt', 'betonte', 'betont', 'warnte', 'warnt', 'meinte', 'meint', 'antwortete',
  'erwiderte', 'versicherte', 'bekräftigte', 'kritisierte', 'forderte', 'unterstrich', 'schrieb', 'sagten', 'erklärten',
  // Dutch
  'zei', 'zegt', 'aldus', 'verklaarde', 'benadrukte', 'stelde', 'schreef', 'antwoordde', 'waarschuwde',
  // Polish
  'powiedział', 'powiedziała', 'stwierdził', 'stwierdziła', 'dodał', 'dodała', 'podkreślił', 'podkreśliła',
  'zaznaczył', 'zaznaczyła', 'mówi', 'twierdzi', 'oświadczył', 'oświadczyła',
  // Czech
  'řekl', 'řekla', 'uvedl', 'uvedla', 'dodal', 'dodala', 'prohlásil', 'prohlásila',
  // Swedish, Danish, Norwegian, Finnish
  'sade', 'säger', 'sagde', 'siger', 'sier', 'uppger', 'sanoi', 'sanoo', 'kertoi', 'kertoo',
];

/** Participles of saying after an auxiliary: "a déclaré", "ha dicho", "ha detto", "hat gesagt", "heeft gezegd". */
export const SPEECH_PARTICIPLES_ELSEWHERE: readonly string[] = [
  'dicho', 'afirmado', 'añadido', 'explicado', 'señalado', 'asegurado', 'subrayado', 'reconocido', 'advertido',
  'declarado', 'insistido', 'indicado', 'apuntado', 'destacado', 'recalcado', 'precisado', 'manifestado', 'comentado',
  'lamentado', 'concluido', 'respondido', 'contestado', 'admitido', 'sostenido', 'agregado', 'dito', 'acrescentado',
  'garantido', 'sublinhado', 'dit', 'déclaré', 'affirmé', 'ajouté', 'expliqué', 'souligné', 'assuré', 'estimé',
  'indiqué', 'précisé', 'poursuivi', 'martelé', 'insisté', 'répondu', 'reconnu', 'admis', 'confié', 'raconté', 'lancé',
  'tranché', 'résumé', 'conclu', 'noté', 'observé', 'rappelé', 'prévenu', 'averti', 'regretté', 'déploré', 'dénoncé',
  'detto', 'spiegato', 'aggiunto', 'affermato', 'dichiarato', 'sottolineato', 'osservato', 'ammesso', 'raccontato',
  'concluso', 'afirmat', 'explicat', 'afegit', 'assegurat', 'gesagt', 'erklärt', 'betont', 'gezegd', 'verklaard',
  // Catalan writes its past with "va" and the infinitive: "va dir", "va afirmar".
  'dir', 'afirmar', 'explicar', 'afegir', 'assegurar',
];

/** Auxiliaries a participle of saying follows: "a", "ha", "hat", "heeft", "ont", "hanno". */
export const AUXILIARIES_ELSEWHERE: readonly string[] = [
  'ha', 'han', 'había', 'a', 'ont', 'avait', 'hanno', 'va', 'van', 'tem', 'tinha', 'hat', 'hatte', 'heeft',
];

/**
 * Prepositions and articles of these languages that end a speaker's name: "sagte Scholz vor Journalisten", "afirmó
 * Sánchez en rueda de prensa", "a déclaré Macron devant la presse". German writes its nouns with a capital, so a
 * capitalised word after one of them is no part of the name.
 */
export const NAME_ENDS_ELSEWHERE: readonly string[] = [
  'vor', 'nach', 'bei', 'mit', 'im', 'am', 'auf', 'gegenüber', 'zum', 'zur', 'über', 'seit', 'aus', 'für', 'laut',
  'während', 'vom', 'beim', 'en', 'ante', 'durante', 'tras', 'desde', 'según', 'au', 'aux', 'devant', 'lors',
  'pendant', 'après', 'avant', 'sur', 'dans', 'selon', 'alla', 'al', 'nel', 'nella', 'davanti', 'dopo',
  'em', 'perante', 'após', 'na', 'no', 'nos', 'nas', 'op', 'tijdens', 'bij', 'tegen', 'voor', 'podczas', 'przed',
  'po', 'przy', 'dla', 'při', 'před', 'během', 'på', 'till', 'efter', 'inför', 'vid', 'ved', 'foran',
];
