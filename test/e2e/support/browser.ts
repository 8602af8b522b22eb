// The real browser for console tests, from `npm ci` alone: the Chromium inside @sparticuz/chromium, unpacked
// once into node_modules/.cache (nothing is downloaded), or CHROMIUM_PATH when set. axe checks WCAG 2.1 AA.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { chromiumExecutablePath } from '../../support/chromium-binary';

const ROOT = path.join(__dirname, '..', '..', '..');
export const SCREENSHOT_DIR = path.join(ROOT, 'docs', 'screenshots');

// Not the package's own chromium.args: they include --disable-web-security and --single-process, which
// would hide CSP and cookie bugs.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const executablePath = chromiumExecutablePath;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: executablePath(), args: ARGS, headless: true });
}

let axeMs = 0;
/** Time spent in axe so far, for the run's timing report. */
export const axeTimeMs = () => axeMs;

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The WCAG 2.1 AA violations axe finds on the page, as short lines a failing test prints. `exclude` leaves out
 * elements by selector: a frame sandboxed without scripts cannot take axe (the browser blocks the injection
 * and logs it), so its document is checked on its own instead.
 */
export async function accessibilityViolations(page: Page, options: { exclude?: string[] } = {}): Promise<string[]> {
  const started = Date.now();
  // By default AxeBuilder opens a blank page for every check, loads axe into it again and merges the frames'
  // partial results there, a third of each check's time. On a page without frames, axe.run in the page itself
  // ("legacy mode") checks the same rules on the same nodes (compared on every console page: the same
  // violations, passes, incomplete and inapplicable rules); a page with a frame keeps the per-frame runs.
  const legacy = page.frames().length === 1;
  // Only violations are asserted. axe still runs every rule on every node; resultTypes only stops it from
  // describing each passing and inapplicable node (a CSS selector and HTML snippet for every one of the ~25
  // passing rules' nodes), which was half of each check: 1.62 s against 0.76 s a page, measured on the admin
  // pages in the same browser, with the same violations found on a page made to have seven.
  // options() replaces every option set before it (withTags' runOnly among them): it comes first.
  const builder = new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] })
    .withTags(AXE_TAGS)
    .setLegacyMode(legacy);
  for (const selector of options.exclude ?? []) builder.exclude(selector);
  const result = await builder.analyze();
  axeMs += Date.now() - started;
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** CSP reports and page errors: a console that breaks its own policy fails the test. */
export function collectPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    // A refusal page answers 403 or 409 on purpose; the browser logs that status, which is not a fault.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource: the server responded with a status of'))
      problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}
