import { expect, test, type Page } from "@playwright/test";

interface Cooccurrence {
  topics: { id: string; label: string }[];
  counts: number[][];
}

async function fetchCooccurrence(page: Page, query = ""): Promise<Cooccurrence> {
  const response = await page.request.get(`/api/v1/cooccurrence${query}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as Cooccurrence;
}

/** Reads the total a paper list reports, "1–50 of 1,573 papers" or "No papers match". */
async function listedTotal(page: Page): Promise<number> {
  const text = (await page.getByTestId("paper-count").textContent()) ?? "";
  const match = /of ([\d,]+) papers/u.exec(text);
  return match ? Number(match[1]!.replace(/,/gu, "")) : 0;
}

test.describe("topics page", () => {
  test("lists every topic with the papers the co-occurrence diagonal counts", async ({ page }) => {
    const { topics, counts } = await fetchCooccurrence(page);
    await page.goto("/topics");
    await expect(page.getByRole("heading", { level: 1, name: "Topics" })).toBeVisible();
    const rows = page.getByTestId("topic-overview").locator("tbody tr");
    await expect(rows).toHaveCount(topics.length);
    for (const [index, topic] of topics.entries()) {
      await expect(rows.nth(index).locator("th")).toHaveText(topic.label);
      await expect(rows.nth(index).locator("td").nth(1)).toHaveText(counts[index]![index]!.toLocaleString("en"));
    }
  });

  test("draws the alignment share of the feed with the other senses apart", async ({ page }) => {
    await page.goto("/topics?bucket=quarter");
    const lines = page.locator('[data-testid="chart-scope-shares"] .recharts-line-curve');
    await expect(lines).toHaveCount(2);
    await expect(page.locator('[data-testid="chart-scope-shares"] .recharts-legend-item-text')).toHaveText([
      "Alignment research",
      "Other senses of “alignment”",
    ]);
  });

  test("a co-occurrence cell lists exactly the papers it counts", async ({ page }) => {
    const { topics, counts } = await fetchCooccurrence(page);
    let best = { row: 0, column: 1 };
    for (let row = 0; row < topics.length; row += 1) {
      for (let column = row + 1; column < topics.length; column += 1) {
        if (counts[row]![column]! > counts[best.row]![best.column]!) best = { row, column };
      }
    }
    const expected = counts[best.row]![best.column]!;
    expect(expected).toBeGreaterThan(0);

    await page.goto("/topics");
    const cell = page.getByTestId("cooccurrence").locator("tbody tr").nth(best.row).locator("td").nth(best.column);
    await expect(cell).toHaveText(expected.toLocaleString("en"));
    await cell.locator("a").click();
    await expect(page).toHaveURL(new RegExp(`/papers\\?allTopics=${topics[best.row]!.id}%2C${topics[best.column]!.id}$`, "u"));
    expect(await listedTotal(page)).toBe(expected);
    await expect(page.getByRole("group", { name: "Also narrowed by" })).toContainText(
      `All of: ${topics[best.row]!.label} + ${topics[best.column]!.label}`,
    );
  });

  test("the narrowing chip removes the topic pair from the list", async ({ page }) => {
    const { topics } = await fetchCooccurrence(page);
    await page.goto(`/papers?allTopics=${topics[0]!.id},${topics[1]!.id}`);
    await page.getByRole("link", { name: /^Remove All of:/u }).click();
    await expect(page).toHaveURL(/\/papers\?sort=date&order=desc$/u);
    await expect(page.getByRole("group", { name: "Also narrowed by" })).toHaveCount(0);
  });
});

test.describe("topic page", () => {
  test("shows the topic's figures, charts and rules", async ({ page }) => {
    const { topics, counts } = await fetchCooccurrence(page);
    const index = topics.findIndex((topic) => topic.id === "rlhf");
    await page.goto("/topics/rlhf");
    await expect(page.getByRole("heading", { level: 1, name: topics[index]!.label })).toBeVisible();
    await expect(page).toHaveTitle(`${topics[index]!.label} · Alignment Trends`);
    await expect(page.getByTestId("headline").locator("div").first()).toHaveText(`Papers${counts[index]![index]!.toLocaleString("en")}`);
    for (const card of ["topics", "authors", "code", "upvotes"]) {
      const marks = page.locator(`[data-testid="card-${card}"] :is(.recharts-bar-rectangle path, .recharts-line-curve)`);
      await expect(marks.first(), card).toBeVisible();
    }
    await expect(page.getByTestId("topic-rules")).toContainText("rlhf");
  });

  test("a neighbouring topic's count lists the papers with both topics", async ({ page }) => {
    await page.goto("/topics/rlhf");
    const first = page.getByTestId("card-neighbours").locator("tbody tr").first();
    const expected = Number(((await first.locator("td").textContent()) ?? "").replace(/,/gu, ""));
    await first.locator("td a").click();
    await expect(page).toHaveURL(/\/papers\?allTopics=rlhf%2C/u);
    expect(await listedTotal(page)).toBe(expected);
  });

  test("an unknown topic is not found", async ({ page }) => {
    const response = await page.goto("/topics/no-such-topic");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Topic not found" })).toBeVisible();
    await expect(page.getByRole("link", { name: "list of topics" })).toHaveAttribute("href", "/topics");
  });

  test("an upper-case topic id leads to the topic, keeping the filters", async ({ page }) => {
    await page.goto("/topics/RLHF?bucket=quarter");
    await expect(page).toHaveURL(/\/topics\/rlhf\?bucket=quarter$/u);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("RLHF and RLAIF");
  });

  test("a filter with an unknown topic shows the known ones", async ({ page }) => {
    await page.goto("/topics?allTopics=rlhf,nonsense");
    await expect(page.locator(".notice.error")).toContainText('unknown topic "nonsense"; known topics: rlhf');
  });
});

test.describe("papers page with an unknown topic", () => {
  test("names the unknown topic instead of listing nothing", async ({ page }) => {
    await page.goto("/papers?allTopics=rlhf,nonsense");
    await expect(page.locator(".notice.error")).toContainText('Invalid parameter "allTopics": unknown topic "nonsense"');
  });
});

test.describe("cooccurrence API", () => {
  test("the matrix is symmetric and the CSV holds each pair once", async ({ page }) => {
    const { topics, counts } = await fetchCooccurrence(page);
    for (let row = 0; row < topics.length; row += 1) {
      for (let column = 0; column < topics.length; column += 1) expect(counts[row]![column]).toBe(counts[column]![row]);
    }
    const csv = await (await page.request.get("/api/v1/cooccurrence?format=csv")).text();
    const lines = csv.trim().split(/\r?\n/u);
    expect(lines[0]).toBe("topic_a,topic_b,papers");
    expect(lines).toHaveLength(1 + (topics.length * (topics.length + 1)) / 2);
  });

  test("rejects an unknown topic in allTopics", async ({ page }) => {
    const response = await page.request.get("/api/v1/cooccurrence?allTopics=rlhf,nonsense");
    expect(response.status()).toBe(400);
    expect(((await response.json()) as { error: { parameter: string } }).error.parameter).toBe("allTopics");
  });
});
