// Which answers a picture helps: an indicator's status when there is a line to draw (two dated values, or a value
// and a numeric target), and the overview of all indicators (/chitieu). The engine names the chart; src/charts
// draws it.
import type { Indicator } from "../knowledge/schema.js";
import type { Composed } from "./compose/common.js";

export const DASHBOARD_CHART = "dashboard";

/** Whether an indicator's chart shows more than a single dot. */
export function hasChart(indicator: Indicator): boolean {
  const values = indicator.measurements.length;
  return values >= 2 || (values === 1 && indicator.targets.some((target) => target.value !== undefined));
}

/** The chart of a composed answer: the dashboard for the province's overview, an indicator's for its status. */
export function chartFor(composed: Composed, indicators: ReadonlyMap<string, Indicator>): string | undefined {
  const [main] = composed.entries;
  if (composed.intent === "status-all") return main === "@status-all" ? DASHBOARD_CHART : undefined;
  if (composed.intent !== "status" && composed.intent !== "compare") return undefined;
  const indicator = main === undefined ? undefined : indicators.get(main);
  return indicator && hasChart(indicator) ? indicator.id : undefined;
}
