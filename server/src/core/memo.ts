// Remembers the findings of quotation groups between checks of a draft, so that an edit re-checks only the
// quotations it touched: a group whose words, options and sources are unchanged gets its findings back at once.
import { checkQuotations, type DraftCheckOptions } from './check.js';
import type { SourceIndex } from './sourceIndex.js';
import type { Finding, Quotation } from './types.js';

type Remembered = { part: number; finding: Omit<Finding, 'quotation'> };

/** A bounded memory of findings, valid for one state of one index and one set of options. */
export class CheckMemo {
  private entries = new Map<string, Remembered[]>();
  private index: SourceIndex | null = null;
  private indexVersion = -1;
  private optionsKey = '';
  /** How many groups were answered from memory, and how many were checked, since the memo was made. */
  reused = 0;
  checked = 0;

  constructor(private readonly capacity = 20_000) {}

  /** Checks a group of quotations of `text` (one quotation, or one interrupted by attribution), or remembers it. */
  check(index: SourceIndex, text: string, group: Quotation[], options: Partial<DraftCheckOptions>): Finding[] {
    this.validate(index, options);
    // What a group's findings depend on in the draft is the text of its quotations, and the words read from it; their
    // offsets are re-attached.
    const key = group.map((quotation) => quotation.text + '\u0002' + (quotation.prose ?? '')).join('\u0001');
    const known = this.entries.get(key);
    if (known) {
      this.reused++;
      return known.map(({ part, finding }) => ({ ...finding, quotation: group[part] }));
    }
    this.checked++;
    const findings = checkQuotations(index, text, group, options);
    if (this.entries.size >= this.capacity) this.entries.clear();
    this.entries.set(
      key,
      findings.map(({ quotation, ...finding }) => ({ part: group.indexOf(quotation), finding })),
    );
    return findings;
  }

  /** Forgets everything when the index or the options are no longer those the findings were made with. */
  private validate(index: SourceIndex, options: Partial<DraftCheckOptions>): void {
    const optionsKey = JSON.stringify(options);
    if (index === this.index && index.version === this.indexVersion && optionsKey === this.optionsKey) return;
    this.entries.clear();
    this.index = index;
    this.indexVersion = index.version;
    this.optionsKey = optionsKey;
  }
}
