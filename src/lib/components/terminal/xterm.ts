/** Loads xterm and its fit addon on demand (with its stylesheet), and the colours of both themes. */
import type { ITheme } from '@xterm/xterm';

export async function loadXterm() {
  const [{ Terminal }, { FitAddon }] = await Promise.all([
    import('@xterm/xterm'),
    import('@xterm/addon-fit'),
    import('@xterm/xterm/css/xterm.css'),
  ]);
  return { Terminal, FitAddon };
}

export const LIGHT_THEME: ITheme = {
  background: '#fbfbfd',
  foreground: '#1f2328',
  cursor: '#1f2328',
  selectionBackground: '#b6d6fd',
  black: '#1f2328',
  red: '#c4231f',
  green: '#1a7f37',
  yellow: '#8a6100',
  blue: '#0969da',
  magenta: '#8250df',
  cyan: '#0b7285',
  white: '#6e7781',
  brightBlack: '#57606a',
  brightRed: '#a40e26',
  brightGreen: '#116329',
  brightYellow: '#7a5200',
  brightBlue: '#0550ae',
  brightMagenta: '#6639ba',
  brightCyan: '#0b5b68',
  brightWhite: '#8c959f',
};

export const DARK_THEME: ITheme = {
  background: '#14171c',
  foreground: '#d6dbe1',
  cursor: '#d6dbe1',
  selectionBackground: '#264f78',
  black: '#484f58',
  red: '#ff7b72',
  green: '#3fb950',
  yellow: '#e3b341',
  blue: '#58a6ff',
  magenta: '#bc8cff',
  cyan: '#39c5cf',
  white: '#b1bac4',
  brightBlack: '#6e7681',
  brightRed: '#ffa198',
  brightGreen: '#56d364',
  brightYellow: '#f0c95c',
  brightBlue: '#79c0ff',
  brightMagenta: '#d2a8ff',
  brightCyan: '#56d4dd',
  brightWhite: '#f0f6fc',
};
