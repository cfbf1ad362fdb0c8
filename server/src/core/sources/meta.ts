// Reads what a plain-text source says about itself: headline, dateline (outlet, date), byline, and its file name.
import type { SourceMeta } from '../types.js';
import { isoDate, monthNumber, normaliseDate } from './dates.js';
import { hasPersonTitle, looksLikePerson, readSpeakerPhrase } from './names.js';

/** Outlets recognised in file names and datelines, by lower-case key, with the spelling to show. */
const KNOWN_OUTLETS: Record<string, string> = {
  afp: 'AFP', ap: 'AP', 'associated press': 'AP', reuters: 'Reuters', upi: 'UPI', dpa: 'DPA', efe: 'EFE',
  ansa: 'ANSA', xinhua: 'Xinhua', kyodo: 'Kyodo', yonhap: 'Yonhap', bloomberg: 'Bloomberg', bbc: 'BBC',
  cnn: 'CNN', npr: 'NPR', tass: 'TASS', interfax: 'Interfax', cna: 'CNA', bernama: 'Bernama', pa: 'PA',
  nyt: 'The New York Times', wsj: 'The Wall Street Journal', wapo: 'The Washington Post',
  guardian: 'The Guardian', ft: 'Financial Times', taipeitimes: 'Taipei Times', 'taipei times': 'Taipei Times',
  // The national agencies of European newsrooms.
  anp: 'ANP', belga: 'Belga', apa: 'APA', sda: 'SDA', 'keystone-sda': 'Keystone-SDA', tt: 'TT', ntb: 'NTB',
  ritzau: 'Ritzau', stt: 'STT', pap: 'PAP', čtk: 'ČTK', ctk: 'ČTK', mti: 'MTI', lusa: 'Lusa', 'europa press': 'Europa Press',
  agerpres: 'Agerpres', hina: 'HINA', ana: 'ANA', anadolu: 'Anadolu',
};

/** Canonical spelling of a known outlet, or undefined. */
export function knownOutlet(name: string): string | undefined {
  const key = name.trim().toLowerCase();
  // Own keys only: a file named "constructor-2019-10-09.txt" names no outlet.
  return Object.hasOwn(KNOWN_OUTLETS, key) ? KNOWN_OUTLETS[key] : undefined;
}

/** Only the start of a source is searched for a headline, dateline and byline. */
const HEAD_CHARS = 3000;
const HEAD_LINES = 8;

/** "date 2019-10-09 AFP, BEIJING" or "Date: October 9, 2019": a date label, its date, and what follows. */
const DATE_LINE = /^\s*(?:date|dated|published|posted|updated)\s*[:\s]\s*(.+)$/i;
/**
 * "BEIJING, Oct 9 (Reuters) -", "WASHINGTON (AP) —", "PARIS, Oct. 9, 2019 (AFP) --", and as German agencies write it,
 * "Berlin, 16. Juli 2024 (dpa) -".
 */
const DATELINE = /^\s*\p{Lu}[\p{L}\p{M} .'’-]*?(?:\s*\/\s*\p{Lu}[\p{Lu} .'’-]*?)?(?:,\s*([^()\n]{0,40}?))?\s*\(([^()\n]{2,40})\)\s*(?:--|[-–—:])/u;
const BYLINE = /^\s*By\s+(\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}.'’-]*|de|da|van|von|der|and|&))*)\s*(?:$|[,|/]|\s+(?:and|in|for)\s)/u;

/**
 * What the text and file name of a source say about it: a dateline ("date 2019-10-09 AFP, BEIJING",
 * "BEIJING, Oct 9 (Reuters) -", "WASHINGTON (AP) —"), a byline ("By Jane Doe"), a headline (a short first line
 * followed by a blank line) or a header block of a few short lines (see `readHeaderBlock`), and a file name such as
 * afp-2019-10-09.txt (outlet AFP, date 2019-10-09). The text wins over the file name; a dateline without a year takes
 * the year of the file name's date.
 */
export function sourceMetaFromText(text: string, fileName: string): SourceMeta {
  const fromName = metaFromFileName(fileName);
  const meta: SourceMeta = {};
  const head = text.slice(0, HEAD_CHARS);
  const lines = head.split(/\r\n|\r|\n/);
  const title = headline(lines);
  if (title) meta.title = title;
  else readHeaderBlock(lines, meta);
  let seen = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    if (++seen > HEAD_LINES) break;
    if (!meta.date || !meta.outlet) readDateLine(line, meta);
    if (!meta.date || !meta.outlet) readDateline(line, meta, fromName.date);
    if (!meta.author) {
      const by = BYLINE.exec(line);
      if (by) meta.author = by[1]!.trim();
    }
  }
  return { ...fromName, ...meta };
}

function readDateLine(line: string, meta: SourceMeta): void {
  const m = DATE_LINE.exec(line);
  if (!m) return;
  const rest = m[1]!.trim();
  const date = normaliseDate(rest);
  if (!date) return;
  meta.date ??= date;
  // What follows the date is "OUTLET, PLACE" in wire archives; take the outlet only when it is recognisable.
  const after = rest.replace(/^\S+(?:\s+\d{1,2},?\s+\d{4}|\s+\S+\s+\d{4})?/, '').replace(/^[\s,;|-]+/, '');
  const first = after.split(/[,;|]/)[0]!.trim();
  if (first) {
    const outlet = knownOutlet(first) ?? (/^[A-Z]{2,5}$/.test(first) ? first : undefined);
    if (outlet) meta.outlet ??= outlet;
  }
}

