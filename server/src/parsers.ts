// The parsers of HTML, Markdown, YAML front matter, subtitles, Word and OpenDocument documents, RTF and Outlook
// messages, bundled apart from the command line: most runs read plain text alone and never load them. The command line's bundle reaches them
// through small stand-ins made by the build.
export { parse as parseHtml } from 'parse5';
export { parse as parseYaml } from 'yaml';
export { fromMarkdown } from 'mdast-util-from-markdown';
export { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
export { frontmatter } from 'micromark-extension-frontmatter';
export { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
export { gfmTable } from 'micromark-extension-gfm-table';
export { parseSync as parseSubtitles } from 'subtitle';
export { decodeHTML } from 'entities';
export { strFromU8, unzipSync } from 'fflate';
export { SaxesParser } from 'saxes';
export { Tokenize as RtfTokenize, deEncapsulateSync as rtfDeEncapsulate } from 'rtf-stream-parser';
export { ToPlainText as RtfToPlainText } from 'rtf-stream-parser/dist/src/ToPlainText.js';
export { default as MsgReader } from '@kenjiuno/msgreader';
export { decompressRTF } from '@kenjiuno/decompressrtf';
