// Bundles the command-line checker, the language server and the extension client into dist/.
// The bundles are written to a fresh folder first and moved into place together, so a test run that reads dist/
// never sees a half-written build.
import { build } from 'esbuild';
import { chmodSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Several dependencies ship a UMD build as `main` that cannot be bundled; their ES module build can.
  mainFields: ['module', 'main'],
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

/**
 * What the bundles built with `lazyParsers` import from each parser package, and the name `server/src/parsers.ts`
 * gives it in the parsers' bundle, which is loaded the first time one of them is called.
 */
const LAZY_PARSERS = {
  parse5: { parse: 'parseHtml' },
  yaml: { parse: 'parseYaml' },
  'mdast-util-from-markdown': { fromMarkdown: 'fromMarkdown' },
  'mdast-util-frontmatter': { frontmatterFromMarkdown: 'frontmatterFromMarkdown' },
  'micromark-extension-frontmatter': { frontmatter: 'frontmatter' },
  'mdast-util-gfm-table': { gfmTableFromMarkdown: 'gfmTableFromMarkdown' },
  'micromark-extension-gfm-table': { gfmTable: 'gfmTable' },
  subtitle: { parseSync: 'parseSubtitles' },
  entities: { decodeHTML: 'decodeHTML' },
  fflate: { strFromU8: 'strFromU8', unzipSync: 'unzipSync' },
  saxes: { SaxesParser: 'SaxesParser' },
  'rtf-stream-parser': { Tokenize: 'RtfTokenize', deEncapsulateSync: 'rtfDeEncapsulate' },
  'rtf-stream-parser/dist/src/ToPlainText.js': { ToPlainText: 'RtfToPlainText' },
  '@kenjiuno/msgreader': { default: 'MsgReader' },
  '@kenjiuno/decompressrtf': { decompressRTF: 'decompressRTF' },
};

/**
 * Puts a stand-in for each parser package into a bundle: its functions load the parsers' bundle from beside it when
 * first called, and call the real ones. The command line loads it through the code cache it keeps
 * (`verbatim.loadBundle`, set by cliStart); an indexing thread requires it.
 */
const lazyParsers = {
  name: 'lazy-parsers',
  setup(build) {
    const names = Object.keys(LAZY_PARSERS).map((name) => name.replace(/[-/.]/g, '\\$&'));
    build.onResolve({ filter: new RegExp(`^(${names.join('|')})$`) }, (args) => ({ path: args.path, namespace: 'lazy-parsers' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-parsers' }, (args) => ({
      loader: 'js',
      contents: [
        `import { parsers } from 'lazy-parsers:load';`,
        // Called with `new`, a stand-in makes an object of the real class: a constructor that returns an object gives it.
        ...Object.entries(LAZY_PARSERS[args.path]).map(
          ([name, as]) =>
            `export ${name === 'default' ? 'default function' : `function ${name}`}(...args) { ` +
            `const real = parsers().${as}; return new.target ? new real(...args) : real(...args); }`,
        ),
      ].join('\n'),
    }));
    build.onResolve({ filter: /^lazy-parsers:load$/ }, () => ({ path: 'load', namespace: 'lazy-parsers-load' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-parsers-load' }, () => ({
      loader: 'js',
      contents: `let loaded;
export function parsers() {
  const load = globalThis[Symbol.for('verbatim.loadBundle')];
  return (loaded ??= load ? load('parsers.js') : require(require('node:path').join(__dirname, 'parsers.js')));
}`,
    }));
  },
};

const bundles = [
  // The command line starts from a small file that runs the large bundle with the engine's code cache.
  { entryPoints: ['server/src/cliStart.ts'], outfile: 'cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/cli.ts'], outfile: 'verbatim.js', plugins: [lazyParsers] },
  { entryPoints: ['server/src/parsers.ts'], outfile: 'parsers.js' },
  { entryPoints: ['server/src/server.ts'], outfile: 'server.js' },
  // An indexing thread, started anew for each cold run, compiles the parsers only when it meets HTML or Markdown.
  { entryPoints: ['server/src/io/indexWorker.ts'], outfile: 'indexWorker.js', plugins: [lazyParsers] },
  // PDF.js and the email parser, in the thread that reads PDFs and emails, started only when one is met.
  { entryPoints: ['server/src/io/readerWorker.ts'], outfile: 'readerWorker.js' },
  { entryPoints: ['client/src/extension.ts'], outfile: 'extension.js', external: ['vscode'] },
];

const staging = mkdtempSync('dist-');
// A temporary folder is made private; the bundles are for every user of the machine.
chmodSync(staging, 0o755);
try {
  for (const bundle of bundles) {
    if (!existsSync(bundle.entryPoints[0])) continue;
    await build({ ...common, ...bundle, outfile: `${staging}/${bundle.outfile}` });
  }
  const previous = `${staging}-old`;
  if (existsSync('dist')) renameSync('dist', previous);
  renameSync(staging, 'dist');
  rmSync(previous, { recursive: true, force: true });
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  throw error;
}
