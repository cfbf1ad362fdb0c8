// Builds the labelled cases of the verdict evaluation from LitBank's gold quotations, deterministically: each
// quotation as written, with typography changed, shortened with an ellipsis, with a word changed, or taken from a
// novel that is not among the sources.
import type { Verdict } from '../../server/src/core/types.js';

/** One labelled case: the quotation to check and the verdict a careful human would give. */
export interface Case {
  kind: string;
  quote: string;
  expected: Verdict;
  /** For a quotation with one word changed, the change the checker should report: the draft's word and the source's. */
  change?: { draft: string; source: string };
}

const MARKS = /^[\s"“”'‘’`«»]+|[\s"“”'‘’`«»]+$/g;
const NEGATION = /^(not|never|no|nor|cannot|\w+n['’]t)$/i;
const REPLACEMENTS = ['entirely', 'harbour', 'violet', 'seventeen', 'parliament', 'quietly', 'lantern', 'orchard'];
const INSERTIONS = ['really', 'certainly', 'truly', 'always'];

/** A small deterministic random number generator, so that every run checks the same cases. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((word) => word !== '');
}

const isContent = (word: string) => /^[A-Za-z]{4,}[,.;:!?]?$/.test(word) && !NEGATION.test(word);
/** A word of the quotation as a change reports it: without the punctuation after it. */
const bare = (word: string) => word.replace(/[,.;:!?]$/, '');

/** The cases for these gold quotations; quotations from `heldOut` books are expected to be unsourced. */
export function makeCases(gold: Array<{ book: string; orig_text: string }>, heldOut: Set<string>): Case[] {
  const next = random(20261122);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)];
  const cases: Case[] = [];
  for (const { book, orig_text } of gold) {
    const quote = orig_text.replace(MARKS, '');
    // Quotations that hold quotations of their own, or run over paragraphs, are checked as they stand only.
    const plain = !/["“”]/.test(quote) && !quote.includes('\n\n');
    const list = words(quote);
    if (list.length < 4) continue;
    if (heldOut.has(book)) {
      if (list.length >= 8) cases.push({ kind: 'from an unindexed novel', quote, expected: 'unsourced' });
      continue;
    }
    cases.push({ kind: 'exact', quote, expected: 'verbatim' });
    // A quotation of five words or fewer with one word changed leaves too little to say whether it is the same
    // statement reworded or another one: such cases are not labelled.
    if (!plain || list.length < 6) continue;
    const variants: Array<() => Case | null> = [
      () => ({ kind: 'typography', quote: typography(quote, next), expected: 'verbatim' }),
      () => {
        if (list.length < 14) return null;
        const at = 4 + Math.floor(next() * (list.length - 10));
        const dropped = list.slice(at, at + 3);
        if (dropped.some((word) => NEGATION.test(word.replace(/[^\w'’]/g, '')))) return null;
        return { kind: 'ellipsis', quote: [...list.slice(0, at), '…', ...list.slice(at + 3)].join(' '), expected: 'verbatim' };
      },
      () => {
        const candidates = list.map((word, n) => (isContent(word) ? n : -1)).filter((n) => n >= 0);
        if (candidates.length === 0) return null;
        const at = pick(candidates);
        const changed = [...list];
        changed[at] = pick(REPLACEMENTS.filter((word) => word !== list[at].toLowerCase()));
        const change = { draft: changed[at], source: bare(list[at]) };
        return { kind: 'word substituted', quote: changed.join(' '), expected: 'altered', change };
      },
      () => {
        // Only inner words: without its first or last word a quotation is a shorter excerpt, still verbatim.
        const candidates = list.map((word, n) => (isContent(word) && n > 0 && n < list.length - 1 ? n : -1)).filter((n) => n >= 0);
        if (list.length < 6 || candidates.length === 0) return null;
        const at = pick(candidates);
        const change = { draft: '', source: bare(list[at]) };
        return { kind: 'word deleted', quote: [...list.slice(0, at), ...list.slice(at + 1)].join(' '), expected: 'altered', change };
      },
      () => {
        const at = 1 + Math.floor(next() * (list.length - 1));
        const inserted = pick(INSERTIONS);
        return { kind: 'word inserted', quote: [...list.slice(0, at), inserted, ...list.slice(at)].join(' '), expected: 'altered', change: { draft: inserted, source: '' } };
      },
      () => {
        const at = list.findIndex((word, n) => n > 1 && n < list.length - 1 && NEGATION.test(word.replace(/[,.;:!?]$/, '')));
        if (at < 0) return null;
        return { kind: 'negation elided', quote: [...list.slice(0, at), '...', ...list.slice(at + 1)].join(' '), expected: 'altered' };
      },
    ];
    for (let tries = 0; tries < 2; tries++) {
      const made = pick(variants)();
      if (made) cases.push(made);
    }
    const negation = variants[variants.length - 1]();
    if (negation) cases.push(negation);
  }
  return cases;
}

/** The same words with their typography changed: marks, apostrophes, dashes, line breaks and first-letter case. */
function typography(quote: string, next: () => number): string {
  let changed = quote.replace(/'/g, '’').replace(/--/g, '—');
  const list = words(changed);
  if (list.length > 6) {
    const at = 2 + Math.floor(next() * (list.length - 4));
    changed = [...list.slice(0, at), '\n' + list[at], ...list.slice(at + 1)].join(' ');
  }
  const first = changed.charAt(0);
  changed = (first === first.toUpperCase() ? first.toLowerCase() : first.toUpperCase()) + changed.slice(1);
  return changed.replace(/[,.;:!?]+$/, '');
}
