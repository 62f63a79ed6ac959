/**
 * Node-only helpers shared by the browser tests and the benchmarks (no vitest here):
 * find Chromium, serve dist/ on 127.0.0.1, launch a headless browser, and open pages that
 * record console errors and abort every request that leaves the test server.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');

/** CHROME_PATH, else /usr/bin/chromium, else `chromium` on PATH; null when there is none. */
export function findChromium(): string | null {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const found = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (found) return found;
    } catch {
      // not on PATH; try the next name
    }
  }
  return null;
}

export const NO_BROWSER_MESSAGE = [
  '',
  '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
  '!!  BROWSER TESTS SKIPPED: no Chromium found.',
  '!!  Install it with: apt-get install -y chromium (or set CHROME_PATH)',
  '!!  Set REQUIRE_BROWSER=1 to make a missing browser fail the run.',
  '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
  '',
].join('\n');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  close(): Promise<void>;
}

/** Serves `dir` (the production build) on 127.0.0.1 at an ephemeral port. */
export async function serveStatic(dir = DIST): Promise<StaticServer> {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`${dir}/index.html is missing: run \`npx vite build\` first`);
  }
  const root = resolve(dir);
  const server: Server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = resolve(join(root, pathname));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: ${pathname}`);
      return;
    }
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(readFileSync(file));
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

export const CHROMIUM_ARGS = [
  '--no-sandbox', // needed as root (CI containers); harmless elsewhere
  '--headless=new',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Launches headless Chromium. Playwright gives every launch a fresh, throw-away user-data
 * directory, and each page opened below gets its own context (no shared storage between tests).
 */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/** What a page did that a test may want to forbid. */
export interface PageRecord {
  consoleErrors: string[];
  consoleWarnings: string[];
  pageErrors: string[];
  /** Every URL requested. */
  requests: string[];
  /** URLs outside the test server's origin: aborted, never sent. */
  blocked: string[];
}

/**
 * Opens a new page that records console errors/warnings, uncaught errors and every request, and
 * aborts (and records) any request to an origin other than `origin`.
 */
export async function openRecordedPage(
  browser: Browser,
  origin: string,
  options: { width?: number; height?: number; mobile?: boolean } = {},
): Promise<{ page: Page; context: BrowserContext; record: PageRecord }> {
  const { width = 1280, height = 800, mobile = false } = options;
  const context = await browser.newContext({
    viewport: { width, height },
    isMobile: mobile,
    hasTouch: mobile,
    deviceScaleFactor: mobile ? 2 : 1,
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  const record: PageRecord = {
    consoleErrors: [],
    consoleWarnings: [],
    pageErrors: [],
    requests: [],
    blocked: [],
  };
  page.on('console', (msg) => {
    const where = msg.location().url ? ` (${msg.location().url}:${msg.location().lineNumber})` : '';
    if (msg.type() === 'error') record.consoleErrors.push(msg.text() + where);
    if (msg.type() === 'warning') record.consoleWarnings.push(msg.text() + where);
  });
  page.on('pageerror', (err) => record.pageErrors.push(String(err.stack ?? err)));
  page.on('request', (req) => record.requests.push(req.url()));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    record.blocked.push(url);
    return route.abort('blockedbyclient');
  });
  // WebSockets are not covered by page.route: refuse them all the same.
  await page.routeWebSocket(/.*/, (ws) => {
    record.blocked.push(ws.url());
    return ws.close();
  });
  return { page, context, record };
}
