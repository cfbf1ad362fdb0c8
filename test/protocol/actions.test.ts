// The pure parts of the editor contract: attribution templates, quick-fix edits from diagnostic data, settings
// validation, and editing verbatim.json's ignore list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { proseDate, renderAttribution } from '../../server/src/lsp/attribution.js';
import { codeActionsFor, replacementText, resolveCodeAction } from '../../server/src/lsp/codeActions.js';
import { withIgnoredQuotation } from '../../server/src/lsp/ignore.js';
import { hoverMarkdown } from '../../server/src/lsp/hover.js';
import { checkedQuotations } from '../../server/src/lsp/findings.js';
import { checkDraft } from '../../server/src/core/check.js';
import { SourceIndex } from '../../server/src/core/sourceIndex.js';
import { LineIndex } from '../../server/src/convert.js';
import { DEFAULT_SETTINGS, isQuoteDiagnosticData, parseSettings, type QuoteDiagnosticData } from '../../server/src/protocol.js';

const ross = { speaker: 'Wilbur Ross', title: null, outlet: 'AFP', date: '2019-10-09' };
const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

test('the attribution drops missing parts with their separators', () => {
  const template = '{quote} ({speaker}, {source}, {date})';
  assert.deepEqual(renderAttribution(template, ross), { before: '', after: ' (Wilbur Ross, AFP, 9 October 2019)' });
  assert.deepEqual(renderAttribution(template, { ...ross, speaker: null }), { before: '', after: ' (AFP, 9 October 2019)' });
  assert.deepEqual(renderAttribution(template, { ...ross, date: null }), { before: '', after: ' (Wilbur Ross, AFP)' });
  assert.deepEqual(renderAttribution(template, { ...ross, outlet: null }), { before: '', after: ' (Wilbur Ross, 9 October 2019)' });
  assert.deepEqual(renderAttribution(template, { speaker: null, title: null, outlet: null, date: null }), { before: '', after: '' });
});

test('the attribution may stand before the quotation, and {source} prefers the outlet to the title', () => {
  const template = 'As {speaker} told {source}, {quote}';
  assert.deepEqual(renderAttribution(template, { ...ross, title: 'China hits back' }), { before: 'As Wilbur Ross told AFP, ', after: '' });
  assert.deepEqual(renderAttribution('{quote} ({title}; {isoDate})', { ...ross, title: 'China hits back' }), { before: '', after: ' (China hits back; 2019-10-09)' });
  // A template without {quote} is appended after the quotation.
  assert.deepEqual(renderAttribution(', {speaker} said', ross), { before: '', after: ', Wilbur Ross said' });
  // An unknown placeholder stays visible rather than vanishing.
  assert.deepEqual(renderAttribution('{quote} ({spekaer})', ross), { before: '', after: ' ({spekaer})' });
});

test('dates read as prose; other date text is kept', () => {
  assert.equal(proseDate('2019-10-09'), '9 October 2019');
  assert.equal(proseDate('October 2019'), 'October 2019');
  assert.equal(proseDate('2019-13-01'), '2019-13-01');
});

function data(overrides: Partial<QuoteDiagnosticData> = {}): QuoteDiagnosticData {
  return {
    kind: 'verbatim/quote',
    documentVersion: 7,
    verdict: 'altered',
    quotation: 'the brutal repression',
    replaceRange: range(3, 10, 33),
    open: '“',
    close: '”',
    source: {
      uri: 'file:///sources/afp.txt',
      range: range(5, 0, 30),
      text: 'the brutal\nsuppression',
      speaker: 'Wilbur Ross',
      title: null,
      outlet: 'AFP',
      date: '2019-10-09',
      url: null,
      page: null,
    },
    similarity: 0.8,
    changes: [{ draft: 'repression', source: 'suppression' }],
    attribution: { before: '', after: ' (Wilbur Ross, AFP, 9 October 2019)' },
    ...overrides,
  };
}

