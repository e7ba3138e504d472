import { z } from "zod";

/** The body of a 400 response: the first invalid or unknown query parameter and what was expected. */
export const ParameterErrorSchema = z.object({
  error: z.object({
    parameter: z.string().describe("The name of the invalid or unknown parameter, or `id` for an invalid path."),
    message: z.string().describe("What was wrong with the parameter and what it accepts."),
  }),
});
export type ParameterError = z.infer<typeof ParameterErrorSchema>;

/** The body of a 404, 500 or 503 response. */
export const ApiErrorSchema = z.object({
  error: z.object({ message: z.string() }),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;
