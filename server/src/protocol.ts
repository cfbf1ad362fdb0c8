// The contract between the Verbatim extension and its language server: method names, command ids, diagnostic
// codes, the typed data every diagnostic carries, and the settings with their defaults and validation.
import type { Range } from 'vscode-languageserver-types';
import type { Change, Verdict } from './core/types.js';

/** The `source` of every diagnostic the server publishes. */
export const DIAGNOSTIC_SOURCE = 'verbatim';

/** Stable diagnostic codes. */
export const DiagnosticCodes = {
  /** A source holds the same statement in other words. */
  altered: 'quote.altered',
  /** No source holds the quotation. */
  unsourced: 'quote.unsourced',
  /** A short quotation (a few words) that no source holds inside its own quotation marks. */
  unsourcedShort: 'quote.unsourced-short',
  /** The check stopped short for this quotation (too long to align, for example); it was not verified. */
  unchecked: 'quote.unchecked',
  /** The draft gives the quotation to another person than its source does. */
  misattributed: 'quote.misattributed',
} as const;
export type DiagnosticCode = (typeof DiagnosticCodes)[keyof typeof DiagnosticCodes];

/** Command ids. The first three appear in the command palette; the others are used by hovers and code actions. */
export const Commands = {
  /** Checks every draft of the workspace, open or not; returns a {@link CheckAllResult}. Runs on the server. */
  checkAllQuotes: 'verbatim.checkAllQuotes',
  /** Reads and indexes every source again. Runs on the server. */
  reindex: 'verbatim.reindex',
  /** Shows the output channel. Runs in the extension. */
  showOutput: 'verbatim.showOutput',
  /** Opens a source at a passage; arguments `[uri: string, range: Range]`. Runs on the server. */
  openSource: 'verbatim.openSource',
  /**
   * Records a quotation as ignored in the folder's `verbatim.json`; arguments `[draftUri: string, quotation: string]`.
   * Runs on the server.
   */
  ignoreQuotation: 'verbatim.ignoreQuotation',
  /**
   * Shows the text Verbatim read from a source file, or why it read none; argument `[uri?: Uri]` (the file chosen in the
   * Explorer; without it, the active editor's). Runs in the extension.
   */
  showSourceText: 'verbatim.showSourceText',
} as const;

/** Commands the server executes (the `workspace/executeCommand` provider list). */
export const SERVER_COMMANDS: readonly string[] = [
  Commands.checkAllQuotes,
  Commands.reindex,
  Commands.openSource,
  Commands.ignoreQuotation,
];

/** The result of {@link Commands.checkAllQuotes}. */
export interface CheckAllResult {
  /** Drafts checked. */
  drafts: number;
  quotations: number;
  verbatim: number;
  altered: number;
  unsourced: number;
  /** Quotations the drafts give to another person than their source does (each also counted by its verdict). */
  misattributed: number;
  /** The one-line summary shown to the writer, e.g. "38 quotations: 30 verbatim, 5 altered, 3 unsourced". */
  summary: string;
  /** Drafts that could not be read, with the reason. */
  skipped: { file: string; reason: string }[];
}

/** Custom request and notification method names. */
export const Methods = {
  /** Request (client -> server): {@link StatusParams} -> {@link StatusResult}. */
  status: 'verbatim/status',
  /** Notification (server -> client), no parameters: the status changed, ask again. */
  statusChanged: 'verbatim/statusChanged',
  /** Request (client -> server): {@link SourceTextParams} -> {@link SourceTextResult}. */
  sourceText: 'verbatim/sourceText',
  /**
   * Notification (server -> client), {@link SourcesChangedParams}: sources were read again, so the text shown for them
   * (see SOURCE_TEXT_SCHEME) may have changed.
   */
  sourcesChanged: 'verbatim/sourcesChanged',
} as const;

export interface SourcesChangedParams {
  /** The `file:` URIs of the sources read again; empty when every source may have changed (a folder indexed anew). */
  uris: string[];
}

/**
 * The URI scheme of a source whose file is no text an editor shows (a PDF, a Word document): its locations are in the
 * text Verbatim read from it, which the extension shows as a read-only document under this scheme, asking the server
 * for it. The URI is the file's `file:` URI with this scheme.
 */
export const SOURCE_TEXT_SCHEME = 'verbatim-source';

export interface SourceTextParams {
  /** The source's `file:` URI. */
  uri: string;
}

/**
 * What Verbatim read from a file of its sources: the text, or why it read none (a scanned PDF, a damaged document);
 * null for a file that is no source of the workspace.
 */
export type SourceTextResult = { text: string } | { skipped: string } | null;

export interface StatusParams {
  /** A draft whose quotation counts are wanted (the active editor's document). */
  uri?: string;
}

