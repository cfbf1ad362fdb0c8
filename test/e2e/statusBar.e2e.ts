// The status bar's text and tooltip, in a real VS Code: files left out and sources read only in part are counted, per
// folder and in all, and either makes the item a warning.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeStatus } from '../../client/src/statusBar.js';
import type { FolderStatus, StatusResult } from '../../server/src/protocol.js';

const FOLDER = vscode.Uri.file('/newsroom/sources');

function status(folder: Partial<FolderStatus>, document: StatusResult['document'] = null): StatusResult {
  const full: FolderStatus = {
    uri: FOLDER.toString(),
    state: 'ready',
    sources: 12,
    bytes: 40_000,
    skipped: [],
    partial: [],
    sourceReads: 12,
    progress: null,
    configFile: null,
    errors: [],
    roots: [FOLDER.fsPath],
    groupsChecked: 0,
    groupsReused: 0,
    ...folder,
  };
  return { folders: [full], document, checks: 0, restricted: false };
}

suite('The status bar', () => {
  test('says how many quotations of the draft its comments left out', () => {
    const draft = { uri: 'file:///newsroom/draft.md', version: 3, quotations: 4, verbatim: 4, altered: 0, unsourced: 0, misattributed: 0, disabled: 2 };
    const shown = describeStatus(status({}, draft));
    assert.equal(shown.text, '$(check) Verbatim: 4 quotations verified, 2 switched off');
    assert.equal(shown.tooltip.split('\n')[0], 'This draft: 4 quotations: 4 verbatim, 0 altered, 0 unsourced; 2 left out by verbatim-disable comments');
  });

  test('counts the sources, and warns of none left out or read in part when there are none', () => {
    const shown = describeStatus(status({}));
    assert.equal(shown.text, '$(book) Verbatim: 12 sources');
    assert.equal(shown.tooltip, `${FOLDER.fsPath}: 12 sources`);
    assert.equal(shown.warning, false);
  });

  test('counts a source read only in part, beside the files left out, and warns', () => {
    const partial = [{ file: '/newsroom/sources/release.eml', notes: ['its attached file scan.pdf was not read (…)'] }];
    const inPart = describeStatus(status({ partial }));
    assert.equal(inPart.text, '$(book) Verbatim: 12 sources $(warning)');
    assert.equal(inPart.tooltip, [`${FOLDER.fsPath}: 12 sources, 1 read in part`, '1 source could be read only in part; click for what was not read.'].join('\n'));
    assert.equal(inPart.warning, true);

    const skipped = [{ file: '/newsroom/sources/scan.pdf', reason: 'could not be parsed' }];
    const both = describeStatus(status({ partial, skipped }));
    assert.deepEqual(both.tooltip.split('\n'), [
      `${FOLDER.fsPath}: 12 sources, 1 left out, 1 read in part`,
      '1 source file could not be read; click for the list.',
      '1 source could be read only in part; click for what was not read.',
    ]);
  });
});
