import { expect, test } from "@playwright/test";

test("compare lines differ by dash and marker", async ({ page }) => {
  const query = new URLSearchParams([
    ["series", "topic:safety"],
    ["series", "DPO | direct preference optimization"],
    ["series", "topic:rlhf"],
    ["bucket", "year"],
  ]);
  await page.goto(`/compare?${query.toString()}`);
  const chart = page.getByTestId("chart-compare");
  const curves = chart.locator(".recharts-line-curve");
  await expect(curves).toHaveCount(3);

  const dashes = await curves.evaluateAll((paths) => paths.map((path) => path.getAttribute("stroke-dasharray")));
  expect(dashes).toEqual([null, "8 4", "2 3"]);

  // Each line's first marker path starts differently: a circle with an arc, the others as polygons of their own shape.
  const markers = await chart.locator(".recharts-line-dots").evaluateAll((groups) => groups.map((group) => group.querySelector("path.recharts-line-dot")?.getAttribute("d") ?? ""));
  expect(markers[0]).toMatch(/a/u);
  expect(new Set(markers.map((path) => path.replace(/-?[\d.]+/gu, "#"))).size).toBe(3);

  const legendLines = chart.locator(".recharts-legend-item svg.series-key line");
  await expect(legendLines).toHaveCount(3);
  expect(await legendLines.evaluateAll((lines) => lines.map((line) => line.getAttribute("stroke-dasharray")))).toEqual(dashes);
});
