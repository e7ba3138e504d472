import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { readRows, type Row } from "@alignment-trends/analytics";
import { beforeEach, describe, expect, test } from "vitest";
import { createPendingPapersTable } from "../src/database/createPendingPapersTable";
import { createSchema } from "../src/database/createSchema";
import { rebuildTermIndex } from "../src/database/rebuildTermIndex";
import { startTermMonthsUpdate, type TermMonthsLimits } from "../src/database/updateTermMonths";

/** Limits that keep every change in place and count all terms in one statement; other tests pass their own. */
const IN_PLACE: TermMonthsLimits = { rewriteShare: 1_000, sliceTerms: 1_000_000 };

let connection: DuckDBConnection;

beforeEach(async () => {
  const instance = await DuckDBInstance.create(":memory:");
  connection = await instance.connect();
  await createSchema(connection);
  await createPendingPapersTable(connection);
});

interface PaperFacts {
  title: string;
  abstract: string | null;
  listedOn: string | null;
  publishedOn?: string;
  precision?: "day" | "month" | "year";
  scope?: string;
}

async function putPaper(paperId: string, facts: PaperFacts): Promise<void> {
  await connection.run("DELETE FROM papers WHERE paper_id = $paperId", { paperId });
  await connection.run(
    `INSERT INTO papers (paper_id, title, title_key, abstract, published_on, published_precision, first_listed_on, field_sources, sightings, scope, updated_at)
     VALUES ($paperId, $title, lower($title), $abstract, $publishedOn::DATE, $precision, $listedOn::DATE,
       {'title': 1, 'abstract': CASE WHEN $abstract IS NULL THEN NULL ELSE 1 END, 'authors': NULL, 'published': 1, 'upvotes': NULL, 'code': NULL},
       1, $scope, TIMESTAMP '2026-12-05 00:00:00')`,
    {
      paperId,
      title: facts.title,
      abstract: facts.abstract,
      publishedOn: facts.publishedOn ?? facts.listedOn ?? "2025-01-01",
      precision: facts.precision ?? "day",
      listedOn: facts.listedOn,
      scope: facts.scope ?? "alignment",
    },
  );
}

/** Runs the update around a term index update, as a load does, for the pending papers. */
async function refresh(paperIds: string[], limits: TermMonthsLimits = IN_PLACE) {
  await connection.run("DELETE FROM pending_papers");
  for (const paperId of paperIds) await connection.run("INSERT INTO pending_papers VALUES ($paperId)", { paperId });
  const update = await startTermMonthsUpdate(connection, "pending", limits);
  await rebuildTermIndex(connection);
  return update.finish();
}

function countsOf(term: string) {
  return readRows(connection, {
    sql: `SELECT m.basis, CAST(m.month AS VARCHAR) AS month, m.scope, m.papers, m.title_papers
      FROM term_months m JOIN term_month_counted t USING (term_id) WHERE t.term = $term ORDER BY ALL`,
    params: { term },
  });
}

/** The counted papers with the month each date basis gives them, computed from the papers themselves. */
const STATES_SQL = `
  SELECT paper_id, 'listed' AS basis, date_trunc('month', coalesce(first_listed_on, published_on))::DATE AS month, scope
  FROM papers WHERE abstract IS NOT NULL AND (first_listed_on IS NOT NULL OR published_precision IN ('day', 'month'))
  UNION ALL
  SELECT paper_id, 'published', date_trunc('month', published_on)::DATE, scope
  FROM papers WHERE abstract IS NOT NULL AND published_precision IN ('day', 'month')`;

/** Returns the counts of the counted terms computed from scratch over the current papers and term index, with term texts instead of ids. */
function countsFromScratch(): Promise<Row[]> {
  return readRows(connection, {
    sql: `WITH states AS (${STATES_SQL})
      SELECT s.basis, CAST(s.month AS VARCHAR) AS month, s.scope, t.term, count(*)::INTEGER AS papers, count(*) FILTER (WHERE t.in_title)::INTEGER AS title_papers
      FROM states s JOIN paper_terms t USING (paper_id)
      WHERE t.term IN (SELECT term FROM term_month_counted)
      GROUP BY ALL ORDER BY ALL`,
  });
}

