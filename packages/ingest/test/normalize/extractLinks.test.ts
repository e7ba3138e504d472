import { describe, expect, test } from "vitest";
import { canonicalLink, chooseCodeLink, extractLinks } from "../../src/normalize/extractLinks";

describe("canonicalLink", () => {
  test.each([
    ["https://github.com/naver-ai/CLIP4DM.", "https://github.com/naver-ai/CLIP4DM"],
    ["https://github.com/X-PLUG/mPLUG-DocOwl/tree/main/DocOwl2.", "https://github.com/X-PLUG/mPLUG-DocOwl"],
    ["https://github.com/seanie12/ThinkSafe.git.", "https://github.com/seanie12/ThinkSafe"],
    ["https://github.com/zhiyuanhubj/LongRecipe).", "https://github.com/zhiyuanhubj/LongRecipe"],
    ["github.com/owner/repo,", "https://github.com/owner/repo"],
    ["https://www.github.com/owner/repo#readme", "https://github.com/owner/repo"],
    ["https://gitlab.com/group/sub/project/-/tree/main", "https://gitlab.com/group/sub/project"],
    ["https://anonymous.4open.science/r/I-SHEEP.", "https://anonymous.4open.science/r/I-SHEEP"],
  ])("reduces %s to the repository", (url, expected) => {
    expect(canonicalLink(url)).toMatchObject({ url: expected, kind: "code" });
  });

  test.each([
    ["https://huggingface.co/datasets/openbmb/UltraFeedback", "dataset", "https://huggingface.co/datasets/openbmb/UltraFeedback"],
    ["https://huggingface.co/spaces/owner/demo/tree/main", "space", "https://huggingface.co/spaces/owner/demo"],
    ["https://huggingface.co/meta-llama/Llama-3-8B.", "model", "https://huggingface.co/meta-llama/Llama-3-8B"],
  ])("records a Hugging Face link %s as a %s", (url, kind, expected) => {
    expect(canonicalLink(url)).toEqual({ url: expected, kind, host: "huggingface.co" });
  });

  test.each([
    "https://github.com/orgs/openai",
    "https://github.com/owner",
    "https://owner.github.io/project",
    "https://huggingface.co/papers/2401.01234",
    "https://huggingface.co/docs/transformers",
    "https://example.com/owner/repo",
  ])("ignores %s", (url) => {
    expect(canonicalLink(url)).toBeNull();
  });
});

describe("extractLinks", () => {
  test("finds each link once, in order, in free text", () => {
    const text =
      "Code: https://github.com/a/b. Data at https://huggingface.co/datasets/c/d, mirror https://github.com/a/b/tree/main and (https://gitlab.com/e/f).";
    expect(extractLinks(text).map((link) => link.url)).toEqual([
      "https://github.com/a/b",
      "https://huggingface.co/datasets/c/d",
      "https://gitlab.com/e/f",
    ]);
  });

  test("chooses an explicit repository over links in the text", () => {
    const links = extractLinks("see https://github.com/x/from-text");
    expect(chooseCodeLink("https://github.com/y/explicit", links)?.url).toBe("https://github.com/y/explicit");
    expect(chooseCodeLink(null, links)?.url).toBe("https://github.com/x/from-text");
    expect(chooseCodeLink(null, extractLinks("https://huggingface.co/org/model"))).toBeNull();
  });
});
