/**
 * Lesson Markdown to safe HTML. marked renders (GitHub flavour); DOMPurify then removes anything
 * active. Links to other pages open in a new tab with rel="noopener noreferrer"; links within the
 * app (`#/02-…`) stay in the tab.
 */
import DOMPurify from 'dompurify';
import { Marked, type Tokens } from 'marked';

const escapeAttr = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const marked = new Marked({
  gfm: true,
  renderer: {
    link(this: { parser: { parseInline(tokens: Tokens.Generic[]): string } }, token: Tokens.Link): string {
      const text = this.parser.parseInline(token.tokens);
      const title = token.title ? ` title="${escapeAttr(token.title)}"` : '';
      const external = token.href.startsWith('#') ? '' : ' target="_blank" rel="noopener noreferrer"';
      return `<a href="${escapeAttr(token.href)}"${title}${external}>${text}</a>`;
    },
  },
});

/**
 * Markdown to HTML, before sanitising (exported for tests, which run without a DOM). Code blocks
 * and tables scroll sideways inside the lesson column instead of squeezing their text; a
 * scrolling region must be reachable by keyboard, hence the tabindex.
 */
export function markdownToHtml(markdown: string): string {
  return marked
    .parse(markdown, { async: false })
    .replace(/<pre>/g, '<pre tabindex="0">')
    .replace(/<table>/g, '<div class="table-scroll" tabindex="0" role="region" aria-label="Table"><table>')
    .replace(/<\/table>/g, '</table></div>');
}

/** Markdown to HTML that is safe to put in the page. */
export function renderMarkdown(markdown: string): string {
  return DOMPurify.sanitize(markdownToHtml(markdown), { ADD_ATTR: ['target'] });
}
