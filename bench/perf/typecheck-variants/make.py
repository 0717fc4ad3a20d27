"""
Variants of a generated client (github-v3), each a copy edited by a script, for the type-check
analysis in bench/perf/README.md. The generator is not involved: these are prototypes of changes
to the generated code.

  python3 make.py [variant ...]            # every variant of V, or the ones named
  python3 make.py --more<N> <variant ...>  # the variants defined after the first loop

Environment: PMGEN_TC_BASE, the generated client to copy (default /tmp/tc-base, e.g.
`dist/pmgen.cjs generate test/fixtures/collections/github-v3.postman_collection.json --out /tmp/x`
then /tmp/x/github-v3); PMGEN_TC_OUT, where the variants go (default /tmp/tc); PMGEN_TSC, the
TypeScript 5.9 tsc used to compile the runtime's declarations (default the repository's).
"""
import os, re, shutil, sys, glob, json
BASE = os.environ.get("PMGEN_TC_BASE", "/tmp/tc-base")
OUT = os.environ.get("PMGEN_TC_OUT", "/tmp/tc")
TSC = os.environ.get("PMGEN_TSC", os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../node_modules/typescript/bin/tsc"))
OPTS = {"target": "ES2022", "module": "NodeNext", "moduleResolution": "NodeNext", "lib": ["ES2022", "DOM", "DOM.Iterable"], "types": [], "strict": True, "noEmit": True, "skipLibCheck": True, "verbatimModuleSyntax": True, "isolatedModules": True}

def variant(name, edit):
    d = f"{OUT}/{name}"
    shutil.rmtree(d, ignore_errors=True)
    shutil.copytree(BASE, d)
    edit(d)
    json.dump({"compilerOptions": OPTS, "include": ["**/*.ts"]}, open(f"{d}/tsconfig.json", "w"))

def sub_files(pattern, fn):
    def edit(d):
        for f in glob.glob(f"{d}/{pattern}"):
            s = open(f).read(); open(f, "w").write(fn(s))
    return edit

def chain(*edits):
    def edit(d):
        for e in edits: e(d)
    return edit

no_fixtures = lambda d: shutil.rmtree(f"{d}/fixtures")
fixtures_no_satisfies = sub_files("fixtures/*.ts", lambda s: re.sub(r" satisfies (Record<string, \w+>|\w+)(\[\])*", "", s))
ops_no_satisfies = sub_files("operations/*.ts", lambda s: s.replace(" satisfies OperationSpec", ""))

def no_api_client(d):
    f = f"{d}/index.ts"; s = open(f).read()
    a = s.index("/**\n * GitHub v3 REST API"); b = s.index("export function createBaseClient")
    c = s.index("/**", b); 
    s = s[:a] + s[b:c]
    open(f, "w").write(s)

def no_reexports(d):
    f = f"{d}/index.ts"; s = open(f).read()
    s = "\n".join(l for l in s.split("\n") if not l.startswith('export * from "./operations/'))
    open(f, "w").write(s)

def undocumented_plain(d):
    f = f"{d}/runtime/status.ts"; s = open(f).read()
    s = s.replace("status: Exclude<HttpStatus, Documented>;", "status: HttpStatus;")
    open(f, "w").write(s)

def undocumented_number(d):
    f = f"{d}/runtime/status.ts"; s = open(f).read()
    s = s.replace("status: Exclude<HttpStatus, Documented>;", "status: number;")
    open(f, "w").write(s)

def only(keep):
    def edit(d):
        for name in os.listdir(d):
            if name not in keep: 
                p = f"{d}/{name}"
                shutil.rmtree(p) if os.path.isdir(p) else os.remove(p)
    return edit

V = {
    "base": lambda d: None,
    "no-fixtures": no_fixtures,
    "fixtures-no-satisfies": fixtures_no_satisfies,
    "ops-no-satisfies": ops_no_satisfies,
    "no-api-client": no_api_client,
    "no-reexports": no_reexports,
    "undocumented-all-statuses": undocumented_plain,
    "undocumented-number": undocumented_number,
    "runtime-only": only({"runtime", "package.json"}),
    "runtime-types": only({"runtime", "types.ts", "package.json"}),
    "no-fixtures-no-client": chain(no_fixtures, no_api_client),
}
for name in ([] if sys.argv[1:2] in (["--more"], ["--more2"], ["--more3"], ["--more4"], ["--more5"], ["--more6"], ["--more7"], ["--more8"], ["--more9"]) else (sys.argv[1:] or V)):
    variant(name, V[name]); print("made", name)

def generic_send(d):
    f = f"{d}/runtime/types.ts"; s = open(f).read()
    s = s.replace("""  send(
    spec: OperationSpec,
    params: OperationParams | undefined,
    options?: RequestOptions,
  ): Promise<RuntimeResponse>;""", """  send<R = RuntimeResponse>(
    spec: OperationSpec,
    params: OperationParams | undefined,
    options?: RequestOptions,
  ): Promise<R>;""")
    open(f, "w").write(s)
    for f in glob.glob(f"{d}/operations/*.ts"):
        s = open(f).read()
        s2 = re.sub(r"return client\.send\((\w+Spec), (params|undefined), options\) as Promise<(\w+)>;", r"return client.send<\3>(\1, \2, options);", s)
        open(f, "w").write(s2)
    f = f"{d}/runtime/client.ts"; s = open(f).read()
    s = s.replace("  return { send };", "  return { send: send as Client[\"send\"] };")
    open(f, "w").write(s)
V["ops-generic-send"] = generic_send
V["ops-generic-send-no-satisfies"] = chain(generic_send, ops_no_satisfies)
V["all-four"] = chain(generic_send, ops_no_satisfies, fixtures_no_satisfies, no_api_client)
if __name__ == "__main__" and len(sys.argv) > 1 and sys.argv[1] == "--more":
    for name in ("ops-generic-send", "ops-generic-send-no-satisfies", "all-four"):
        variant(name, V[name]); print("made", name)

def merge_dir(sub, target, rel_imports):
    """Concatenate every file of `sub` (but index.ts) into one module `target` at the client's root."""
    def edit(d):
        names = {"../runtime/index.js": set(), "../types.js": set()}
        bodies = []
        for f in sorted(glob.glob(f"{d}/{sub}/*.ts")):
            if f.endswith("/index.ts"): continue
            s = open(f).read()
            for m in re.finditer(r'^import type \{([^}]*)\} from "(\.\./runtime/index\.js|\.\./types\.js)";\n', s, re.M):
                names[m.group(2)].update(x.strip() for x in m.group(1).split(",") if x.strip())
            s = re.sub(r'^import type \{[^}]*\} from "[^"]*";\n', "", s, flags=re.M)
            s = re.sub(r'^// Generated by pmgen.*\n', "", s, flags=re.M)
            bodies.append(s)
            os.remove(f)
        head = "".join(f'import type {{ {", ".join(sorted(n))} }} from "{p.replace("../", "./")}";\n' for p, n in names.items() if n)
        open(f"{d}/{target}", "w").write(head + "\n".join(bodies))
        # importers: index.ts (operations), fixtures/index.ts (fixtures)
        for f in ([f"{d}/index.ts"] if sub == "operations" else [f"{d}/fixtures/index.ts"]):
            if not os.path.exists(f): continue
            s = open(f).read()
            if sub == "operations":
                s = re.sub(r'from "\./operations/\w+\.js"', f'from "./{target[:-3]}.js"', s)
                lines = s.split("\n"); seen = set(); out = []
                for l in lines:
                    if l.startswith('export * from "./operations.js"'):
                        if l in seen: continue
                        seen.add(l)
                    out.append(l)
                s = "\n".join(out)
            else:
                s = re.sub(r'from "\./\w+\.js"', f'from "../{target[:-3]}.js"', s)
            open(f, "w").write(s)
    return edit

def ops_no_const(d):
    for f in glob.glob(f"{d}/operations/*.ts"):
        s = open(f).read(); open(f, "w").write(s.replace("} as const satisfies OperationSpec;", "} satisfies OperationSpec;"))

def empty(d):
    for name in os.listdir(d):
        p = f"{d}/{name}"; shutil.rmtree(p) if os.path.isdir(p) else os.remove(p)
    open(f"{d}/package.json", "w").write('{"type":"module"}')
    open(f"{d}/empty.ts", "w").write("export const x = 1;\n")

def runtime_dts(d):
    import subprocess
    rt = f"{d}/runtime"
    subprocess.run(["node", TSC, "--declaration", "--emitDeclarationOnly", "--outDir", f"{d}/rt-out", "--target", "ES2022", "--module", "NodeNext", "--moduleResolution", "NodeNext", "--lib", "ES2022,DOM,DOM.Iterable", "--skipLibCheck", "--strict", *glob.glob(f"{rt}/**/*.ts", recursive=True)], check=True)
    for f in glob.glob(f"{rt}/**/*.ts", recursive=True):
        os.remove(f)
    for f in glob.glob(f"{d}/rt-out/**/*.d.ts", recursive=True):
        dest = f.replace(f"{d}/rt-out", rt); os.makedirs(os.path.dirname(dest), exist_ok=True); shutil.move(f, dest)
    shutil.rmtree(f"{d}/rt-out")

V["empty"] = empty
V["ops-one-file"] = merge_dir("operations", "operations.ts", None)
V["fixtures-one-file"] = merge_dir("fixtures", "fixtures.ts", None)
V["ops-no-const"] = ops_no_const
V["runtime-dts"] = runtime_dts
if __name__ == "__main__" and len(sys.argv) > 1 and sys.argv[1] == "--more2":
    for name in sys.argv[2:]:
        variant(name, V[name]); print("made", name)

V["lean-files"] = chain(runtime_dts, merge_dir("operations", "operations.ts", None), merge_dir("fixtures", "fixtures.ts", None))
V["lean-all"] = chain(generic_send, fixtures_no_satisfies, runtime_dts, merge_dir("operations", "operations.ts", None), merge_dir("fixtures", "fixtures.ts", None))
V["ops-fixtures-one-file"] = chain(merge_dir("operations", "operations.ts", None), merge_dir("fixtures", "fixtures.ts", None))
V["no-fixtures-runtime-dts"] = chain(no_fixtures, runtime_dts)
V["no-fixtures-runtime-dts-ops-one-file"] = chain(no_fixtures, runtime_dts, merge_dir("operations", "operations.ts", None))
if __name__ == "__main__" and len(sys.argv) > 1 and sys.argv[1] == "--more3":
    for name in sys.argv[2:]:
        variant(name, V[name]); print("made", name)

def ops_declare_spec(d):
    for f in glob.glob(f"{d}/operations/*.ts"):
        s = open(f).read()
        s = re.sub(r"export const (\w+Spec) = \{.*?\n\} as const satisfies OperationSpec;", r"export declare const \1: OperationSpec;", s, flags=re.S)
        open(f, "w").write(s)

def ops_declare_function(d):
    for f in glob.glob(f"{d}/operations/*.ts"):
        s = open(f).read()
        s = re.sub(r"export function (\w+)\((.*?)\): (Promise<\w+>) \{\n.*?\n\}", r"export declare function \1(\2): \3;", s, flags=re.S)
        open(f, "w").write(s)

def ops_no_result_union(d):
    for f in glob.glob(f"{d}/operations/*.ts"):
        s = open(f).read()
        s = re.sub(r"export type (\w+Result) =\n.*?;\n", r"export type \1 = import('../runtime/index.js').ApiResponse<200, unknown>;\n", s, flags=re.S)
        open(f, "w").write(s)

V["ops-declare-spec"] = ops_declare_spec
V["ops-declare-function"] = ops_declare_function
V["ops-declare-both"] = chain(ops_declare_spec, ops_declare_function)
V["ops-simple-result"] = ops_no_result_union
if __name__ == "__main__" and len(sys.argv) > 1 and sys.argv[1] == "--more4":
    for name in sys.argv[2:]:
        variant(name, V[name]); print("made", name)

def strip_comments(pattern):
    def edit(d):
        for f in glob.glob(f"{d}/{pattern}"):
            s = open(f).read()
            s = re.sub(r"/\*\*.*?\*/\n?", "", s, flags=re.S)
            s = re.sub(r"^\s*// .*\n", "", s, flags=re.M)
            open(f, "w").write(s)
    return edit

def drop(*names):
    def edit(d):
        for n in names:
            p = f"{d}/{n}"; shutil.rmtree(p) if os.path.isdir(p) else os.remove(p)
    return edit

V["rt-types-ops"] = drop("index.ts", "fixtures")
V["ops-no-comments"] = strip_comments("operations/*.ts")
V["rt-types-ops-no-comments"] = chain(drop("index.ts", "fixtures"), strip_comments("operations/*.ts"))
V["rt-types-ops-declared"] = chain(drop("index.ts", "fixtures"), ops_declare_spec, ops_declare_function)
if __name__ == "__main__" and len(sys.argv) > 1 and sys.argv[1] == "--more5":
    for name in sys.argv[2:]:
        variant(name, V[name]); print("made", name)

def ops_annotated_spec(d):
    for f in glob.glob(f"{d}/operations/*.ts"):
        s = open(f).read()
        s = re.sub(r"export const (\w+Spec) = \{(.*?)\n\} as const satisfies OperationSpec;", r"export const \1: OperationSpec = {\2\n};", s, flags=re.S)
        open(f, "w").write(s)

V["ops-annotated-spec"] = ops_annotated_spec
V["rec-all"] = chain(generic_send, no_fixtures, ops_annotated_spec, no_api_client, runtime_dts)
V["rec-no-client-kept"] = chain(generic_send, no_fixtures, ops_annotated_spec, runtime_dts)
if __name__ == "__main__" and len(sys.argv) > 1 and sys.argv[1] == "--more6":
    for name in sys.argv[2:]:
        variant(name, V[name]); print("made", name)

rec = [generic_send, no_fixtures, ops_annotated_spec, no_api_client]
V["rec+ops-one-file"] = chain(*rec, runtime_dts, merge_dir("operations", "operations.ts", None))
V["rec+no-reexports"] = chain(*rec, runtime_dts, no_reexports)
V["rec+undocumented-number"] = chain(*rec, undocumented_number, runtime_dts)
V["rec+ops-no-comments"] = chain(*rec, runtime_dts, strip_comments("operations/*.ts"))
V["rec+declare-function"] = chain(*rec, runtime_dts, ops_declare_function)
V["rec+simple-result"] = chain(*rec, runtime_dts, ops_no_result_union)
if __name__ == "__main__" and len(sys.argv) > 1 and sys.argv[1] == "--more7":
    for name in sys.argv[2:]:
        variant(name, V[name]); print("made", name)

def client_cast(d):
    """Keep the ApiClient interface; build createClient's object at run time from the operations module."""
    f = f"{d}/index.ts"; s = open(f).read()
    a = s.index("export function createClient(options: ClientOptions = {}): ApiClient {")
    b = s.index("\n}\n", a)
    s = s[:a] + """export function createClient(options: ClientOptions = {}): ApiClient {
  const client = createBaseClient(options);
  const api: Record<string, unknown> = { send: client.send };
  for (const [name, fn] of Object.entries(operationFunctions)) {
    if (typeof fn === "function") api[name] = (params: unknown, requestOptions?: RequestOptions) => (fn as (c: Client, p: unknown, o?: RequestOptions) => unknown)(client, params, requestOptions);
  }
  return api as unknown as ApiClient;""" + s[b:]
    s = s.replace('export * from "./operations.js";', 'export * from "./operations.js";\nimport * as operationFunctions from "./operations.js";', 1)
    open(f, "w").write(s)

V["rec2-client-cast"] = chain(generic_send, no_fixtures, ops_annotated_spec, runtime_dts, merge_dir("operations", "operations.ts", None), client_cast)
V["rec2-client-literal"] = chain(generic_send, no_fixtures, ops_annotated_spec, runtime_dts, merge_dir("operations", "operations.ts", None))
if __name__ == "__main__" and len(sys.argv) > 1 and sys.argv[1] == "--more8":
    for name in sys.argv[2:]:
        variant(name, V[name]); print("made", name)

def client_mapped(d):
    """ApiClient as a mapped type over the operations module; createClient built at run time."""
    client_cast(d)
    f = f"{d}/index.ts"; s = open(f).read()
    a = s.index("/**\n * GitHub v3 REST API"); b = s.index("\n}\n", s.index("export interface ApiClient extends Client {")) + 3
    s = s[:a] + """/** A client with one method per request: each operation function with the client bound. */
export type ApiClient = Client & {
  [K in keyof typeof operationFunctions as (typeof operationFunctions)[K] extends (client: Client, ...rest: never[]) => unknown ? K : never]:
    (typeof operationFunctions)[K] extends (client: Client, ...rest: infer A) => infer R ? (...args: A) => R : never;
};
""" + s[b:]
    open(f, "w").write(s)

V["rec2-client-mapped"] = chain(generic_send, no_fixtures, ops_annotated_spec, runtime_dts, merge_dir("operations", "operations.ts", None), client_mapped)
if __name__ == "__main__" and len(sys.argv) > 1 and sys.argv[1] == "--more9":
    for name in sys.argv[2:]:
        variant(name, V[name]); print("made", name)
