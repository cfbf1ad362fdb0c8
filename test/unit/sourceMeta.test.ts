import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authorSpeaking, sourceMetaFromText } from '../../server/src/core/attribution.js';
import { AFP } from './afpWire.js';

test('sourceMetaFromText reads the AFP dateline and the file name', () => {
  assert.deepEqual(sourceMetaFromText(AFP, 'afp-2019-10-09.txt'), { date: '2019-10-09', outlet: 'AFP' });
  assert.deepEqual(sourceMetaFromText('China said.', '/sources/afp-2019-10-09.txt'), { date: '2019-10-09', outlet: 'AFP' });
  // A name that is a property of every object is no outlet.
  assert.deepEqual(sourceMetaFromText('China said.', '/sources/constructor-2019-10-09.txt'), { date: '2019-10-09' });
  assert.deepEqual(sourceMetaFromText('China said.', 'C:\\sources\\20191009_reuters.txt'), { date: '2019-10-09', outlet: 'Reuters' });
  assert.deepEqual(sourceMetaFromText('China said.', 'interview-notes.txt'), {});
});

test('sourceMetaFromText reads wire datelines, bylines and a headline', () => {
  const reuters = 'China denounces US blacklist\n\nBy Ben Blanchard\n\nBEIJING, Oct 9 (Reuters) - China said on Wednesday.';
  assert.deepEqual(sourceMetaFromText(reuters, 'reuters-2019-10-09.txt'), {
    title: 'China denounces US blacklist', outlet: 'Reuters', author: 'Ben Blanchard', date: '2019-10-09',
  });
  // Without a year in the dateline or the file name, no date is made up.
  assert.deepEqual(sourceMetaFromText('BEIJING, Oct 9 (Reuters) - China said.', 'story.txt'), { outlet: 'Reuters' });
  assert.deepEqual(sourceMetaFromText('WASHINGTON (AP) — The White House said.', 'story.txt'), { outlet: 'AP' });
  assert.deepEqual(sourceMetaFromText('PARIS, Oct. 9, 2019 (AFP) -- France said.', 'x.txt'), { outlet: 'AFP', date: '2019-10-09' });
  assert.deepEqual(sourceMetaFromText('Date: October 9, 2019\n\nText.', 'x.txt'), { date: '2019-10-09' });
  // A first line that is a sentence is not a headline, also when it ends inside a quotation mark; a question is one.
  assert.deepEqual(sourceMetaFromText('China yesterday hit back at the US.\n\nMore.', 'x.txt'), {});
  assert.deepEqual(sourceMetaFromText('“We have checked every cable,” the mayor said, “every one.”\n\nMore.', 'x.txt'), {});
  assert.deepEqual(sourceMetaFromText('Will the bridge reopen?\n\nMore.', 'x.txt'), { title: 'Will the bridge reopen?' });
});

test('sourceMetaFromText reads the header block of remarks: title, place and date, and the person speaking', () => {
  const remarks = 'SENTENCING REMARKS - R v ASHDOWN\nSouthwark Crown Court, 14 March 2024\nHer Honour Judge Eleanor Price\n\nMr Ashdown, please stand.';
  assert.deepEqual(sourceMetaFromText(remarks, 'remarks.txt'), { title: 'SENTENCING REMARKS - R v ASHDOWN', date: '2024-03-14', author: 'Eleanor Price' });
  assert.equal(authorSpeaking(sourceMetaFromText(remarks, 'remarks.txt')), 'Eleanor Price');
  // Lines that are sentences, a byline or a dateline make no header block; nor does a block with no text after it.
  assert.deepEqual(sourceMetaFromText('It was cold.\nThe wind rose.\n\nMore.', 'x.txt'), {});
  assert.deepEqual(sourceMetaFromText('China denounces blacklist\nBy Ben Blanchard\n\nMore.', 'x.txt'), { author: 'Ben Blanchard' });
  assert.deepEqual(sourceMetaFromText('Chapter One\nThe Storm', 'x.txt'), {});
  // A name without a title is no author: the block may name a place or a ship.
  assert.deepEqual(sourceMetaFromText('Chapter One\nEleanor Price\n\nIt was cold.', 'x.txt'), { title: 'Chapter One' });
});

test('a transcript’s first turn is no headline, while a headline with a colon is one', () => {
  assert.equal(sourceMetaFromText('Lena Marsh: How much?\n\nRuth Delgado: Three to four thousand dollars a well.\n', 'x.txt').title, undefined);
  assert.equal(
    sourceMetaFromText('Riverton mayor: We will rebuild\n\nThe mayor of Riverton said on Monday that the town would rebuild.\n', 'x.txt').title,
    'Riverton mayor: We will rebuild',
  );
});

test('a German agency’s dateline gives its outlet and date; a name in brackets before a dash gives none', () => {
  assert.deepEqual(sourceMetaFromText('Berlin, 16. Juli 2024 (dpa) - Die Regierung hat beschlossen.\n', 'x.txt'), { outlet: 'DPA', date: '2024-07-16' });
  assert.deepEqual(sourceMetaFromText('Smith (left) - a note on the photograph.\n', 'x.txt'), {});
});

test('a book’s first heading is no title of the book', () => {
  assert.equal(sourceMetaFromText('Chapter 1\n\n\nIt is a truth universally acknowledged.\n', 'pride.txt').title, undefined);
  assert.equal(sourceMetaFromText('VOLUME I\n\nEmma Woodhouse, handsome, clever, and rich.\n', 'emma.txt').title, undefined);
});
