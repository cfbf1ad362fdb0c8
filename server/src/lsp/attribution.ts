// Renders the attribution template that the "Replace with source wording" quick fix puts around a quotation.

/** What an attribution can name; missing parts are null or empty. */
export interface AttributionFields {
  speaker: string | null;
  title: string | null;
  outlet: string | null;
  /** ISO date (YYYY-MM-DD), or any other date text as the source gives it. */
  date: string | null;
}

type Token = { kind: 'text'; text: string } | { kind: 'field'; value: string };

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** Writes an ISO date the way prose does ("9 October 2019"); other date text is kept as it is. */
export function proseDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  if (!match) return date.trim();
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return date.trim();
  return `${day} ${MONTHS[month - 1]} ${match[1]}`;
}

function fieldValue(name: string, fields: AttributionFields): string | undefined {
  const clean = (value: string | null): string => (value ?? '').replace(/\s+/g, ' ').trim();
  switch (name) {
    case 'speaker': return clean(fields.speaker);
    case 'title': return clean(fields.title);
    case 'outlet': return clean(fields.outlet);
    case 'source': return clean(fields.outlet) || clean(fields.title);
    case 'date': return fields.date ? proseDate(clean(fields.date)) : '';
    case 'isoDate': return clean(fields.date);
    default: return undefined;
  }
}

function tokenize(part: string, fields: AttributionFields): Token[] {
  const tokens: Token[] = [];
  const pattern = /\{(\w+)\}/g;
  let last = 0;
  for (let match = pattern.exec(part); match; match = pattern.exec(part)) {
    const value = fieldValue(match[1]!, fields);
    // An unknown placeholder is left as literal text so that a typo shows up in the result instead of vanishing.
    if (value === undefined) continue;
    if (match.index > last) tokens.push({ kind: 'text', text: part.slice(last, match.index) });
    tokens.push({ kind: 'field', value });
    last = match.index + match[0].length;
  }
  if (last < part.length) tokens.push({ kind: 'text', text: part.slice(last) });
  return tokens;
}

/**
 * Renders one stretch of the template (the part before or after `{quote}`). Text between two placeholders is a
 * separator: it is kept only when a non-empty placeholder comes before it and the next placeholder is non-empty,
 * so ", " never dangles. Text at either end of the stretch (" (" and ")") is kept only when some placeholder in
 * the stretch has a value, so an attribution with nothing to say vanishes entirely.
 */
function renderPart(part: string, fields: AttributionFields): string {
  const tokens = tokenize(part, fields);
  const fieldIndexes = tokens.flatMap((token, index) => (token.kind === 'field' ? [index] : []));
  if (fieldIndexes.length === 0) return part;
  const anyValue = tokens.some((token) => token.kind === 'field' && token.value !== '');
  if (!anyValue) return '';
  const first = fieldIndexes[0]!;
  const last = fieldIndexes[fieldIndexes.length - 1]!;
  let out = '';
  let emitted = false;
  tokens.forEach((token, index) => {
    if (token.kind === 'field') {
      out += token.value;
      if (token.value !== '') emitted = true;
      return;
    }
    if (index < first || index > last) {
      out += token.text;
      return;
    }
    const next = tokens.slice(index + 1).find((t) => t.kind === 'field');
    if (emitted && next?.kind === 'field' && next.value !== '') out += token.text;
  });
  return out;
}

/**
 * Renders an attribution template into the text to put before and after the quotation. `{quote}` stands for the
 * quotation with its marks; a template without it is appended after the quotation. Placeholders: `{speaker}`,
 * `{title}`, `{outlet}`, `{source}` (outlet, else title), `{date}` ("9 October 2019") and `{isoDate}`.
 */
export function renderAttribution(template: string, fields: AttributionFields): { before: string; after: string } {
  const at = template.indexOf('{quote}');
  if (at < 0) return { before: '', after: renderPart(template, fields) };
  return {
    before: renderPart(template.slice(0, at), fields),
    after: renderPart(template.slice(at + '{quote}'.length), fields),
  };
}
