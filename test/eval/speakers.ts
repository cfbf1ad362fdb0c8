// Measures how often the speaker the checker reads for a passage of a novel is the one LitBank's annotators gave the
// quotation (1,765 quotations of dialogue in the opening pages of 86 novels, ../shared/data/litbank). Each quotation
// is looked up where it stands in its novel, as a check would look up a matched passage: findSpeaker on the words
// inside its marks.
//
// LitBank names a speaker by an id made from one mention of the character ("Jack_Durbeyfield-0", "MRS__LENNOX-7",
// "her_father-25"). A speaker given is right when it shares a word with the id, titles such as Mr or Lady aside, so
// "Durbeyfield" is right for Jack_Durbeyfield; the figure is a lower bound, since a name spelt otherwise than in the id,
// or a name the id does not hold ("Hilbery" for her_father), counts as wrong. Quotations whose id describes the
// speaker without a name (her_father, The_boy, narrator) are counted apart: no name given for them is judged.
//
// It then counts the false alarms the misattribution check would raise on an essay that quoted each of these
// quotations and named its speaker rightly, by the full name LitBank's id gives: those where the speaker read from
// the novel is someone else, named by name.
//
// Usage: npm run eval:speakers [-- --all]   (--all lists every speaker given wrongly)
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findSpeaker } from '../../server/src/core/attribution.js';
import { otherPerson } from '../../server/src/core/misattribution.js';

const litbank = resolve(__dirname, '../../../shared/data/litbank');
const showAll = process.argv.includes('--all');

interface Row {
  book: string;
  quote_id: string;
  speaker: string;
  orig_start: number;
  orig_end: number;
  orig_text: string;
}

const TITLES = new Set(['mr', 'mrs', 'miss', 'ms', 'dr', 'sir', 'lady', 'lord', 'the', 'a', 'an', 'of', 'and', 'old', 'young', 'little']);

/** The name words of a LitBank id or of a speaker given: folded, without titles and possessives. */
function nameWords(name: string): string[] {
  return name
    .replace(/-\d+$/, '')
    .toLowerCase()
    .split(/[_\s]+/)
    .map((word) => word.replace(/[’']s$/, '').replace(/[^\p{L}]/gu, ''))
    .filter((word) => word !== '' && !TITLES.has(word));
}

/** Whether a LitBank id names the speaker (Alice, MRS__REED) rather than describing them (her_father, The_boy). */
function isNamed(id: string): boolean {
  const bare = id.replace(/-\d+$/, '');
  return /^\p{Lu}/u.test(bare) && !/^(?:The|A|An|Narrator|I)(?:_|$)/.test(bare);
}

/** A LitBank id as an essay would name the character: "MRS__LENNOX-7" is "Mrs Lennox". */
function asName(id: string): string {
  return id
    .replace(/-\d+$/, '')
    .split(/_+/)
    .filter((word) => word !== '')
    .map((word) => word[0]!.toUpperCase() + word.slice(1).toLowerCase())
    .join(' ');
}

/** UTF-16 offset of the code point at `points` in `text`. */
function utf16Offset(text: string, points: number): number {
  let offset = 0;
  for (let n = 0; n < points && offset < text.length; n++) offset += text.codePointAt(offset)! > 0xffff ? 2 : 1;
  return offset;
}

function main(): void {
  const file = join(litbank, 'quotes-aligned.jsonl');
  if (!existsSync(file)) {
    console.log(`SKIPPED: LitBank not found at ${litbank}; no speakers were evaluated.`);
    return;
  }
  const rows = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Row);
  const texts = new Map<string, string>();
  let right = 0;
  const wrong: string[] = [];
  let missed = 0;
  let named = 0;
  let unnamedGiven = 0;
  const alarms: string[] = [];
  for (const row of rows) {
    if (!texts.has(row.book)) texts.set(row.book, readFileSync(join(litbank, 'original', `${row.book}.txt`), 'utf8'));
    const text = texts.get(row.book)!;
    // The words inside the quotation's marks.
    const start = utf16Offset(text, row.orig_start) + 1;
    const end = utf16Offset(text, row.orig_end) - 1;
    const got = findSpeaker(text, { start, end });
    if (!isNamed(row.speaker)) {
      if (got !== null) unnamedGiven++;
      continue;
    }
    named++;
    if (otherPerson(asName(row.speaker), got)) alarms.push(`${asName(row.speaker)} <- ${got}`);
    if (got === null) missed++;
    else if (nameWords(got).some((word) => nameWords(row.speaker).includes(word))) right++;
    else wrong.push(`${row.book} ${row.quote_id}: ${row.speaker} <- ${got}: ${row.orig_text.replace(/\s+/g, ' ').slice(0, 60)}`);
  }
  const given = right + wrong.length;
  console.log(`LitBank speakers: ${rows.length} quotations, ${named} with a named speaker, ${rows.length - named} with a described one`);
  console.log(
    `speaker   precision ${(right / given).toFixed(3)}  recall ${(right / named).toFixed(3)}  ` +
      `(${right} right, ${wrong.length} wrong, ${missed} missed; a name given for ${unnamedGiven} of the described, not judged)`,
  );
  console.log(
    `misattribution false alarms on an essay naming every speaker rightly: ${alarms.length} of ${given} quotations with a speaker read ` +
      `(${(alarms.length / given).toFixed(3)}); e.g. ${[...new Set(alarms)].slice(0, 5).join('; ')}`,
  );
  const byName = new Map<string, number>();
  for (const line of wrong) {
    const name = line.split(' <- ')[1]!.split(': ')[0]!;
    byName.set(name, (byName.get(name) ?? 0) + 1);
  }
  const common = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 15);
  console.log(`most given wrongly: ${common.map(([name, count]) => `${name} (${count})`).join(', ')}`);
  if (showAll) for (const line of wrong) console.log(`- ${line}`);
}

main();
