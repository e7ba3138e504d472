import { describe, expect, test } from "vitest";
import { loadingMessage } from "../lib/loadingMessage";

describe("loadingMessage", () => {
  test.each([
    ["/", "Loading the dashboard…"],
    ["/topics", "Loading the topics…"],
    ["/topics/", "Loading the topics…"],
    ["/topics/rlhf", "Loading the topic…"],
    ["/compare", "Loading the comparison…"],
    ["/emerging", "Loading the emerging terms…"],
    ["/papers", "Loading the papers…"],
    ["/papers/2608.07468", "Loading the paper…"],
    ["/no-such-page", "Loading…"],
  ])("for %s is %j", (pathname, expected) => {
    expect(loadingMessage(pathname)).toBe(expected);
  });
});
