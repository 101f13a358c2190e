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
const { kMaxPathDepth, toInt, parseArgs: parseCommonArgs, now, report, readQueries, timeWorkload,
        reportFirstAnswer, runMain } = require(path.join(__dirname, "peer_common.js"));

function parseArgs(argv) {
  const args = parseCommonArgs(argv, { bufferMb: 4096, bfsMaxDepth: 30, edgeTables: "single" }, {
    "--buffer-mb": ["bufferMb", toInt],
    "--bfs-max-depth": ["bfsMaxDepth", toInt],
    "--edge-tables": ["edgeTables", String],
  });
  if (!["single", "per-type"].includes(args.edgeTables)) {
    throw new Error(`--edge-tables must be single or per-type, not ${args.edgeTables}`);
  }
  if (!(args.bufferMb > 0) || !(args.bfsMaxDepth > 0)) {
    throw new Error("--buffer-mb and --bfs-max-depth must be positive");
  }
  return args;
}

// Runs a statement and returns its rows, throwing Kùzu's message on failure.
function run(conn, statement, params) {
  const result = params === undefined ? conn.querySync(statement) : conn.executeSync(statement, params);
  const last = Array.isArray(result) ? result[result.length - 1] : result;
  const rows = last.getAllSync();
  last.close();
  return rows;
}

// A query's ids as BigInt, so that Kùzu binds them as INT64 and uses the
// primary-key index.
function readIds(file) {
  return readQueries(file).map((q) => q.map(BigInt));
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

async function runWorkload(conn, args, name, plan) {
  const queries = readIds(path.join(args.graph, `${name}.txt`));
  const statement = conn.prepareSync(plan.cypher);
  if (!statement.isSuccess()) throw new Error(`${name}: ${statement.getErrorMessage()}`);
  const pass = () => queries.map((q) => {
    const fixed = plan.skip ? plan.skip(q) : null;
    return fixed !== null ? fixed : plan.answer(run(conn, statement, plan.bind(q)));
  });
  const { answers, summary } = await timeWorkload(args, "kuzu", name, queries, pass);
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
  const [seed] = readIds(path.join(args.graph, "hop1.txt"));
  const statement = conn.prepareSync(plan.cypher);
  if (!statement.isSuccess()) throw new Error(`hop1: ${statement.getErrorMessage()}`);
  const answer = plan.answer(run(conn, statement, plan.bind(seed)));
  reportFirstAnswer(answer);
  conn.closeSync();
  db.closeSync();
  return 0;
}

async function main(args) {
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
  for (const name of args.workloads) await runWorkload(conn, args, name, plans[name]);
  conn.closeSync();
  db.closeSync();
  return 0;
}

runMain("kuzu_bench", kUsage, parseArgs, main);
