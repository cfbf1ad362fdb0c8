// Benchmark job: the naive way to check quotations, string-similarity's findBestMatch of each quotation against every
// sentence of the corpus, on a few quotations of the draft. Verdict rule, as generous as the method allows: a best
// rating of 1 is verbatim, one of at least 0.5 (Verbatim's own default threshold) altered, anything lower unsourced.
import { readFile } from 'node:fs/promises';
import { findBestMatch } from 'string-similarity';
import { progress, runMain } from './common.js';

interface Args {
  files: string[];
  quotes: { text: string; expected: string }[];
}

/** One quotation checked the naive way. */
export interface NaiveQuote {
  ms: number;
  rating: number;
  verdict: string;
  expected: string;
}

/** What the job measured; times in milliseconds. */
export interface NaiveResult {
  sentences: number;
  /** Reading the corpus and splitting it into sentences. */
  setupMs: number;
  quotes: NaiveQuote[];
}

async function main(args: Args): Promise<NaiveResult> {
  let started = performance.now();
  const sentences: string[] = [];
  for (const file of args.files) {
    const text = await readFile(file, 'utf8');
    for (const paragraph of text.split(/\n\s*\n/)) {
      const flat = paragraph.replace(/\s+/g, ' ').trim();
      // A sentence ends after . ! or ? and any closing quotation marks or brackets: in novels, most end inside one.
      if (flat !== '') sentences.push(...flat.split(/(?<=[.!?]["'”’)\]]*)\s+/));
    }
  }
  const setupMs = performance.now() - started;
  progress(`string-similarity: ${sentences.length} sentences`);
  const quotes: NaiveQuote[] = [];
  for (const quote of args.quotes) {
    started = performance.now();
    const { bestMatch } = findBestMatch(quote.text, sentences);
    const ms = performance.now() - started;
    const verdict = bestMatch.rating >= 1 ? 'verbatim' : bestMatch.rating >= 0.5 ? 'altered' : 'unsourced';
    quotes.push({ ms, rating: bestMatch.rating, verdict, expected: quote.expected });
    progress(`string-similarity: quotation ${quotes.length} of ${args.quotes.length} in ${(ms / 1000).toFixed(1)} s`);
  }
  return { sentences: sentences.length, setupMs, quotes };
}

runMain(main);
