/** The harness's Python files, bundled as text by Vite (the CLI reads them from disk instead). */
const modules = import.meta.glob<string>('./py/**/*.py', { query: '?raw', import: 'default', eager: true });

export const harnessSources: Record<string, string> = Object.fromEntries(
  Object.entries(modules).map(([path, source]) => [path.replace(/^\.\/py\//, ''), source]),
);
