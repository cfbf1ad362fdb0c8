// Checks the quotations of a draft against a SourceIndex and gives one Finding per quotation.
import type { CheckOptions, DraftFormat, Finding } from './types.js';
import type { SourceIndex } from './sourceIndex.js';

/** Options of a draft check: the verdict thresholds and quotations the writer chose to ignore. */
export interface DraftCheckOptions extends CheckOptions {
  /** Quotation texts to skip, compared after typography is folded. */
  ignore: string[];
}

/** Finds every quotation in `text` and checks it against `index`. */
export function checkDraft(
  _index: SourceIndex,
  _text: string,
  _format: DraftFormat,
  _options: Partial<DraftCheckOptions> = {},
): Finding[] {
  throw new Error('not implemented yet');
}