/** Returns each title term of the counted papers with its number of title papers, computed from scratch. */
function titleCountsFromScratch(): Promise<Row[]> {
  return readRows(connection, {
    sql: `SELECT term, count(*)::INTEGER AS title_papers FROM paper_terms
      WHERE in_title AND paper_id IN (SELECT paper_id FROM (${STATES_SQL}))
      GROUP BY term ORDER BY term`,
  });
}

function countsHeld(): Promise<Row[]> {
  return readRows(connection, {
    sql: `SELECT m.basis, CAST(m.month AS VARCHAR) AS month, m.scope, t.term, m.papers, m.title_papers
      FROM term_months m JOIN term_month_counted t USING (term_id) ORDER BY ALL`,
  });
}

/** Checks the held counts, their copy in term order and the title counts against a recount, and that every term in two or more titles is counted. */
async function expectRecountMatches(label: string): Promise<void> {
  expect(await countsHeld(), label).toEqual(await countsFromScratch());
  const series = await readRows(connection, { sql: "SELECT basis, month, scope, term_id, papers FROM term_month_series ORDER BY ALL" });
  expect(series, label).toEqual(await readRows(connection, { sql: "SELECT basis, month, scope, term_id, papers FROM term_months ORDER BY ALL" }));
  const titleCounts = await readRows(connection, { sql: "SELECT term, title_papers FROM term_month_terms WHERE title_papers > 0 ORDER BY term" });
  expect(titleCounts, label).toEqual(await titleCountsFromScratch());
  const uncounted = await readRows(connection, {
    sql: "SELECT term FROM term_month_terms WHERE title_papers >= 2 AND term_id NOT IN (SELECT term_id FROM term_month_counted)",
  });
  expect(uncounted, label).toEqual([]);
}

