import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DataDictionarySchema, ProvenanceSchema, type Provenance } from "@alignment-trends/schema";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { parseCsv } from "../support/parseCsv";
import { readParquet } from "../support/readParquet";

interface CodeTrend {
  series: { periodStart: string; periodEnd: string; label: string; papers: number; withCode: number; codeShare: number | null; hosts: Record<string, number> }[];
  hosts: string[];
  build: { buildId: string; builtAt: string };
  provenance: Provenance;
}

interface PaperListJson {
  total: number;
  papers: { id: string; title: string; topics: string[]; authorsCount: number | null }[];
  provenance: Provenance;
}

/** Clicks a link that downloads a file and returns the file's name and bytes. */
async function download(page: Page, link: Locator): Promise<{ name: string; bytes: Buffer; path: string }> {
  const downloadPromise = page.waitForEvent("download");
  await link.click();
  const file = await downloadPromise;
  const path = (await file.path())!;
  return { name: file.suggestedFilename(), bytes: readFileSync(path), path };
}

/** Splits downloaded CSV bytes into the header and the data rows, after checking the byte order mark. */
function readCsv(bytes: Buffer): { header: string[]; rows: string[][] } {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = parseCsv(bytes.subarray(3).toString("utf8"));
  return { header: header!, rows };
}

test.describe("chart downloads", () => {
  const QUERY = "metric=code&bucket=year";

  test("code card CSV matches the API", async ({ page }) => {
    const api = (await (await page.request.get(`/api/v1/trends?${QUERY}`)).json()) as CodeTrend;
    await page.goto("/?bucket=year");
    const card = page.getByTestId("card-code");

    const csv = await download(page, card.locator(".downloads").getByRole("link", { name: "CSV" }));
    expect(csv.name).toBe("alignment-trends_code-share_year.csv");
    const { header, rows } = readCsv(csv.bytes);
    expect(header).toEqual([
      "period_start", "period_end", "period", "papers", "with_code", "code_share", ...api.hosts.map((host) => `host_${host}`), "date_basis",
    ]);
    expect(rows).toHaveLength(api.series.length);
    expect(rows).toEqual(
      api.series.map((point) => [
        point.periodStart, point.periodEnd, point.label, String(point.papers), String(point.withCode), point.codeShare === null ? "" : String(point.codeShare),
        ...api.hosts.map((host) => String(point.hosts[host])), "first listed, else published",
      ]),
    );
    expect(rows.reduce((sum, row) => sum + Number(row[3]), 0)).toBe(3382);
  });

  test("code card JSON carries provenance", async ({ page }) => {
    await page.goto("/?bucket=year");
    const href = (await page.getByTestId("card-code").getByRole("link", { name: "JSON" }).getAttribute("href"))!;
    expect(href).toBe(`/api/v1/trends?${QUERY}&format=json`);

    const body = (await (await page.request.get(href)).json()) as CodeTrend;
    const api = (await (await page.request.get(`/api/v1/trends?${QUERY}`)).json()) as CodeTrend;
    expect(body.series).toEqual(api.series);
    const provenance = ProvenanceSchema.parse(body.provenance);
    expect(provenance.request).toBe(href);
    expect(provenance.options).toEqual({ metric: "code", bucket: "year" });
    expect(provenance.bucket).toBe("year");
    expect(provenance.dateBasis).toBe("first listed, else published");
    expect(provenance.database).toEqual({ buildId: api.build.buildId, builtAt: api.build.builtAt });
    expect(provenance.taxonomyVersion).toMatch(/^\d{4}\.\d+\.\d+$/u);
    expect(provenance.filters).toEqual({
      from: null, to: null, scope: null, topic: [], hasCode: null, codeHost: null, minUpvotes: null, minAuthors: null, maxAuthors: null,
      q: null, term: [], allTopics: [], dateBasis: "listed", upvoteBasis: "latest",
    });
  });

  test("code card Parquet reads back in DuckDB", async ({ page }) => {
    const api = (await (await page.request.get(`/api/v1/trends?${QUERY}`)).json()) as CodeTrend;
    await page.goto("/?bucket=year");

    const parquet = await download(page, page.getByTestId("card-code").getByRole("link", { name: "Parquet" }));
    expect(parquet.name).toBe("alignment-trends_code-share_year.parquet");
    const contents = await readParquet(parquet.path);
    expect(contents.columns.slice(0, 6)).toEqual([
      { name: "period_start", type: "DATE" },
      { name: "period_end", type: "DATE" },
      { name: "period", type: "VARCHAR" },
      { name: "papers", type: "INTEGER" },
      { name: "with_code", type: "INTEGER" },
      { name: "code_share", type: "DOUBLE" },
    ]);
    expect(contents.rows).toHaveLength(api.series.length);
    expect(contents.rows.map((row) => [row.period_start, row.papers, row.with_code, row.code_share])).toEqual(
      api.series.map((point) => [point.periodStart, point.papers, point.withCode, point.codeShare]),
    );

    const provenance = ProvenanceSchema.parse(JSON.parse(contents.metadata.provenance!));
    expect(provenance.request).toBe(`/api/v1/trends?${QUERY}&format=parquet`);
    expect(provenance.database.buildId).toBe(api.build.buildId);
    expect(contents.metadata.table).toBe("code-share");
    expect((JSON.parse(contents.metadata.columns!) as { name: string }[]).map((column) => column.name)).toEqual(contents.columns.map((column) => column.name));
  });

  test("provenance link describes the CSV", async ({ page }) => {
    await page.goto("/?bucket=year");
    const card = page.getByTestId("card-code");
    const href = (await card.getByRole("link", { name: "Provenance" }).getAttribute("href"))!;
    expect(href).toBe(`/api/v1/trends?${QUERY}&format=provenance`);

    const csvResponse = await page.request.get((await card.getByRole("link", { name: "CSV" }).getAttribute("href"))!);
    expect(csvResponse.headers().link).toBe(`<${href}>; rel="describedby"; type="application/json"`);
    const { header } = readCsv(await csvResponse.body());
    const sidecar = (await (await page.request.get(href)).json()) as { provenance: Provenance; table: { name: string; columns: { name: string }[] } };
    expect(sidecar.table.name).toBe("code-share");
    expect(sidecar.table.columns.map((column) => column.name)).toEqual(header);
    expect(ProvenanceSchema.parse(sidecar.provenance).request).toBe(href);
  });
});

