/** Status messages of the pages while they load, by the first segment of the path. The empty segment is the dashboard. */
const MESSAGES: Record<string, { list: string; item: string }> = {
  "": { list: "Loading the dashboard…", item: "Loading…" },
  topics: { list: "Loading the topics…", item: "Loading the topic…" },
  compare: { list: "Loading the comparison…", item: "Loading…" },
  emerging: { list: "Loading the emerging terms…", item: "Loading…" },
  papers: { list: "Loading the papers…", item: "Loading the paper…" },
};

/** Returns the loading status for the page at `pathname`: the list's message for /topics, the item's for /topics/rlhf. */
export function loadingMessage(pathname: string): string {
  const [section = "", item] = pathname.split("/").filter((segment) => segment !== "");
  const messages = MESSAGES[section];
  if (!messages) return "Loading…";
  return item === undefined ? messages.list : messages.item;
}
