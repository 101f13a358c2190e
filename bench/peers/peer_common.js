// peer_common.js: what kuzu_bench.js and duckdb_bench.js share, so that the
// two peers read their arguments and inputs, time their workloads and write
// their answers and JSON lines the same way (run_peers.sh and run_suite.sh
// compare and parse them as one format).
//
// Loaded with require(path.join(__dirname, "peer_common.js")): an absolute
// path, so it is found whatever the working directory, and NODE_PATH (which
// run_peers.sh points at the peer's npm install outside the repo) is not
// searched for it. Uses Node's own modules only.
"use strict";

const fs = require("fs");
const path = require("path");

const kWorkloads = ["hop1", "hop2", "sp", "bfs"];
const kMaxPathDepth = 6;  // as newsgraph's Traverser and csr_baseline

const toInt = (value) => parseInt(value, 10);

// The flags every peer takes (--graph, --work, --repeat, --workloads,
// --mode), then a script's own: OWN maps each of its flags to
// [field of the result, parse of the value], DEFAULTS gives those fields'
// values when absent. Throws on a malformed command line; the script checks
// the values of its own flags after.
function parseArgs(argv, defaults, own) {
  const args = { repeat: 1, workloads: kWorkloads, mode: "run", ...defaults };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === "--graph") args.graph = value;
    else if (flag === "--work") args.work = value;
    else if (flag === "--repeat") args.repeat = Math.max(1, toInt(value) || 1);
    else if (flag === "--workloads") args.workloads = value.split(",").filter(Boolean);
    else if (flag === "--mode") args.mode = value;
    else if (Object.hasOwn(own, flag)) args[own[flag][0]] = own[flag][1](value);
    else throw new Error(`unknown flag ${flag}`);
  }
  if (!args.graph || !args.work) throw new Error("--graph and --work are required");
  const unknown = args.workloads.find((w) => !kWorkloads.includes(w));
  if (unknown) throw new Error(`unknown workload ${unknown}`);
  if (!["run", "first-answer"].includes(args.mode)) {
    throw new Error(`--mode must be run or first-answer, not ${args.mode}`);
  }
  return args;
}

const now = () => Number(process.hrtime.bigint()) / 1e9;

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const k = s.length;
  return k % 2 ? s[(k - 1) / 2] : (s[k / 2 - 1] + s[k / 2]) / 2;
}

// One JSON line on stderr, spaced like csr_baseline's so run_suite.sh's
// grep/sed can read it.
function report(fields) {
  const body = Object.entries(fields).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  process.stderr.write(`{${body.join(", ")}}\n`);
}

// The --mode first-answer line: the process's age (Node's uptime) at
// ANSWER, the first hop1 answer from the database an earlier run left.
function reportFirstAnswer(answer) {
  report({ workload: "first_answer", first_answer_s: +process.uptime().toFixed(3), answer,
           from: "database" });
}

// One id, or "s t", per line of a gen_graph.py input file, as digit
// strings: checked here, so that a peer may write them into its query
// text or convert them as its binding wants.
function readQueries(file) {
  const queries = [];
  fs.readFileSync(file, "utf8").split("\n").forEach((line, i) => {
    const fields = line.trim().split(/\s+/).filter(Boolean);
    if (fields.length === 0) return;
    if (!fields.every((x) => /^[0-9]+$/.test(x))) {
      throw new Error(`${file}:${i + 1}: bad line ${JSON.stringify(line)}`);
    }
    queries.push(fields);
  });
  return queries;
}

// Runs PASS (one pass over a workload's QUERIES, returning their answers in
// order; it may be async) args.repeat times, each timed alone, and writes the
// last pass's answers to WORK/PEER_NAME.txt, one a line, where --expect and
// run_suite.sh compare them with csr_baseline's. Returns those answers and
// the workload's JSON fields (the median pass time), for the peer to add to
// and report.
async function timeWorkload(args, peer, name, queries, pass) {
  const seconds = [];
  let answers = [];
  for (let r = 0; r < args.repeat; r++) {
    const start = now();
    answers = await pass();
    seconds.push(now() - start);
  }
  fs.writeFileSync(path.join(args.work, `${peer}_${name}.txt`), answers.join("\n") + "\n");
  const summary = { workload: name, queries: queries.length, median_s: +median(seconds).toFixed(6) };
  return { answers, summary };
}

// A peer script's life: PARSE the command line (a throw prints NAME's
// message and USAGE and exits 2), then MAIN(args), whose value is the exit
// status; a failure of the peer prints its message and exits 1.
function runMain(name, usage, parse, main) {
  let args;
  try {
    args = parse(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${name}: ${e.message}\n${usage}\n`);
    process.exitCode = 2;
    return;
  }
  Promise.resolve().then(() => main(args)).then((code) => { process.exitCode = code; }, (e) => {
    process.stderr.write(`${name}: ${e.message}\n`);
    process.exitCode = 1;
  });
}

module.exports = { kMaxPathDepth, toInt, parseArgs, now, report, reportFirstAnswer,
                   readQueries, timeWorkload, runMain };
