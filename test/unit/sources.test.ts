import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileOffset, fileSpan, normaliseDate, parseSource, sourceFormat } from '../../server/src/core/sources/index.js';
import type { SourceDocument } from '../../server/src/core/types.js';

/** The file content a word of the document's text stands at, found through the segments. */
function inFile(doc: SourceDocument, word: string, from = 0): string {
  const start = doc.text.indexOf(word, from);
  assert.ok(start >= 0, `"${word}" is in the text`);
  const content = doc.file ? doc.file.content : doc.text;
  const span = fileSpan(doc, { start, end: start + word.length });
  assert.equal(span.start, fileOffset(doc, start));
  return content.slice(span.start, span.end);
}

test('plain text is matched as it is, with metadata from its dateline and file name', () => {
  const content = ' date 2019-10-09 AFP, BEIJING\n\nChina yesterday hit back at the US.';
  const doc = parseSource('/s/afp-2019-10-09.txt', '/s/afp-2019-10-09.txt', content);
  assert.equal(doc.text, content);
  assert.equal(doc.file, undefined);
  assert.deepEqual(doc.meta, { date: '2019-10-09', outlet: 'AFP' });
  assert.equal(fileOffset(doc, 17), 17);
});

test('Markdown front matter gives title, outlet, author, date and url; the text is the body', () => {
  const content = [
    '---',
    'title: "China hits back at US blacklist"',
    'publication: Taipei Times',
    'author: [Jane Doe, John Roe]',
    'date: Oct. 9, 2019',
    'url: https://example.org/a',
    '---',
    'China said the claims are “groundless.”',
    '',
  ].join('\n');
  const doc = parseSource('a', 'story.md', content);
  assert.equal(doc.text, 'China said the claims are “groundless.”\n');
  assert.deepEqual(doc.meta, {
    title: 'China hits back at US blacklist', outlet: 'Taipei Times', author: 'Jane Doe, John Roe',
    date: '2019-10-09', url: 'https://example.org/a',
  });
  assert.equal(inFile(doc, 'groundless'), 'groundless');
});

test('Markdown front matter fields source and site name the outlet; CRLF front matter is read', () => {
  const doc = parseSource('a', 'x.markdown', '---\r\nsource: Reuters\r\ndate: 2019-10-09T08:00:00Z\r\n---\r\nBody text.');
  assert.equal(doc.meta.outlet, 'Reuters');
  assert.equal(doc.meta.date, '2019-10-09');
  assert.equal(doc.text, 'Body text.');
  assert.equal(inFile(doc, 'Body'), 'Body');
  assert.equal(parseSource('a', 'y.md', '---\nsite: Example News\n---\nx').meta.outlet, 'Example News');
});

test('broken front matter is not fatal: the whole file is text', () => {
  const content = '---\ntitle: [unclosed\nauthor: : :\n---\nRoss said “hello.”\n';
  const doc = parseSource('a', 'b.md', content);
  assert.equal(doc.text, content);
  assert.equal(doc.meta.title, undefined);
  const scalar = parseSource('a', 'c.md', '---\njust a string\n---\nBody');
  assert.equal(scalar.text, '---\njust a string\n---\nBody');
});

test('Markdown without front matter takes its headline from the first line', () => {
  const doc = parseSource('a', 'reuters-20191009.md', '# Beijing denounces blacklist\n\nBEIJING, Oct 9 (Reuters) - China said.');
  assert.deepEqual(doc.meta, { title: 'Beijing denounces blacklist', outlet: 'Reuters', date: '2019-10-09' });
});

const HTML = `<!DOCTYPE html>
<html><head>
  <title>China hits back | Example</title>
  <meta property="og:title" content="China hits back at US blacklist">
  <meta property="og:site_name" content="Example News">
  <meta name="author" content="Jane Doe">
  <meta property="article:published_time" content="2019-10-09T06:00:00+08:00">
  <link rel="canonical" href="https://example.org/china">
  <style>p { color: red } /* “not text” */</style>
  <script>var s = "“not text either”";</script>
</head>
<body>
  <noscript>Enable scripts</noscript>
  <template><p>template text</p></template>
  <h1>China hits back</h1>
  <p>Beijing expressed &ldquo;strong dissatisfaction &amp; resolute
     opposition&rdquo; to the blacklist.</p>
  <p hidden>hidden words</p>
  <div>Ross said: <em>“cannot</em> and will not tolerate”<br>it &#x1F600; then&copy2019 end</div>
  <script>document.write("x")</script>
</body></html>`;