test.describe("paper list downloads", () => {
  const FILTER = "topic=safety";

  async function fetchWholeList(page: Page): Promise<PaperListJson> {
    return (await (await page.request.get(`/api/v1/papers?${FILTER}&limit=500`)).json()) as PaperListJson;
  }

  test("links offer the whole list, not the page", async ({ page }) => {
    const api = await fetchWholeList(page);
    expect(api.total).toBeGreaterThan(50);
    await page.goto(`/papers?${FILTER}`);
    await expect(page.getByTestId("paper-list").locator("li")).toHaveCount(50);
    const downloads = page.getByTestId("paper-list-downloads");
    await expect(downloads).toContainText(`Download all ${api.total} papers:`);
    await expect(downloads.getByRole("link", { name: "JSON" })).toHaveAttribute("href", `/api/v1/papers?${FILTER}&sort=date&order=desc&limit=all&format=json`);
  });

  test("CSV holds every paper of the filter", async ({ page }) => {
    const api = await fetchWholeList(page);
    await page.goto(`/papers?${FILTER}`);

    const csv = await download(page, page.getByTestId("paper-list-downloads").getByRole("link", { name: "CSV" }));
    expect(csv.name).toBe("alignment-trends_paper-list_by-date-desc_topic-safety.csv");
    const { header, rows } = readCsv(csv.bytes);
    expect(header).toEqual([
      "id", "arxiv_id", "title", "published_on", "published_precision", "listed_on", "authors_count", "upvotes", "upvotes_first_week",
      "code_url", "scope", "topics",
    ]);
    expect(rows).toHaveLength(api.total);
    expect(rows.map((row) => row[0])).toEqual(api.papers.map((paper) => paper.id));
    expect(rows.map((row) => row[11])).toEqual(api.papers.map((paper) => paper.topics.join(";")));
  });

  test("JSON holds every paper with provenance", async ({ page }) => {
    const api = await fetchWholeList(page);
    await page.goto(`/papers?${FILTER}`);
    const href = (await page.getByTestId("paper-list-downloads").getByRole("link", { name: "JSON" }).getAttribute("href"))!;

    const body = (await (await page.request.get(href)).json()) as PaperListJson;
    expect(body.total).toBe(api.total);
    expect(body.papers).toEqual(api.papers);
    const provenance = ProvenanceSchema.parse(body.provenance);
    expect(provenance.rows).toEqual({ total: api.total, included: api.total, offset: 0, limit: 100_000, truncated: false });
    expect(provenance.filters.topic).toEqual(["safety"]);
    expect(provenance.options).toEqual({ sort: "date", order: "desc", limit: "all", offset: 0 });
    expect(provenance.request).toBe(href);
  });

  test("Parquet holds every paper with typed columns", async ({ page }) => {
    const api = await fetchWholeList(page);
    await page.goto(`/papers?${FILTER}`);

    const parquet = await download(page, page.getByTestId("paper-list-downloads").getByRole("link", { name: "Parquet" }));
    expect(parquet.name).toBe("alignment-trends_paper-list_by-date-desc_topic-safety.parquet");
    const contents = await readParquet(parquet.path);
    expect(contents.columns).toEqual([
      { name: "id", type: "VARCHAR" },
      { name: "arxiv_id", type: "VARCHAR" },
      { name: "title", type: "VARCHAR" },
      { name: "published_on", type: "DATE" },
      { name: "published_precision", type: "VARCHAR" },
      { name: "listed_on", type: "DATE" },
      { name: "authors_count", type: "INTEGER" },
      { name: "upvotes", type: "INTEGER" },
      { name: "upvotes_first_week", type: "INTEGER" },
      { name: "code_url", type: "VARCHAR" },
      { name: "scope", type: "VARCHAR" },
      { name: "topics", type: "VARCHAR[]" },
    ]);
    expect(contents.rows).toHaveLength(api.total);
    expect(contents.rows.map((row) => [row.id, row.title, row.authors_count, row.topics])).toEqual(
      api.papers.map((paper) => [paper.id, paper.title, paper.authorsCount, paper.topics]),
    );
    const provenance = ProvenanceSchema.parse(JSON.parse(contents.metadata.provenance!));
    expect(provenance.rows).toEqual({ total: api.total, included: api.total, offset: 0, limit: 100_000, truncated: false });
  });
});

