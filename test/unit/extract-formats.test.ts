// Unit tests of the quotation finder on Markdown and LaTeX drafts, and of its speed on hostile input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotations } from '../../server/src/core/extract/index.js';
import type { DraftFormat } from '../../server/src/core/types.js';

function texts(text: string, format: DraftFormat): string[] {
  return findQuotations(text, format).map((q) => {
    assert.equal(text.slice(q.start, q.end), q.text);
    return q.text;
  });
}

test('Markdown: front matter, code spans and code blocks hold no quotations', () => {
  const md = [
    '---',
    'title: "Not a quotation"',
    '---',
    '',
    '+++',
    '',
    'He said “real one” and `code "span"` here.',
    '',
    '```js',
    'const s = "fenced";',
    '```',
    '',
    '    indented "code block"',
    '',
    'After "the end."',
  ].join('\n');
  assert.deepEqual(texts(md, 'markdown'), ['real one', 'the end.']);
  const toml = '+++\ntitle = "toml"\n+++\n\nText "here".';
  assert.deepEqual(texts(toml, 'markdown'), ['here']);
});

test('Markdown: link destinations and titles, images, autolinks and definitions are not prose', () => {
  const md = [
    'See [the "report"](https://x.org/"a" "Title \\"q\\"") and ![alt "img"](p.png "t").',
    '',
    'Visit <https://example.org/"x"> or [ref][r].',
    '',
    '[r]: https://example.org "Definition title"',
  ].join('\n');
  assert.deepEqual(texts(md, 'markdown'), ['report']);
});

test('Markdown: HTML comments and tag attributes are not prose, text between tags is', () => {
  const md = [
    '<!-- "hidden" comment -->',
    '',
    'Inline <span title="attr">“shown”</span> text.',
    '',
    '<div class="box">',
    '“Block text”',
    '</div>',
  ].join('\n');
  const found = findQuotations(md, 'markdown');
  assert.deepEqual(found.map((q) => q.text), ['shown', 'Block text']);
  assert.equal(found[0].start, md.indexOf('shown'));
});

test('Markdown: the code and data of <pre>, <script>, <style> and <textarea> blocks are not prose', () => {
  const md = ['<pre>', 'x = "unclosed', '</pre>', '', '<script>', 'let s = "a";', '</script>', '', 'She said “whatever it costs”.'].join('\n');
  assert.deepEqual(findQuotations(md, 'markdown').map((q) => q.text), ['whatever it costs']);
});

test('Markdown: a table cell is a stretch of prose of its own; an escaped mark is a mark, its backslash is not', () => {
  const table = ['| Who | Said |', '| --- | --- |', '| Calloway | "We will rebuild |', '| Brandt | “Not one,” he said |'].join('\n');
  assert.deepEqual(texts(table, 'markdown'), ['We will rebuild', 'Not one,']);
  assert.deepEqual(texts('Escaped \\"not a quote\\" and then "Not one."', 'markdown'), ['not a quote', 'Not one.']);
});

test('Markdown: a heading is its own block and an unclosed mark stops there', () => {
  const md = '# “Open heading\nParagraph with “a quote”.';
  assert.deepEqual(texts(md, 'markdown'), ['Open heading', 'a quote']);
});

test('Markdown: quotations in emphasis, lists and block quotes, over paragraphs', () => {
  const md = [
    '- item with *"emphasised"* words',
    '',
    '> “Quoted in a block',
    '> quote,” she said.',
    '',
    '“First paragraph',
    '',
    '“second paragraph.”',
  ].join('\n');
  assert.deepEqual(texts(md, 'markdown'), ['emphasised', 'Quoted in a block\n> quote,', 'First paragraph\n\n“second paragraph.']);
});

test('LaTeX: ``…\'\' and `…\' marks, babel marks and \\enquote', () => {
  const tex = "He said ``we will'' and `maybe'. Sie sagte \"`ja\"'. Also \\enquote{outer \\enquote{inner} end}.";
  const found = findQuotations(tex, 'latex');
  assert.deepEqual(found.map((q) => q.text), ['we will', 'maybe', 'ja', 'outer \\enquote{inner} end']);
  assert.deepEqual(found[3].open, { start: tex.indexOf('\\enquote'), end: tex.indexOf('\\enquote') + 9 });
});

