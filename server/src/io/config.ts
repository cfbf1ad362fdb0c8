// Reads and validates verbatim.json, the project configuration file at the workspace root.
import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
// The package's main entry is a UMD build whose dynamic requires a bundler cannot follow; its ES module build
// bundles cleanly and has the same API.
import { findNodeAtLocation, parse, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import picomatch from 'picomatch';
import { LineIndex } from '../convert.js';
import { DEFAULT_ATTRIBUTION_TEMPLATE } from '../protocol.js';
import { DEFAULT_CHECK_OPTIONS } from '../core/types.js';

/** The name of the project configuration file. */
export const CONFIG_FILE_NAME = 'verbatim.json';

/** The project configuration with every default filled in. Paths and globs are relative to the file's folder. */
export interface ProjectConfig {
  /** Folders (or files) holding the sources. */
  sources: string[];
  /** Globs naming the drafts; files under the sources folders, node_modules and .git are never drafts. */
  drafts: string[];
  /** Quotations of at most this many words are short. */
  shortQuoteMaxWords: number;
  /** Lowest similarity (0..1) at which a differing source passage counts as the same statement. */
  alteredThreshold: number;
  /** How many words an ellipsis may stand for at most. */
  maxEllipsisWords: number;
  /** Quotations longer than this many words are not aligned and are reported as not checked. */
  maxQuoteWords: number;
  /** Source files larger than this are skipped and listed with the reason. */
  maxSourceFileBytes: number;
  /** Hesitation sounds a quotation may leave out of its source where the source sets them off (", um,"). */
  fillers: string[];
  /** Quotation texts never to report (compared after typography is folded). */
  ignore: string[];
  /**
   * How a fix writes a quotation with its attribution; placeholders {quote}, {speaker}, {title}, {outlet},
   * {source} (the outlet, else the title), {date} and {isoDate}.
   */
  attributionTemplate: string;
}

/** The configuration used where no verbatim.json exists and for every key a file leaves out. */
export const DEFAULT_CONFIG: Readonly<ProjectConfig> = Object.freeze({
  sources: ['sources'],
  drafts: ['**/*.{md,markdown,txt,tex}'],
  shortQuoteMaxWords: 3,
  alteredThreshold: 0.6,
  maxEllipsisWords: 60,
  maxQuoteWords: 2000,
  maxSourceFileBytes: 20 * 1024 * 1024,
  fillers: [...DEFAULT_CHECK_OPTIONS.fillers],
  ignore: [],
  attributionTemplate: DEFAULT_ATTRIBUTION_TEMPLATE,
});

/** Folder names that never hold drafts, wherever they are. */
export const NEVER_DRAFT_FOLDERS: readonly string[] = ['node_modules', '.git'];

/** A configuration as read from disk: the file it came from (null when there is none) and its problems. */
export interface LoadedConfig {
  config: ProjectConfig;
  file: string | null;
  /** One sentence per problem, each naming the file; the config holds defaults for the faulty keys. */
  errors: string[];
}

type Check = (value: unknown) => string | null;

const isStringList = (what: string, atLeast = 0): Check => (value) =>
  Array.isArray(value) && value.length >= atLeast && value.every((item) => typeof item === 'string' && item.trim() !== '')
    ? null
    : `must be a list of ${what}${atLeast > 0 ? ' (at least one)' : ''}, such as ["${what === 'globs' ? 'drafts/**/*.md' : 'sources'}"]`;

const isWholeNumber = (min: number): Check => (value) =>
  typeof value === 'number' && Number.isInteger(value) && value >= min ? null : `must be a whole number of ${min} or more`;

const CHECKS: Record<keyof ProjectConfig, Check> = {
  sources: isStringList('folders', 1),
  drafts: isStringList('globs'),
  shortQuoteMaxWords: isWholeNumber(0),
  alteredThreshold: (value) =>
    typeof value === 'number' && value > 0 && value <= 1 ? null : 'must be a number above 0 and at most 1',
  maxEllipsisWords: isWholeNumber(0),
  maxQuoteWords: isWholeNumber(1),
  maxSourceFileBytes: isWholeNumber(1),
  fillers: (value) =>
    Array.isArray(value) && value.every((item) => typeof item === 'string' && /^\p{L}+$/u.test(item))
      ? null
      : 'must be a list of single words, such as ["um", "uh"] (or [] to count every one left out)',
  ignore: (value) =>
    Array.isArray(value) && value.every((item) => typeof item === 'string')
      ? null
      : 'must be a list of quotation texts, such as ["off the record"]',
  attributionTemplate: (value) =>
    typeof value === 'string' && value.includes('{quote}') ? null : 'must be text containing {quote}',
};

/** Keys a file may hold besides the settings, such as a JSON schema reference for editors. */
const EXTRA_KEYS = new Set(['$schema']);

/**
 * Validates a parsed configuration: returns it typed, with defaults for missing or faulty keys, and one sentence
 * per unknown key or wrong value.
 */
export function validateConfig(raw: unknown): { config: ProjectConfig; errors: string[] } {
  const { config, problems } = validate(raw);
  return { config, errors: problems.map((problem) => problem.message) };
}

/** What `validateConfig` finds, with the key each problem is about (null for the whole configuration). */
function validate(raw: unknown): { config: ProjectConfig; problems: { key: string | null; message: string }[] } {
  const config: ProjectConfig = { ...DEFAULT_CONFIG, sources: [...DEFAULT_CONFIG.sources], drafts: [...DEFAULT_CONFIG.drafts], fillers: [...DEFAULT_CONFIG.fillers], ignore: [] };
  if (raw === undefined || raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { config, problems: [{ key: null, message: 'The configuration must be a JSON object, such as { "sources": ["sources"] }.' }] };
  }
  const problems: { key: string | null; message: string }[] = [];
  const known = Object.keys(CHECKS);
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (EXTRA_KEYS.has(key)) continue;
    if (!(key in CHECKS)) {
      problems.push({ key, message: `"${key}" is not a setting; the settings are ${known.join(', ')}.` });
      continue;
    }
    const name = key as keyof ProjectConfig;
    const problem = CHECKS[name](value);
    if (problem) {
      problems.push({ key, message: `"${key}" ${problem}, not ${describe(value)}.` });
      continue;
    }
    (config as unknown as Record<string, unknown>)[name] = Array.isArray(value) ? [...value] : value;
  }
  return { config, problems };
}

