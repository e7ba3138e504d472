import { CompareQuerySchema, EmergingQuerySchema, PapersQuerySchema, TrendsQuerySchema } from "@alignment-trends/schema";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { z } from "zod";
import ComparePage from "../../apps/web/app/compare/page";
import EmergingPage from "../../apps/web/app/emerging/page";
import DashboardPage from "../../apps/web/app/page";
import PaperPage from "../../apps/web/app/papers/[id]/page";
import PapersPage from "../../apps/web/app/papers/page";
import TopicPage from "../../apps/web/app/topics/[id]/page";
import TopicsPage from "../../apps/web/app/topics/page";
import { getTrendsDatabase } from "../../apps/web/lib/database";
import { parametersFromSchema } from "../../apps/web/lib/openapi/parametersFromSchema";
import type { CatalogParameter } from "../support/apiRouteCatalog";
import { invalidCases } from "../support/invalidParameterValues";

/*
 * The pages parse the same parameters as the API. An invalid value must
 * render a notice that names the parameter, never throw, which Next turns
 * into a 500. Each page's server component is called as Next calls it and
 * its result rendered to HTML. A page ignores unknown parameters on purpose,
 * so that an old link still opens.
 */

type SearchParams = Record<string, string | string[]>;
type PageComponent = (props: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) => Promise<ReactElement>;

/**
 * Each page that takes query parameters, with the schema it parses them with
 * and the cases it accepts on purpose: the compare form sends its blank
 * series rows, and the topic pages replace `topic` with their own topics.
 */
const PAGES: { path: string; page: PageComponent; schema: z.ZodObject; accepted: string[] }[] = [
  { path: "/", page: DashboardPage as PageComponent, schema: TrendsQuerySchema, accepted: [] },
  { path: "/papers", page: PapersPage as PageComponent, schema: PapersQuerySchema, accepted: [] },
  { path: "/compare", page: ComparePage as PageComponent, schema: CompareQuerySchema, accepted: ["series (blank item)"] },
  { path: "/emerging", page: EmergingPage as PageComponent, schema: EmergingQuerySchema, accepted: [] },
  { path: "/topics", page: TopicsPage as PageComponent, schema: TrendsQuerySchema, accepted: ["topic (10,001 characters)"] },
  { path: "/topics/rlhf", page: TopicPage as PageComponent, schema: TrendsQuerySchema, accepted: ["topic (10,001 characters)"] },
];

/** Turns query pairs into the object Next passes as `searchParams`: a repeated name maps to the list of its values. */
function toSearchParams(pairs: [string, string][]): SearchParams {
  const result: SearchParams = {};
  for (const [name, value] of pairs) {
    const existing = result[name];
    result[name] = existing === undefined ? value : [...[existing].flat(), value];
  }
  return result;
}

async function renderPage(page: PageComponent, pairs: [string, string][]): Promise<string> {
  const element = await page({ params: Promise.resolve({ id: "rlhf" }), searchParams: Promise.resolve(toSearchParams(pairs)) });
  return renderToStaticMarkup(element);
}

beforeAll(() => {
  process.env.TRENDS_DB = inject("samplesDatabase");
});

afterAll(() => {
  getTrendsDatabase().close();
});

describe("page query validation", () => {
  test("invalid value renders a notice naming it", async () => {
    const mismatches: string[] = [];
    let rendered = 0;
    for (const { path, page, schema, accepted } of PAGES) {
      // The compare page shows its empty form without a series, so a missing series is valid there.
      const parameters = parametersFromSchema(schema, "query").map((parameter) => ({ ...parameter, required: false }) as CatalogParameter);
      for (const parameter of parameters) {
        for (const invalid of invalidCases(parameter)) {
          const label = `${path} ${parameter.name} (${invalid.label})`;
          if (accepted.includes(`${parameter.name} (${invalid.label})`)) continue;
          rendered += 1;
          let html: string;
          try {
            html = await renderPage(page, invalid.values.map((value) => [parameter.name, value]));
          } catch (error) {
            mismatches.push(`${label}: threw ${(error as Error).message.slice(0, 120)}`);
            continue;
          }
          const notice = html.includes('role="alert"') && html.includes(`Invalid parameter &quot;${parameter.name}&quot;`);
          if (!notice) mismatches.push(`${label}: no notice naming it in ${html.slice(0, 160)}`);
        }
      }
    }
    console.log(`page validation: ${PAGES.length} pages, ${rendered} renders`);
    expect(mismatches).toEqual([]);
  });

  test("malformed id escape is a 404", async () => {
    // Next renders its not-found page for the error that notFound() throws, which carries this digest.
    const notFoundDigest = { digest: "NEXT_HTTP_ERROR_FALLBACK;404" };
    for (const id of ["%", "%E0%A4%A", "rlhf%"]) {
      await expect((PaperPage as PageComponent)({ params: Promise.resolve({ id }), searchParams: Promise.resolve({}) }), `/papers/${id}`).rejects.toMatchObject(notFoundDigest);
      await expect((TopicPage as PageComponent)({ params: Promise.resolve({ id }), searchParams: Promise.resolve({}) }), `/topics/${id}`).rejects.toMatchObject(notFoundDigest);
    }
  });
});
