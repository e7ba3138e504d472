import { writeFileSync } from "node:fs";
import path from "node:path";

/*
 * Text fields that a browser would run or turn into elements if a page put
 * them into its HTML unescaped. Each payload that could run script sets
 * `window.hostileScriptRan` and opens a dialog, so a test can see that it ran.
 */
export const SCRIPT_TAG = '<script>window.hostileScriptRan = "script"; alert(1)</script>';
export const IMAGE_ONERROR = '<img src=x onerror="window.hostileScriptRan = \'img\'; alert(2)">';
export const SVG_ONLOAD = '"><svg onload="window.hostileScriptRan = \'svg\'; alert(3)">';
export const TEMPLATE = "{{constructor.constructor('alert(4)')()}} {{7*7}}";
export const MARKDOWN_LINK = "[click here](javascript:alert(5))";
export const JAVASCRIPT_URL = "javascript:alert(6)";

/** A title with every payload; the ingest decodes `&lt;b&gt;` once, to the text `<b>`. */
export const HOSTILE_TITLE_SOURCE = `Reward hacking in RLHF ${SCRIPT_TAG} ${IMAGE_ONERROR} ${SVG_ONLOAD} ${TEMPLATE} ${MARKDOWN_LINK} &lt;b&gt;decoded once&lt;/b&gt;`;
export const HOSTILE_TITLE = `Reward hacking in RLHF ${SCRIPT_TAG} ${IMAGE_ONERROR} ${SVG_ONLOAD} ${TEMPLATE} ${MARKDOWN_LINK} <b>decoded once</b>`;

/** An abstract that matches the RLHF and reward-model topics, with every payload and an HTML link. */
export const HOSTILE_ABSTRACT =
  `We study reward hacking in RLHF and reward models under RLHF training. ${SCRIPT_TAG} ${IMAGE_ONERROR} ${SVG_ONLOAD} ` +
  `${TEMPLATE} See ${MARKDOWN_LINK} and <a href="${JAVASCRIPT_URL}">this link</a>.`;

export const HOSTILE_AUTHORS = [SCRIPT_TAG, IMAGE_ONERROR, SVG_ONLOAD, "{{7*7}}", "[Ada](javascript:alert(7))"];
export const HOSTILE_KEYWORDS = [IMAGE_ONERROR, "{{7*7}}"];

/** The arXiv id of the paper that carries every payload and the most upvotes. */
export const HOSTILE_PAPER_ID = "2503.10001";

/** Builds one daily-papers entry. The first paper of the first day also carries the hostile links. */
function entry(id: string, day: string, index: number) {
  const first = id === HOSTILE_PAPER_ID;
  return {
    paper: {
      id,
      title: first ? HOSTILE_TITLE_SOURCE : `${HOSTILE_TITLE_SOURCE} #${index + 1}`,
      summary: HOSTILE_ABSTRACT,
      authors: HOSTILE_AUTHORS.map((name) => ({ name })),
      publishedAt: `${day}T08:00:00.000Z`,
      upvotes: first ? 1000 : 100 - index,
      githubRepo: first ? `${JAVASCRIPT_URL}//github.com/owner/repo` : null,
      projectPage: first ? JAVASCRIPT_URL : null,
      ai_keywords: HOSTILE_KEYWORDS,
    },
    numComments: 0,
  };
}

/**
 * Writes two days of the Hugging Face daily-papers API into `folder`, twelve
 * hostile papers a day in March and April 2025, and returns the files.
 */
export function writeHostileDigest(folder: string): string[] {
  const days: [string, string][] = [
    ["2025-03-03", "2503.1"],
    ["2025-04-07", "2504.1"],
  ];
  return days.map(([day, idPrefix]) => {
    const entries = Array.from({ length: 12 }, (_, index) => entry(`${idPrefix}${String(index + 1).padStart(4, "0")}`, day, index));
    const file = path.join(folder, `${day}.json`);
    writeFileSync(file, JSON.stringify(entries));
    return file;
  });
}