test('LaTeX: \\textquote with its citation and punctuation options', () => {
  const tex = 'As \\textquote[{\\cite[p.~3]{wire}}][.]{we will rebuild} and \\textquote[Brandt]{not one}, he said.';
  const found = findQuotations(tex, 'latex');
  assert.deepEqual(found.map((q) => q.text), ['we will rebuild', 'not one']);
  // The options are no words of the quotation.
  assert.equal(found[0].prose, undefined);
});

test('block quotations without marks are quotations: Markdown block quotes and LaTeX quote environments', () => {
  const md = [
    'Moreau goes on:',
    '',
    '> To read the landscape is to read a history',
    '> that was never written down. (Moreau 2014, 12)',
    '',
    '> "We will," she said, "rebuild."',
    '',
    '> [!NOTE]',
    '> An alert is no quotation.',
    '',
    '> Words of a novelist.',
    '>',
    '> — Virginia Woolf',
  ].join('\n');
  const found = findQuotations(md, 'markdown');
  // The citation and the signature say whose the words are; the marks of the second speak for it.
  assert.deepEqual(found.map((q) => q.text), ['To read the landscape is to read a history\n> that was never written down.', 'We will,', 'rebuild.', 'Words of a novelist.']);
  assert.equal(found[0].prose, 'To read the landscape is to read a history\n  that was never written down.');
  assert.deepEqual([found[0].kind, found[3].kind], ['speech', 'speech']);
  const tex = [
    'Hartley:',
    '\\begin{quote}',
    "Baptisms fell by nearly a third, from ``412'' to 287. \\parencite[41]{hartley2011}",
    '\\end{quote}',
    '\\begin{displayquote}[{\\cite{x}}][.]',
    'It gathered opinion.',
    '\\end{displayquote}',
  ].join('\n');
  // A citation command after the words is no part of them either.
  assert.deepEqual(texts(tex, 'latex'), ["Baptisms fell by nearly a third, from ``412'' to 287.", 'It gathered opinion.']);
});

test('LaTeX: csquotes commands with citation keys, languages and options quote their last argument', () => {
  const tex = [
    'As \\textcquote[p.~3][4]{hartley2011}[.]{from 412 to 287} shows,',
    '\\blockquote[{\\cite{x}}]{The register is a reconstruction.}',
    '\\foreignquote{french}[{\\cite{ferrand}}]{La terre est une mémoire.}',
    '\\foreignblockcquote{french}[41]{ferrand1932}{Elle est une mémoire.}',
  ].join('\n\n');
  assert.deepEqual(texts(tex, 'latex'), ['from 412 to 287', 'The register is a reconstruction.', 'La terre est une mémoire.', 'Elle est une mémoire.']);
});

test('LaTeX and Markdown: the words of a quotation are read without its markup, offset for offset', () => {
  const [tex] = findQuotations("``Caf\\'e \\emph{noir} \\& co\\ldots % note\nend''", 'latex');
  assert.equal(tex.prose?.length, tex.text.length);
  assert.equal(tex.prose?.replace(/\u2060/g, '').replace(/\s+/g, ' '), 'Café {noir} & co… end');
  const [md] = findQuotations('"a <b>bold</b> <!-- x --> &amp; `code` &hellip;"', 'markdown');
  assert.equal(md.prose?.length, md.text.length);
  assert.equal(md.prose?.replace(/\u2060/g, '').replace(/\s+/g, ' '), 'a bold & `code` …');
  assert.equal(findQuotations('"plain words"', 'markdown')[0].prose, undefined);
});

test('LaTeX: comments, \\verb, verbatim environments, math and keys are not prose', () => {
  const tex = [
    "Text ``real''. % a ``comment''",
    '\\verb|"v"| and \\lstinline!"l"! and $f\'(x) = "m"$.',
    '\\begin{verbatim}',
    '"inside verbatim"',
    '\\end{verbatim}',
    '\\begin{lstlisting}',
    'x = "listing"',
    '\\end{lstlisting}',
    'See \\cite{key"s} and \\href{http://x/"y"}{``the site\'\'} and 50\\% of "them".',
  ].join('\n');
  assert.deepEqual(texts(tex, 'latex'), ['real', 'the site', 'them']);
});