test('HTML: only visible text, entities decoded, blocks become paragraphs', () => {
  const doc = parseSource('h', 'page.html', HTML);
  assert.equal(
    doc.text,
    'China hits back\n\nBeijing expressed “strong dissatisfaction & resolute opposition” to the blacklist.\n\n'
      + 'Ross said: “cannot and will not tolerate”\nit 😀 then©2019 end',
  );
  for (const hidden of ['not text', 'Enable scripts', 'template text', 'hidden words', 'document.write', 'color']) {
    assert.ok(!doc.text.includes(hidden), `"${hidden}" is not visible text`);
  }
});

test('HTML: the marks of note references are left out, so that a number never joins the word before it', () => {
  const doc = parseSource(
    'h',
    'chapter.xhtml.html',
    '<p>The plan<a href="#fn1" epub:type="noteref">1</a> was “fully funded,”<sup><a role="doc-noteref" href="#fn2">2</a></sup> she said.</p>' +
      '<aside epub:type="footnote" id="fn1"><p>Council minutes. <a href="#r1" role="doc-backlink">↩</a></p></aside>',
  );
  assert.equal(doc.text, 'The plan was “fully funded,” she said.\n\nCouncil minutes.');
});

test('HTML: the page numbers of a printed book, as Project Gutenberg keeps them, are no text', () => {
  const doc = parseSource(
    'h',
    'wh.html',
    '<p>‘My love for Heathcliff resembles the<span class="pagenum"><a id="Page_88">[Pg 88]</a></span> eternal rocks beneath.’</p>',
  );
  assert.equal(doc.text, '‘My love for Heathcliff resembles the eternal rocks beneath.’');
});

test('HTML: a <q> element has the quotation marks a browser draws around it, mapped to nothing in the file', () => {
  const doc = parseSource('h', 'council.html', '<p>Anna Kowalczyk called it <q>a civic disgrace</q>, and <q>a <q>so-called</q> plan</q>.</p>');
  assert.equal(doc.text, 'Anna Kowalczyk called it “a civic disgrace”, and “a ‘so-called’ plan”.');
  assert.equal(inFile(doc, 'a civic disgrace'), 'a civic disgrace');
});

test('HTML: a footnote mark as most pages write one, a number linked to a place on the page, is left out too', () => {
  const doc = parseSource(
    'h',
    'story.html',
    '<p>We acted on it.<sup><a href="#n1">1</a></sup> The money<a href="#fn2"><sup>[2]</sup></a> came late.</p>' +
      '<p>Area: 5 m<sup>2</sup>, see <a href="#table">table</a> and <a href="/notes/3"><sup>3</sup></a>.</p>',
  );
  // A superscript that is no link (a power) and a link that is a word or leads elsewhere stay.
  assert.equal(doc.text, 'We acted on it. The money came late.\n\nArea: 5 m2, see table and 3.');
});

test('HTML: segments map every stretch of text back to the HTML', () => {
  const doc = parseSource('h', 'page.htm', HTML);
  assert.equal(inFile(doc, 'strong dissatisfaction'), 'strong dissatisfaction');
  assert.equal(inFile(doc, '“strong'), '&ldquo;strong');
  assert.equal(inFile(doc, 'opposition”'), 'opposition&rdquo;');
  assert.equal(inFile(doc, '& resolute'), '&amp; resolute');
  assert.equal(inFile(doc, 'cannot'), 'cannot');
  assert.equal(inFile(doc, 'and will not'), 'and will not');
  assert.equal(inFile(doc, 'then'), 'then');
  assert.equal(inFile(doc, '2019'), '2019');
  assert.equal(inFile(doc, 'end'), 'end');
  // A span that runs across an element boundary covers the markup in between.
  assert.equal(inFile(doc, 'cannot and'), 'cannot</em> and');
  // The collapsed line break inside the paragraph maps to where the white space starts.
  assert.match(inFile(doc, 'resolute opposition'), /^resolute\s+opposition$/);
});

