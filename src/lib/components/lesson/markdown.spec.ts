import { describe, expect, it } from 'vitest';
import { markdownToHtml } from './markdown';

describe('markdownToHtml', () => {
  it('renders GitHub-flavoured Markdown', () => {
    const html = markdownToHtml('# Title\n\nRun `curl -i /`.\n\n| a | b |\n| - | - |\n| 1 | 2 |\n');
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<code>curl -i /</code>');
    expect(html).toContain('<table>');
  });

  it('lets tables and code blocks scroll inside the column, reachable by keyboard', () => {
    const html = markdownToHtml('| a | b |\n| - | - |\n| 1 | 2 |\n\n```\nx\n```\n');
    expect(html).toMatch(
      /<div class="table-scroll" tabindex="0" role="region" aria-label="Table"><table>[\s\S]*<\/table><\/div>/,
    );
    expect(html).toContain('<pre tabindex="0">');
  });

  it('opens external links in a new tab without an opener', () => {
    const html = markdownToHtml('See [Flask](https://flask.palletsprojects.com/ "docs").');
    expect(html).toContain(
      '<a href="https://flask.palletsprojects.com/" title="docs" target="_blank" rel="noopener noreferrer">Flask</a>',
    );
  });

  it('keeps links within the app in the tab', () => {
    expect(markdownToHtml('[next](#/02-secrets)')).toContain('<a href="#/02-secrets">next</a>');
  });

  it('escapes quotes in link attributes', () => {
    expect(markdownToHtml('[x](https://a.example/?q="b")')).toContain('href="https://a.example/?q=&quot;b&quot;"');
  });
});
