// Records a quotation the writer chose to ignore in the `ignore` list of the folder's verbatim.json.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
// jsonc-parser's default entry is a UMD build whose inner requires a bundler cannot follow; its ESM build bundles.
import { applyEdits, modify, parse, type FormattingOptions } from 'jsonc-parser/lib/esm/main.js';
import { CONFIG_FILE_NAME } from '../io/config.js';

const FORMAT: FormattingOptions = { insertSpaces: true, tabSize: 2, eol: '\n' };

/**
 * The configuration text with `quotation` added to its `ignore` list, keeping the rest of the file (comments and
 * layout included) as it is; `listed` when it is already there, `invalid` when the text is not a JSON object.
 */
export function withIgnoredQuotation(text: string, quotation: string): string | 'listed' | 'invalid' {
  const source = text.trim() === '' ? '{}' : text;
  const raw: unknown = parse(source, [], { allowTrailingComma: true });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'invalid';
  const list = (raw as { ignore?: unknown }).ignore;
  if (Array.isArray(list)) {
    if (list.includes(quotation)) return 'listed';
    return applyEdits(source, modify(source, ['ignore', list.length], quotation, { formattingOptions: FORMAT, isArrayInsertion: true }));
  }
  if (list !== undefined) return 'invalid';
  return applyEdits(source, modify(source, ['ignore'], [quotation], { formattingOptions: FORMAT }));
}

/**
 * Adds `quotation` to the `ignore` list of `folder`/verbatim.json, creating the file when there is none. Returns the
 * file written, or null when nothing needed to change.
 */
export async function ignoreQuotation(folder: string, quotation: string): Promise<string | null> {
  const file = join(folder, CONFIG_FILE_NAME);
  let text = '';
  try {
    text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const updated = withIgnoredQuotation(text, quotation);
  if (updated === 'listed') return null;
  if (updated === 'invalid') {
    throw new Error(`${file} is not a JSON object with an "ignore" list; add the quotation to it by hand.`);
  }
  await writeFile(file, updated.endsWith('\n') ? updated : `${updated}\n`, 'utf8');
  return file;
}
