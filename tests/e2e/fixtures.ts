// The `test` every spec uses: Playwright's, with pages that wait, after
// each visit to one of Ascend's pages, until the app has taken the page
// over (`<html data-app-ready>`). The server draws whole pages, so their
// buttons show before the wasm has arrived; a test that clicked one then
// would test nothing the app does. `withoutApp` opens pages as a visitor
// whose wasm never arrives.
import { test as base, type Page } from "@playwright/test";

export * from "@playwright/test";

const APP_READY = "html[data-app-ready]";
const appless = new WeakSet<Page>();

/** Refuses the page's wasm from now on: what it shows is the server's HTML alone. */
export async function withoutApp(page: Page) {
  appless.add(page);
  await page.route("**/*.wasm", (route) => route.abort());
}

/** Lets the wasm through again, for pages opened after this. */
export async function withApp(page: Page) {
  appless.delete(page);
  await page.unroute("**/*.wasm");
}

/**
 * Holds the page's wasm until the returned function is called: between the
 * two, the page shows the server's HTML and the app has not started.
 */
export async function holdApp(page: Page): Promise<() => void> {
  appless.add(page);
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/*.wasm", async (route) => {
    await held;
    await route.continue();
  });
  return () => {
    appless.delete(page);
    release();
  };
}

function waitsForApp(page: Page) {
  const goto = page.goto.bind(page);
  page.goto = async (url, options) => {
    const response = await goto(url, options);
    const base = new URL(page.url());
    const ours = new URL(url, base).origin === new URL(process.env.ASCEND_BASE_URL!).origin;
    const html = response?.headers()["content-type"]?.startsWith("text/html") ?? false;
    if (ours && html && !appless.has(page)) {
      await page.locator(APP_READY).waitFor({ state: "attached" });
    }
    return response;
  };
  return page;
}

export const test = base.extend({
  // A page without JavaScript never starts the app: nothing to wait for.
  context: async ({ context, javaScriptEnabled }, use) => {
    if (javaScriptEnabled !== false) context.on("page", waitsForApp);
    await use(context);
  },
  page: async ({ page, javaScriptEnabled }, use) => {
    await use(javaScriptEnabled === false ? page : waitsForApp(page));
  },
});
