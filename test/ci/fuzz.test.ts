/**
 * Fuzzing: thousands of collections mutated from the shared ones (seeded, reproducible). Each
 * either generates or fails with a PmgenError naming its file; never another exception. A
 * sample of the outputs is type-checked under strict in one program.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PmgenError } from "../../generator/base/diagnostics.js";
import { outputFiles, runPipeline } from "../../generator/pipeline.js";
import { tempDir } from "../support.js";
import { fuzzCollections } from "./fuzz-corpus.js";
import { typeErrors, writeFiles } from "./ts-check.js";

const SEED = Number(process.env.PMGEN_FUZZ_SEED ?? 20261127);
const RUNS = Number(process.env.PMGEN_FUZZ_RUNS ?? 2000);
/** Every CHECK_EVERY-th successful output joins the strict type-check program. */
const CHECK_EVERY = 50;

const work = tempDir("fuzz");
afterAll(() => work.remove());

describe(`fuzzing (${RUNS} collections, seed ${SEED})`, () => {
  it("never crashes without a clear message, and sampled outputs compile under strict", () => {
    const outcomes = { generated: 0, rejected: 0 };
    const checked: string[] = [];
    const crashes: string[] = [];
    for (const { run, text } of fuzzCollections(SEED, RUNS)) {
      const file = join(work.path, `fuzz${run}.json`);
      writeFileSync(file, text);
      try {
        const result = runPipeline({ inputs: [file], cwd: work.path });
        outcomes.generated++;
        if (outcomes.generated % CHECK_EVERY === 0) {
          checked.push(...writeFiles(outputFiles(result), join(work.path, "out", `r${run}`)));
        }
      } catch (error) {
        if (error instanceof PmgenError && error.source.file.startsWith(`fuzz${run}.json`) && error.message.length > 0) {
          outcomes.rejected++;
        } else {
          crashes.push(`run ${run} (seed ${SEED}): ${(error as Error).stack?.split("\n").slice(0, 3).join(" | ")}`);
        }
      }
    }
    process.stderr.write(`fuzz seed ${SEED}: ${outcomes.generated} generated, ${outcomes.rejected} rejected with a PmgenError, ${checked.length} files type-checked\n`);
    expect(crashes.slice(0, 5)).toEqual([]);
    expect(outcomes.generated).toBeGreaterThan(RUNS / 2);
    expect(outcomes.rejected).toBeGreaterThan(0);
    expect(checked.length).toBeGreaterThan(0);
    expect(typeErrors(checked).slice(0, 10)).toEqual([]);
  }, 600_000);
});
