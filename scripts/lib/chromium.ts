/** Debian's Chromium, as the browser tests and the Lighthouse benchmark drive it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags for a quiet, throwaway headless browser: no GPU or sandbox (containers), no QUIC, no
 * first-run, update, sync or background traffic that would land in a measurement.
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
