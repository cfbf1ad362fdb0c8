// Tells speech (dialogue, quoted statements) from mentions (scare quotes, titles, words talked about) by the
// prose around a quotation.
import type { Quotation } from '../types.js';
import { isAttribution, SPEECH_VERBS } from './attribution.js';

/** How far around a quotation the prose is read. */
const WINDOW = 60;

/** Speech verbs that before a quotation usually name or label rather than report (so-called “experts”). */
const NAMING_VERBS = new Set(['called', 'calls', 'call', 'thought', 'returned', 'went', 'began', 'notes', 'noted']);

/** Characters before an opening mark after which a quotation starts a sentence or follows an introduction. */
const INTRODUCES = /[,:.!?;)\]—–\-"'”’»›」』]$/u;

/**
 * Says whether `q` is speech or a mention. Speech starts a paragraph or a sentence, follows a comma or colon,
 * ends with an exclamation or a question, follows a speech verb (cried “Fire!”) or is followed by an attribution (“Yes” he said); a quotation embedded
 * in a running sentence after any other word (the so-called “new people”) is a mention.
 */
export function kindOf(text: string, q: Quotation): 'speech' | 'mention' {
  const before = text.slice(Math.max(0, q.open.start - WINDOW), q.open.start);
  const trimmed = before.replace(/\s+$/u, '');
  // An exclamation or a question is said by someone; scare quotes and titles seldom end with one.
  if (/[!?][_*]?$/u.test(q.text)) return 'speech';
  if (trimmed === '' || /\n[^\S\n]*\n\s*$/u.test(before) || INTRODUCES.test(trimmed)) return 'speech';
  const previous = /[\p{L}']+$/u.exec(trimmed)?.[0].toLowerCase();
  if (previous !== undefined && SPEECH_VERBS.has(previous) && !NAMING_VERBS.has(previous)) return 'speech';
  const after = text.slice(q.close?.end ?? q.end, (q.close?.end ?? q.end) + WINDOW);
  const clause = /^[^.,:;!?"“”]*/u.exec(after)?.[0] ?? '';
  if (/^\s*[,]?\s*\p{Ll}/u.test(after) && isAttribution(clause.replace(/^\s*,/u, ''), 5)) return 'speech';
  return 'mention';
}

/** Sets the `kind` of every quotation in `quotations`. */
export function assignKinds(text: string, quotations: Quotation[]): void {
  for (const q of quotations) q.kind = kindOf(text, q);
}
