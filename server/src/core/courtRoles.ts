// Reads who holds a role in a court transcript: the lawyer asking the questions ("BY MR. DALTON:"), the witness
// answering them ("GARY VOSS, having been previously sworn, …") and the judge ("BEFORE: The Honorable Elena Marsh").
import { readSpeakerPhrase } from './sources/names.js';

/** The roles of a court transcript's turns. */
export type CourtRole = 'question' | 'answer' | 'court';

// "BY MR. DALTON:", which opens the examination of a witness by a lawyer.
const EXAMINER = /^[ \t]*BY[ \t]+(?:MR|MRS|MS|MISS|DR)\.?[ \t]+(\p{Lu}[\p{Lu}'’-]+)[ \t]*:/gmu;
// "GARY VOSS, having been previously sworn, resumed the stand", "JANE ROE, called as a witness, …".
const WITNESS = /^[ \t]*(\p{Lu}[\p{Lu}.'’ -]{1,40}?),[ \t]+(?:having been|being (?:first )?(?:duly )?sworn|called as a witness|a witness)/gmu;
// "BEFORE: The Honorable Elena Marsh, Judge", "Judge Elena Marsh".
const JUDGE = /\bBEFORE:?[ \t]+(?:the[ \t]+)?(?:Honou?rable|Hon\.)[ \t]+(\p{Lu}[^,\n]{2,60})|\bJudge[ \t]+(\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}[\p{Ll}'’-]+){1,2})/giu;

/**
 * Who holds `role` at the turn that starts at `at`, by the last line before it, from `from` on, that names them: the
 * examining lawyer for a question, the witness for an answer, the judge for the court ("the Court" when no judge is
 * named). Null when the transcript does not say.
 */
export function roleHolder(text: string, role: CourtRole, from: number, at: number): string | null {
  const before = text.slice(from, at);
  switch (role) {
    case 'question': {
      const lawyer = lastMatch(EXAMINER, before);
      return lawyer ? titleCase(lawyer) : null;
    }
    case 'answer': {
      const witness = lastMatch(WITNESS, before);
      return witness ? titleCase(witness.trim()) : null;
    }
    case 'court': {
      const judge = lastMatch(JUDGE, before);
      const read = judge ? readSpeakerPhrase(judge.trim()) : null;
      return read && 'name' in read ? read.name : 'the Court';
    }
  }
}

/** The first group that took part in the last match of `pattern` (global) in `text`. */
function lastMatch(pattern: RegExp, text: string): string | null {
  let found: string | null = null;
  for (const match of text.matchAll(pattern)) found = match[1] ?? match[2] ?? null;
  return found;
}

/** A name written in capitals as prose writes it: "GARY VOSS" gives "Gary Voss". */
export function titleCase(name: string): string {
  return name.toLowerCase().replace(/(^|[\s'’\-])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}
