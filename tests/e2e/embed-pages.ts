// Page objects and fixtures for the embeddable job widget: a partner's
// site on a second loopback origin (another port), a hostile site on a
// third, and what a test may do with the widgets in them.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, type Frame, type Locator, type Page } from "@playwright/test";

export const ASCEND = (process.env.ASCEND_BASE_URL ?? "").replace(/\/$/, "");
export const SHOWCASE_SLUG = "backend-engineer-personalization-cadence";
export const PARTNER_COMPANY = "cadence";
export const LIST_LIMIT = 3;
export const DYNAMIC_LIMIT = 2;

/** A tiny static site on 127.0.0.1 and a port of its own: its own origin. */
export class Site {
  private constructor(
    private readonly server: Server,
    readonly origin: string,
  ) {}

  static async start(pages: Record<string, string>): Promise<Site> {
    const server = createServer((request, response) => {
      const path = new URL(request.url ?? "/", "http://x").pathname;
      const body = pages[path];
      if (body === undefined) {
        response.writeHead(404).end("not found");
        return;
      }
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return new Site(server, `http://127.0.0.1:${port}`);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The partner's page: its own heading and script, two widgets near the
 * top, one far down the page, and the loader from Ascend. */
export function partnerPage(ascend: string, hostile: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Acme careers</title>
<style>body{font-family:sans-serif;margin:0;padding:16px}main{max-width:960px;margin:auto}</style></head>
<body><main>
<h1>Work at Acme</h1>
<p><button id="host-button" type="button">Count</button> <output id="host-count">0</output></p>
<script>document.getElementById("host-button").addEventListener("click",function(){var o=document.getElementById("host-count");o.textContent=String(Number(o.textContent)+1)});</script>
<section id="list-section"><h2>Our open jobs</h2>
<div id="list-widget" data-ascend-jobs data-company="${PARTNER_COMPANY}" data-limit="${LIST_LIMIT}" data-theme="light"><a href="${ascend}/jobs?company=${PARTNER_COMPANY}">Our jobs on Ascend</a></div></section>
<section><h2>Featured</h2><div id="job-widget" data-ascend-job="${SHOWCASE_SLUG}" data-accent="#0a7c4a"></div></section>
<section id="dynamic-section"><h2>Remote</h2></section>
<iframe id="hostile-frame" title="Ads" src="${hostile}/hostile.html" style="width:300px;height:60px;border:0"></iframe>
<div style="height:4000px" aria-hidden="true"></div>
<section><h2>Far below</h2><div id="far-widget" data-ascend-jobs data-limit="1"></div></section>
</main>
<script src="${ascend}/embed.js" async></script>
</body></html>`;
}

/** A third origin's page, framed by the partner's, that posts a fake
 * height to its parent whenever asked. */
export const HOSTILE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ads</title></head>
<body><p>Ad</p><script>
window.addEventListener("message", function (e) {
  if (e.data === "attack") parent.postMessage({ type: "ascend:height", height: 4321 }, "*");
});
</script></body></html>`;

export class PartnerPage {
  readonly hostButton: Locator;
  readonly hostCount: Locator;

  constructor(
    readonly page: Page,
    readonly origin: string,
  ) {
    this.hostButton = page.locator("#host-button");
    this.hostCount = page.locator("#host-count");
  }

  async open() {
    await this.page.goto(`${this.origin}/partner.html`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Work at Acme" })).toBeVisible();
  }

  iframe(placeholder: string): Locator {
    return this.page.locator(`#${placeholder} iframe`);
  }

  /** The widget's document, once its iframe is there. */
  async frame(placeholder: string): Promise<Frame> {
    const handle = await this.iframe(placeholder).elementHandle({ timeout: 10_000 });
    const frame = await handle!.contentFrame();
    expect(frame, `${placeholder} has a frame`).not.toBeNull();
    return frame!;
  }

  /** Adds a third widget after the page has loaded, as a partner's
   * single-page app would. */
  async addRemoteWidget() {
    await this.page.evaluate((limit) => {
      const div = document.createElement("div");
      div.id = "dynamic-widget";
      div.setAttribute("data-ascend-jobs", "");
      div.setAttribute("data-remote", "true");
      div.setAttribute("data-limit", String(limit));
      div.setAttribute("data-theme", "dark");
      document.getElementById("dynamic-section")!.appendChild(div);
    }, DYNAMIC_LIMIT);
  }

  /** The iframe's height on the host page, in CSS pixels. */
  async frameHeight(placeholder: string): Promise<number> {
    return this.iframe(placeholder).evaluate((el) => el.getBoundingClientRect().height);
  }

  /** Posts a fake height message from the host page itself. */
  async postFakeHeightFromHost() {
    await this.page.evaluate(() => window.postMessage({ type: "ascend:height", height: 4321 }, "*"));
  }

  /** Asks the third-origin frame to post a fake height to this page. */
  async postFakeHeightFromThirdOrigin() {
    await this.page.evaluate(() => {
      const frame = document.getElementById("hostile-frame") as HTMLIFrameElement;
      frame.contentWindow!.postMessage("attack", "*");
    });
  }

  /** From now on, notes whether the frame with this id (now or later)
   * has posted a message to the host page: see `reported`. */
  async watchMessagesFrom(id: string) {
    await this.page.evaluate((id) => {
      const seen = ((window as any).__reported ??= {}) as Record<string, boolean>;
      seen[id] = false;
      window.addEventListener("message", (event: MessageEvent) => {
        const frame = document.getElementById(id) as HTMLIFrameElement | null;
        if (frame && event.source === frame.contentWindow) seen[id] = true;
      });
    }, id);
  }

  /** Whether the watched frame has posted a message yet. */
  async reported(id: string): Promise<boolean> {
    return this.page.evaluate((id) => (window as any).__reported?.[id] === true, id);
  }

  /** Brings the frame into view and changes its width, so that its widget
   * lays out again and reports its height: Chromium runs no resize
   * observer of a frame out of view, and a report may have come before. */
  async nudgeFrame(id: string) {
    await this.page.evaluate((id) => {
      const frame = document.getElementById(id) as HTMLIFrameElement;
      frame.scrollIntoView({ block: "center" });
      frame.style.width = frame.style.width === "90%" ? "100%" : "90%";
    }, id);
  }

  /** An Ascend widget framed by the host page itself, not by embed.js: its
   * messages come from Ascend's origin but from no frame embed.js made. */
  async addRogueAscendFrame(ascend: string) {
    await this.page.evaluate((src) => {
      const frame = document.createElement("iframe");
      frame.id = "rogue-frame";
      frame.title = "Rogue";
      frame.src = src;
      document.body.appendChild(frame);
    }, `${ascend}/widget/?limit=20`);
  }
}

/** What a widget's document shows. */
export class Widget {
  constructor(readonly frame: Frame) {}

  cards(): Locator {
    return this.frame.locator(".embed-card:not(.embed-card--skeleton)");
  }

  cardTitles(): Locator {
    return this.frame.locator(".embed-card__title a");
  }

  state(name: string): Locator {
    return this.frame.locator(`[data-state="${name}"]`);
  }

  /** The document's own scroll height and its viewport height. */
  async sizes(): Promise<{ scroll: number; client: number }> {
    return this.frame.evaluate(() => ({
      scroll: document.documentElement.scrollHeight,
      client: document.documentElement.clientHeight,
    }));
  }
}

export class EmbedDocsPage {
  readonly heading: Locator;
  readonly snippet: Locator;
  readonly preview: Locator;
  readonly problem: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Embed jobs on your site" });
    this.snippet = page.getByTestId("embed-snippet");
    this.preview = page.locator("iframe.embed-builder__preview");
    this.problem = page.locator(".embed-builder__problem");
  }

  async open() {
    await this.page.goto("/embed");
    await expect(this.heading).toBeVisible();
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  previewFrame() {
    return this.page.frameLocator("iframe.embed-builder__preview");
  }
}
