// The one-sentence messages that the machine-read reports (SARIF, GitHub annotations) give each quotation.
import { turnsNote } from '../../core/sourceMatch.js';
import { oneLine } from '../../core/words.js';
import type { QuoteReport } from '../report.js';

/** What a report says of a quotation that is not verbatim, or was not checked. */
export function quoteMessage(quote: QuoteReport): string {
  const text = `“${oneLine(quote.text)}”`;
  if (quote.limit !== undefined) return `Quotation ${text} was not checked: ${quote.limit}.`;
  if (quote.verdict === 'altered' && quote.source) {
    const changes = quote.changes
      .map(({ draft, source }) => [oneLine(draft), oneLine(source)])
      .map(([draft, source]) => (source === '' ? `+ ${draft}` : draft === '' ? `− ${source}` : `${draft} → ${source}`))
      .join(', ');
    const similarity = `${Math.round(quote.similarity * 100)}% similar`;
    const turns = quote.source.turns ? ` Beware: ${turnsNote(quote.source.turns)}.` : '';
    return `Quotation differs from its source, which says “${oneLine(quote.source.text)}” (${similarity})${
      changes ? `. Changes: ${changes}.` : '.'
    }${turns}`;
  }
  if (quote.short) return `No source has the short quotation ${text} inside its own quotation marks.`;
  return `No source holds the quotation ${text}.`;
}

/** What a report says of a quotation the draft gives to another person than its source does. */
export function misattributedMessage(quote: QuoteReport, speakers: { draft: string; source: string }): string {
  return `The draft gives “${oneLine(quote.text)}” to ${speakers.draft}; the source gives these words to ${speakers.source}.`;
}
