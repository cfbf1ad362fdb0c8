// The parsers of HTML, Markdown and YAML front matter, bundled apart from the command line: most runs read plain text
// alone and never load them. The command line's bundle reaches them through small stand-ins made by the build.
export { parse as parseHtml } from 'parse5';
export { parse as parseYaml } from 'yaml';
export { fromMarkdown } from 'mdast-util-from-markdown';
export { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
export { frontmatter } from 'micromark-extension-frontmatter';
