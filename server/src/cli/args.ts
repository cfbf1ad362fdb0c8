// Parses the command line of `verbatim` into a typed request, or a usage error the user can act on.
import { parseArgs } from 'node:util';

/** The report formats `verbatim check` can print. */
export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type OutputFormat = (typeof FORMATS)[number];

/** What the command line asks for. */
export type CliRequest =
  | { command: 'help' }
  | { command: 'version' }
  | {
      command: 'text';
      /** Source files whose text is wanted, as given. */
      files: string[];
      format: 'text' | 'json';
      config: string | null;
    }
  | {
      command: 'check';
      /** Source folders or files as given; empty when the configuration file should name them. */
      sources: string[];
      /** Drafts as given: files, folders or globs; empty when the configuration file should name them. */
      drafts: string[];
      format: OutputFormat;
      /** An explicit configuration file, instead of looking for verbatim.json from the working folder up. */
      config: string | null;
      noColor: boolean;
      /** Whether to keep and use the persisted index (off with --no-cache). */
      cache: boolean;
    };

/** A mistake on the command line; its message is one sentence for stderr, and the exit code is 2. */
export class UsageError extends Error {}

/** The text of `verbatim --help`. */
export const HELP = `Usage: verbatim check [options] <draft files, folders or globs>...
       verbatim text [--format text|json] <source files>...

check: checks every quotation in the drafts against the sources and reports
whether each is verbatim, altered (with the source's wording and what changed)
or unsourced.

text: prints the text read from each source file (a PDF, a Word or OpenDocument
document, RTF, an e-book, an email, a saved web page, subtitles, HTML, Markdown
or plain text), which quotations are matched against, with what was read about
it: title, outlet, author, date, pages.

Options:
  -s, --sources <path>   a folder or file of sources (repeatable); by default
                         the "sources" of verbatim.json, else ./sources
  -f, --format <format>  text (default), json, sarif or github (annotations
                         for GitHub Actions)
  -c, --config <file>    the configuration file to use instead of the nearest
                         verbatim.json from the working folder up
      --no-color         no colours in text output (also NO_COLOR=1)
      --no-cache         neither use nor keep the persisted index and code cache
                         (kept in $XDG_CACHE_HOME/verbatim, by default
                         ~/.cache/verbatim)
  -h, --help             show this help
  -v, --version          show the version

Without draft arguments, the "drafts" globs of verbatim.json are checked.
Folders are searched for .md, .markdown, .txt, .tex, .docx, .doc, .odt and
.rtf files; a web page (.html) or a PDF is checked when named.

Exit codes: 0 every quotation verbatim; 1 a quotation is altered, unsourced
or could not be checked; 2 usage error or nothing could be checked. For text:
0 every file read; 1 a file could not be read; 2 none could.
`;

const OPTIONS = {
  sources: { type: 'string', short: 's', multiple: true },
  format: { type: 'string', short: 'f' },
  config: { type: 'string', short: 'c' },
  'no-color': { type: 'boolean' },
  'no-cache': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** Parses `argv` (without the node executable and script). Throws a UsageError for anything it cannot accept. */
export function parseCliArgs(argv: string[]): CliRequest {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  const [command, ...rest] = positionals;
  if (command === undefined) {
    throw new UsageError('Name a command: verbatim check <drafts>... (see verbatim --help).');
  }
  if (command === 'text') return textRequest(values, rest);
  if (command !== 'check') {
    throw new UsageError(`Unknown command "${command}"; the commands are check and text (see verbatim --help).`);
  }
  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`Unknown format "${format}"; use --format text, json, sarif or github.`);
  }
  for (const source of values.sources ?? []) {
    if (source.trim() === '') throw new UsageError('--sources needs a folder or file path, not an empty string.');
  }
  if (values.config !== undefined && values.config.trim() === '') {
    throw new UsageError('--config needs the path of a configuration file, not an empty string.');
  }
  return {
    command: 'check',
    sources: values.sources ?? [],
    drafts: rest,
    format: format as OutputFormat,
    config: values.config ?? null,
    noColor: values['no-color'] ?? false,
    cache: !(values['no-cache'] ?? false),
  };
}

/** The request of `verbatim text`, which takes source files and a format, text or JSON. */
function textRequest(values: { format?: string; sources?: string[]; config?: string; 'no-cache'?: boolean }, files: string[]): CliRequest {
  if (values.sources !== undefined || values['no-cache'] !== undefined) {
    throw new UsageError('verbatim text takes the source files themselves, with no --sources or --no-cache.');
  }
  if (files.length === 0) throw new UsageError('Name the source files to print: verbatim text <source files>...');
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`Unknown format "${format}"; verbatim text prints text or json.`);
  return { command: 'text', files, format, config: values.config ?? null };
}

/** Rewords node's parseArgs errors as one sentence that points at --help. */
function describeParseError(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /'(-[^']*)'/.exec(message)?.[1] ?? 'given';
    return `Unknown option ${option}; see verbatim --help for the options.`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const option = /--[\w-]+/.exec(message)?.[0] ?? 'given';
    return /does not take an argument/.test(message)
      ? `Option ${option} does not take a value; see verbatim --help.`
      : `Option ${option} needs a value; see verbatim --help.`;
  }
  return `${message.split('\n')[0]} (see verbatim --help).`;
}
