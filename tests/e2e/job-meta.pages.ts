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
