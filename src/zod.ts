// zod's `z`, from its CommonJS build. Under tsx (`npm start`) every ES module is resolved and loaded through tsx's
// loader thread, and zod's ES build is ~95 modules: ~240 ms of a cold start, against ~105 ms for the same code as
// CommonJS, whose modules load in this thread. Every module takes zod from here, so one copy of it is loaded.
import { createRequire } from "node:module";
import type { z as Zod } from "zod";

export const z: typeof Zod = (createRequire(import.meta.url)("zod") as { z: typeof Zod }).z;

/** What a schema accepts (zod's z.infer). */
export type Infer<T extends Zod.ZodType> = Zod.infer<T>;
export type ZodType = Zod.ZodType;
export type ZodString = Zod.ZodString;
