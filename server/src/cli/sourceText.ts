// `verbatim text`: prints the text read from source files, which quotations are matched against, and what was read
// about each, so that a writer can see why a quotation was or was not found in a PDF or a Word document.
import { resolve } from 'node:path';
import { LineIndex } from '../convert.js';
import { sourceFormat } from '../core/sources/index.js';
import type { SourceDocument } from '../core/types.js';
import { isFolder, pathExists } from '../io/paths.js';
import { loadSourceFile } from '../io/sources.js';
import { UsageError, type CliRequest } from './args.js';
import { resolveConfig } from './runner.js';

type TextRequest = Extract<CliRequest, { command: 'text' }>;

/** One source file as read, in the JSON of `verbatim text`. */
interface TextEntry {
  file: string;
  format: string;
  title?: string;
  outlet?: string;
  author?: string;
  date?: string;
  url?: string;
  /** For a source printed in pages, the line of the text (0-based) each page starts on, the first page first. */
  pages?: { page: number; line: number }[];
  text: string;
}

/** What `verbatim text` prints, what it says on stderr and its exit code. */
export interface TextRun {
  output: string;
  problems: string[];
  exitCode: number;
}

/** Reads the files of the request. Exit code 0 when every file was read, 1 when some were not, 2 when none was. */
export async function runText(request: TextRequest, cwd: string): Promise<TextRun> {
  // The configuration gives the size limit of sources; a broken one is said, as `check` says it.
  const loaded = await resolveConfig(request.config, cwd);
  if (loaded.errors.length > 0) throw new UsageError(loaded.errors.join('\n'));
  const { config } = loaded;
  const entries: TextEntry[] = [];
  const skipped: { file: string; reason: string }[] = [];
  // What could not be read of files read otherwise is said too, without failing the run.
  const inPart: string[] = [];
  for (const file of request.files) {
    // A file that is not there was named wrongly: said so, not as a file that vanished while it was read.
    if (!(await pathExists(resolve(cwd, file)))) {
      skipped.push({ file, reason: 'it does not exist' });
      continue;
    }
    if (await isFolder(resolve(cwd, file))) {
      skipped.push({ file, reason: 'it is a folder; name the files in it' });
      continue;
    }
    const loaded = await loadSourceFile(resolve(cwd, file), { maxFileBytes: config.maxSourceFileBytes });
    if ('skip' in loaded) {
      skipped.push({ file, reason: loaded.skip });
      continue;
    }
    entries.push(entryOf(file, loaded.document));
    for (const note of loaded.document.notes ?? []) inPart.push(`${file} was read in part: ${note}.`);
  }
  const output = request.format === 'json' ? `${JSON.stringify({ files: entries, skipped }, null, 2)}\n` : entries.map(asText).join('\n');
  const problems = [...skipped.map(({ file, reason }) => `${file} could not be read: ${reason}.`), ...inPart];
  return { output, problems, exitCode: entries.length === 0 ? 2 : skipped.length > 0 ? 1 : 0 };
}

function entryOf(file: string, doc: SourceDocument): TextEntry {
  const entry: TextEntry = { file, format: sourceFormat(file) ?? 'text', ...doc.meta, text: doc.text };
  if (doc.pages) {
    const lines = new LineIndex(doc.text);
    entry.pages = doc.pages.map((start, n) => ({ page: n + 1, line: lines.positionAt(start).line }));
  }
  // The text last, after what was read about it.
  const { text, ...about } = entry;
  return { ...about, text };
}

/** A file's entry for people: a heading, what was read about it, a blank line and the text. */
function asText(entry: TextEntry): string {
  const about = [
    entry.title && `title: ${entry.title}`,
    entry.outlet && `outlet: ${entry.outlet}`,
    entry.author && `author: ${entry.author}`,
    entry.date && `date: ${entry.date}`,
    entry.url && `url: ${entry.url}`,
    entry.pages && `pages: ${entry.pages.length}`,
  ].filter((line): line is string => Boolean(line));
  return [`== ${entry.file} (${entry.format}) ==`, ...about, '', entry.text, ''].join('\n');
}
