// The commands the server executes: Check All Quotes, re-index, open a source passage, ignore a quotation.
import { ResponseError, ErrorCodes, type Range } from 'vscode-languageserver';
import { addSummaries, formatSummaryWithSpeakers, summarize } from '../core/summary.js';
import { pathToUri } from '../convert.js';
import { Commands, type CheckAllResult } from '../protocol.js';
import { documentFormat, draftFormatOf } from '../core/extract/index.js';
import { findDrafts, readDraft } from './drafts.js';
import { ignoreQuotation } from './ignore.js';
import type { VerbatimService } from './service.js';
import { formatCount } from '../counts.js';


/** An error answered to the client with a sentence the writer can act on. */
function invalid(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

/**
 * Checks every draft of every workspace folder, open or not: open drafts as they are in the editor, the others as
 * they are on disk. Publishes diagnostics for all of them, reports progress, and shows the summary.
 */
export async function checkAllQuotes(service: VerbatimService): Promise<CheckAllResult> {
  const { connection } = service;
  const progress = await connection.window.createWorkDoneProgress();
  progress.begin('Verbatim', 0, 'Checking quotations', false);
  let total = summarize([]);
  let misattributed = 0;
  let drafts = 0;
  const skipped: CheckAllResult['skipped'] = [];
  try {
    for (const folder of service.folders.values()) {
      await folder.whenReady();
      const files = await findDrafts(folder.path, folder.settings.isDraft, (path) => folder.isSource(path), (file, reason) => skipped.push({ file, reason }));
      for (const [i, file] of files.entries()) {
        progress.report(Math.floor((i / files.length) * 100), `Checking drafts: ${formatCount(i + 1)} of ${formatCount(files.length)} in ${folder.path}`);
        const uri = pathToUri(file);
        const open = service.documents.get(uri);
        let result;
        if (open) {
          result = await service.checkDocument(open);
          // The draft changed while it was checked; its newer text is checked and published on its own.
          if (!result) continue;
        } else {
          const read = await readDraft(file, folder.settings.maxSourceFileBytes);
          if ('skip' in read) {
            skipped.push({ file, reason: read.skip });
            continue;
          }
          result = await service.check(folder, uri, read.text, draftFormatOf(file) ?? documentFormat(null, uri), null);
          if (!result) continue;
          service.diskDrafts.add(uri);
          service.publish(result);
        }
        total = addSummaries(total, result.summary);
        misattributed += result.quotations.filter((quotation) => quotation.speakerDiagnostic !== null).length;
        drafts++;
      }
    }
  } finally {
    progress.done();
  }
  for (const { file, reason } of skipped) connection.console.warn(`Draft not checked: ${file}: ${reason}`);
  const summary = drafts === 0 ? 'No drafts found in the workspace.' : formatSummaryWithSpeakers(total, misattributed);
  const note = skipped.length > 0 ? ` ${skipped.length} file${skipped.length === 1 ? '' : 's'} could not be checked; see the output.` : '';
  connection.console.info(`Check All Quotes: ${drafts} drafts. ${summary}${note}`);
  void connection.window.showInformationMessage(`Verbatim: ${summary}${note}`);
  return {
    drafts,
    quotations: total.total,
    verbatim: total.verbatim,
    altered: total.altered,
    unsourced: total.unsourced,
    misattributed,
    summary,
    skipped,
  };
}

function isRange(value: unknown): value is Range {
  const r = value as Range | null;
  return typeof r?.start?.line === 'number' && typeof r.start.character === 'number' && typeof r.end?.line === 'number' && typeof r.end.character === 'number';
}

/** Runs one of the server's commands; bad arguments are answered with an error, never a crash. */
export async function executeCommand(service: VerbatimService, command: string, args: unknown[]): Promise<unknown> {
  switch (command) {
    case Commands.checkAllQuotes:
      return checkAllQuotes(service);
    case Commands.reindex:
      await Promise.all([...service.folders.values()].map((folder) => service.reindex(folder, true)));
      return null;
    case Commands.openSource: {
      const [uri, range] = args;
      if (typeof uri !== 'string' || !isRange(range)) throw invalid('Open source passage needs a source URI and a range.');
      const shown = await service.connection.window.showDocument({ uri, selection: range, takeFocus: true });
      return shown.success;
    }
    case Commands.ignoreQuotation: {
      const [uri, quotation] = args;
      if (typeof uri !== 'string' || typeof quotation !== 'string') throw invalid('Ignore this quotation needs a draft URI and the quotation.');
      if (!service.trusted) throw invalid('Quotations cannot be ignored in an untrusted workspace, because that writes verbatim.json; trust the workspace first.');
      const folder = service.folderOf(uri);
      if (!folder) throw invalid('The draft is not inside a workspace folder, so there is no verbatim.json to record the quotation in.');
      const file = await ignoreQuotation(folder.path, quotation);
      if (file) service.connection.console.info(`Ignoring “${quotation}” from now on (recorded in ${file}).`);
      // The watcher would notice the file too, but the writer expects the diagnostic to go at once.
      await service.refreshSettings(folder);
      service.recheckFolder(folder);
      return file ? pathToUri(file) : null;
    }
    default:
      throw new ResponseError(ErrorCodes.MethodNotFound, `Unknown command ${command}.`);
  }
}