test('the replacement is the source wording on one line, in the draft’s marks, with the attribution', () => {
  assert.equal(replacementText(data()), '“the brutal suppression” (Wilbur Ross, AFP, 9 October 2019)');
  assert.equal(replacementText(data({ source: null })), null);
  // A word hyphenated at the end of a source line is one word in the draft, as it is when quotations are matched.
  const hyphenated = data({ source: { ...data().source!, text: 'the brutal sup-\n   pression' } });
  assert.equal(replacementText(hyphenated), '“the brutal suppression” (Wilbur Ross, AFP, 9 October 2019)');
  assert.match(hoverMarkdown(hyphenated), /the brutal \*\*suppression\*\*/);
  // A source printed in pages is pointed at by its page, others by their line.
  assert.match(hoverMarkdown(data()), /`afp\.txt` line 6/);
  // A passage that joins the turns of two speakers of a transcript says so, and the data that carries it is valid.
  const joined = data({ source: { ...data().source!, turns: ['Okafor'] } });
  assert.ok(isQuoteDiagnosticData(joined));
  assert.match(hoverMarkdown(joined), /\*\*Beware:\*\* the source passage joins the words of more than one speaker: Okafor's turn begins inside it\./);
  assert.doesNotMatch(hoverMarkdown(data()), /Beware/);
  assert.match(hoverMarkdown(data({ source: { ...data().source!, uri: 'verbatim-source:///sources/report.pdf', page: 3 } })), /`report\.pdf` page 3/);
});

test('code actions come from the diagnostic data alone and bind the edit to its document version', () => {
  const diagnostic = { range: range(3, 11, 32), message: 'm', code: 'quote.altered', source: 'verbatim', data: data() };
  const actions = codeActionsFor('file:///draft.md', diagnostic, { documentChanges: true, canIgnore: true });
  assert.deepEqual(actions.map((a) => a.title), ['Replace with source wording', 'Open source passage', 'Ignore this quotation']);
  assert.deepEqual(actions[0]!.edit, {
    documentChanges: [{
      textDocument: { uri: 'file:///draft.md', version: 7 },
      edits: [{ range: range(3, 10, 33), newText: '“the brutal suppression” (Wilbur Ross, AFP, 9 October 2019)' }],
    }],
  });
  assert.deepEqual(actions[1]!.command?.arguments, ['file:///sources/afp.txt', range(5, 0, 30)]);
  assert.deepEqual(actions[2]!.command?.arguments, ['file:///draft.md', 'the brutal repression']);

  const limited = codeActionsFor('file:///draft.md', diagnostic, { documentChanges: true, canIgnore: false });
  assert.deepEqual(limited.map((a) => a.title), ['Replace with source wording', 'Open source passage']);
  const unsourced = codeActionsFor('file:///draft.md', { ...diagnostic, code: 'quote.unsourced', data: data({ verdict: 'unsourced', source: null }) }, { documentChanges: true, canIgnore: true });
  assert.deepEqual(unsourced.map((a) => a.title), ['Ignore this quotation']);
});

test('in a Markdown or LaTeX draft, a comment that leaves the quotation out is offered, trusted workspace or not', () => {
  const diagnostic = { range: range(3, 11, 32), message: 'm', code: 'quote.altered', source: 'verbatim', data: data() };
  const text = ['a', 'b', 'c', 'Ross said “the brutal repression” would end.'].join('\n');
  const title = 'Ignore this quotation here (with a comment)';
  for (const canIgnore of [true, false]) {
    const actions = codeActionsFor('file:///draft.md', diagnostic, { documentChanges: true, canIgnore }, { text, format: 'markdown' });
    const fix = actions.find((action) => action.title === title);
    assert.deepEqual(fix?.edit, {
      documentChanges: [{
        textDocument: { uri: 'file:///draft.md', version: 7 },
        edits: [{ range: range(3, 10, 10), newText: '<!-- verbatim-disable-next -->' }],
      }],
    });
  }
  const plain = codeActionsFor('file:///draft.txt', diagnostic, { documentChanges: true, canIgnore: true }, { text, format: 'plaintext' });
  assert.ok(!plain.some((action) => action.title === title), 'a plain-text draft has no comments');
  const unchecked = { ...diagnostic, code: 'quote.unchecked' };
  assert.ok(!codeActionsFor('file:///draft.md', unchecked, { documentChanges: true, canIgnore: true }, { text, format: 'markdown' }).some((a) => a.title === title));
});

test('a client that resolves edits gets the comment fix without its edit, and the edit when it is picked', () => {
  const diagnostic = { range: range(3, 11, 32), message: 'm', code: 'quote.altered', source: 'verbatim', data: data() };
  const text = ['a', 'b', 'c', 'Ross said “the brutal repression” would end.'].join('\n');
  const title = 'Ignore this quotation here (with a comment)';
  const lazy = codeActionsFor('file:///draft.md', diagnostic, { documentChanges: true, canIgnore: true, resolveEdits: true }, { text, format: 'markdown' });
  const fix = lazy.find((action) => action.title === title)!;
  assert.equal(fix.edit, undefined);
  const eager = codeActionsFor('file:///draft.md', diagnostic, { documentChanges: true, canIgnore: true }, { text, format: 'markdown' });
  const draftOf = (version: number) => (uri: string) => (uri === 'file:///draft.md' ? { text, format: 'markdown' as const, version } : undefined);
  assert.deepEqual(resolveCodeAction(fix, draftOf(7), { documentChanges: true }).edit, eager.find((action) => action.title === title)!.edit);
  // A draft changed or closed since gives no edit; an action that is not this one comes back as it was.
  assert.equal(resolveCodeAction(fix, draftOf(8), { documentChanges: true }).edit, undefined);
  assert.equal(resolveCodeAction(fix, () => undefined, { documentChanges: true }).edit, undefined);
  const other = { title: 'Something else', data: { kind: 'other' } };
  assert.deepEqual(resolveCodeAction(other, draftOf(7), { documentChanges: true }), other);
});

test('diagnostic data that is missing or malformed gives no code actions', () => {
  const base = { range: range(0, 0, 1), message: 'm', code: 'quote.altered', source: 'verbatim' };
  assert.deepEqual(codeActionsFor('file:///d.md', { ...base }, { documentChanges: true, canIgnore: true }), []);
  assert.deepEqual(codeActionsFor('file:///d.md', { ...base, data: { kind: 'verbatim/quote' } }, { documentChanges: true, canIgnore: true }), []);
  assert.equal(isQuoteDiagnosticData({ ...data(), replaceRange: { start: 1 } }), false);
  assert.equal(isQuoteDiagnosticData(data()), true);
});

test('the hover marks the changed source words and escapes Markdown in the wording', () => {
  const value = hoverMarkdown(data({ source: { ...data().source!, text: 'the *brutal* suppression' }, changes: [{ draft: 'repression', source: 'suppression' }] }));
  assert.match(value, /Source wording: “the \\\*brutal\\\* \*\*suppression\*\*”/);
  assert.match(hoverMarkdown(data({ verdict: 'verbatim', changes: [] })), /^\*\*Verbatim: found in AFP\*\*/);
  assert.match(hoverMarkdown(data({ verdict: 'unsourced', source: null })), /^\*\*Verbatim: unsourced\.\*\*/);
});

test('settings are validated at the boundary: wrong values are dropped and named', () => {
  const { settings, errors } = parseSettings({
    sources: ['notes', 3],
    shortQuoteMaxWords: 4,
    alteredThreshold: 1.5,
    severity: { altered: 'error', unsourced: 'loud' },
    attributionTemplate: '{quote}, {speaker} said',
  });
  assert.deepEqual(settings, { shortQuoteMaxWords: 4, severity: { altered: 'error' }, attributionTemplate: '{quote}, {speaker} said' });
  assert.equal(errors.length, 3);
  assert.match(errors[0]!, /"verbatim\.sources" must be a list of strings/);
  assert.deepEqual(parseSettings(null), { settings: {}, errors: [] });
  assert.equal(parseSettings('x').errors.length, 1);
});

test('ignoring a quotation edits verbatim.json in place, keeping comments', () => {
  const text = '{\n  // where the interviews are\n  "sources": ["interviews"]\n}\n';
  const updated = withIgnoredQuotation(text, 'off the record');
  assert.equal(typeof updated, 'string');
  assert.match(updated as string, /\/\/ where the interviews are/);
  assert.match(updated as string, /"ignore": \[\s*"off the record"\s*\]/);
  assert.equal(withIgnoredQuotation(updated as string, 'off the record'), 'listed');
  assert.match(withIgnoredQuotation(updated as string, 'second') as string, /"off the record",\s*"second"/);
  assert.equal(withIgnoredQuotation('[1, 2]', 'x'), 'invalid');
  assert.equal(withIgnoredQuotation('{ "ignore": "x" }', 'x'), 'invalid');
  assert.deepEqual(JSON.parse(withIgnoredQuotation('', 'x') as string), { ignore: ['x'] });
});

test('the fix of a block quotation changes its words alone, keeps its markup and citation, and then checks verbatim', () => {
  const index = new SourceIndex();
  const wire = 'Geng said: “These accusations are nothing more than an excuse to deliberately interfere in China’s internal affairs.”';
  index.set({ id: '/s/afp.txt', text: wire, meta: { outlet: 'AFP' } });
  for (const [draft, format] of [
    ['> These accusations are nothing more than an excuse to deliberately meddle in China’s internal affairs.\n>\n> — Geng Shuang\n', 'markdown'],
    ['\\begin{quote}\nThese accusations are nothing more than an excuse to deliberately meddle in China’s internal affairs.\n\\end{quote}\n', 'latex'],
  ] as const) {
    const [finding] = checkDraft(index, draft, format);
    assert.equal(finding!.verdict, 'altered');
    const [{ data }] = checkedQuotations([finding!], { text: draft, version: 1, source: () => undefined, severity: DEFAULT_SETTINGS.severity, attributionTemplate: '{quote} ({speaker})', format });
    const lines = new LineIndex(draft);
    const fixed = draft.slice(0, lines.offsetAt(data.replaceRange.start)) + replacementText(data)! + draft.slice(lines.offsetAt(data.replaceRange.end));
    assert.match(fixed, format === 'markdown' ? /^> These[^\n]*interfere in China’s internal affairs\.\n>\n> — Geng Shuang\n$/ : /^\\begin\{quote\}\nThese[^\n]*affairs\.\n\\end\{quote\}\n$/);
    assert.equal(checkDraft(index, fixed, format)[0]!.verdict, 'verbatim', fixed);
  }
});

test('the fix adds the attribution only where the draft does not say who spoke, and keeps the writer’s words around', () => {
  const index = new SourceIndex();
  index.set({ id: '/s/wire.txt', text: '"We will rebuild every home that was lost, and we will do it together," Mayor Helen Carter said.', meta: { outlet: 'Reuters' } });
  const fix = (draft: string): string => {
    const [finding] = checkDraft(index, draft, 'markdown');
    const [{ data }] = checkedQuotations([finding!], { text: draft, version: 1, source: () => undefined, severity: DEFAULT_SETTINGS.severity, attributionTemplate: '{quote} ({speaker})', format: 'markdown' });
    const lines = new LineIndex(draft);
    return draft.slice(0, lines.offsetAt(data.replaceRange.start)) + replacementText(data, { text: draft, format: 'markdown' })! + draft.slice(lines.offsetAt(data.replaceRange.end));
  };
  assert.equal(
    fix('“We will rebuild every house that was lost, and we will do it together,” Carter said.'),
    '“We will rebuild every home that was lost, and we will do it together,” Carter said.',
  );
  assert.equal(
    fix('The council was told: “We will rebuild every house that was lost.”'),
    'The council was told: “We will rebuild every home that was lost.” (Helen Carter)',
  );
});
