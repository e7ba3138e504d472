import { describe, expect, test } from "vitest";
import { matchesEntityTag, sendStoredResponse } from "../../lib/api/sendStoredResponse";
import { storedResponseBytes, storeResponse } from "../../lib/api/storeResponse";

const request = (headers: Record<string, string> = {}) => new Request("http://127.0.0.1:3400/api/v1/trends?metric=code", { headers });

describe("storeResponse", () => {
  test("keeps status, headers and bytes", async () => {
    const stored = await storeResponse(new Response("a,b\r\n1,2\r\n", { status: 200, headers: { "Content-Type": "text/csv; charset=utf-8", Link: "<x>" } }));

    expect(stored.status).toBe(200);
    expect(stored.headers).toEqual([
      ["content-type", "text/csv; charset=utf-8"],
      ["link", "<x>"],
    ]);
    expect(Buffer.from(stored.body).toString("utf8")).toBe("a,b\r\n1,2\r\n");
    expect(storedResponseBytes(stored)).toBe(10 + "content-type".length + "text/csv; charset=utf-8".length + "link<x>".length + stored.etag.length);
  });

  test("tag follows the body bytes", async () => {
    const first = await storeResponse(Response.json({ papers: 1 }));
    const same = await storeResponse(Response.json({ papers: 1 }));
    const other = await storeResponse(Response.json({ papers: 2 }));

    // SHA-256 of the 12 bytes {"papers":1}, base64url, first 27 characters.
    expect(first.etag).toBe('W/"Z1DrjlOPi1RCoIXQsgKBimM6xSV"');
    expect(same.etag).toBe(first.etag);
    expect(other.etag).not.toBe(first.etag);
  });
});

describe("matchesEntityTag", () => {
  const etag = 'W/"abc"';

  test.each([
    ['W/"abc"', true],
    ['"abc"', true],
    ['"x", W/"abc"', true],
    ["*", true],
    ['"abcd"', false],
    ['W/"ab"', false],
    ["", false],
  ])("If-None-Match %s gives %s", (header, expected) => {
    expect(matchesEntityTag(header, etag)).toBe(expected);
  });

  test("absent header matches nothing", () => {
    expect(matchesEntityTag(null, etag)).toBe(false);
  });
});

describe("sendStoredResponse", () => {
  test("200 carries validators and cache status", async () => {
    const stored = await storeResponse(Response.json({ papers: 1 }));
    const response = sendStoredResponse(stored, request(), "hit");

    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).toBe(stored.etag);
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(response.headers.get("x-cache")).toBe("hit");
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.text()).toBe('{"papers":1}');
  });

  test("matching tag gets 304 without a body", async () => {
    const stored = await storeResponse(Response.json({ papers: 1 }));
    const response = sendStoredResponse(stored, request({ "If-None-Match": stored.etag }), "miss");

    expect(response.status).toBe(304);
    expect(response.headers.get("etag")).toBe(stored.etag);
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(response.headers.get("x-cache")).toBe("miss");
    expect(response.headers.get("content-type")).toBeNull();
    expect(await response.text()).toBe("");
  });

  test("error gets no-store and no tag", async () => {
    const stored = await storeResponse(Response.json({ error: { message: 'No paper with id "2101.00000"' } }, { status: 404 }));
    const response = sendStoredResponse(stored, request({ "If-None-Match": stored.etag }), "miss");

    expect(response.status).toBe(404);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("etag")).toBeNull();
    expect(response.headers.get("x-cache")).toBeNull();
    expect(await response.json()).toEqual({ error: { message: 'No paper with id "2101.00000"' } });
  });
});
