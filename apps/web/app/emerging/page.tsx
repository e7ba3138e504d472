import { isDatabaseUnavailable, GROWTH_CONFIDENCE_Z } from "@alignment-trends/analytics";
import { DATE_BASIS_LABELS, EmergingQuerySchema } from "@alignment-trends/schema";
import type { Metadata } from "next";
import { DownloadLinks } from "@/components/DownloadLinks";
import { ChartImageButtons } from "@/components/ChartImageButtons";
import { EmergingEmptyState } from "@/components/emerging/EmergingEmptyState";
import { EmergingMethod } from "@/components/emerging/EmergingMethod";
import { EmergingSettingsFields } from "@/components/emerging/EmergingSettingsFields";
import { EmergingTermsChart } from "@/components/emerging/EmergingTermsChart";
import { EmergingTermsTable } from "@/components/emerging/EmergingTermsTable";
import { EmergingWindows } from "@/components/emerging/EmergingWindows";
import { FilterBar } from "@/components/FilterBar";
import { emergingQuery, type EmergingSettings } from "@/lib/emergingLinks";
import { formatShare } from "@/lib/format";
import { loadEmerging } from "@/lib/loadEmerging";
import { oneSidedConfidence } from "@/lib/oneSidedConfidence";
import { parseFilterQuery } from "@/lib/parseFilterQuery";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Emerging terms" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function QueryErrorNotice({ message }: { message: string }) {
  return (
    <>
      <h1>Emerging terms</h1>
      <div className="notice error" role="alert">
        <p>{message}.</p>
        <p>
          <a href="/emerging">Open emerging terms with the default settings</a>
        </p>
      </div>
    </>
  );
}

export default async function EmergingPage({ searchParams }: { searchParams: SearchParams }) {
  const parsed = parseFilterQuery(EmergingQuerySchema, await searchParams, { ignoreUnknown: true });
  if (!parsed.ok) return <QueryErrorNotice message={parsed.message} />;
  const { filter } = parsed;
  const settings: EmergingSettings = { window: parsed.query.window, minPapers: parsed.query.minPapers, limit: parsed.query.limit };

  let data;
  try {
    data = await loadEmerging(filter, { windowMonths: settings.window, minPapers: settings.minPapers, limit: settings.limit });
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return (
      <>
        <h1>Emerging terms</h1>
        <div className="notice error" role="alert">
          <p>No emerging terms to show: {error.message}</p>
        </div>
      </>
    );
  }
  if (data.unknownTopic) return <QueryErrorNotice message={data.unknownTopic.message} />;

  const { emerging } = data;
  const terms = emerging?.terms ?? [];
  const dataQuery = emergingQuery(filter, settings);
  const confidence = formatShare(oneSidedConfidence(GROWTH_CONFIDENCE_Z));
  return (
    <>
      <h1>Emerging terms</h1>
      <p className="lede">
        Terms and phrases of one to three words whose share of papers grew most from the baseline window to the recent window, ranked
        by how much growth their counts support. Date: {DATE_BASIS_LABELS[filter.dateBasis]}. Click a bar or a term to list its papers
        in the recent window.
      </p>
      <FilterBar
        action="/emerging"
        filter={filter}
        topics={data.topics}
        trailingFields={<EmergingSettingsFields settings={settings} />}
        fieldValues={[
          ["window", String(settings.window)],
          ["minPapers", String(settings.minPapers)],
          ["limit", String(settings.limit)],
        ]}
      />
      {emerging && <EmergingWindows recent={emerging.recent} baseline={emerging.baseline} thinMonths={emerging.thinMonths} />}
      <EmergingEmptyState emerging={emerging} filter={filter} settings={settings} passingMinPapers={data.passingMinPapers} />

      {emerging && terms.length > 0 && (
        <>
          <section className="chart-card emerging-card" aria-labelledby="emerging-chart-title" data-testid="card-emerging-chart">
            <h2 id="emerging-chart-title">Growth of each term&apos;s share</h2>
            <p className="description">
              How many times its baseline share each term&apos;s recent share is, on a log scale. The solid part reaches the lower
              bound that the counts support with {confidence} confidence, by which the terms are ranked. Once the chart has focus, the
              up and down arrow keys move between terms and Enter lists the term&apos;s papers.
            </p>
            <EmergingTermsChart confidence={confidence} terms={terms} filter={filter} recent={emerging.recent} baseline={emerging.baseline} />
            <div className="downloads">
              <ChartImageButtons title="Growth of each term's share" />
            </div>
          </section>
          <section className="chart-card emerging-card" aria-labelledby="emerging-table-title" data-testid="card-emerging-table">
            <h2 id="emerging-table-title">
              {terms.length === 1 ? "1 listed term" : `${terms.length} listed terms`}
            </h2>
            <p className="description">
              Counts are papers with an abstract in each window and link to those papers. The linked lists also include papers without
              an abstract, so they can be longer. Bursts link to the term&apos;s papers in those months.
            </p>
            <div className="table-scroll">
              <EmergingTermsTable confidence={confidence} terms={terms} filter={filter} recent={emerging.recent} baseline={emerging.baseline} />
            </div>
            <div className="downloads">
              <DownloadLinks path="/api/v1/emerging" query={dataQuery} />
            </div>
          </section>
        </>
      )}

      <EmergingMethod settings={settings} confidence={confidence} />
    </>
  );
}
