// Tells when a draft gives a quotation to another person than its source does: "“This is a shameful day,” Joanne
// Pryce said" where the source has Priya Lal say it. Only names are compared: a description ("a spokesperson"), a
// body ("the Department of Culture") or one word a sentence may open with ("Nurses") says too little to contradict a
// source, and a false alarm costs the writer's trust.
import { findSpeaker } from './attribution.js';
import type { Finding } from './types.js';

/** Words that make a name a body's, not a person's. */
const BODY_WORDS = new Set([
  'office', 'ministry', 'department', 'council', 'agency', 'bank', 'court', 'union', 'party', 'association',
  'organization', 'organisation', 'committee', 'commission', 'group', 'company', 'inc', 'ltd', 'corp', 'university',
  'institute', 'foundation', 'police', 'service', 'government', 'board', 'authority', 'states', 'nations',
  'federation', 'league', 'club', 'fund', 'trust', 'society', 'church', 'museum', 'gallery', 'hospital', 'school',
  'college', 'news', 'press', 'campaign', 'festival', 'network', 'centre', 'center', 'front', 'army', 'navy',
  'parliament', 'assembly', 'senate', 'congress', 'house', 'team', 'times', 'post', 'herald', 'journal',
]);

/** Lower-case words that stand inside personal names (Ludwig van Beethoven, Ibn Battuta). */
const PARTICLES = new Set(['de', 'da', 'di', 'del', 'della', 'van', 'von', 'der', 'den', 'du', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'y', 'dos', 'das', 'ter', 'zu']);

/** The words of a name as names are compared: lower case, no accents, one kind of hyphen, no punctuation. */
function nameWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[‐‑–]/g, '-')
    .split(/\s+/)
    .map((word) => word.replace(/[^\p{L}\p{N}'’-]/gu, '').replace(/[’']s$/, ''))
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());
}

/**
 * Whether a speaker is a person named by name: capitalised words (particles aside), none of them a body's word or
 * an acronym, and at least `words` of them.
 */
function namedPerson(name: string, words: number): boolean {
  const written = name.split(/\s+/).filter((word) => word !== '');
  const named = written.filter((word) => !PARTICLES.has(word));
  if (named.length < words || named.length > 4) return false;
  return named.every(
    (word) => /^\p{Lu}[\p{Ll}\p{M}'’.-]*(?:-\p{Lu}[\p{Ll}\p{M}'’.-]*)*$/u.test(word) && !BODY_WORDS.has(word.toLowerCase()),
  );
}

/**
 * Whether the draft's speaker and the source's are different people: both named by at least two names (a first name
 * and a surname, or a title and a surname, as a first reference gives them), with no name in common.
 */
export function otherPerson(draftSpeaker: string | null, sourceSpeaker: string | null): boolean {
  if (draftSpeaker === null || sourceSpeaker === null) return false;
  if (!namedPerson(draftSpeaker, 2) || !namedPerson(sourceSpeaker, 2)) return false;
  const source = new Set(nameWords(sourceSpeaker).filter((word) => !PARTICLES.has(word)));
  return !nameWords(draftSpeaker).some((word) => source.has(word));
}

/** A quotation the draft gives to another person than its source: who the draft says spoke it. */
export interface Misattribution {
  finding: Finding;
  /** Who the draft says spoke the words. */
  draft: string;
  /** Who the source says did. */
  source: string;
}

/**
 * The quotations of `draft` that it gives to another person than their source does. Read afresh at every check:
 * who a draft says spoke a quotation depends on the words around it, which change without the quotation changing.
 */
export function misattributions(draft: string, findings: readonly Finding[]): Misattribution[] {
  const found: Misattribution[] = [];
  for (const finding of findings) {
    const source = finding.source?.speaker ?? null;
    // Only a source speaker with a full name can be contradicted: the draft is read for no other.
    if (finding.verdict === 'unsourced' || source === null || !namedPerson(source, 2)) continue;
    const said = findSpeaker(draft, { start: finding.quotation.start, end: finding.quotation.end });
    if (said !== null && otherPerson(said, source)) found.push({ finding, draft: said, source });
  }
  return found;
}
