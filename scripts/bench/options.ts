// Reads the benchmark's command-line flags.
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The benchmark's settings. */
export interface Options {
  /** Generated corpus sizes in MB, in order. */
  sizes: number[];
  /** True when --sizes was given: the time budget then skips nothing. */
  sizesGiven: boolean;
  quick: boolean;
  /** Edits per latency series in the language server. */
  edits: number;
  /** Quotations checked with string-similarity (0 skips it). */
  naive: number;
  /** Minutes the default run aims to stay within; larger sizes that would not fit are skipped, and said so. */
  budgetMinutes: number;
  out: string;
  cacheDir: string;
  corpus: string | null;
}

const HELP = `Usage: npm run bench [-- <flags>]
  --quick              the real corpus and the 10 MB corpus only
  --sizes 10,100,1000  generated corpus sizes in MB (default 10,100,1000; a size given here is never skipped for time)
  --edits <n>          edits per language-server latency series (default 50)
  --naive <n>          quotations checked with string-similarity, then extrapolated to the draft (default 3; 0 skips)
  --budget <minutes>   time the default run aims for; larger sizes that would not fit are skipped (default 15)
  --out <file>         where to write the JSON (default <cache>/bench-results.json)
  --cache <dir>        folder for the draft and generated corpora, reused between runs (default <tmp>/verbatim-bench)
  --corpus <dir>       a folder of .txt files to use instead of LitBank's novels
`;

/** Parses `argv`; prints the help and exits on --help, throws on a bad flag. */
export function parseOptions(argv: string[]): Options {
  const options: Options = {
    sizes: [10, 100, 1000],
    sizesGiven: false,
    quick: false,
    edits: 50,
    naive: 3,
    budgetMinutes: 15,
    out: '',
    cacheDir: join(tmpdir(), 'verbatim-bench'),
    corpus: null,
  };
  const value = (at: number, flag: string): string => {
    const given = argv[at + 1];
    if (given === undefined || given.startsWith('--')) throw new Error(`${flag} needs a value.`);
    return given;
  };
  const count = (text: string, flag: string): number => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} needs a whole number, not "${text}".`);
    return n;
  };
  for (let at = 0; at < argv.length; at++) {
    const flag = argv[at]!;
    switch (flag) {
      case '--quick':
        options.quick = true;
        break;
      case '--sizes':
        options.sizes = value(at, flag).split(',').map((size) => count(size.trim(), flag)).filter((size) => size > 0);
        options.sizesGiven = true;
        at++;
        break;
      case '--edits':
        options.edits = Math.max(1, count(value(at, flag), flag));
        at++;
        break;
      case '--naive':
        options.naive = count(value(at, flag), flag);
        at++;
        break;
      case '--budget':
        options.budgetMinutes = count(value(at, flag), flag);
        at++;
        break;
      case '--out':
        options.out = resolve(value(at, flag));
        at++;
        break;
      case '--cache':
        options.cacheDir = resolve(value(at, flag));
        at++;
        break;
      case '--corpus':
        options.corpus = resolve(value(at, flag));
        at++;
        break;
      case '--help':
        process.stdout.write(HELP);
        process.exit(0);
        break;
      default:
        throw new Error(`Unknown flag ${flag}; see npm run bench -- --help.`);
    }
  }
  if (options.quick && !options.sizesGiven) options.sizes = [10];
  options.out ||= join(options.cacheDir, 'bench-results.json');
  return options;
}