describe("startTermMonthsUpdate", () => {
  test("counts new papers per date basis, month, scope and title term", async () => {
    await putPaper("a", { title: "Reward hacking", abstract: "Models game proxies.", listedOn: "2025-03-04", publishedOn: "2025-02-27" });
    await putPaper("b", { title: "Reward models", abstract: "We train reward models.", listedOn: "2025-03-20", scope: "off-topic" });

    const outcome = await refresh(["a", "b"]);

    expect(outcome).toEqual({ papers: 2, newTerms: 1, rewritten: true });
    expect(await countsOf("reward")).toEqual([
      { basis: "listed", month: "2025-03-01", scope: "alignment", papers: 1, title_papers: 1 },
      { basis: "listed", month: "2025-03-01", scope: "off-topic", papers: 1, title_papers: 1 },
      { basis: "published", month: "2025-02-01", scope: "alignment", papers: 1, title_papers: 1 },
      { basis: "published", month: "2025-03-01", scope: "off-topic", papers: 1, title_papers: 1 },
    ]);
    // In one title only, or only in an abstract: never an emerging term.
    expect(await countsOf("hacking")).toEqual([]);
    expect(await countsOf("proxies")).toEqual([]);
    await expectRecountMatches("after the first load");
  });

  test("counts earlier abstracts once two titles hold a term", async () => {
    await putPaper("a", { title: "Reward hacking", abstract: "Models game proxies.", listedOn: "2025-03-04" });
    await putPaper("b", { title: "Proxies of intent", abstract: "Proxies drift.", listedOn: "2025-05-02" });
    await refresh(["a", "b"]);
    expect(await countsOf("proxies")).toEqual([]);
    await putPaper("c", { title: "Gaming proxies", abstract: "Agents game.", listedOn: "2025-05-20" });

    const outcome = await refresh(["c"]);

    expect(outcome).toEqual({ papers: 1, newTerms: 1, rewritten: true });
    expect(await countsOf("proxies")).toEqual([
      { basis: "listed", month: "2025-03-01", scope: "alignment", papers: 1, title_papers: 0 },
      { basis: "listed", month: "2025-05-01", scope: "alignment", papers: 2, title_papers: 2 },
      { basis: "published", month: "2025-03-01", scope: "alignment", papers: 1, title_papers: 0 },
      { basis: "published", month: "2025-05-01", scope: "alignment", papers: 2, title_papers: 2 },
    ]);
    await expectRecountMatches("after the second load");
  });

  test("moves a paper whose listing month or scope changed", async () => {
    await putPaper("a", { title: "Reward hacking", abstract: "Models game proxies.", listedOn: "2025-03-04", publishedOn: "2025-02-27" });
    await putPaper("b", { title: "Reward models", abstract: "We train reward models.", listedOn: "2025-03-20" });
    await refresh(["a", "b"]);
    await putPaper("a", { title: "Reward hacking", abstract: "Models game proxies.", listedOn: "2025-01-30", publishedOn: "2025-01-29", scope: "off-topic" });

    const outcome = await refresh(["a", "b"], { rewriteShare: 0, sliceTerms: 1_000_000 });

    expect(outcome).toEqual({ papers: 1, newTerms: 0, rewritten: true });
    expect(await countsOf("reward")).toEqual([
      { basis: "listed", month: "2025-01-01", scope: "off-topic", papers: 1, title_papers: 1 },
      { basis: "listed", month: "2025-03-01", scope: "alignment", papers: 1, title_papers: 1 },
      { basis: "published", month: "2025-01-01", scope: "off-topic", papers: 1, title_papers: 1 },
      { basis: "published", month: "2025-03-01", scope: "alignment", papers: 1, title_papers: 1 },
    ]);
    await expectRecountMatches("after the move");
  });

  test("changes rows in place below the rewrite share", async () => {
    await putPaper("a", { title: "Reward hacking", abstract: "Models game proxies.", listedOn: "2025-03-04" });
    await putPaper("b", { title: "Reward models", abstract: "We train reward models.", listedOn: "2025-03-20" });
    await refresh(["a", "b"]);
    await putPaper("a", { title: "Reward hacking", abstract: "Agents tamper with reward models.", listedOn: "2025-04-01" });

    const outcome = await refresh(["a"]);

    expect(outcome).toEqual({ papers: 1, newTerms: 0, rewritten: false });
    expect(await countsOf("reward")).toEqual([
      { basis: "listed", month: "2025-03-01", scope: "alignment", papers: 1, title_papers: 1 },
      { basis: "listed", month: "2025-04-01", scope: "alignment", papers: 1, title_papers: 1 },
      { basis: "published", month: "2025-03-01", scope: "alignment", papers: 1, title_papers: 1 },
      { basis: "published", month: "2025-04-01", scope: "alignment", papers: 1, title_papers: 1 },
    ]);
    await expectRecountMatches("after the change");
  });

  test("removes papers that stop counting", async () => {
    await putPaper("a", { title: "Reward hacking", abstract: "Models game proxies.", listedOn: "2025-03-04" });
    await putPaper("b", { title: "Reward models", abstract: "We train reward models.", listedOn: "2025-03-20" });
    await putPaper("c", { title: "Reward shaping", abstract: "Shaping helps.", listedOn: null, publishedOn: "2025-01-01", precision: "year" });
    await putPaper("d", { title: "Reward tampering", abstract: "Tampering.", listedOn: "2025-06-11" });
    await refresh(["a", "b", "c", "d"]);
    await connection.run("DELETE FROM papers WHERE paper_id = 'a'");
    await putPaper("b", { title: "Reward models", abstract: null, listedOn: "2025-03-20" });
    await putPaper("d", { title: "Reward tampering", abstract: "Tampering.", listedOn: null, publishedOn: "2025-01-01", precision: "year" });

    const outcome = await refresh(["a", "b", "c", "d"]);

    expect(outcome).toEqual({ papers: 3, newTerms: 0, rewritten: false });
    expect(await countsHeld()).toEqual([]);
    expect(await readRows(connection, { sql: "SELECT count(*)::INTEGER AS papers FROM term_month_papers" })).toEqual([{ papers: 0 }]);
    await expectRecountMatches("after the removals");
  });

  test("skips papers whose text, months and scope are unchanged", async () => {
    await putPaper("a", { title: "Reward hacking", abstract: "Models game proxies.", listedOn: "2025-03-04" });
    await refresh(["a"]);
    const before = await countsHeld();
    await connection.run("UPDATE papers SET upvotes = 40");

    expect(await refresh(["a"])).toEqual({ papers: 0, newTerms: 0, rewritten: false });
    expect(await countsHeld()).toEqual(before);
  });

  test("matches a recount after seeded edits", async () => {
    const titles = ["Reward hacking", "Reward models", "Scalable oversight", "Proxies of intent", "Sleeper agents"];
    const abstracts = [null, "Models game proxies.", "We train reward models.", "Agents hide goals.", "Oversight scales."];
    const scopes = ["alignment", "off-topic", "other-alignment"];
    let seed = 7;
    const next = (limit: number) => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      // The low bits of this generator repeat with a short period, so use the high ones.
      return (seed >>> 16) % limit;
    };
    const heldRows: number[] = [];
    for (let round = 0; round < 12; round += 1) {
      const touched: string[] = [];
      for (let edit = 0; edit < 3; edit += 1) {
        const paperId = `p${next(6)}`;
        touched.push(paperId);
        if (next(8) === 0) {
          await connection.run("DELETE FROM papers WHERE paper_id = $paperId", { paperId });
          continue;
        }
        await putPaper(paperId, {
          title: titles[next(titles.length)]!,
          abstract: abstracts[next(abstracts.length)]!,
          listedOn: next(5) === 0 ? null : `2025-0${1 + next(6)}-1${next(9)}`,
          publishedOn: `2025-0${1 + next(6)}-0${1 + next(8)}`,
          precision: (["day", "month", "year"] as const)[next(3)],
          scope: scopes[next(scopes.length)],
        });
      }
      await refresh(touched, round % 2 === 0 ? IN_PLACE : { rewriteShare: 0, sliceTerms: 3 });
      await expectRecountMatches(`round ${round}`);
      heldRows.push((await countsHeld()).length);
    }
    // The edits must leave terms in two or more titles in most rounds, or the recount checks little.
    expect(heldRows.filter((rows) => rows > 0).length).toBeGreaterThanOrEqual(8);
  });
});

