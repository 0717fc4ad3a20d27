/** `verifyDeclarations` notices code that escaped its literal or comment. */
import { describe, expect, it } from "vitest";
import { verifyDeclarations } from "../../generator/emit/verify.js";
import { runPipeline } from "../../generator/pipeline.js";
import { OCI_FOLDER, ROOT } from "../support.js";

describe("verifyDeclarations", () => {
  const [oci] = runPipeline({ inputs: [OCI_FOLDER], cwd: ROOT });

  it("passes the generated OCI client", () => {
    expect(verifyDeclarations(oci!.files, oci!.ir, oci!.types)).toEqual([]);
  });

  it("reports a statement or declaration the IR does not call for", () => {
    const files = new Map(oci!.files);
    const operation = files.get("operations/createVolumeBackup.ts")!;
    files.set("operations/createVolumeBackup.ts", operation.replace("/** Parameters of", 'fetch("https://evil.example");\n/** Parameters of'));
    files.set("types.ts", `${files.get("types.ts")}\nexport const leaked = 1;\n`);
    files.set("index.ts", files.get("index.ts")!.replace('import {\n  bindOperations', 'import "./evil.js";\nimport {\n  bindOperations'));
    const problems = verifyDeclarations(files, oci!.ir, oci!.types);
    expect(problems).toEqual([
      { file: "operations/createVolumeBackup.ts", message: "unexpected top-level ExpressionStatement" },
      { file: "types.ts", message: expect.stringMatching(/^declares .*leaked.*; expected /) },
      { file: "index.ts", message: "imports ./evil.js" },
    ]);
  });

  it("reports a syntax error, as a broken-out comment would cause", () => {
    const files = new Map(oci!.files);
    files.set("fixtures/createVolumeBackup.ts", files.get("fixtures/createVolumeBackup.ts")!.replace("/** Request body samples", "*/ } /** Request body samples"));
    const problems = verifyDeclarations(files, oci!.ir, oci!.types);
    expect(problems.some((p) => p.file === "fixtures/createVolumeBackup.ts" && p.message.startsWith("syntax error"))).toBe(true);
  });
});
