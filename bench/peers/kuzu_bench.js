#!/usr/bin/env node
// kuzu_bench.js: the four traversal workloads of `newsgraph bench run` on
// Kùzu (embedded, Cypher), for bench/peers/run_peers.sh.
//
//   node kuzu_bench.js --graph DIR --work DIR [--repeat N]
//                      [--workloads hop1,hop2,sp,bfs] [--buffer-mb MB]
//                      [--bfs-max-depth D] [--edge-tables single|per-type]
//                      [--mode run|first-answer]
//
// DIR holds gen_graph.py's files. Creates a fresh database in
// WORK/kuzu_db, COPYs nodes.csv and edges.csv into it (timed as the load),
// then runs each workload over its whole input REPEAT times and writes the
// answers of the last run to WORK/kuzu_<workload>.txt, one a line. stderr
// gets one JSON line per step: {"workload": "load", "edges": .., ...} and
// {"workload": W, "queries": Q, "median_s": S}. --edge-tables single (the
// default) keeps the 8 edge types as a property of one rel table E;
// per-type makes rel tables E1..E8 (for comparing load times). The `kuzu`
// package is resolved from NODE_PATH (run_peers.sh installs it outside the
// repo).
//
// --mode first-answer opens the database an earlier run left, answers the
// first line of hop1.txt and reports the process's age then (Node's
// uptime: program start, Kùzu's addon, opening the database, the query),
// as {"workload": "first_answer", "first_answer_s": S, "answer": A}.
//
// Exit status: 0 on success, 2 on bad arguments, 1 when Kùzu fails.
"use strict";

const fs = require("fs");
const path = require("path");

const kUsage =
  "usage: kuzu_bench.js --graph DIR --work DIR [--repeat N] " +
  "[--workloads hop1,hop2,sp,bfs] [--buffer-mb MB] [--bfs-max-depth D] " +
  "[--edge-tables single|per-type] [--mode run|first-answer]";
const kEdgeTypes = 8;  // gen_graph.py's types 1..8
const kMaxPathDepth = 6;  // as newsgraph's Traverser and csr_baseline

function parseArgs(argv) {
  const args = {
    repeat: 1,
    workloads: ["hop1", "hop2", "sp", "bfs"],
    bufferMb: 4096,
    bfsMaxDepth: 30,
    edgeTables: "single",
    mode: "run",
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    i++;
    if (flag === "--graph") args.graph = value;
    else if (flag === "--work") args.work = value;
    else if (flag === "--repeat") args.repeat = Math.max(1, parseInt(value, 10) || 1);
    else if (flag === "--workloads") args.workloads = value.split(",").filter(Boolean);
    else if (flag === "--buffer-mb") args.bufferMb = parseInt(value, 10);
    else if (flag === "--bfs-max-depth") args.bfsMaxDepth = parseInt(value, 10);
    else if (flag === "--edge-tables") args.edgeTables = value;
    else if (flag === "--mode") args.mode = value;
    else throw new Error(`unknown flag ${flag}`);
  }
  if (!args.graph || !args.work) throw new Error("--graph and --work are required");
  for (const w of args.workloads) {
    if (!["hop1", "hop2", "sp", "bfs"].includes(w)) throw new Error(`unknown workload ${w}`);
  }
  if (!["single", "per-type"].includes(args.edgeTables)) {
    throw new Error(`--edge-tables must be single or per-type, not ${args.edgeTables}`);
  }
  if (!["run", "first-answer"].includes(args.mode)) {
    throw new Error(`--mode must be run or first-answer, not ${args.mode}`);
  }
  if (!(args.bufferMb > 0) || !(args.bfsMaxDepth > 0)) {
    throw new Error("--buffer-mb and --bfs-max-depth must be positive");
  }
  return args;
}

function now() {
  return Number(process.hrtime.bigint()) / 1e9;
}

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