describe("createSchema on a layout version 3 database", () => {
  test("fills the monthly term counts and takes version 4", async () => {
    await putPaper("a", { title: "Reward hacking", abstract: "Models game proxies.", listedOn: "2025-03-04" });
    await putPaper("b", { title: "Reward models", abstract: "Proxies drift.", listedOn: "2025-05-02" });
    await refresh(["a", "b"]);
    const expected = await countsHeld();
    expect(expected.length).toBeGreaterThan(0);
    for (const table of ["term_months", "term_month_series", "term_month_papers", "term_month_terms", "term_month_counted"]) {
      await connection.run(`DROP TABLE ${table}`);
    }
    await connection.run("INSERT INTO build_info VALUES (3, 'build-3', TIMESTAMP '2026-12-01 00:00:00', '2026.1')");

    expect(await createSchema(connection)).toEqual({ upgraded: true });

    expect(await countsHeld()).toEqual(expected);
    const [info] = await readRows(connection, { sql: "SELECT schema_version, build_id FROM build_info" });
    expect(info!.schema_version).toBe(4);
    expect(info!.build_id).not.toBe("build-3");
  });

  test("refuses a database of layout version 2", async () => {
    await connection.run("INSERT INTO build_info VALUES (2, 'build-2', TIMESTAMP '2026-12-01 00:00:00', '2026.1')");

    await expect(createSchema(connection)).rejects.toThrow(
      "database layout version 2 differs from version 4 that this ingest writes; ingest into a new database file with --db",
    );
  });
});