/** A short rendering of a faulty value for an error message. */
function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/**
 * Parses the text of a configuration file; comments and trailing commas are allowed, as in VS Code's own JSON
 * settings. Each problem names the file, and the line and column of the setting it is about.
 */
export function parseConfigText(text: string, file: string): { config: ProjectConfig; errors: string[] } {
  const parseErrors: ParseError[] = [];
  const raw: unknown = parse(text, parseErrors, { allowTrailingComma: true, disallowComments: false });
  if (parseErrors.length > 0) {
    const first = parseErrors[0];
    const { line, character } = new LineIndex(text).positionAt(first.offset);
    const reason = PARSE_ERROR_WORDS[printParseErrorCode(first.error)] ?? 'the text is not valid JSON';
    return {
      config: validateConfig({}).config,
      errors: [`${file} is not valid JSON at line ${line + 1}, column ${character + 1}: ${reason}.`],
    };
  }
  const { config, problems } = validate(raw);
  const tree = problems.some((problem) => problem.key !== null) ? parseTree(text, [], { allowTrailingComma: true }) : undefined;
  const lines = new LineIndex(text);
  const errors = problems.map(({ key, message }) => {
    // The property's name, where an editor would show the problem.
    const at = key === null || !tree ? undefined : findNodeAtLocation(tree, [key])?.parent?.children?.[0]?.offset;
    if (at === undefined) return `${file}: ${message}`;
    const { line, character } = lines.positionAt(at);
    return `${file}:${line + 1}:${character + 1}: ${message}`;
  });
  return { config, errors };
}

/** Plain words for jsonc-parser's error codes. */
const PARSE_ERROR_WORDS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected a colon',
  CommaExpected: 'expected a comma',
  CloseBraceExpected: 'expected a closing brace }',
  CloseBracketExpected: 'expected a closing bracket ]',
  EndOfFileExpected: 'unexpected text after the end',
  InvalidCommentToken: 'malformed comment',
  UnexpectedEndOfComment: 'unclosed comment',
  UnexpectedEndOfString: 'unclosed string',
  UnexpectedEndOfNumber: 'unfinished number',
  InvalidUnicode: 'malformed \\u escape',
  InvalidEscapeCharacter: 'malformed escape',
  InvalidCharacter: 'character not allowed in a string',
};

/**
 * Reads the configuration file `file`; a missing or unreadable file is an error. Messages name the file as
 * `shownAs`, e.g. relative to the working folder.
 */
export async function loadConfigFile(file: string, shownAs: string = file): Promise<LoadedConfig> {
  let text: string;
  try {
    text = configText(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a folder, not a file' : `could not be read (${code ?? 'unknown error'})`;
    return { config: validateConfig({}).config, file, errors: [`The configuration file ${shownAs} ${reason}.`] };
  }
  const { config, errors } = parseConfigText(text, shownAs);
  return { config, file, errors };
}

/**
 * The text of a configuration file: UTF-8, or UTF-16 where a byte order mark says so (as Windows editors may save
 * it), without the mark.
 */
function configText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

/** Reads `root/verbatim.json`; without one the defaults apply and `file` is null. */
export async function loadConfig(root: string): Promise<LoadedConfig> {
  const file = join(root, CONFIG_FILE_NAME);
  if (!(await isFile(file))) return { config: validateConfig({}).config, file: null, errors: [] };
  return loadConfigFile(file);
}

/** The nearest folder from `startDir` upward holding a verbatim.json, or null. */
export async function findConfigRoot(startDir: string): Promise<string | null> {
  let dir = resolve(startDir);
  for (;;) {
    if (await isFile(join(dir, CONFIG_FILE_NAME))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The absolute source roots a configuration names, resolved against the configuration's folder. */
export function sourceRoots(config: ProjectConfig, root: string): string[] {
  return config.sources.map((source) => resolve(root, source));
}

/**
 * A test for whether a file is a draft under a configuration: `path` is absolute or relative to `root`. Files
 * under the sources folders, node_modules or .git are never drafts.
 */
export function createDraftMatcher(config: ProjectConfig, root: string): (path: string) => boolean {
  const matches = picomatch(config.drafts, { dot: false });
  const sources = sourceRoots(config, root);
  return (path) => {
    const absolute = resolve(root, path);
    const rel = relative(root, absolute);
    if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return false;
    const parts = rel.split(sep);
    if (parts.some((part) => NEVER_DRAFT_FOLDERS.includes(part))) return false;
    if (sources.some((source) => absolute === source || absolute.startsWith(source + sep))) return false;
    return matches(parts.join('/'));
  };
}