// Runs a statement and returns its rows, throwing Kùzu's message on failure.
function run(conn, statement, params) {
  const result = params === undefined ? conn.querySync(statement) : conn.executeSync(statement, params);
  const last = Array.isArray(result) ? result[result.length - 1] : result;
  const rows = last.getAllSync();
  last.close();
  return rows;
}

// One id, or "s t", per line of a gen_graph.py input file, as BigInt so
// that Kùzu binds them as INT64 and uses the primary-key index.
function readQueries(file) {
  const queries = [];
  fs.readFileSync(file, "utf8").split("\n").forEach((line, i) => {
    const fields = line.trim().split(/\s+/).filter(Boolean);
    if (fields.length === 0) return;
    if (!fields.every((x) => /^[0-9]+$/.test(x))) {
      throw new Error(`${file}:${i + 1}: bad line ${JSON.stringify(line)}`);
    }
    queries.push(fields.map((x) => BigInt(x)));
  });
  return queries;
}

// A Cypher string literal.
function quote(text) {
  return `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

function load(conn, graph, edgeTables) {
  const nodesCsv = quote(path.join(graph, "nodes.csv"));
  const edgesCsv = quote(path.join(graph, "edges.csv"));
  const start = now();
  run(conn, "CREATE NODE TABLE N(id INT64, kind STRING, PRIMARY KEY (id))");
  run(conn, `COPY N FROM ${nodesCsv} (HEADER=true)`);
  if (edgeTables === "single") {
    run(conn, "CREATE REL TABLE E(FROM N TO N, type INT8, MANY_MANY)");
    run(conn, `COPY E FROM ${edgesCsv} (HEADER=true)`);
  } else {
    for (let t = 1; t <= kEdgeTypes; t++) {
      run(conn, `CREATE REL TABLE E${t}(FROM N TO N, MANY_MANY)`);
      run(conn, `COPY E${t} FROM (LOAD FROM ${edgesCsv} (HEADER=true) ` +
        `WITH * WHERE CAST(type AS INT64) = ${t} RETURN src, dst)`);
    }
  }
  const seconds = now() - start;
  const edges = Number(run(conn, "MATCH (:N)-[e]->(:N) RETURN count(e) AS n")[0].n);
  return { seconds, edges };
}

// The Cypher of each workload, with how to bind a query and read its answer.
// REL is the rel-table label to follow (":E"), or "" for every rel table.
function workloadPlans(rel, bfsMaxDepth) {
  const scalar = (rows) => String(rows.length ? Number(Object.values(rows[0])[0]) : 0);
  return {
    hop1: {
      cypher: `MATCH (a:N {id: $s})-[${rel}]->(b:N) RETURN count(DISTINCT b) AS n`,
      bind: ([s]) => ({ s }),
      answer: scalar,
    },
    hop2: {
      cypher: `MATCH (a:N {id: $s})-[${rel}*1..2]->(b:N) WHERE b.id <> $s ` +
        "RETURN count(DISTINCT b) AS n",
      bind: ([s]) => ({ s }),
      answer: scalar,
    },
    sp: {
      cypher: `MATCH (a:N {id: $s})-[e${rel}* SHORTEST 1..${kMaxPathDepth}]->(b:N {id: $t}) ` +
        "RETURN length(e) AS d",
      bind: ([s, t]) => ({ s, t }),
      skip: ([s, t]) => (s === t ? "0" : null),
      answer: (rows) => (rows.length ? String(Number(rows[0].d)) : "-1"),
    },
    // Single-source shortest paths reach every node once, at its BFS level:
    // the count plus the source is `reached`, the longest is the depth.
    // A rel variable rather than a path one: binding a path costs Kùzu
    // ~40% more here, as it then materialises every path's nodes.
    bfs: {
      cypher: `MATCH (a:N {id: $s})-[e${rel}* SHORTEST 1..${bfsMaxDepth}]->(b:N) ` +
        "WHERE b.id <> $s RETURN count(*) AS n, max(length(e)) AS d",
      bind: ([s]) => ({ s }),
      answer: (rows) => {
        const n = rows.length ? Number(rows[0].n) : 0;
        const d = n > 0 ? Number(rows[0].d) : 0;
        return `${n + 1} ${d}`;
      },
      maxDepth: bfsMaxDepth,
    },
  };
}

function runWorkload(conn, graph, work, name, plan, repeat) {
  const queries = readQueries(path.join(graph, `${name}.txt`));
  const statement = conn.prepareSync(plan.cypher);
  if (!statement.isSuccess()) throw new Error(`${name}: ${statement.getErrorMessage()}`);
  const seconds = [];
  let answers = [];
  for (let r = 0; r < repeat; r++) {
    answers = [];
    const start = now();
    for (const q of queries) {
      const fixed = plan.skip ? plan.skip(q) : null;
      answers.push(fixed !== null ? fixed : plan.answer(run(conn, statement, plan.bind(q))));
    }
    seconds.push(now() - start);
  }
  fs.writeFileSync(path.join(work, `kuzu_${name}.txt`), answers.join("\n") + "\n");
  const summary = { workload: name, queries: queries.length, median_s: +median(seconds).toFixed(6) };
  // A BFS whose deepest level is the bound may have been cut short.
  if (plan.maxDepth && answers.some((a) => Number(a.split(" ")[1]) >= plan.maxDepth)) {
    summary.truncated_at_depth = plan.maxDepth;
  }
  report(summary);
}

// The database of an earlier run, opened as a fresh process would, and the
// first hop1 seed answered.
function firstAnswer(kuzu, dbPath, args) {
  if (!fs.existsSync(dbPath)) throw new Error(`${dbPath}: no database (run it with --mode run first)`);
  const db = new kuzu.Database(dbPath, args.bufferMb * 1024 * 1024);
  db.initSync();
  const conn = new kuzu.Connection(db);
  conn.initSync();
  const plan = workloadPlans(args.edgeTables === "single" ? ":E" : "", args.bfsMaxDepth).hop1;
  const [seed] = readQueries(path.join(args.graph, "hop1.txt"));
  const statement = conn.prepareSync(plan.cypher);
  if (!statement.isSuccess()) throw new Error(`hop1: ${statement.getErrorMessage()}`);
  const answer = plan.answer(run(conn, statement, plan.bind(seed)));
  report({ workload: "first_answer", first_answer_s: +process.uptime().toFixed(3), answer,
           from: "database" });
  conn.closeSync();
  db.closeSync();
  return 0;
}

function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`kuzu_bench: ${e.message}\n${kUsage}\n`);
    return 2;
  }
  const kuzu = require("kuzu");
  const dbPath = path.join(args.work, "kuzu_db");
  if (args.mode === "first-answer") return firstAnswer(kuzu, dbPath, args);
  fs.rmSync(dbPath, { recursive: true, force: true });
  const db = new kuzu.Database(dbPath, args.bufferMb * 1024 * 1024);
  db.initSync();
  const conn = new kuzu.Connection(db);
  conn.initSync();
  run(conn, `CALL var_length_extend_max_depth=${Math.max(args.bfsMaxDepth, kMaxPathDepth)}`);

  const { seconds, edges } = load(conn, args.graph, args.edgeTables);
  report({ workload: "load", edges, median_s: +seconds.toFixed(3), kuzu: kuzu.VERSION,
           edge_tables: args.edgeTables });
  const plans = workloadPlans(args.edgeTables === "single" ? ":E" : "", args.bfsMaxDepth);
  for (const name of args.workloads) {
    runWorkload(conn, args.graph, args.work, name, plans[name], args.repeat);
  }
  conn.closeSync();
  db.closeSync();
  return 0;
}

try {
  process.exitCode = main();
} catch (e) {
  process.stderr.write(`kuzu_bench: ${e.message}\n`);
  process.exitCode = 1;
}
