#!/usr/bin/env node
// duckdb_bench.js: the four traversal workloads of `newsgraph bench run` on
// DuckDB (embedded, SQL), for bench/peers/run_peers.sh.
//
//   node duckdb_bench.js --graph DIR --work DIR [--repeat N]
//                        [--workloads hop1,hop2,sp,bfs] [--memory-mb MB]
//                        [--threads T] [--edge-order src|none]
//                        [--mode run|first-answer]
//
// DIR holds gen_graph.py's files. Creates a fresh database file
// WORK/duckdb_db/graph.duckdb, reads nodes.csv and edges.csv into tables N
// and E with read_csv (timed as the load, checkpoint included), then runs
// each workload over its whole input REPEAT times and writes the answers of
// the last run to WORK/duckdb_<workload>.txt, one a line. stderr gets one
// JSON line per step, as kuzu_bench.js. --edge-order src (the default)
// stores E sorted by src, so that DuckDB's per-row-group min/max (zone
// maps) skip most of E for `src = ?`; none keeps the file's order. The
// `@duckdb/node-api` package is resolved from NODE_PATH (run_peers.sh
// installs it outside the repo).
//
// --mode first-answer opens the database an earlier run left, answers the
// first line of hop1.txt and reports the process's age then (Node's
// uptime: program start, DuckDB's addon, opening the file, the query), as
// {"workload": "first_answer", "first_answer_s": S, "answer": A}: what a
// fresh process pays before its first answer, the load already done.
//
// Exit status: 0 on success, 2 on bad arguments, 1 when DuckDB fails.
"use strict";

const fs = require("fs");
const path = require("path");

const kUsage =
  "usage: duckdb_bench.js --graph DIR --work DIR [--repeat N] " +
  "[--workloads hop1,hop2,sp,bfs] [--memory-mb MB] [--threads T] [--edge-order src|none] " +
  "[--mode run|first-answer]";
const { kMaxPathDepth, toInt, parseArgs: parseCommonArgs, now, report, readQueries, timeWorkload,
        reportFirstAnswer, runMain } = require(path.join(__dirname, "peer_common.js"));

function parseArgs(argv) {
  const args = parseCommonArgs(argv, { memoryMb: 4096, threads: 0, edgeOrder: "src" }, {
    "--memory-mb": ["memoryMb", toInt],
    "--threads": ["threads", toInt],
    "--edge-order": ["edgeOrder", String],
  });
  if (!["src", "none"].includes(args.edgeOrder)) throw new Error("--edge-order must be src or none");
  if (!(args.memoryMb > 0) || !(args.threads >= 0)) {
    throw new Error("--memory-mb must be positive and --threads not negative");
  }
  return args;
}

// Queries stay readQueries's checked digit strings, written into SQL as
// literals.
const quote = (text) => `'${text.replace(/'/g, "''")}'`;  // a SQL string literal

// The first column of the first row as a Number (counts come back as BigInt).
async function scalar(conn, sql) {
  const rows = (await conn.runAndReadAll(sql)).getRows();
  return rows.length ? Number(rows[0][0]) : 0;
}

async function load(conn, graph, edgeOrder) {
  const nodesCsv = quote(path.join(graph, "nodes.csv"));
  const edgesCsv = quote(path.join(graph, "edges.csv"));
  const start = now();
  await conn.run(`CREATE TABLE N AS SELECT * FROM read_csv(${nodesCsv}, header = true, ` +
    "columns = {'id': 'BIGINT', 'kind': 'VARCHAR'})");
  const nodesDone = now();
  await conn.run(`CREATE TABLE E AS SELECT * FROM read_csv(${edgesCsv}, header = true, ` +
    "columns = {'src': 'BIGINT', 'dst': 'BIGINT', 'type': 'TINYINT'})" +
    (edgeOrder === "src" ? " ORDER BY src" : ""));
  const edgesDone = now();
  await conn.run("CHECKPOINT");  // the tables in the file, as Kùzu's COPY leaves them
  const end = now();
  const edges = await scalar(conn, "SELECT count(*) FROM E");
  return { edges, seconds: end - start, nodes_s: nodesDone - start, edges_s: edgesDone - nodesDone,
           checkpoint_s: end - edgesDone };
}