test('HTML metadata: og:title, og:site_name, author, published time, canonical url', () => {
  const doc = parseSource('h', 'page.html', HTML);
  assert.deepEqual(doc.meta, {
    title: 'China hits back at US blacklist', outlet: 'Example News', author: 'Jane Doe', date: '2019-10-09',
    url: 'https://example.org/china',
  });
});

test('HTML without metadata falls back to the title element and the file name', () => {
  const doc = parseSource('h', 'ap-2020-01-02.html', '<title>Only a title</title><p>WASHINGTON (AP) — Text.</p>');
  assert.deepEqual(doc.meta, { title: 'Only a title', outlet: 'AP', date: '2020-01-02' });
  assert.equal(doc.text, 'WASHINGTON (AP) — Text.');
});

test('HTML with CRLF line ends and malformed markup still maps back', () => {
  const content = '<p>first\r\nline &amp\r\nsecond</p><p>unclosed <b>bold <i>x</b> tail\r\n';
  const doc = parseSource('h', 'bad.html', content);
  assert.equal(doc.text, 'first line & second\n\nunclosed bold x tail');
  assert.equal(inFile(doc, 'second'), 'second');
  assert.equal(inFile(doc, 'tail'), 'tail');
  assert.equal(inFile(doc, '&'), '&amp');
});

test('fileOffset maps offsets in inserted breaks to the next stretch of text; fileSpan ends at the last character', () => {
  const doc = parseSource('h', 'p.html', '<p>one</p>\n<p>two</p>');
  assert.equal(doc.text, 'one\n\ntwo');
  const content = doc.file!.content;
  assert.equal(fileOffset(doc, 0), content.indexOf('one'));
  assert.equal(fileOffset(doc, 4), content.indexOf('two'));
  assert.equal(fileOffset(doc, 3), content.indexOf('one') + 3);
  const whole = fileSpan(doc, { start: 0, end: 8 });
  assert.equal(content.slice(whole.start, whole.end), 'one</p>\n<p>two');
  const plain = parseSource('t', 'p.txt', 'abc');
  assert.deepEqual(fileSpan(plain, { start: 1, end: 3 }), { start: 1, end: 3 });
});

test('source formats go by extension, case-insensitively', () => {
  assert.equal(sourceFormat('A.TXT'), 'text');
  assert.equal(sourceFormat('a.text'), 'text');
  assert.equal(sourceFormat('dir.v2/a.Markdown'), 'markdown');
  assert.equal(sourceFormat('a.HTM'), 'html');
  assert.equal(sourceFormat('chapter.xhtml'), 'html');
  assert.equal(sourceFormat('a.pdf'), 'pdf');
  assert.equal(sourceFormat('a.Rtf'), 'rtf');
  assert.equal(sourceFormat('a.pages'), null);
  assert.equal(sourceFormat('README'), null);
});

test('dates are normalised to YYYY-MM-DD and impossible dates refused', () => {
  assert.equal(normaliseDate('2019-10-09'), '2019-10-09');
  assert.equal(normaliseDate('2019/10/9'), '2019-10-09');
  assert.equal(normaliseDate('20191009'), '2019-10-09');
  assert.equal(normaliseDate('October 9, 2019'), '2019-10-09');
  assert.equal(normaliseDate('Wed, 9 Oct 2019 10:00:00 GMT'), '2019-10-09');
  assert.equal(normaliseDate('Sept. 30, 2019'), '2019-09-30');
  assert.equal(normaliseDate(new Date(Date.UTC(2019, 9, 9))), '2019-10-09');
  assert.equal(normaliseDate('2019-02-30'), undefined);
  assert.equal(normaliseDate('09/10/2019'), undefined);
  // As other newsrooms write dates: day first, the month in their language, or points between figures.
  assert.equal(normaliseDate('16. Juli 2024'), '2024-07-16');
  assert.equal(normaliseDate('5 de março de 2024'), '2024-03-05');
  assert.equal(normaliseDate('12 marzo 2024'), '2024-03-12');
  assert.equal(normaliseDate('mardi 5 mars 2024'), '2024-03-05');
  assert.equal(normaliseDate('05.03.2024'), '2024-03-05');
  assert.equal(normaliseDate('yesterday'), undefined);
  assert.equal(normaliseDate(42), undefined);
});
