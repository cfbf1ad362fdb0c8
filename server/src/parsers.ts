// The parsers of HTML, Markdown, YAML front matter, subtitles and Word documents, bundled apart from the command line:
// most runs read plain text alone and never load them. The command line's bundle reaches them through small stand-ins made by the build.
export { parse as parseHtml } from 'parse5';
export { parse as parseYaml } from 'yaml';
export { fromMarkdown } from 'mdast-util-from-markdown';
export { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
export { frontmatter } from 'micromark-extension-frontmatter';
export { parseSync as parseSubtitles } from 'subtitle';
export { decodeHTML } from 'entities';
export { strFromU8, unzipSync } from 'fflate';
export { SaxesParser } from 'saxes';
