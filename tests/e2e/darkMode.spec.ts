import { expect, test, type Locator } from "@playwright/test";

test.use({ colorScheme: "dark" });

/** Returns the WCAG relative luminance of a computed `rgb()` or `rgba()` colour. */
function luminance(color: string): number {
  const channels = /^rgba?\((\d+), (\d+), (\d+)/u.exec(color);
  expect(channels, `computed colour ${color}`).not.toBeNull();
  const [red, green, blue] = channels!.slice(1, 4).map((channel) => {
    const value = Number(channel) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

function contrast(first: string, second: string): number {
  const [darker, lighter] = [luminance(first), luminance(second)].sort((a, b) => a - b) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

async function computed(locator: Locator, property: string): Promise<string> {
  return locator.evaluate((element, name) => getComputedStyle(element).getPropertyValue(name), property);
}

test.describe("dark mode", () => {
  test("dashboard is dark with light axis labels", async ({ page }) => {
    await page.goto("/");
    const background = await computed(page.locator("html"), "background-color");
    expect(background).toBe("rgb(17, 20, 24)");
    expect(luminance(await computed(page.locator("body"), "color"))).toBeGreaterThan(0.7);

    for (const card of ["topics", "authors", "team-sizes", "code", "upvotes"]) {
      const labels = page.getByTestId(`chart-${card}`).locator("text.recharts-cartesian-axis-tick-value");
      await expect(labels.first(), card).toBeVisible();
      for (const label of await labels.all()) {
        const fill = await computed(label, "fill");
        expect(luminance(fill), `${card} tick fill ${fill}`).toBeGreaterThan(0.3);
        expect(contrast(fill, background), `${card} tick fill ${fill}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  test("chart tooltip has a dark background", async ({ page }) => {
    await page.goto("/");
    const chart = page.getByTestId("chart-topics");
    await chart.locator("path.recharts-rectangle").last().hover();

    const tooltip = chart.locator(".recharts-default-tooltip");
    await expect(tooltip).toBeVisible();
    const background = await computed(tooltip, "background-color");
    expect(background).toBe("rgb(17, 20, 24)");
    expect(contrast(await computed(tooltip.locator(".recharts-tooltip-label"), "color"), background)).toBeGreaterThanOrEqual(4.5);
    for (const item of await tooltip.locator(".recharts-tooltip-item").all()) {
      expect(contrast(await computed(item, "color"), background)).toBeGreaterThanOrEqual(4.5);
    }
  });

  test("legend text and grid follow the theme", async ({ page }) => {
    await page.goto("/");
    const chart = page.getByTestId("chart-topics");
    const background = await computed(page.locator("html"), "background-color");
    const legendText = chart.locator(".recharts-legend-item-text > span").first();
    await expect(legendText).toBeVisible();
    expect(contrast(await computed(legendText, "color"), background)).toBeGreaterThanOrEqual(4.5);
    expect(await computed(chart.locator(".recharts-cartesian-grid line").first(), "stroke")).toBe("rgb(52, 59, 69)");
  });
});
