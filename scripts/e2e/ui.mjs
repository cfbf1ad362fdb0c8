// Drives the VS Code workbench in headless Chromium like a writer would and saves screenshots of what Verbatim shows: squiggles, hover, Problems panel, status bar.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifactsDir, launchChromium, startCodeServer, tempDir } from './editor.mjs';

/** User settings that keep the screenshots about the draft: wrapped lines, no welcome page, no side panels. */
const USER_SETTINGS = {
  'editor.wordWrap': 'on',
  'editor.minimap.enabled': false,
  'editor.fontSize': 15,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'chat.disableAIFeatures': true,
  'window.commandCenter': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.ignoreRecommendations': true,
};

const UI_TIMEOUT = 60_000;

/**
 * Opens the example workspace in the workbench with the installed extension, checks what a writer sees and saves
 * PNG screenshots into $VERBATIM_ARTIFACTS (or a new temporary folder).
 * @param {object} tools from ensureTools()
 * @param {{ extensionsDir: string, workspace: string }} options
 * @returns {Promise<{ artifacts: string, screenshots: string[] }>}
 */
export async function runUiCheck(tools, { extensionsDir, workspace }) {
  const artifacts = artifactsDir();
  const userDataDir = tempDir('ui-user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  const server = await startCodeServer(tools, { extensionsDir, userDataDir });
  const context = await launchChromium(tools);
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(UI_TIMEOUT);
  const screenshots = [];
  const shoot = async (name, target) => {
    const path = join(artifacts, name);
    await target.screenshot({ path });
    screenshots.push(path);
    process.stderr.write(`[e2e] screenshot ${path}\n`);
  };

  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
  await page.locator('.monaco-workbench .part.editor').waitFor();

  // Open the draft through Quick Open, as a writer would.
  await page.locator('.part.statusbar').waitFor();
  await page.keyboard.press('Control+P');
  const quickInput = page.locator('.quick-input-widget input');
  await quickInput.waitFor();
  await quickInput.fill('observatory.txt');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'observatory.txt' }).first().waitFor();
  await page.keyboard.press('Enter');
  const editor = page.locator('.part.editor .monaco-editor').first();
  await editor.waitFor();

  // The squiggles come from the language server once it has indexed the sources and checked the draft.
  const squiggles = page.locator('.part.editor .squiggly-warning');
  await squiggles.first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.part.editor .squiggly-warning').length >= 5);
  await page.mouse.move(5, 5);
  await shoot('1-squiggles.png', page.locator('.part.editor'));

  // Hover over the Wilbur Ross quotation: the hover shows the source wording.
  const ross = page.locator('.part.editor .view-line', { hasText: 'Wilbur Ross' }).first();
  const box = await ross.boundingBox();
  if (!box) throw new Error('The line with the Wilbur Ross quotation is not visible.');
  const word = await wordPosition(page, 'repression');
  await page.mouse.move(word.x, word.y);
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'suppression' }).first();
  await hover.waitFor({ state: 'visible' });
  const hoverBox = await hover.boundingBox();
  await shoot('2-hover.png', clipOf(page, [box, hoverBox]));

  // Check All Quotes from the command palette, then the Problems panel.
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
  await runCommand(page, 'Verbatim: Check All Quotes');
  const summary = page.locator('.notification-toast', { hasText: /Verbatim: \d+ quotations: / }).first();
  await summary.waitFor();
  await shoot('3-check-all-summary.png', summary);
  await runCommand(page, 'Notifications: Clear All Notifications');
  await page.keyboard.press('Control+Shift+M');
  const problems = page.locator('.markers-panel');
  await problems.waitFor();
  await problems.locator('.monaco-list-row', { hasText: 'briefing.md' }).first().waitFor();
  await runCommand(page, 'View: Toggle Maximized Panel');
  await problems.locator('.monaco-list-row', { hasText: 'observatory.txt' }).first().waitFor();
  await page.mouse.move(5, 5);
  await shoot('4-problems.png', page.locator('.part.panel'));
  await runCommand(page, 'View: Toggle Maximized Panel');

  // The status bar item shows the counts of the active draft.
  const status = page.locator('.part.statusbar .statusbar-item', { hasText: 'Verbatim' }).first();
  await page.waitForFunction(() => [...document.querySelectorAll('.part.statusbar .statusbar-item')].some((e) => /Verbatim: .*altered/.test(e.textContent ?? '')));
  const statusBox = await status.boundingBox();
  const bar = await page.locator('.part.statusbar').boundingBox();
  await shoot('5-status-bar.png', clipOf(page, [statusBox, { x: statusBox.x - 300, y: bar.y, width: 1, height: bar.height }], 8));

  return { artifacts, screenshots };
}

/** Runs a command through the command palette by its title, as a writer would. */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** The centre of the first occurrence of `word` in the editor's rendered lines, in page coordinates. */
async function wordPosition(page, word) {
  const position = await page.evaluate((needle) => {
    for (const line of document.querySelectorAll('.part.editor .view-line')) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const index = node.textContent.indexOf(needle);
        if (index < 0) continue;
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + needle.length);
        const rect = range.getBoundingClientRect();
        return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
      }
    }
    return null;
  }, word);
  if (!position) throw new Error(`The word “${word}” is not visible in the editor.`);
  return position;
}

/** Something with a screenshot() method that captures the union of the boxes plus a margin, within the page. */
function clipOf(page, boxes, margin = 16) {
  const viewport = page.viewportSize();
  const x1 = Math.max(0, Math.min(...boxes.map((b) => b.x)) - margin);
  const y1 = Math.max(0, Math.min(...boxes.map((b) => b.y)) - margin);
  const x2 = Math.min(viewport.width, Math.max(...boxes.map((b) => b.x + b.width)) + margin);
  const y2 = Math.min(viewport.height, Math.max(...boxes.map((b) => b.y + b.height)) + margin);
  return { screenshot: (options) => page.screenshot({ ...options, clip: { x: x1, y: y1, width: x2 - x1, height: y2 - y1 } }) };
}
