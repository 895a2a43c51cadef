// Run by compile.py with the pinned Node 22. Two modes, both reading a JSON job file:
//
//   node compile.mjs compile JOBS.json   JOBS: [{"entry": ".../main.tsp", "out": DIR}, ...]
//     compiles each entry with @typespec/openapi3 and @azure-tools/typespec-autorest inside one
//     process (the compiler and its libraries load once, which is most of a single compile's
//     cost) and writes DIR/result.json: {"errors": [...], "emitters": {name: "ok" | message}}.
//
//   node compile.mjs scenarios JOBS.json  JOBS: [{"mockapi": ".../mockapi.js", "out": FILE}, ...]
//     imports each scenario module and writes its mock definitions as JSON (bodies serialized,
//     the server's base URL left as the placeholder "{baseUrl}").
import { compile, NodeHost } from "@typespec/compiler";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

const EMITTERS = ["@typespec/openapi3", "@azure-tools/typespec-autorest"];
const EMITTER_OPTIONS = {
  "@typespec/openapi3": { "file-type": "json" },
  "@azure-tools/typespec-autorest": {},
};

function errorsOf(program) {
  return program.diagnostics
    .filter((d) => d.severity === "error")
    .map((d) => `${d.code}: ${d.message}`);
}

async function compileWith(entry, out, emit) {
  const options = {};
  for (const name of emit) options[name] = EMITTER_OPTIONS[name];
  return compile(NodeHost, entry, { outputDir: out, emit, options });
}

async function compileOne({ entry, out }) {
  await mkdir(out, { recursive: true });
  const result = { errors: [], emitters: {} };
  try {
    const program = await compileWith(entry, out, EMITTERS);
    result.errors = errorsOf(program);
    if (result.errors.length === 0) {
      for (const name of EMITTERS) result.emitters[name] = "ok";
    }
  } catch {
    result.errors = [];
  }
  if (Object.keys(result.emitters).length === 0) {
    // An emitter crashed or reported an error, which stops every emitter: run each alone so
    // the other still writes its document.
    result.errors = [];
    for (const name of EMITTERS) {
      try {
        const program = await compileWith(entry, out, [name]);
        const errors = errorsOf(program);
        result.errors.push(...errors);
        result.emitters[name] = errors.length === 0 ? "ok" : "error";
      } catch (error) {
        result.emitters[name] = String(error?.info?.error ?? error).split("\n")[0];
      }
    }
  }
  await writeFile(join(out, "result.json"), JSON.stringify(result, null, 2));
}

function serializeBody(body) {
  if (body === undefined || body === null) return null;
  if (body.kind === "multipart") {
    return {
      kind: "multipart",
      contentType: body.contentType,
      parts: body.parts ?? {},
      files: (body.files ?? []).map((f) => ({
        fieldname: f.fieldname,
        originalname: f.originalname,
        mimetype: f.mimetype,
        base64: Buffer.from(f.buffer).toString("base64"),
      })),
    };
  }
  const raw = body.rawContent;
  const out = { kind: "raw", contentType: body.contentType ?? null };
  if (raw === undefined) out.text = null;
  else if (typeof raw === "string") out.text = raw;
  else if (Buffer.isBuffer(raw)) out.base64 = raw.toString("base64");
  else if (typeof raw.serialize === "function") out.text = raw.serialize({ baseUrl: "{baseUrl}" });
  else out.text = null;
  return out;
}

function resolveDyn(value) {
  if (typeof value === "function" && value.isDyn) return value({ baseUrl: "{baseUrl}" });
  if (Array.isArray(value)) return value.map(resolveDyn);
  if (value && typeof value === "object" && !Buffer.isBuffer(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveDyn(v)]));
  }
  return value;
}

function describeApi(api) {
  const request = api.request ?? {};
  const response = api.response ?? {};
  return {
    uri: api.uri,
    method: api.method,
    handler: typeof api.handler === "function",
    request: {
      body: serializeBody(request.body),
      headers: resolveDyn(request.headers ?? {}),
      query: resolveDyn(request.query ?? {}),
      pathParams: resolveDyn(request.pathParams ?? {}),
      status: request.status ?? null,
    },
    response: {
      status: response.status ?? null,
      headers: resolveDyn(response.headers ?? {}),
      body: serializeBody(response.body),
    },
  };
}

async function dumpScenarios({ mockapi, out }) {
  const module = await import(pathToFileURL(mockapi).href);
  const scenarios = {};
  for (const [name, scenario] of Object.entries(module.Scenarios ?? {})) {
    scenarios[name] = {
      passCondition: scenario.passCondition,
      code: scenario.code ?? null,
      apis: scenario.apis.map(describeApi),
    };
  }
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, JSON.stringify(scenarios, null, 2));
}

const [mode, jobFile] = process.argv.slice(2);
const jobs = JSON.parse(await readFile(jobFile, "utf-8"));
const run = { compile: compileOne, scenarios: dumpScenarios }[mode];
if (run === undefined) {
  console.error(`unknown mode ${mode}`);
  process.exit(2);
}
for (const job of jobs) {
  await run(job);
}