test('LaTeX: accent commands are not marks', () => {
  assert.deepEqual(texts('G\\"odel said ``yes\'\' and Erd\\H{o}s \\\'etait ``here\'\'.', 'latex'), ['yes', 'here']);
});

test('20,000 unmatched marks finish fast and find nothing odd', () => {
  for (const mark of ['“', '”', '"', "'", '«', '`']) {
    const text = `Start ${`${mark}word `.repeat(20_000)}end.`;
    const t0 = performance.now();
    const found = findQuotations(text, 'plaintext');
    // Far above the measured time (a few milliseconds): a bound on growth, not on the machine's speed.
    assert.ok(performance.now() - t0 < 5000, `${mark} took too long`);
    for (const q of found) assert.ok(q.end <= text.length);
  }
});

// The bounds are far above the measured times (under a second here): they catch work that grows faster than the
// draft, not a slow machine.
test('a 10 MB plain-text or LaTeX draft finishes fast', () => {
  const paragraph = '“Yes,” she said, “the Joneses’ house is 12" wide and it’s ‘fine’.” He didn\'t agree.\n\n';
  const text = paragraph.repeat(Math.ceil(10_000_000 / paragraph.length));
  for (const format of ['plaintext', 'latex'] as const) {
    const t0 = performance.now();
    const found = findQuotations(text, format);
    const elapsed = performance.now() - t0;
    assert.ok(elapsed < 20_000, `${format} took ${elapsed.toFixed(0)} ms`);
    assert.equal(found.length, 2 * Math.ceil(10_000_000 / paragraph.length));
  }
});

test('a 250 kB Markdown draft finishes in seconds', () => {
  const paragraph = 'He said “yes” and `code "x"` and [a "link"](http://x "t").\n\n';
  const text = paragraph.repeat(Math.ceil(250_000 / paragraph.length));
  const t0 = performance.now();
  const found = findQuotations(text, 'markdown');
  const elapsed = performance.now() - t0;
  assert.ok(elapsed < 15_000, `took ${elapsed.toFixed(0)} ms`);
  assert.equal(found.length, 2 * Math.ceil(250_000 / paragraph.length));
});

test('an unclosed mark in one paragraph of a long draft does not swallow the rest', () => {
  const text = `“Never closed.\n\n${'Plain "quoted" text.\n\n'.repeat(1000)}`;
  const found = findQuotations(text, 'plaintext');
  assert.equal(found.length, 1001);
  assert.equal(found[0].text, 'Never closed.');
  assert.equal(found[0].close, null);
});

test('a single quotation mark closes before a note call right after it, as legal writing sets one', () => {
  const note = '\n\n[^1]: Harlow, 45 F.4th at 1186.\n';
  assert.deepEqual(texts(`The court called it ‘the broadest definition in any one act’[^1] and moved on.${note}`, 'markdown'), [
    'the broadest definition in any one act',
  ]);
  assert.deepEqual(texts(`The court called it 'the broadest definition in any one act'[^1] and moved on.${note}`, 'markdown'), [
    'the broadest definition in any one act',
  ]);
  assert.deepEqual(texts('It called it ‘the broadest definition’[12] and moved on.', 'plaintext'), ['the broadest definition']);
});

test('a block quotation’s citation is no part of it, as literature and interview research cite', () => {
  const soul = 'I can listen no longer in silence. You pierce my soul.';
  for (const [draft, format] of [
    [`> ${soul} (Austen 243)\n`, 'markdown'],
    [`> ${soul} (ch. 23)\n`, 'markdown'],
    [`> ${soul} (P01, staff nurse, 6 years)\n`, 'markdown'],
    [`> ${soul}\n>\n> (P01, staff nurse)\n`, 'markdown'],
    [`> ${soul} — P01\n`, 'markdown'],
    [`\\begin{quote}\n${soul} \\hfill (P01)\n\\end{quote}\n`, 'latex'],
    [`\\begin{quote}\n${soul}\\\\ \\hfill --- Virginia Woolf\n\\end{quote}\n`, 'latex'],
  ] as const) {
    assert.deepEqual(findQuotations(draft, format).map((q) => q.prose ?? q.text), [soul], draft);
  }
  // A bracket inside the last sentence is the quotation's own.
  const own = '> The law applies to every employer (including the state) and to every worker.\n';
  assert.deepEqual(texts(own, 'markdown'), ['The law applies to every employer (including the state) and to every worker.']);
});
