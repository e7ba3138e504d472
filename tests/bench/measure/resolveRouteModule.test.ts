import path from "node:path";
import { describe, expect, test } from "vitest";
import { REPOSITORY_ROOT } from "../../support/paths";
import { resolveRouteModule } from "./resolveRouteModule";

const WEB_ROOT = path.join(REPOSITORY_ROOT, "apps", "web");
const API = path.join(WEB_ROOT, "app", "api", "v1");

describe("resolveRouteModule", () => {
  test("static route", () => {
    expect(resolveRouteModule(WEB_ROOT, "/api/v1/trends")).toEqual({ file: path.join(API, "trends", "route.ts"), params: {} });
  });

  test("folder named with a dot", () => {
    expect(resolveRouteModule(WEB_ROOT, "/api/v1/openapi.json")).toEqual({ file: path.join(API, "openapi.json", "route.ts"), params: {} });
  });

  test("dynamic segment kept encoded", () => {
    expect(resolveRouteModule(WEB_ROOT, "/api/v1/papers/hep-th%2F9901001")).toEqual({
      file: path.join(API, "papers", "[id]", "route.ts"),
      params: { id: "hep-th%2F9901001" },
    });
  });

  test("unknown route", () => {
    expect(() => resolveRouteModule(WEB_ROOT, "/api/v1/nothing")).toThrow(
      `No route serves /api/v1/nothing: ${API} has no folder nothing and no [segment] folder`,
    );
  });
});
