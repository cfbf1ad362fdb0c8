import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDraft } from '../../server/src/core/check.js';
import { SourceIndex } from '../../server/src/core/sourceIndex.js';
import type { DraftFormat } from '../../server/src/core/types.js';

const OPINION =
  'The district court erred in treating the second factor as decisive. It reasoned that Harlow controlled her own ' +
  'profit. That was error.\n\nMeridian argues that Harlow owned her tractor. An investment that the employer itself ' +
  'finances is not independent capital.';

function verdict(draft: string, format: DraftFormat): string {
  const index = new SourceIndex();
  index.set({ id: 'opinion', text: OPINION, meta: {} });
  const findings = checkDraft(index, draft, format);
  assert.equal(findings.length, 1);
  return findings[0]!.verdict;
}

test('three stars stand for omitted paragraphs, in a block quotation of Markdown or LaTeX', () => {
  const block = '> The district court erred in treating the second factor as decisive.\n>\n> * * *\n>\n> Meridian argues that Harlow owned her tractor.\n';
  assert.equal(verdict(block, 'markdown'), 'verbatim');
  assert.equal(verdict(block.replace('* * *', '\\* \\* \\*'), 'markdown'), 'verbatim');
  const latex = '\\begin{quote}\nThe district court erred in treating the second factor as decisive.\n\n* * *\n\nMeridian argues that Harlow owned her tractor.\n\\end{quote}\n';
  assert.equal(verdict(latex, 'latex'), 'verbatim');
});

test('an ellipsis set with LaTeX ties (.~.~.) is an ellipsis', () => {
  assert.equal(verdict("It held that ``an investment that the employer itself finances~.~.~. is not independent capital.''", 'latex'), 'verbatim');
});

test('the word after an ellipsis is paired with the same word of the source, so a negation left out shows as such', () => {
  const index = new SourceIndex();
  const text = 'An investment that the employer itself finances, and that it may reclaim at will, is not the kind of capital that marks a business.';
  index.set({ id: 'opinion', text, meta: {} });
  const [finding] = checkDraft(index, 'It said "[a]n investment that the employer itself finances . . . is the kind of capital that marks a business."', 'plaintext');
  assert.deepEqual(finding!.changes, [{ draft: '', source: 'not' }]);
});

test('“(citation omitted)” after a quotation lets it leave out what stood between its sentences', () => {
  const index = new SourceIndex();
  const text = 'A worker may nonetheless be an employee. Real v. Driscoll Strawberry Assocs., Inc., 603 F.2d 748, 755 (9th Cir. 1979). The inquiry turns on the economic reality of the relationship.';
  index.set({ id: 'opinion', text, meta: {} });
  const quoted = 'A worker "may nonetheless be an employee. The inquiry turns on the economic reality of the relationship."';
  assert.equal(checkDraft(index, `${quoted} (citation omitted).`, 'plaintext')[0]!.verdict, 'verbatim');
  assert.equal(checkDraft(index, `${quoted} (internal citations and quotation marks omitted).`, 'plaintext')[0]!.verdict, 'verbatim');
  assert.equal(checkDraft(index, `${quoted} The court went on.`, 'plaintext')[0]!.verdict, 'altered');
});

test('words left out after the start of a quotation are shown as left out, not as the next word changed', () => {
  const index = new SourceIndex();
  index.set({ id: 't', text: 'P06: Honestly the company that runs the hospital never once said thank you to any of us porters.', meta: {} });
  const [finding] = checkDraft(index, 'She said "the company never once said thank you to any of us porters".', 'plaintext');
  assert.deepEqual(finding!.changes, [{ draft: '', source: 'that runs the hospital' }]);
});
