// Page object for what a job page says about itself in its <head>: what
// crawlers, link previews and search engines read.
import { type Page } from "@playwright/test";

export class JobHead {
  constructor(readonly page: Page) {}

  async meta(key: string): Promise<string | null> {
    const attribute = key.startsWith("og:") ? "property" : "name";
    const tags = this.page.locator(`head meta[${attribute}="${key}"]`);
    return (await tags.count()) === 0 ? null : tags.first().getAttribute("content");
  }

  async count(selector: string): Promise<number> {
    return this.page.locator(`head ${selector}`).count();
  }

  async canonical(): Promise<string | null> {
    return this.page.locator('head link[rel="canonical"]').first().getAttribute("href");
  }

  /// Every JSON-LD block on the page, parsed.
  async jsonLd(): Promise<Array<Record<string, unknown>>> {
    const texts = await this.page.locator('script[type="application/ld+json"]').allTextContents();
    return texts.map((text) => JSON.parse(text));
  }
}

/// Serves `/jobs/{slug}` without the job's inlined JSON and without the
/// server's first paint of it, so the app asks the API and shows its
/// skeleton as it does after a client-side navigation: for tests of
/// loading, failing and retrying.
export async function withoutInlinedJob(page: Page, slug: string) {
  await page.route(
    (url) => url.pathname === `/jobs/${slug}`,
    async (route) => {
      const response = await route.fetch();
      const body = (await response.text())
        .replace(/<script id="ascend-job"[^>]*>.*?<\/script>/s, "")
        .replace(/<div id="ascend-first-paint".*?<\/main><\/div>/s, "");
      await route.fulfill({ response, body });
    },
  );
}
