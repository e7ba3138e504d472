import { describe, expect, test } from "vitest";
import { ResultCache, type ResultCacheLimits } from "../src/database/ResultCache";

const LIMITS: ResultCacheLimits = { maxEntries: 3, maxBytes: 100, maxEntryBytes: 60 };
const byLength = { sizeOf: (value: string) => value.length };

/** Returns a computation that counts its runs in `calls` and resolves to `value`. */
function counted<T>(calls: { count: number }, value: T): () => Promise<T> {
  return async () => {
    calls.count += 1;
    return value;
  };
}

/** Returns a promise with its resolve function, so that a test decides when a computation ends. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: Error) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  return { promise, resolve, reject };
}

describe("ResultCache", () => {
  test("hit returns the stored value without computing", async () => {
    const cache = new ResultCache(LIMITS);
    const calls = { count: 0 };
    const value = new Uint8Array([1, 2, 3]);

    const first = await cache.get("a", counted(calls, value), { sizeOf: (bytes) => bytes.byteLength });
    const second = await cache.get("a", counted(calls, new Uint8Array([9])), { sizeOf: (bytes) => bytes.byteLength });

    expect(calls.count).toBe(1);
    expect(second).toBe(first);
    expect([...second]).toEqual([1, 2, 3]);
    expect(cache.size).toBe(1);
    expect(cache.bytes).toBe(3);
  });

  test("entry limit evicts the least recently used", async () => {
    const cache = new ResultCache(LIMITS);
    const calls = { count: 0 };
    await cache.get("a", counted(calls, "A"), byLength);
    await cache.get("b", counted(calls, "B"), byLength);
    await cache.get("c", counted(calls, "C"), byLength);
    // Reading "a" makes "b" the least recently used.
    await cache.get("a", counted(calls, "A2"), byLength);
    await cache.get("d", counted(calls, "D"), byLength);
    expect(calls.count).toBe(4);

    expect(await cache.get("a", counted(calls, "A3"), byLength)).toBe("A");
    expect(await cache.get("c", counted(calls, "C3"), byLength)).toBe("C");
    expect(await cache.get("d", counted(calls, "D3"), byLength)).toBe("D");
    expect(calls.count).toBe(4);
    expect(await cache.get("b", counted(calls, "B3"), byLength)).toBe("B3");
    expect(calls.count).toBe(5);
    expect(cache.size).toBe(3);
  });

  test("byte limit evicts until the rest fits", async () => {
    const cache = new ResultCache(LIMITS);
    const calls = { count: 0 };
    await cache.get("a", counted(calls, "a".repeat(40)), byLength);
    await cache.get("b", counted(calls, "b".repeat(40)), byLength);
    expect(cache.bytes).toBe(80);

    await cache.get("c", counted(calls, "c".repeat(30)), byLength);

    expect(cache.size).toBe(2);
    expect(cache.bytes).toBe(70);
    expect(await cache.get("a", counted(calls, "recomputed"), byLength)).toBe("recomputed");
    expect(calls.count).toBe(4);
  });

  test("entry over the entry limit is returned, not stored", async () => {
    const cache = new ResultCache(LIMITS);
    const calls = { count: 0 };
    await cache.get("small", counted(calls, "s"), byLength);

    expect(await cache.get("large", counted(calls, "x".repeat(61)), byLength)).toBe("x".repeat(61));
    expect(await cache.get("large", counted(calls, "x".repeat(61)), byLength)).toBe("x".repeat(61));

    expect(calls.count).toBe(3);
    expect(cache.size).toBe(1);
    expect(cache.bytes).toBe(1);
  });

  test("concurrent requests share one computation", async () => {
    const cache = new ResultCache(LIMITS);
    const gate = deferred<string>();
    let calls = 0;
    const compute = () => {
      calls += 1;
      return gate.promise;
    };

    const requests = [cache.get("a", compute, byLength), cache.get("a", compute, byLength), cache.get("a", compute, byLength)];
    gate.resolve("shared");

    expect(await Promise.all(requests)).toEqual(["shared", "shared", "shared"]);
    expect(calls).toBe(1);
    expect(cache.size).toBe(1);
  });

  test("error reaches every waiter and is not stored", async () => {
    const cache = new ResultCache(LIMITS);
    const gate = deferred<string>();
    let calls = 0;
    const failing = () => {
      calls += 1;
      return gate.promise;
    };

    const requests = [cache.get("a", failing, byLength), cache.get("a", failing, byLength)];
    gate.reject(new Error("query failed"));

    for (const request of requests) await expect(request).rejects.toThrow("query failed");
    expect(calls).toBe(1);
    expect(cache.size).toBe(0);
    expect(await cache.get("a", async () => "after the error", byLength)).toBe("after the error");
    expect(cache.size).toBe(1);
  });

  test("value rejected by shouldStore is not stored", async () => {
    const cache = new ResultCache(LIMITS);
    const calls = { count: 0 };
    const options = { sizeOf: () => 10, shouldStore: (value: { status: number }) => value.status === 200 };

    await cache.get("bad", counted(calls, { status: 400 }), options);
    await cache.get("bad", counted(calls, { status: 400 }), options);
    await cache.get("good", counted(calls, { status: 200 }), options);
    await cache.get("good", counted(calls, { status: 200 }), options);

    expect(calls.count).toBe(3);
    expect(cache.size).toBe(1);
  });

  test("closed cache drops entries and stores nothing", async () => {
    const cache = new ResultCache(LIMITS);
    const calls = { count: 0 };
    await cache.get("a", counted(calls, "A"), byLength);
    const gate = deferred<string>();
    const running = cache.get("b", () => gate.promise, byLength);

    cache.close();
    gate.resolve("B");

    expect(await running).toBe("B");
    expect(cache.size).toBe(0);
    expect(cache.bytes).toBe(0);
    expect(await cache.get("a", counted(calls, "A2"), byLength)).toBe("A2");
    expect(cache.size).toBe(0);
  });
});
