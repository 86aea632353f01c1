/** The OS colour scheme, live: Monaco and xterm follow it (the CSS follows it by itself). */
class Theme {
  dark = $state(false);

  constructor() {
    const query = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
    if (!query) return;
    this.dark = query.matches;
    query.addEventListener('change', (event) => {
      this.dark = event.matches;
    });
  }
}

export const theme = new Theme();
