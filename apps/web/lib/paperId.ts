import { z } from "zod";

/**
 * A paper id as the routes accept it: an arXiv id (new or old style, so it
 * may hold one `/`) or `t` and 16 hex digits for a paper known by title only.
 */
export const PaperIdSchema = z
  .string()
  .max(64)
  .regex(/^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7}|t[0-9a-f]{16})$/u, "expected an arXiv id such as 2506.01939 or a title id such as t0123456789abcdef")
  .meta({
    description:
      "An arXiv id without a version: new style such as `2506.01939`, or old style such as `hep-th/9901001` with its `/` written `%2F`. A paper known by title only has `t` and 16 hex digits, as in the `id` of the paper lists.",
    examples: ["2603.19835"],
  });
