// Recognises the short clauses that attribute speech ("she said", "said Mr. Brooke", "he asked sternly").
import { SPEECH_VERBS_ELSEWHERE } from '../speechVerbsElsewhere.js';

/** Verbs that report speech or thought, in the forms prose uses around quotations. */
export const SPEECH_VERBS = new Set([
  'said', 'says', 'say', 'saying', 'asked', 'asks', 'cried', 'cries', 'answered', 'answers', 'replied', 'replies',
  'shouted', 'shouts', 'whispered', 'whispers', 'called', 'calls', 'added', 'adds', 'continued', 'continues',
  'exclaimed', 'exclaims', 'murmured', 'murmurs', 'repeated', 'repeats', 'began', 'begins', 'told', 'tells',
  'observed', 'observes', 'remarked', 'remarks', 'muttered', 'mutters', 'declared', 'declares', 'insisted',
  'insists', 'explained', 'explains', 'suggested', 'suggests', 'demanded', 'demands', 'inquired', 'inquires',
  'enquired', 'retorted', 'retorts', 'urged', 'urges', 'responded', 'responds', 'wrote', 'writes', 'warned',
  'warns', 'stated', 'states', 'noted', 'notes', 'argued', 'argues', 'admitted', 'admits', 'recalled',
  'recalls', 'sighed', 'sighs', 'laughed', 'groaned', 'gasped', 'sobbed', 'screamed', 'yelled', 'roared',
  'growled', 'snapped', 'ejaculated', 'interrupted', 'interposed', 'rejoined', 'returned', 'pursued', 'went',
  'thought', 'thinks', 'announced', 'announces', 'concluded', 'protested', 'pleaded', 'agreed', 'agrees',
  'confirmed', 'confirms', 'claimed', 'claims', 'stammered', 'faltered', 'breathed', 'hissed',
  ...SPEECH_VERBS_ELSEWHERE,
]);

/** The lower-cased words of a stretch of prose. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
}

/** Words an attribution starts with besides names and the verb itself (he said, the boy cried). */
const SPEAKER_STARTS = new Set(['he', 'she', 'i', 'they', 'we', 'you', 'it', 'the', 'a', 'his', 'her', 'my', 'our', 'their']);

/**
 * True when `clause` (the words between two parts of a quotation, or after one) attributes speech: it starts
 * with a speaker (a pronoun or a capitalised name) or the verb, and a speech verb comes within its first words.
 */
export function isAttribution(clause: string, maxWords = 10): boolean {
  const trimmed = clause.trim();
  const words = wordsOf(trimmed);
  if (words.length === 0 || words.length > maxWords) return false;
  const first = words[0];
  if (!SPEECH_VERBS.has(first) && !SPEAKER_STARTS.has(first) && !/^\p{Lu}/u.test(trimmed)) return false;
  return words.slice(0, 4).some((w) => SPEECH_VERBS.has(w));
}
