// Checks one draft text for the language server: within the draft limits, in slices that let other requests be
// answered meanwhile, with progress when it runs long, and turned into the diagnostics the editor shows.
import type { Connection, Diagnostic } from 'vscode-languageserver';
import { basename } from 'node:path';
import { misattributions } from '../core/misattribution.js';
import { summarize, type Summary } from '../core/summary.js';
import type { DraftFormat } from '../core/types.js';
import { isFileUri, uriToPath } from '../convert.js';
import { checkDraftWithinLimits, DEFAULT_DRAFT_LIMITS, stoppedMessage } from '../io/draftLimits.js';
import { checkedQuotations, topOfDraft, type CheckedQuotation } from './findings.js';
import type { SourceFolder } from './folder.js';
import { formatCount } from '../counts.js';

/** The latest check of one draft. */
export interface DraftResult {
  uri: string;
  /** The document version checked; null for a draft read from disk. */
  version: number | null;
  quotations: CheckedQuotation[];
  summary: Summary;
  /** Quotations the draft's comments (`verbatim-disable`) left out, not checked. */
  disabled?: number;
  /**
   * Set when the check failed or stopped short of the whole draft (a limit): a diagnostic at the top of the draft
   * saying so, so that a check that did not run never looks like a pass.
   */
  failure?: Diagnostic;
}

/** How long a draft check runs before it shows progress. */
const PROGRESS_AFTER_MS = 250;


/**
 * Checks a draft against its folder's index. Gives null when `cancelled` says so between slices. One draft that
 * breaks the checker is reported on (a diagnostic at its top), never fatal.
 */
export async function checkDraftText(
  connection: Connection,
  folder: SourceFolder,
  draft: { uri: string; text: string; format: DraftFormat; version: number | null },
  cancelled: () => boolean,
): Promise<DraftResult | null> {
  const { uri, text, format, version } = draft;
  const index = folder.index;
  const started = performance.now();
  let progress: Awaited<ReturnType<Connection['window']['createWorkDoneProgress']>> | null = null;
  try {
    const checked = await checkDraftWithinLimits(index, text, format, folder.settings.check, DEFAULT_DRAFT_LIMITS, {
      cancelled,
      memo: folder.memo,
      afterSlice: async (done, total) => {
        // Only a check that runs long shows progress; a flash of it on every edit of a short draft is noise.
        if (!progress && performance.now() - started < PROGRESS_AFTER_MS) return;
        if (!progress) {
          progress = await connection.window.createWorkDoneProgress();
          progress.begin('Verbatim', 0, `Checking ${basename(isFileUri(uri) ? uriToPath(uri) : uri)}`, false);
        }
        progress.report(
          total > 0 ? Math.floor((done / total) * 100) : 0,
          `Checking quotations: ${formatCount(done)} of ${formatCount(total)}`,
        );
      },
    });
    if (!checked) return null;
    const { findings, stopped } = checked;
    // Read at every check, not remembered with the findings: who the draft says spoke a quotation depends on the words
    // around it, which an edit may change without changing the quotation.
    const misattributed = new Map(misattributions(text, findings).map((wrong) => [wrong.finding, wrong]));
    const quotations = checkedQuotations(findings, {
      text,
      version,
      source: (id) => index.get(id),
      severity: folder.settings.severity,
      attributionTemplate: folder.settings.attributionTemplate,
      format,
      misattributed,
    });
    const result: DraftResult = { uri, version, quotations, summary: summarize(findings), disabled: checked.leftOut };
    if (stopped) {
      connection.console.warn(`Checking ${uri} stopped short: ${stopped.reason}.`);
      result.failure = topOfDraft(stoppedMessage(stopped));
    }
    return result;
  } catch (error) {
    connection.console.error(`Checking ${uri} failed: ${(error as Error).stack ?? String(error)}`);
    const failure = topOfDraft(`Verbatim could not check this draft, so none of its quotations is verified: ${(error as Error).message}`);
    return { uri, version, quotations: [], summary: summarize([]), failure };
  } finally {
    (progress as { done(): void } | null)?.done();
  }
}