function readDateline(line: string, meta: SourceMeta, fileDate: string | undefined): void {
  const m = DATELINE.exec(line);
  if (!m) return;
  const outlet = m[2]!.trim();
  // A place written as prose writes it ("Berlin", not "BERLIN") opens a dateline only before an agency's name.
  if (/\p{Ll}/u.test(line.trim().split(/[,(]/)[0]!) && knownOutlet(outlet) === undefined) return;
  if (/\p{L}/u.test(outlet)) meta.outlet ??= knownOutlet(outlet) ?? outlet;
  const when = m[1]?.trim();
  if (!when || meta.date) return;
  const full = normaliseDate(when);
  if (full) {
    meta.date = full;
    return;
  }
  // "Oct 9" has no year: it is only usable together with the year of the file name's date.
  const partial = /^([A-Za-z]{3,9}\.?)\s+(\d{1,2})\b/.exec(when) ?? /^(\d{1,2})\s+([A-Za-z]{3,9}\.?)/.exec(when);
  if (!partial || !fileDate) return;
  const monthFirst = /^[A-Za-z]/.test(partial[1]!);
  const month = monthNumber(monthFirst ? partial[1]! : partial[2]!);
  const day = Number(monthFirst ? partial[2] : partial[1]);
  if (month) {
    const date = isoDate(Number(fileDate.slice(0, 4)), month, day);
    if (date) meta.date = date;
  }
}

/** The first line, when it reads as a headline: short, followed by a blank line, not a sentence or dateline. */
function headline(lines: string[]): string | undefined {
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  const line = lines[i]?.trim();
  if (!line || i + 1 >= lines.length || lines[i + 1]!.trim() !== '') return undefined;
  if (line.length > 150 || line.split(/\s+/).length > 25 || !/\p{L}/u.test(line)) return undefined;
  // A line that ends as a sentence does, inside a closing quotation mark or bracket too ('… every cable.”'), is the
  // text's first sentence, not its headline.
  if (/[.,;:]["'”’»)\]]*$/u.test(line) || DATE_LINE.test(line) || DATELINE.test(line) || BYLINE.test(line)) return undefined;
  // A transcript's first turn ("Lena Marsh: How much?"), with another turn after it, is no headline; a headline with a
  // colon ("Riverton mayor: ‘We will rebuild’") has prose after it.
  const next = lines.slice(i + 1).find((other) => other.trim() !== '');
  if (TURN.test(line) && next !== undefined && TURN.test(next.trim())) return undefined;
  // A book's first heading ("Chapter 1", "VOLUME I") names a part of it, not the book.
  if (/^(?:chapter|volume|book|part|stave|canto|prologue|preface|introduction|section)\b/iu.test(line)) return undefined;
  return line.replace(/^#+\s*/, '') || undefined;
}

/** A line that opens with a speaker's label and their words. */
const TURN = /^(?:\[[\d:.]+\]\s*)?\p{Lu}[^:\n]{0,60}:\s+\S/u;

/**
 * A block of two to four short lines before the first blank line, none of them a sentence, dateline or byline, as
 * speeches, remarks and statements open ("SENTENCING REMARKS - R v ASHDOWN / Southwark Crown Court, 14 March 2024 /
 * Her Honour Judge Eleanor Price"): its first line is the title, a line that is a person with a title names the
 * author, and a date after a place's comma is the date.
 */
function readHeaderBlock(lines: string[], meta: SourceMeta): void {
  let start = 0;
  while (start < lines.length && lines[start]!.trim() === '') start++;
  let end = start;
  while (end < lines.length && lines[end]!.trim() !== '') end++;
  const block = lines.slice(start, end).map((line) => line.trim());
  if (block.length < 2 || block.length > 4 || end >= lines.length) return;
  const plain = (line: string) => line.length <= 100 && /\p{L}/u.test(line) && !/[.,;:!?]$/.test(line);
  if (!block.every(plain) || block.some((line) => DATE_LINE.test(line) || DATELINE.test(line) || BYLINE.test(line))) return;
  meta.title = block[0]!.replace(/^#+\s*/, '');
  for (const line of block.slice(1)) {
    const read = readSpeakerPhrase(line);
    const person = read && 'name' in read && looksLikePerson(read.name) && hasPersonTitle(line.split(/\s+/));
    if (!meta.author && person) meta.author = read.name;
    const date = normaliseDate(line.slice(line.lastIndexOf(',') + 1).trim());
    if (!meta.date && date) meta.date = date;
  }
}

/** Outlet and date from a file name such as afp-2019-10-09.txt, 2019-10-09-reuters.html or 20191009_ap.txt. */
export function metaFromFileName(fileName: string): SourceMeta {
  const base = fileName.split(/[\\/]/).pop()!.replace(/\.[^.]*$/, '');
  const meta: SourceMeta = {};
  const m = /(?<!\d)(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)/.exec(base);
  if (m) {
    const date = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (date) meta.date = date;
  }
  for (const word of base.split(/[-_.\s]+/)) {
    const outlet = knownOutlet(word);
    if (outlet) {
      meta.outlet = outlet;
      break;
    }
  }
  return meta;
}
