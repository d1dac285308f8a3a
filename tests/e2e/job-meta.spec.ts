import { expect, test, type Request } from "./fixtures";
import { JobHead } from "./job-meta.pages";
import { CLOSED_SLUG, JobPage, JobsListPage, SHOWCASE } from "./pages";

const SHOWCASE_TITLE = `${SHOWCASE.title} at ${SHOWCASE.company} · Ascend`;

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the showcase job's HTML carries its title, description, OpenGraph and JSON-LD", async ({ page, baseURL }) => {
    const response = await page.goto(`/jobs/${SHOWCASE.slug}`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["cache-control"]).toBe("no-cache");
    const head = new JobHead(page);
    const url = `${baseURL}/jobs/${SHOWCASE.slug}`;

    await expect(page).toHaveTitle(SHOWCASE_TITLE);
    const description = await head.meta("description");
    expect(description).toContain(`${SHOWCASE.title} at ${SHOWCASE.company}, Remote in EMEA, full-time.`);
    expect(description!.length).toBeLessThanOrEqual(160);
    expect(await head.count('meta[name="description"]')).toBe(1);
    expect(await head.canonical()).toBe(url);
    expect(await head.meta("og:type")).toBe("website");
    // OpenGraph names the site in og:site_name, so its title is the job's own.
    expect(await head.meta("og:title")).toBe(`${SHOWCASE.title} at ${SHOWCASE.company}`);
    expect(await head.meta("og:description")).toBe(description);
    expect(await head.meta("og:url")).toBe(url);
    expect(await head.meta("og:site_name")).toBe("Ascend");
    expect(await head.meta("twitter:card")).toBe("summary");
    expect(await head.meta("twitter:title")).toBe(`${SHOWCASE.title} at ${SHOWCASE.company}`);

    const blocks = await head.jsonLd();
    expect(blocks).toHaveLength(1);
    const posting = blocks[0] as Record<string, any>;
    expect(posting["@context"]).toBe("https://schema.org");
    expect(posting["@type"]).toBe("JobPosting");
    expect(posting.title).toBe(SHOWCASE.title);
    expect(posting.description).toContain("<h3>What you will do</h3>");
    expect(posting.datePosted).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(posting.validThrough).toMatch(/^\d{4}-\d{2}-\d{2}T23:59:59Z$/);
    expect(posting.hiringOrganization).toMatchObject({ "@type": "Organization", name: SHOWCASE.company });
    expect(posting.jobLocationType).toBe("TELECOMMUTE");
    expect(posting.applicantLocationRequirements).toEqual(expect.arrayContaining(["SE", "GB", "DE", "AE", "ZA"].map((name) => ({ "@type": "Country", name }))));
    expect(posting.employmentType).toBe("FULL_TIME");
    expect(posting.identifier).toEqual({ "@type": "PropertyValue", name: SHOWCASE.company, value: SHOWCASE.slug });
    expect(posting.baseSalary.value).toMatchObject({ "@type": "QuantitativeValue", unitText: "YEAR" });
  });
});

test("the first load renders the job from the page itself, without asking the API", async ({ page }) => {
  const jobRequests: Request[] = [];
  page.on("request", (request) => {
    // The job itself; its similar jobs load separately, after it.
    if (new URL(request.url()).pathname === `/api/jobs/${SHOWCASE.slug}`) jobRequests.push(request);
  });
  const job = new JobPage(page);
  await job.open(SHOWCASE.slug);
  await expect(job.title).toHaveText(SHOWCASE.title);
  await expect(page).toHaveTitle(SHOWCASE_TITLE);
  expect(jobRequests.map((r) => r.url())).toEqual([]);

  // The job page's own app keeps the head the server wrote, one of each.
  const head = new JobHead(page);
  expect(await head.count('meta[name="description"]')).toBe(1);
  expect(await head.count('link[rel="canonical"]')).toBe(1);
  expect(await head.canonical()).toBe(new URL(`/jobs/${SHOWCASE.slug}`, page.url()).href);
  const blocks = await head.jsonLd();
  expect(blocks.map((b) => b.title)).toEqual([SHOWCASE.title]);
});

