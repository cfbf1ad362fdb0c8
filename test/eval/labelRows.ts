// Reads the label files of the news evaluation (labels.txt, speakers.txt): a `[draft file]` line opens the labels of
// each draft, `#` starts a comment, and a label is a line of fields separated by `|`.

/** One label line: the draft it belongs to (null before the first `[draft file]` line), its fields, trimmed. */
export interface LabelRow {
  draft: string | null;
  fields: string[];
  /** The line as written, trimmed, and its number from 1. */
  text: string;
  line: number;
}

/** The label lines of a label file's content, in order. */
export function labelRows(content: string): LabelRow[] {
  const rows: LabelRow[] = [];
  let draft: string | null = null;
  content.split(/\r?\n/).forEach((line, n) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const section = /^\[(.+)\]$/.exec(trimmed);
    if (section) draft = section[1]!;
    else rows.push({ draft, fields: trimmed.split('|').map((field) => field.trim()), text: trimmed, line: n + 1 });
  });
  return rows;
}