test.describe("dataset download", () => {
  const TABLES = [
    "topics", "papers-per-period", "authors-per-paper", "team-sizes", "code-share", "upvotes", "scope-shares", "topic-cooccurrence", "paper-list",
  ];

  test("ZIP holds every table and its dictionary", async ({ page }) => {
    await page.goto("/?bucket=year&topic=rlhf");
    const link = page.getByRole("link", { name: "Download the whole dataset" });
    await expect(link).toHaveAttribute("href", "/api/v1/dataset?topic=rlhf&bucket=year");

    const archive = await download(page, link);
    const folder = "alignment-trends_dataset_topic-rlhf_year";
    expect(archive.name).toBe(`${folder}.zip`);
    const files = unzipSync(new Uint8Array(archive.bytes));
    const expected = [
      `${folder}/`,
      `${folder}/provenance.json`,
      `${folder}/data-dictionary.json`,
      `${folder}/DATA-DICTIONARY.md`,
      ...TABLES.flatMap((table) => [`${folder}/${table}.csv`, `${folder}/${table}.parquet`]),
    ];
    expect(Object.keys(files).sort()).toEqual(expected.sort());

    // The dictionary lists every file, and each table's columns are those of its CSV and Parquet file.
    const dictionary = DataDictionarySchema.parse(JSON.parse(strFromU8(files[`${folder}/data-dictionary.json`]!)));
    expect(dictionary.files.map((file) => `${folder}/${file.path}`).sort()).toEqual(expected.filter((path) => !path.endsWith("/")).sort());
    for (const file of dictionary.files.filter((entry) => entry.format === "csv")) {
      const { header, rows } = readCsv(Buffer.from(files[`${folder}/${file.path}`]!));
      expect(header, file.path).toEqual(file.columns.map((column) => column.name));
      expect(rows, file.path).toHaveLength(file.rows!);
      for (const column of file.columns) {
        expect(column.description.length, `${file.path} ${column.name}`).toBeGreaterThan(0);
      }
    }
    const markdown = strFromU8(files[`${folder}/DATA-DICTIONARY.md`]!);
    for (const table of TABLES) expect(markdown).toContain(`## ${table}\n`);

    // The tables agree with the API under the same filters.
    const papers = (await (await page.request.get("/api/v1/papers?topic=rlhf&limit=1")).json()) as PaperListJson;
    expect(dictionary.files.find((file) => file.path === "paper-list.parquet")!.rows).toBe(papers.total);
    const provenance = ProvenanceSchema.parse(JSON.parse(strFromU8(files[`${folder}/provenance.json`]!)));
    expect(provenance).toEqual(dictionary.provenance);
    expect(provenance.request).toBe("/api/v1/dataset?topic=rlhf&bucket=year");
    expect(provenance.rows).toEqual({ total: papers.total, included: papers.total, offset: 0, limit: 100_000, truncated: false });

    const trend = (await (await page.request.get("/api/v1/trends?metric=code&bucket=year&topic=rlhf")).json()) as CodeTrend;
    const { rows: codeRows } = readCsv(Buffer.from(files[`${folder}/code-share.csv`]!));
    expect(codeRows.map((row) => [row[0], Number(row[3]), Number(row[4])])).toEqual(trend.series.map((point) => [point.periodStart, point.papers, point.withCode]));
  });

  test("ZIP Parquet files read back in DuckDB", async ({ request }) => {
    const response = await request.get("/api/v1/dataset?topic=rlhf&bucket=year");
    expect(response.headers()["content-type"]).toBe("application/zip");
    const files = unzipSync(new Uint8Array(await response.body()));
    const folder = "alignment-trends_dataset_topic-rlhf_year";
    const dictionary = DataDictionarySchema.parse(JSON.parse(strFromU8(files[`${folder}/data-dictionary.json`]!)));

    const scratch = mkdtempSync(join(tmpdir(), "dataset-e2e-"));
    try {
      for (const file of dictionary.files.filter((entry) => entry.format === "parquet")) {
        const path = join(scratch, file.path);
        writeFileSync(path, files[`${folder}/${file.path}`]!);
        const contents = await readParquet(path);
        expect(contents.columns, file.path).toEqual(file.columns.map((column) => ({ name: column.name, type: column.type })));
        expect(contents.rows, file.path).toHaveLength(file.rows!);
        expect(JSON.parse(contents.metadata.provenance!), file.path).toEqual(dictionary.provenance);
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