/** The state of one workspace folder's source index. */
export interface FolderStatus {
  uri: string;
  state: 'indexing' | 'ready' | 'failed';
  /** Sources in the index. */
  sources: number;
  /** Bytes of source files read into the index. */
  bytes: number;
  /** Source files left out, with the reason (binary, too large, unreadable, ...). */
  skipped: { file: string; reason: string }[];
  /** Sources read only in part, with what of each could not be read (an email's attached file, ...). */
  partial: { file: string; notes: string[] }[];
  /** Source files read from disk since the server started (full loads and single-file updates). */
  sourceReads: number;
  /** How far the current indexing run is; null when none runs. */
  progress: { done: number; total: number } | null;
  /** The folder's `verbatim.json`, when it has one. */
  configFile: string | null;
  /** Problems with the configuration file or settings, one sentence each. */
  errors: string[];
  /** The source folders or files being indexed. */
  roots: string[];
  /** Quotation groups checked against the index, and groups whose findings were reused because they did not change. */
  groupsChecked: number;
  groupsReused: number;
}

/** Counts of one draft's latest check. */
export interface DocumentStatus {
  uri: string;
  /** The document version the counts belong to. */
  version: number | null;
  quotations: number;
  verbatim: number;
  altered: number;
  unsourced: number;
  /** Quotations the draft gives to another person than their source does (each also counted by its verdict). */
  misattributed: number;
  /** Quotations the draft's comments (`verbatim-disable`) left out, not checked and not counted above. */
  disabled: number;
}

export interface StatusResult {
  folders: FolderStatus[];
  /** Counts for `StatusParams.uri` when it is a draft that was checked; otherwise null. */
  document: DocumentStatus | null;
  /** Draft checks run since the server started. */
  checks: number;
  /** True when the workspace is untrusted and the server runs in limited mode. */
  restricted: boolean;
}

/** The source passage a quotation was matched to, as carried in diagnostic data. */
export interface SourcePassage {
  /** The source file. */
  uri: string;
  /** The passage in the source file. */
  range: Range;
  /** The passage exactly as the source writes it. */
  text: string;
  speaker: string | null;
  title: string | null;
  outlet: string | null;
  date: string | null;
  url: string | null;
  /** The page the passage starts on, for a source printed in pages (a PDF); null for others. */
  page: number | null;
  /** In a transcript, the speakers whose turns begin inside the passage, which joins their words (when any do). */
  turns?: string[];
}

/** The typed `data` of every Verbatim diagnostic; hovers and code actions are pure functions of it. */
export interface QuoteDiagnosticData {
  kind: 'verbatim/quote';
  /** The draft version the diagnostic was computed on; null for a draft read from disk. */
  documentVersion: number | null;
  verdict: Verdict;
  /** The quotation as written, without its outer marks. */
  quotation: string;
  /**
   * The quotation with its marks: what "Replace with source wording" replaces (a block quotation's words alone, its
   * markup and citation kept).
   */
  replaceRange: Range;
  /** The opening mark as written ('' for a block quotation). */
  open: string;
  /**
   * The closing mark as written, or the mark that closes `open` when the quotation was left open; for a block
   * quotation, the mark that ends its sentence when the source wording has none.
   */
  close: string;
  source: SourcePassage | null;
  /** 0..1: how much of the quotation the source passage holds. */
  similarity: number;
  changes: Change[];
  /**
   * The quotation's words with the source's wording put in where its changes stand, the rest as the writer wrote it:
   * what "Replace with source wording" writes between the marks. Absent where a change has no one place, and the
   * source passage is written instead.
   */
  wording?: string;
  /**
   * The attribution rendered from the template, to put before and after the quotation where the draft does not say who
   * spoke it.
   */
  attribution: { before: string; after: string };
  /** Why the check stopped short, for `quote.unchecked`. */
  limit?: string;
  /** Present when the draft gives the words to another person than the source does (`quote.misattributed`). */
  misattributed?: { draft: string; source: string };
}

/** Guards diagnostic data that comes back from the client before a code action relies on it. */
export function isQuoteDiagnosticData(value: unknown): value is QuoteDiagnosticData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Partial<QuoteDiagnosticData>;
  return (
    data.kind === 'verbatim/quote' &&
    typeof data.quotation === 'string' &&
    isRange(data.replaceRange) &&
    typeof data.open === 'string' &&
    typeof data.close === 'string' &&
    (data.documentVersion === null || typeof data.documentVersion === 'number') &&
    (data.source === null || (typeof data.source === 'object' && isRange(data.source?.range) && typeof data.source?.text === 'string' && typeof data.source?.uri === 'string')) &&
    (data.wording === undefined || typeof data.wording === 'string') &&
    typeof data.attribution === 'object' && data.attribution !== null &&
    typeof data.attribution.before === 'string' && typeof data.attribution.after === 'string'
  );
}

function isRange(value: unknown): value is Range {
  const r = value as Range | undefined;
  return (
    typeof r === 'object' && r !== null &&
    typeof r.start?.line === 'number' && typeof r.start?.character === 'number' &&
    typeof r.end?.line === 'number' && typeof r.end?.character === 'number'
  );
}