test("a job page loads its own small app, and its links load the whole app", async ({ page }) => {
  const wasm: string[] = [];
  page.on("response", (response) => {
    const path = new URL(response.url()).pathname;
    if (path.endsWith(".wasm")) wasm.push(path);
  });
  const job = new JobPage(page);
  await job.open(SHOWCASE.slug);
  await expect(job.title).toHaveText(SHOWCASE.title);
  expect(wasm).toHaveLength(1);
  expect(wasm[0]).toMatch(/^\/job\/job-[0-9a-f]+_bg\.wasm$/);
  // Its own stylesheet styles the site's frame too: the footer's links are
  // laid out as on every other page, each a 44 px target.
  const footerLinks = page.getByRole("navigation", { name: "About Ascend" }).getByRole("link");
  await expect(footerLinks).toHaveText(["Terms of Service", "Privacy Policy", "Embed jobs"]);
  for (const box of await footerLinks.evaluateAll((links) => links.map((a) => a.getBoundingClientRect().toJSON()))) {
    expect(box.height).toBeGreaterThanOrEqual(44);
  }

  // The breadcrumb's "Jobs" leaves for the list, which the whole app draws.
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Jobs" }).click();
  const list = new JobsListPage(page);
  await expect(list.heading).toBeVisible();
  // The server drew the list; the whole app's wasm follows the first paint.
  await page.locator("html[data-app-ready]").waitFor({ state: "attached" });
  expect(wasm).toHaveLength(2);
  expect(wasm[1]).toMatch(/^\/ascend-[0-9a-f]+_bg\.wasm$/);
  // And the whole app shows jobs too, without loading the page again.
  await list.items.first().getByRole("link").click();
  await expect(job.title).toBeVisible();
  expect(wasm).toHaveLength(2);
});

test("navigating from the list to a job fetches it and updates the head", async ({ page }) => {
  const list = new JobsListPage(page);
  await list.open();
  const link = list.items.first().getByRole("link");
  const title = (await link.textContent())!.trim();
  const slug = (await link.getAttribute("href"))!.split("/").pop()!;
  const fetched = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/jobs/${slug}`);
  await link.click();

  expect((await fetched).status()).toBe(200);
  const job = new JobPage(page);
  await expect(job.title).toHaveText(title);
  await expect(page).toHaveTitle(new RegExp(` · Ascend$`));
  const head = new JobHead(page);
  await expect.poll(() => head.canonical()).toBe(new URL(`/jobs/${slug}`, page.url()).href);
  // The job's description replaced the shell's site-wide one.
  expect(await head.count('meta[name="description"]')).toBe(1);
  expect(await head.meta("description")).toContain(` at `);
  await expect.poll(async () => (await head.jsonLd()).map((b) => b.title)).toEqual([title]);

  // Back on the list, the job's tags leave with it.
  await page.goBack();
  await expect(list.heading).toBeVisible();
  await expect.poll(async () => (await head.jsonLd()).length).toBe(0);
});

test("a closed job answers 410 and shows its notice, kept out of search", async ({ page }) => {
  const response = await page.goto(`/jobs/${CLOSED_SLUG}`);
  expect(response?.status()).toBe(410);
  expect(response?.headers()["cache-control"]).toBe("no-cache");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This job is closed");
  await expect(page).toHaveTitle("This job is closed · Ascend");
  await expect(page.locator('head meta[name="robots"][content="noindex"]')).toHaveCount(1);
  expect(await new JobHead(page).jsonLd()).toEqual([]);
});

test("an unknown job answers 404 and shows the not-found page", async ({ page }) => {
  const response = await page.goto("/jobs/no-such-job-anywhere");
  expect(response?.status()).toBe(404);
  expect(response?.headers()["cache-control"]).toBe("no-cache");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We could not find that page");
  await expect(page.locator('head meta[name="robots"][content="noindex"]')).toHaveCount(1);
});
