// `--format github` prints workflow commands, which GitHub Actions shows as annotations on the drafts' lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES, project, runCli } from './helpers.js';

test('--format github gives one annotation per quotation to look at, on its lines, with the exit code of a check', () => {
  const run = runCli(['check', '--sources', join(EXAMPLES, 'sources'), '--format', 'github', join(EXAMPLES, 'drafts')]);
  assert.equal(run.stderr, '');
  assert.equal(run.status, 1);
  const lines = run.stdout.trimEnd().split('\n');
  assert.equal(lines.filter((line) => line.startsWith('::warning ')).length, 5, 'the five altered quotations');
  assert.equal(lines.filter((line) => line.startsWith('::notice ')).length, 13, 'the thirteen unsourced ones');
  const draft = join(EXAMPLES, 'drafts', 'observatory.txt');
  const ross = `::warning file=${draft},line=5,endLine=5,col=76,endColumn=165,title=Quotation differs from its source::`;
  assert.ok(lines[0]!.startsWith(ross), lines[0]);
  // A percent sign is escaped as GitHub reads it back.
  assert.match(lines[0]!, /\(75%25 similar\)\. Changes: \+ tolerate, repression → suppression, \+ China’s\.$/);
});

test('--format github escapes file names, and says which sources and drafts could not be read', (t) => {
  const source = readFileSync(join(EXAMPLES, 'sources', 'afp-2019-10-09.txt'), 'utf8');
  const dir = project(t, {
    'wire/afp.txt': source,
    'wire/scan.pdf': '%PDF-1.7 damaged',
    'notes, draft: 1.md': 'They said the charges were “groundless”, and a spokesman said “it is 100% false”.\n',
  });
  const run = runCli(['check', '--sources', 'wire', '--format', 'github', 'notes, draft: 1.md'], { cwd: dir });
  assert.equal(run.status, 1);
  const lines = run.stdout.trimEnd().split('\n');
  assert.match(lines[0]!, /^::warning file=wire\/scan\.pdf,title=Source skipped::could not be parsed/);
  assert.equal(
    lines[1],
    '::notice file=notes%2C draft%3A 1.md,line=1,endLine=1,col=64,endColumn=80,title=Quotation found in no source::No source holds the quotation “it is 100%25 false”.',
  );
  assert.equal(lines.length, 2, 'the verbatim quotation gets no annotation');
});
