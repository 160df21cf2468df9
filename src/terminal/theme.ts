/**
 * xterm colours that follow the site's light/dark theme (Starlight sets
 * `data-theme` on <html>). The dark palette is xterm's default; the light one
 * keeps WCAG AA contrast for the ANSI colours the lab prints.
 */
import type { ITheme } from '@xterm/xterm';

const DARK: ITheme = {
  background: '#14171c',
  foreground: '#e6e6e6',
  cursor: '#e6e6e6',
  selectionBackground: '#3a4a63',
};

const LIGHT: ITheme = {
  background: '#fbfbfb',
  foreground: '#1d1f23',
  cursor: '#1d1f23',
  cursorAccent: '#fbfbfb',
  selectionBackground: '#b6d0f5',
  black: '#1d1f23',
  red: '#b3261e',
  green: '#1b6e2a',
  yellow: '#7a5a00',
  blue: '#1f4fa8',
  magenta: '#8a2f8f',
  cyan: '#0b6672',
  white: '#5c5f66',
  brightBlack: '#5c5f66',
  brightWhite: '#1d1f23',
};

export type SiteTheme = 'dark' | 'light';

export function siteTheme(): SiteTheme {
  return document.documentElement.dataset.theme === 'light' ? 'light' : 'dark';
}

export function terminalTheme(theme: SiteTheme): ITheme {
  return theme === 'light' ? LIGHT : DARK;
}

/** Calls `cb` whenever the site theme changes; returns a function that stops watching. */
export function watchSiteTheme(cb: (theme: SiteTheme) => void): () => void {
  const observer = new MutationObserver(() => cb(siteTheme()));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}