// One BFS level of one side, all inside DuckDB: the side's next frontier is
// every `to` end of an edge whose `from` end is in its frontier and that the
// side has not seen; it is added to the seen set and becomes the frontier.
// Frontier tables alternate between two names so that none is dropped.
// Returns the new frontier's size.
async function expand(conn, side) {
  const next = side.front === `${side.name}0` ? `${side.name}1` : `${side.name}0`;
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${next} AS SELECT DISTINCT e.${side.to} AS id ` +
    `FROM E e WHERE e.${side.from} IN (SELECT id FROM ${side.front}) ` +
    `AND e.${side.to} NOT IN (SELECT id FROM ${side.seen})`);
  const added = (await conn.run(`INSERT INTO ${side.seen} SELECT id FROM ${next}`)).rowsChanged;
  side.front = next;
  return added;
}

// A side of a search starting at `id`, its frontier and seen set reset.
async function startSide(conn, name, id, from, to) {
  const side = { name, front: `${name}0`, seen: `${name}_seen`, from, to };
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${side.front} AS SELECT ${id}::BIGINT AS id`);
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${side.seen} AS SELECT ${id}::BIGINT AS id`);
  return side;
}

// Bidirectional BFS growing the smaller frontier, as csr_baseline: the
// depth at which a new node of one side is in the other's seen set.
async function shortestPath(conn, [s, t]) {
  if (s === t) return "0";
  const fwd = await startSide(conn, "fw", s, "src", "dst");
  const bwd = await startSide(conn, "bw", t, "dst", "src");
  let ahead = 1, behind = 1;
  for (let depth = 1; depth <= kMaxPathDepth && ahead > 0 && behind > 0; depth++) {
    const forward = ahead <= behind;
    const [mine, theirs] = forward ? [fwd, bwd] : [bwd, fwd];
    const added = await expand(conn, mine);
    const met = await scalar(conn, `SELECT count(*) FROM ${mine.front} ` +
      `WHERE id IN (SELECT id FROM ${theirs.seen})`);
    if (met > 0) return String(depth);
    if (forward) ahead = added; else behind = added;
  }
  return "-1";
}

// BFS over out-edges: "reached depth", reached counting the source.
async function bfs(conn, [s]) {
  const side = await startSide(conn, "bf", s, "src", "dst");
  let reached = 1, depth = 0;
  for (;;) {
    const added = await expand(conn, side);
    if (added === 0) return `${reached} ${depth}`;
    reached += added;
    depth++;
  }
}

// hop1 and hop2 are one statement each, prepared once: the seed binds as
// BIGINT, compared with E.src's zone maps.
const kHopSql = {
  hop1: "SELECT count(DISTINCT dst) FROM E WHERE src = $1",
  hop2: "WITH n1 AS (SELECT DISTINCT dst AS id FROM E WHERE src = $1) " +
    "SELECT count(*) FROM (SELECT id FROM n1 UNION " +
    "SELECT e.dst FROM E e WHERE e.src IN (SELECT id FROM n1)) WHERE id <> $1",
};

async function answerer(conn, name) {
  if (name === "sp") return (q) => shortestPath(conn, q);
  if (name === "bfs") return (q) => bfs(conn, q);
  const statement = await conn.prepare(kHopSql[name]);
  return async ([s]) => {
    statement.bindBigInt(1, BigInt(s));
    const rows = (await statement.runAndReadAll()).getRows();
    return String(rows.length ? Number(rows[0][0]) : 0);
  };
}

async function runWorkload(conn, args, name) {
  const queries = readQueries(path.join(args.graph, `${name}.txt`));
  const answer = await answerer(conn, name);
  const { summary } = await timeWorkload(args, "duckdb", name, queries, async () => {
    const answers = [];
    for (const q of queries) answers.push(await answer(q));
    return answers;
  });
  report(summary);
}

// The database file of an earlier run, opened as a fresh process would,
// and the first hop1 seed answered.
async function firstAnswer(duckdb, file, config, graph) {
  if (!fs.existsSync(file)) throw new Error(`${file}: no database (run it with --mode run first)`);
  const instance = await duckdb.DuckDBInstance.create(file, config);
  const conn = await instance.connect();
  const [seed] = readQueries(path.join(graph, "hop1.txt"));
  const answer = await (await answerer(conn, "hop1"))(seed);
  reportFirstAnswer(answer);
  conn.closeSync();
  instance.closeSync();
  return 0;
}

async function main(args) {
  const duckdb = require("@duckdb/node-api");
  const dir = path.join(args.work, "duckdb_db");
  // A memory cap as Kùzu's buffer pool gets (DuckDB's default is 80% of
  // RAM); past it DuckDB spills into its temp directory beside the file.
  const config = { memory_limit: `${args.memoryMb}MB`, temp_directory: path.join(dir, "tmp") };
  if (args.threads > 0) config.threads = String(args.threads);
  if (args.mode === "first-answer") {
    return firstAnswer(duckdb, path.join(dir, "graph.duckdb"), config, args.graph);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const instance = await duckdb.DuckDBInstance.create(path.join(dir, "graph.duckdb"), config);
  const conn = await instance.connect();
  const threads = await scalar(conn, "SELECT current_setting('threads')");

  const loaded = await load(conn, args.graph, args.edgeOrder);
  report({ workload: "load", edges: loaded.edges, median_s: +loaded.seconds.toFixed(3),
           nodes_s: +loaded.nodes_s.toFixed(3), edges_s: +loaded.edges_s.toFixed(3),
           checkpoint_s: +loaded.checkpoint_s.toFixed(3), duckdb: duckdb.version(), threads,
           edge_order: args.edgeOrder });
  for (const name of args.workloads) await runWorkload(conn, args, name);
  conn.closeSync();
  instance.closeSync();
  return 0;
}

runMain("duckdb_bench", kUsage, parseArgs, main);
