/**
 * `pmgen diff --base <ref>`: the collections as they are at a git commit. The files under the
 * given paths are listed with `git ls-tree` and read with one `git cat-file --batch` into a
 * temporary folder that mirrors the repository, so the old side is discovered and loaded by the
 * same code as the new one (folder-form collections and environment files included). Nothing is
 * checked out: the work tree, the index and HEAD are left as they are.
 */
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { PmgenError } from "../base/diagnostics.js";

/**
 * `node:child_process` and `node:os` are required when `--base` runs, not when the CLI starts:
 * every other command would pay for loading them (and the modules they load) at start-up.
 */
const lazyRequire = createRequire(import.meta.url);
const childProcess = () => lazyRequire("node:child_process") as typeof import("node:child_process");
const os = () => lazyRequire("node:os") as typeof import("node:os");

export interface Snapshot {
  /** The commit the ref named. */
  commit: string;
  /** Where `cwd` is in the copy: the old side runs from here, so its paths read as the new side's. */
  cwd: string;
  /** The copy of a path of the work tree, or undefined when the commit has nothing there. */
  pathAt(path: string): string | undefined;
  remove(): void;
}

export function snapshotAt(ref: string, paths: readonly string[], cwd: string): Snapshot {
  if (!ref || ref.startsWith("-")) throw new PmgenError(`not a git ref: "${ref}"`, { file: "--base" });
  const top = git(["rev-parse", "--show-toplevel"], cwd, "--base needs a git repository").toString("utf8").trim();
  const commit = git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], top, `unknown git ref "${ref}"`).toString("utf8").trim();
  const inRepository = (path: string) => {
    const absolute = resolve(cwd, path);
    const rel = relative(top, existsSync(absolute) ? realpathSync(absolute) : absolute);
    if (rel.startsWith("..") || isAbsolute(rel)) throw new PmgenError(`is outside the git repository ${top}`, { file: path });
    return rel.split(sep).join("/");
  };
  const wanted = paths.map(inRepository);
  const listing = git(["ls-tree", "-r", "-z", "--full-tree", commit, "--", ...wanted.map((p) => p || ".")], top, "git ls-tree failed").toString("utf8");
  // `<mode> <type> <object>\t<path>`: blobs only; symbolic links (120000) and submodules are not collections.
  const blobs = listing
    .split("\0")
    .filter(Boolean)
    .map((entry) => {
      const tab = entry.indexOf("\t");
      const [mode, type, object] = entry.slice(0, tab).split(" ");
      return { mode, type, object: object!, path: entry.slice(tab + 1) };
    })
    .filter((e) => e.type === "blob" && e.mode !== "120000");
  const root = mkdtempSync(join(os().tmpdir(), "pmgen-diff-"));
  try {
    const contents = readBlobs(blobs.map((b) => b.object), top);
    blobs.forEach((blob, i) => {
      const target = join(root, ...blob.path.split("/"));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, contents[i]!);
    });
    const mirror = join(root, ...inRepository(cwd).split("/").filter(Boolean));
    mkdirSync(mirror, { recursive: true });
    return {
      commit,
      cwd: mirror,
      pathAt(path) {
        const rel = inRepository(path);
        const found = blobs.some((b) => rel === "" || b.path === rel || b.path.startsWith(`${rel}/`));
        return found ? join(root, ...rel.split("/").filter(Boolean)) : undefined;
      },
      remove: () => rmSync(root, { recursive: true, force: true }),
    };
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}

/** The contents of the blobs, in order, from one `git cat-file --batch`. */
function readBlobs(objects: readonly string[], top: string): Buffer[] {
  if (!objects.length) return [];
  const output = git(["cat-file", "--batch"], top, "git cat-file failed", `${objects.join("\n")}\n`);
  const contents: Buffer[] = [];
  let at = 0;
  for (const object of objects) {
    // Each object is `<object> <type> <size>\n<content>\n`.
    const end = output.indexOf(0x0a, at);
    const header = output.subarray(at, end).toString("utf8").split(" ");
    if (header[0] !== object || header[1] !== "blob") throw new PmgenError(`git cat-file: unexpected "${header.join(" ")}" for ${object}`, { file: "--base" });
    const size = Number(header[2]);
    contents.push(output.subarray(end + 1, end + 1 + size));
    at = end + 1 + size + 1;
  }
  return contents;
}

function git(args: string[], cwd: string, failure: string, input?: string): Buffer {
  const result = childProcess().spawnSync("git", args, { cwd, input, maxBuffer: 1 << 30 });
  if (result.error) throw new PmgenError(`${failure}: ${result.error.message}`, { file: "--base" });
  if (result.status !== 0) {
    const detail = result.stderr.toString("utf8").trim();
    throw new PmgenError(detail ? `${failure}: ${detail}` : failure, { file: "--base" });
  }
  return result.stdout;
}
