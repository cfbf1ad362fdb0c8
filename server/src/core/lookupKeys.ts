// The keys a check of a draft will look up in the index, known from the draft alone, so that an index built for a
// known set of drafts (the command line's) needs hash segments for these keys only.
import { findQuotations } from './extract/index.js';
import { quoteWords } from './quoteWords.js';
import { hashKey, hashWord } from './segment.js';
import type { DraftFormat, Quotation } from './types.js';

/**
 * Adds to `keys` every key that checking the quotations of `text` can look up: each word alone and each pair of
 * neighbouring words, of every group of quotations read together and of each of its parts read alone, as
 * `checkQuotations` reads them. More keys than a check uses are harmless; one fewer would make the check fail.
 */
export function addLookupKeys(keys: Set<number>, text: string, format: DraftFormat): void {
  const groups = new Map<number, Quotation[]>();
  for (const quotation of findQuotations(text, format)) {
    const group = groups.get(quotation.group);
    if (group) group.push(quotation);
    else groups.set(quotation.group, [quotation]);
  }
  for (const parts of groups.values()) {
    addWordKeys(keys, quoteWords(text, parts, 0).folded);
    if (parts.length > 1) for (const part of parts) addWordKeys(keys, quoteWords(text, [part], 0).folded);
  }
}

function addWordKeys(keys: Set<number>, folded: string[]): void {
  const hashes = folded.map(hashWord);
  for (let i = 0; i < hashes.length; i++) {
    keys.add(hashKey(hashes[i], -1));
    if (i + 1 < hashes.length) keys.add(hashKey(hashes[i], hashes[i + 1]));
  }
}
