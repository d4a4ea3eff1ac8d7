/**
 * Response checks for tests. The procedures do not parse their output at run time
 * (router.ts), so tests give the context this check to catch a response that its
 * documented schema would reject or change.
 */
import type { AnyRouter } from "@trpc/server";
import type { z } from "zod";

/** Creates a `checkOutput` that throws when an output does not match its procedure's output schema exactly. */
export function createOutputCheck(router: AnyRouter): (path: string, output: unknown) => void {
  const procedures = router._def.procedures as Record<string, { _def: { output?: z.ZodType } } | undefined>;
  return (path, output) => {
    const schema = procedures[path]?._def.output;
    if (schema === undefined) throw new Error(`Procedure ${path} has no output schema`);
    const parsed = schema.safeParse(output);
    if (!parsed.success) throw new Error(`Output of ${path} does not match its schema: ${parsed.error.message}`);
    // Parsing drops unknown fields and fills defaults, so a difference is a field the schema does not list or a value it would replace.
    if (!Bun.deepEquals(parsed.data, output)) throw new Error(`Output of ${path} differs from its schema's parse: unlisted fields or defaulted values`);
  };
}
