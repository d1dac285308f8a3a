// Profiles and page objects for match scores: the job page's block, and the
// pills on list items and similar-jobs cards.
import { expect, type Locator, type Page } from "@playwright/test";

// Fits the showcase job (mid-level, remote within EMEA, €70–90k, Java and
// friends) in every part.
export const FITTING = {
  version: 2,
  agreed_on: "2026-11-20",
  roles: ["Backend engineer"],
  skills: ["Java", "Kotlin", "Python", "Kubernetes", "Elasticsearch", "Distributed systems", "Recommender systems", "gRPC", "PostgreSQL"],
  seniority: "mid",
  work_models: ["remote"],
  locations: [],
  remote_regions: ["EMEA"],
  salary: { amount: 60000, currency: "GBP", period: "year" },
  status: "open",
};

/** Words of FITTING that must never leave the device. */
export const PRIVATE_WORDS = ["Recommender", "GBP", "60000", "Backend%20engineer", "Backend engineer", "Kubernetes"];

/** Records every request's address and body. */
export function watchRequests(page: Page): string[] {
  const requests: string[] = [];
  page.on("request", (request) => requests.push(`${request.url()} ${request.postData() ?? ""}`));
  return requests;
}

export function expectNothingPrivate(requests: string[]) {
  for (const word of PRIVATE_WORDS) {
    expect(requests.filter((r) => r.includes(word)), word).toEqual([]);
  }
}

/** The number in a "Match 82" pill inside `scope`. */
export async function badgeScore(scope: Locator): Promise<number> {
  const badge = scope.locator(".match-badge");
  await expect(badge).toHaveText(/Match \d+/);
  const text = (await badge.locator("[aria-hidden=true]").textContent()) ?? "";
  return Number(text.replace("Match ", ""));
}

/** The /jobs list and its order switch. */
export class JobsList {
  readonly items: Locator;
  readonly newest: Locator;
  readonly forYou: Locator;

  constructor(readonly page: Page) {
    this.items = page.locator(".job-list:not([aria-busy]) > li");
    const order = page.getByRole("navigation", { name: "Order of jobs" });
    this.newest = order.getByRole("link", { name: "Newest" });
    this.forYou = order.getByRole("link", { name: "For you" });
  }

  slug(item: Locator): Promise<string | null> {
    return item.getByRole("link").first().getAttribute("href");
  }

  async scores(): Promise<number[]> {
    const scores: number[] = [];
    for (const item of await this.items.all()) scores.push(await badgeScore(item));
    return scores;
  }
}