/** How loudly a kind of finding is reported; `off` reports nothing. */
export type SeverityName = 'error' | 'warning' | 'information' | 'hint' | 'off';
const SEVERITY_NAMES: readonly SeverityName[] = ['error', 'warning', 'information', 'hint', 'off'];

/** The `verbatim.*` settings, resolved. */
export interface Settings {
  /** Source folders or files, relative to the workspace folder or absolute. Empty: from `verbatim.json`, else `sources`. */
  sources: string[];
  /** Language ids of the documents checked as drafts. */
  languages: string[];
  /** Quotations of at most this many words are short. */
  shortQuoteMaxWords: number;
  /** Lowest similarity (0..1) at which a differing source passage counts as the same statement. */
  alteredThreshold: number;
  severity: { altered: SeverityName; unsourced: SeverityName; unsourcedShort: SeverityName; misattributed: SeverityName };
  /** The attribution the quick fix adds; see the README for placeholders. */
  attributionTemplate: string;
}

/** Settings as a writer gave them: only what was set, already validated. */
export type UserSettings = Partial<Omit<Settings, 'severity'>> & { severity?: Partial<Settings['severity']> };

/** The default attribution: appended after the closing mark, e.g. ` (Wilbur Ross, AFP, 2019-10-09)`. */
export const DEFAULT_ATTRIBUTION_TEMPLATE = '{quote} ({speaker}, {source}, {date})';

export const DEFAULT_SETTINGS: Settings = {
  sources: [],
  languages: ['markdown', 'plaintext', 'latex'],
  shortQuoteMaxWords: 3,
  alteredThreshold: 0.6,
  severity: { altered: 'warning', unsourced: 'information', unsourcedShort: 'hint', misattributed: 'warning' },
  attributionTemplate: DEFAULT_ATTRIBUTION_TEMPLATE,
};

/**
 * Validates the `verbatim` settings section as received from the editor. Keys that are missing or null stay
 * unset; keys with a wrong value are left out and reported, one sentence each.
 */
export function parseSettings(raw: unknown): { settings: UserSettings; errors: string[] } {
  const settings: UserSettings = {};
  const errors: string[] = [];
  if (raw === null || raw === undefined) return { settings, errors };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { settings, errors: ['The "verbatim" settings must be an object; they are ignored.'] };
  }
  const section = raw as Record<string, unknown>;
  const stringList = (key: 'sources' | 'languages'): void => {
    const value = section[key];
    if (value === undefined || value === null) return;
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) settings[key] = value as string[];
    else errors.push(`Setting "verbatim.${key}" must be a list of strings; it is ignored.`);
  };
  stringList('sources');
  stringList('languages');
  const words = section.shortQuoteMaxWords;
  if (words !== undefined && words !== null) {
    if (typeof words === 'number' && Number.isInteger(words) && words >= 0 && words <= 50) settings.shortQuoteMaxWords = words;
    else errors.push('Setting "verbatim.shortQuoteMaxWords" must be a whole number from 0 to 50; it is ignored.');
  }
  const threshold = section.alteredThreshold;
  if (threshold !== undefined && threshold !== null) {
    if (typeof threshold === 'number' && threshold >= 0 && threshold <= 1) settings.alteredThreshold = threshold;
    else errors.push('Setting "verbatim.alteredThreshold" must be a number from 0 to 1; it is ignored.');
  }
  const template = section.attributionTemplate;
  if (template !== undefined && template !== null) {
    if (typeof template === 'string') settings.attributionTemplate = template;
    else errors.push('Setting "verbatim.attributionTemplate" must be a string; it is ignored.');
  }
  const severity = section.severity;
  if (severity !== undefined && severity !== null) {
    if (typeof severity !== 'object' || Array.isArray(severity)) {
      errors.push('Setting "verbatim.severity" must be an object; it is ignored.');
    } else {
      const given = severity as Record<string, unknown>;
      const parsed: Partial<Settings['severity']> = {};
      for (const key of ['altered', 'unsourced', 'unsourcedShort', 'misattributed'] as const) {
        const value = given[key];
        if (value === undefined || value === null) continue;
        if (typeof value === 'string' && (SEVERITY_NAMES as readonly string[]).includes(value)) parsed[key] = value as SeverityName;
        else errors.push(`Setting "verbatim.severity.${key}" must be one of ${SEVERITY_NAMES.join(', ')}; it is ignored.`);
      }
      if (Object.keys(parsed).length > 0) settings.severity = parsed;
    }
  }
  return { settings, errors };
}

/** Fills the unset settings with the defaults. */
export function withDefaults(settings: UserSettings): Settings {
  return {
    ...DEFAULT_SETTINGS,
    ...settings,
    severity: { ...DEFAULT_SETTINGS.severity, ...settings.severity },
  };
}

/** Options the extension passes at start-up. */
export interface InitializationOptions {
  /** False in an untrusted workspace: the server then runs in limited mode. */
  trusted?: boolean;
  /** A folder of the editor's workspace storage where the server may keep its persisted index. */
  storagePath?: string;
}
