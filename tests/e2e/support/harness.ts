import type { Browser } from 'playwright-core';
import { launchBrowser, openSession, type BrowserSession } from './browser.js';
import { startBuiltServer, type E2eServer } from './server.js';

export interface BrowserHarness {
  /** The block's server: up from the block's own `beforeAll` on. */
  readonly server: E2eServer;
  /** A fresh browser session (own cookies, English); closed after the test. */
  open(): Promise<BrowserSession>;
}

/**
 * The browser tests of one describe block: one built server and one Chromium for the block, and sessions
 * closed after each test, which fails if any of its pages threw (a flow that passes with an uncaught
 * exception is still broken). Call it first in the block, so its hooks run before the block's own.
 */
export function browserHarness(): BrowserHarness {
  let server: E2eServer | undefined;
  let browser: Browser | undefined;
  const sessions: BrowserSession[] = [];
  beforeAll(async () => {
    server = await startBuiltServer();
    browser = await launchBrowser();
  });
  afterEach(async () => {
    const pageErrors = sessions.flatMap((session) => session.pageErrors);
    for (const session of sessions.splice(0)) await session.close();
    expect(pageErrors).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error('The e2e server is not up yet: use it from beforeAll on');
      return server;
    },
    async open() {
      if (!server || !browser) throw new Error('The e2e server is not up yet: use it from beforeAll on');
      const session = await openSession(browser, server.url);
      sessions.push(session);
      return session;
    },
  };
}
