// The data types the pure core takes in and gives out. Offsets are UTF-16 code-unit offsets (JavaScript string
// indices) into the text they belong to; converting them to lines and characters happens outside the core.

/** A half-open range [start, end) of UTF-16 offsets. */
export interface Span {
  start: number;
  end: number;
}

/** The kinds of draft the quotation finder understands. */
export type DraftFormat = 'plaintext' | 'markdown' | 'latex';

/** One quotation found in a draft. */
export interface Quotation {
  /** The quotation as written, without its outer marks. */
  text: string;
  /** Offset of `text` in the draft. */
  start: number;
  /** Offset just past `text` in the draft. */
  end: number;
  /** The opening mark, e.g. `“` or `«` or two backticks. */
  open: Span;
  /** The closing mark, or null when the quotation was left open and ends at the end of its paragraph. */
  close: Span | null;
  /**
   * Quotations interrupted by attribution (“We will,” she said, “rebuild.”) share a group number; every other
   * quotation has a group of its own. Groups are numbered from 0 in document order.
   */
  group: number;
  /**
   * How the quotation reads in its sentence: `speech` for words someone said or wrote (dialogue, a quoted
   * statement), `mention` for a scare quote, a title or a word talked about (a so-called “masher”, the word
   * “Service”). A guess from the prose around it, set by the quotation finder; both kinds are checked.
   */
  kind?: 'speech' | 'mention';
  /**
   * The quotation as prose, when markup stands in it: `text` with what is not prose blanked (LaTeX commands and
   * comments, HTML tags and comments in Markdown) and signs written as commands or character references (`\ldots`,
   * `&amp;`) read as the characters they stand for; as long as `text`, offset for offset. Its words are the words
   * checked.
   */
  prose?: string;
  /**
   * True for a block quotation, set apart without quotation marks (a Markdown block quote, LaTeX's quote environment):
   * `open` and `close` are its block's markup, which a fix leaves as it is.
   */
  block?: boolean;
}

/** What a source says about itself: from front matter, a dateline, HTML metadata or the file name. */
export interface SourceMeta {
  title?: string;
  outlet?: string;
  author?: string;
  /** ISO date (YYYY-MM-DD) when it could be read. */
  date?: string;
  url?: string;
}

/** A stretch of the matched text that stands at another offset in the file it came from. */
export interface TextSegment {
  /** Offset in `SourceDocument.text`. */
  text: number;
  /** Offset in the decoded file content. */
  file: number;
  length: number;
}

/** A source as the core sees it: its visible text and what is known about it. */
export interface SourceDocument {
  /** Opaque identifier (a path or URI), unique per source. */
  id: string;
  /** The visible text that quotations are matched against. */
  text: string;
  meta: SourceMeta;
  /**
   * Present when `text` is not the file's decoded content itself (HTML, front matter stripped): the file's
   * decoded content and where each stretch of `text` stands in it. Offsets outside every segment map to the
   * nearest segment start.
   */
  file?: { content: string; segments: TextSegment[] };
  /**
   * Present when the text is kept out of memory (a large collection of sources, a short-lived run): reads stretches
   * of it without the whole. The core then reads the text only through `textSlice` and `textWindow`; `text` would read
   * all of it.
   */
  stored?: StoredText;
  /** Where each page starts in `text`, for a source printed in pages (a PDF), the first page first. */
  pages?: readonly number[];
  /**
   * What of the file could not be read, though the rest of it was (an attached file that is no text, for instance),
   * a clause each: reports list it beside the files left out.
   */
  notes?: readonly string[];
}

/** A text read a stretch at a time. */
export interface StoredText {
  readonly length: number;
  /** text[from, to), with `from` and `to` clamped to the text. */
  slice(from: number, to: number): string;
  /** The line and character of an offset in the text, counted as they are for a text held whole. */
  positionAt(offset: number): { line: number; character: number };
}

export type Verdict = 'verbatim' | 'altered' | 'unsourced';

/** One word-level difference between a quotation and its source; an empty side is an insertion or deletion. */
export interface Change {
  draft: string;
  source: string;
  /**
   * Where the change stands in the draft while a check works it out: the draft's words it replaces, or where the
   * source's words go in (start = end). Left out of a finding's changes, whose `edits` say it.
   */
  at?: Span;
}

/** An edit of a quotation: its text's [start, end) (offsets from the quotation's start) replaced by `text`. */
export interface WordingEdit {
  start: number;
  end: number;
  text: string;
}

/** The source passage a quotation was matched to. */
export interface SourceMatch {
  /** `SourceDocument.id` of the source. */
  id: string;
  /** Offsets of the passage in `SourceDocument.text`. */
  start: number;
  end: number;
  /** The passage exactly as the source writes it. */
  text: string;
  /** Who the source says spoke the words, when it says so. */
  speaker: string | null;
  /**
   * In a transcript, the speakers whose turns open inside the passage, as their labels name them: the passage then
   * joins the words of more than one speaker (a question and its answer). Absent when it stays in one turn.
   */
  turns?: string[];
  meta: SourceMeta;
}

/** The verdict on one quotation. */
export interface Finding {
  quotation: Quotation;
  verdict: Verdict;
  /** True for quotations of at most `shortQuoteMaxWords` words (reported quietly when unsourced). */
  short: boolean;
  /** 0..1: how much of the quotation the source passage holds, after typography is folded. */
  similarity: number;
  source: SourceMatch | null;
  changes: Change[];
  /**
   * The edits that give an altered quotation its source's wording, word for word where the changes are, leaving the
   * rest of the draft as written (its marks, markup, punctuation and incises); absent where a change has no one place
   * (words an ellipsis left out).
   */
  edits?: WordingEdit[];
  /** Set when the check stopped short for this quotation (too long to align, for example). */
  limit?: string;
}

/** Thresholds that decide verdicts. */
export interface CheckOptions {
  /** Quotations of at most this many words are short (default 3). */
  shortQuoteMaxWords: number;
  /** Lowest similarity at which a differing source passage counts as the same statement (default 0.6). */
  alteredThreshold: number;
  /** How many words an ellipsis may stand for at most (default 60). */
  maxEllipsisWords: number;
  /** Quotations longer than this many words are not aligned and are reported as such (default 2000). */
  maxQuoteWords: number;
  /** Hesitation sounds a quotation may leave out of its source where the source sets them off (", um,"). */
  fillers: string[];
}

export const DEFAULT_CHECK_OPTIONS: CheckOptions = {
  shortQuoteMaxWords: 3,
  alteredThreshold: 0.6,
  maxEllipsisWords: 60,
  maxQuoteWords: 2000,
  fillers: ['um', 'umm', 'uh', 'uhh', 'uhm', 'er', 'erm', 'hmm', 'hm'],
};
