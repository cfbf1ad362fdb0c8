// Reads the dates that sources write in many ways (ISO, "Oct. 9, 2019", "9 October 2019") as YYYY-MM-DD.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Month names of other newsrooms' languages, each with its number. */
const MONTHS_ELSEWHERE: ReadonlyMap<string, number> = new Map(
  [
    // German, Dutch
    'januar februar märz april mai juni juli august september oktober november dezember',
    'januari februari maart april mei juni juli augustus september oktober november december',
    // French, Spanish, Italian, Portuguese
    'janvier février mars avril mai juin juillet août septembre octobre novembre décembre',
    'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre',
    'gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre',
    'janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro',
  ].flatMap((names) => names.split(' ').map((month, n): [string, number] => [month, n + 1])),
);

/** The month number (1-12) of a month's name ("Oct", "Sept.", "October", "Juli", "março"), or null. */
export function monthNumber(name: string): number | null {
  const key = name.toLowerCase().replace(/\.$/, '');
  const elsewhere = MONTHS_ELSEWHERE.get(key);
  if (elsewhere !== undefined) return elsewhere;
  if (key.length < 3) return null;
  const index = MONTHS.indexOf(key.slice(0, 3));
  if (index < 0) return null;
  // Accept only real spellings: a full name, its first three letters, or "Sept".
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
    'november', 'december'][index];
  return key === full || key === MONTHS[index] || key === 'sept' ? index + 1 : null;
}

/** Formats a calendar date as YYYY-MM-DD, or returns undefined when it does not exist. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return undefined;
  if (!Number.isInteger(month) || month < 1 || month > 12) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const NUMERIC = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:$|[T\s])/;
const MONTH_FIRST = /^(?:[A-Za-z]+,?\s+)?([A-Za-z]{3,9}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/;
/** "9 October 2019", "16. Juli 2024", "5 de março de 2024", "12 marzo 2024". */
const DAY_FIRST = /^(?:\p{L}+,?\s+)?(\d{1,2})(?:st|nd|rd|th|\.)?\s+(?:de\s+)?(\p{L}{3,10}\.?),?\s+(?:de\s+)?(\d{4})\b/u;
/** "05.03.2024": a date written with points is the day first, as everywhere that writes one so. */
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\b/;

/**
 * Normalises a date written at the start of `value` to YYYY-MM-DD: ISO dates and timestamps, 2019/10/09,
 * 20191009, "October 9, 2019", "Wed, 9 Oct 2019"; also Date objects. Ambiguous forms such as 09/10/2019 are
 * not guessed. Returns undefined when no date can be read.
 */
export function normaliseDate(value: unknown): string | undefined {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime())
      ? undefined
      : isoDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  let m = NUMERIC.exec(text) ?? COMPACT.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = MONTH_FIRST.exec(text);
  if (m) {
    const month = monthNumber(m[1]!);
    if (month) return isoDate(Number(m[3]), month, Number(m[2]));
  }
  m = DOTTED.exec(text);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = DAY_FIRST.exec(text);
  if (m) {
    const month = monthNumber(m[2]!);
    if (month) return isoDate(Number(m[3]), month, Number(m[1]));
  }
  return undefined;
}
