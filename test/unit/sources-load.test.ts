import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { loadSourceFile, loadSources } from '../../server/src/io/sources.js';

async function hostileFolder(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'verbatim-sources-'));
  await mkdir(join(root, 'nested', 'deeper'), { recursive: true });
  await mkdir(join(root, '.git'));
  await writeFile(join(root, 'afp-2019-10-09.txt'), ' date 2019-10-09 AFP, BEIJING\n\nChina said the claims are “groundless.”\n');
  await writeFile(join(root, 'with space [draft] é.md'), '---\ntitle: Spaces\n---\nBody with “quote.”\n');
  await writeFile(join(root, 'nested', 'deeper', '新闻.html'), '<p>Geng Shuang said: “No.”</p>');
  await writeFile(join(root, 'nested', 'cp1252.txt'), Buffer.from([0x93, 0x48, 0x69, 0x94, 0x20, 0x97, 0x20, 0x6f, 0x6b]));
  await writeFile(join(root, 'report.pdf'), '%PDF-1.7\n');
  await writeFile(join(root, 'minutes.pages'), 'PK');
  await writeFile(join(root, 'notes'), 'no extension');
  await writeFile(join(root, 'binary.txt'), Buffer.from([0x41, 0x00, 0x00, 0x42, 0x01, 0x02]));
  await writeFile(join(root, 'big.txt'), 'x'.repeat(5000));
  await writeFile(join(root, '.hidden.txt'), 'ignored');
  await writeFile(join(root, '.git', 'HEAD.txt'), 'ignored');
  // A link back to the root makes a loop; a second link to a file would read it twice.
  await symlink(root, join(root, 'nested', 'loop'));
  await symlink(join(root, 'afp-2019-10-09.txt'), join(root, 'nested', 'alias.txt'));
  // A link named before its file in the same folder: the file is read by its own name, the link is listed.
  await symlink(join(root, 'afp-2019-10-09.txt'), join(root, 'a-link.txt'));
  await symlink(join(root, 'gone.txt'), join(root, 'dangling.txt'));
  return root;
}

test('loadSources reads every supported file, lists the rest with reasons, and survives links and loops', async () => {
  const root = await hostileFolder();
  try {
    const progress: number[] = [];
    const result = await loadSources([root], { maxFileBytes: 1000, onProgress: (done) => progress.push(done) });
    const ids = result.documents.map((d) => d.id.slice(root.length + 1)).sort();
    assert.deepEqual(ids, ['afp-2019-10-09.txt', 'nested/cp1252.txt', 'nested/deeper/新闻.html', 'with space [draft] é.md']);
    const reasons = Object.fromEntries(result.skipped.map((s) => [s.file.slice(root.length + 1), s.reason]));
    assert.equal(reasons['report.pdf'], 'could not be parsed (the PDF is damaged: Invalid PDF structure.)');
    assert.equal(reasons['minutes.pages'], 'unsupported format (.pages)');
    assert.equal(reasons['notes'], 'unsupported format (no extension)');
    assert.equal(reasons['binary.txt'], 'binary file (NUL bytes)');
    assert.equal(reasons['big.txt'], 'file too large (4.9 KiB; the limit is 1000 bytes)');
    assert.equal(reasons['dangling.txt'], 'broken symbolic link');
    assert.match(reasons['nested/loop']!, /^folder already read \(symbolic link to .+\)$/);
    assert.match(reasons['nested/alias.txt']!, /^file already read \(symbolic link to .+afp-2019-10-09\.txt\)$/);
    assert.match(reasons['a-link.txt']!, /^file already read \(symbolic link to .+afp-2019-10-09\.txt\)$/);
    assert.ok(!Object.keys(reasons).some((file) => file.includes('.git') || file.includes('.hidden')));
    assert.equal(Object.keys(reasons).length, 9);

    const byName = (name: string) => result.documents.find((d) => d.id.endsWith(name))!;
    assert.equal(byName('cp1252.txt').text, '“Hi” — ok');
    assert.deepEqual(byName('afp-2019-10-09.txt').meta, { date: '2019-10-09', outlet: 'AFP' });
    assert.equal(byName('é.md').meta.title, 'Spaces');
    assert.equal(byName('新闻.html').text, 'Geng Shuang said: “No.”');
    const sizes = await Promise.all(result.documents.map(async (d) => (await stat(d.id)).size));
    assert.equal(result.bytes, sizes.reduce((a, b) => a + b, 0));
    assert.deepEqual(progress, [1, 2, 3, 4, 5, 6, 7]);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('include and exclude globs choose files relative to the root', async () => {
  const root = await hostileFolder();
  try {
    const only = await loadSources([root], { include: ['**/*.txt'], exclude: ['nested/**'] });
    assert.deepEqual(only.documents.map((d) => d.id.slice(root.length + 1)), ['afp-2019-10-09.txt', 'big.txt']);
    const reasons = only.skipped.map((s) => s.reason.replace(root, '…')).sort();
    assert.deepEqual(reasons, ['binary file (NUL bytes)', 'broken symbolic link', 'file already read (symbolic link to …/afp-2019-10-09.txt)']);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('a root may be a single file, and a missing root is an error in one sentence', async () => {
  const root = await hostileFolder();
  try {
    const single = await loadSources([join(root, 'with space [draft] é.md')]);
    assert.equal(single.documents.length, 1);
    assert.equal(single.documents[0]!.text, 'Body with “quote.”\n');
    const missing = join(root, 'no such folder');
    await assert.rejects(loadSources([missing]), { message: `The sources path "${missing}" does not exist.` });
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('loadSourceFile gives a document or a reason and never throws', async () => {
  const root = await hostileFolder();
  try {
    const ok = await loadSourceFile(join(root, 'afp-2019-10-09.txt'));
    assert.ok('document' in ok && ok.document.text.includes('groundless'));
    assert.deepEqual(await loadSourceFile(join(root, 'vanished.txt')), { skip: 'vanished while being read' });
    assert.deepEqual(await loadSourceFile(join(root, 'minutes.pages')), { skip: 'unsupported format (.pages)' });
    assert.deepEqual(await loadSourceFile(join(root, 'big.txt'), { maxFileBytes: 10 }), { skip: 'file too large (4.9 KiB; the limit is 10 bytes)' });
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

// An unreadable file (permission denied) is tested through the command line in test/hostile/sources.test.ts, which
// drops to an ordinary user when the tests run as root.

test('a named pipe with a source extension is skipped instead of blocking the read', { skip: process.platform === 'win32' }, async () => {
  const root = await mkdtemp(join(tmpdir(), 'verbatim-fifo-'));
  try {
    execFileSync('mkfifo', [join(root, 'pipe.txt')]);
    const result = await loadSources([root]);
    assert.deepEqual(result.skipped, [{ file: join(root, 'pipe.txt'), reason: 'not a regular file' }]);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
