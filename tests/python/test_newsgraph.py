"""Tests of the newsgraph Python module (python/, docs/python.md).

Imports the project's sample corpus (data/sample/) into a temporary store
through the module, then checks its answers against the command line on the
same store: what the binding must get right is the passage from C++ to
Python, so the expected rows come from `newsgraph ask` / `newsgraph query`,
not from this file.

    PYTHONPATH=build/python NEWSGRAPH_CLI=build/newsgraph python3 tests/python/test_newsgraph.py

ctest runs it as `python_module` with Debian's /usr/bin/python3; it exits 77
(skip) with the reason when the module was not built.
"""
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import unittest

SOURCE = os.environ.get("NEWSGRAPH_SOURCE_DIR",
                        os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
CLI = os.path.abspath(os.environ.get("NEWSGRAPH_CLI", os.path.join(SOURCE, "build", "newsgraph")))
SAMPLE = os.path.join(SOURCE, "data", "sample")
Q1 = dict(a="US", b="CN", from_=datetime.date(2022, 1, 1), to=datetime.date(2023, 12, 31))
Q1_FLAGS = ["--a", "US", "--b", "CN", "--from", "2022-01-01", "--to", "2023-12-31"]

if os.environ.get("NEWSGRAPH_PYTHON_BUILT") == "0":
    print("SKIP: the newsgraph Python module was not built: "
          + os.environ.get("NEWSGRAPH_PYTHON_SKIPPED", "see CMake's configure output"))
    sys.exit(77)

import newsgraph  # pylint: disable=wrong-import-position


def cli(*args, check=True):
    """Runs the newsgraph binary; returns (exit code, stdout, stderr)."""
    run = subprocess.run([CLI, *args], capture_output=True, text=True, check=False)
    if check and run.returncode != 0:
        raise AssertionError(f"newsgraph {' '.join(args)} failed: {run.stderr}")
    return run.returncode, run.stdout, run.stderr


def cli_json(*args):
    return json.loads(cli(*args, "--format", "json")[1])


def first_day(date):
    """The day a Cypher date holds for a CLI date of any precision: the first
    day of its span ("2023-07" is 2023-07-01; see docs/exports.md)."""
    return date + "-01" * ((10 - len(date)) // 3)


def plain(value):
    """A Python answer as `--format json` writes it: dates as ISO text."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


class SampleStoreTest(unittest.TestCase):
    """One store holding data/sample/, imported through the module."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="newsgraph_python_")
        cls.store = os.path.join(cls.tmp, "store")
        with newsgraph.open(cls.store) as db:
            cls.jsonl_report = db.import_(os.path.join(SAMPLE, "articles.jsonl"))
            cls.txt_report = db.import_(os.path.join(SAMPLE, "2023-06-19-blinken-beijing.txt"),
                                        date=datetime.date(2023, 6, 19))
        cls.db = newsgraph.open(cls.store, read_only=True)

    @classmethod
    def tearDownClass(cls):
        cls.db.close()
        shutil.rmtree(cls.tmp)

    def test_import_reports(self):
        self.assertEqual(self.jsonl_report["articles_read"], 16)
        self.assertEqual(self.jsonl_report["imported"], 16)
        self.assertEqual(self.txt_report["imported"], 1)
        self.assertGreater(self.jsonl_report["events"], 0)
        self.assertGreater(self.txt_report["edges_added"], 0)
        stats = cli("stats", "--db", self.store)[1]
        self.assertRegex(stats, r"(?m)^articles: 17$")  # what the store now holds

    def test_ask_officials_met_answers_q1_as_the_cli(self):
        rows = self.db.ask("officials-met", **Q1)
        native = cli_json("ask", "officials-met", "--db", self.store, *Q1_FLAGS)
        self.assertEqual(
            [(r["a"], r["b"], r["events"], plain(r["dates"])) for r in rows],
            [(n["a"]["name"], n["b"]["name"], len(n["events"]),
              sorted({first_day(e["date"]) for e in n["events"]})) for n in native])
        for row, n in zip(rows, native):
            self.assertEqual({(e["article_id"], e["sentence"]) for e in row["evidence"]},
                             {(v["article_id"], v["sentence"])
                              for e in n["events"] for v in e["evidence"]})
        # The same answer in the shape of the Cypher engine's JSON, whole.
        cypher = cli_json("ask", "officials-met", "--engine", "cypher", "--db", self.store,
                          *Q1_FLAGS)
        for row in rows:
            for e in row["evidence"]:
                self.assertTrue(e.pop("rule"))  # the module adds the rule that fired
        self.assertEqual(plain(list(rows)), cypher)
        self.assertEqual(rows.columns, ["a", "b", "events", "dates", "evidence"])
        pairs = {(r["a"], r["b"]) for r in rows}
        self.assertIn(("Antony Blinken", "Xi Jinping"), pairs)
        self.assertIn(("Joe Biden", "Xi Jinping"), pairs)

    def test_python_c_answers_q1(self):
        """The acceptance line: `python3 -c 'import newsgraph; ...'` answers Q1."""
        program = (
            "import json, newsgraph\n"
            f"with newsgraph.open({self.store!r}, read_only=True) as db:\n"
            "    rows = db.ask('officials-met', a='US', b='CN', from_='2022-01-01', to='2023-12-31')\n"
            "print(json.dumps([[r['a'], r['b']] for r in rows]))\n")
        run = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                             check=True, env=os.environ)
        native = cli_json("ask", "officials-met", "--db", self.store, *Q1_FLAGS)
        self.assertEqual(json.loads(run.stdout), [[n["a"]["name"], n["b"]["name"]] for n in native])
        self.assertIn(["Antony Blinken", "Xi Jinping"], json.loads(run.stdout))

    def assert_query_as_cli(self, cypher, params, cli_params):
        rows = self.db.query(cypher, **params)
        flags = [f for name, value in cli_params.items() for f in ("--param", f"{name}={value}")]
        expected = cli_json("query", "--db", self.store, cypher, *flags)
        self.assertTrue(expected, cypher)
        self.assertEqual(plain(list(rows)), expected)
        return rows

    def test_query_with_parameters_as_the_cli(self):
        rows = self.assert_query_as_cli(
            "MATCH (p:Person)-[:MET]->(q:Person {name: $who}) RETURN DISTINCT p.name AS name "
            "ORDER BY name", {"who": "Xi Jinping"}, {"who": "Xi Jinping"})
        self.assertIn({"name": "Antony Blinken"}, rows)
        with open(os.path.join(SOURCE, "examples", "officials_met.cypher"), encoding="utf-8") as f:
            q1 = f.read()
        self.assert_query_as_cli(q1, Q1, {"a": "US", "b": "CN", "from": "2022-01-01",
                                          "to": "2023-12-31"})
        # Nodes, relationships, paths, lists, maps, floats and booleans.
        rows = self.assert_query_as_cli(
            "MATCH p = (a:Person {name: $who})-[r:MET]->(b) WHERE r.date >= $since "
            "RETURN a, r, b, p, [r.date, 1.5, true, null] AS list, {n: a.name} AS map "
            "ORDER BY id(r)", {"who": "Antony Blinken", "since": datetime.date(2023, 1, 1)},
            {"who": "Antony Blinken", "since": "2023-01-01"})
        self.assertEqual(rows[0]["a"]["labels"], ["Person"])
        self.assertEqual(rows[0]["r"]["type"], "MET")
        self.assertIsInstance(rows[0]["r"]["properties"]["date"], datetime.date)

    def test_query_values_round_trip(self):
        params = {"i": -(2 ** 63), "f": 0.25, "s": "Wang Yi", "b": False, "n": None,
                  "d": datetime.date(2023, 6, 19), "l": [1, "x", [2]], "m": {"k": [True]}}
        rows = self.db.query("RETURN $i AS i, $f AS f, $s AS s, $b AS b, $n AS n, $d AS d, "
                             "$l AS l, $m AS m, $d.year AS year", params)
        self.assertEqual(rows, [dict(params, year=2023)])
        self.assertIs(rows[0]["b"], False)

    def test_query_df(self):
        try:
            import pandas  # pylint: disable=import-outside-toplevel,unused-import
        except ImportError:
            self.skipTest("pandas is not installed (apt install python3-pandas)")
        cypher = ("MATCH (p:Person)-[:MET]->(q:Person {name: $who}) "
                  "RETURN p.name AS name, count(*) AS meetings ORDER BY name")
        frame = self.db.query_df(cypher, who="Xi Jinping")
        self.assertEqual(list(frame.columns), ["name", "meetings"])
        self.assertEqual(frame.to_dict("records"), list(self.db.query(cypher, who="Xi Jinping")))
        empty = self.db.query_df(cypher, who="Nobody")
        self.assertEqual((len(empty), list(empty.columns)), (0, ["name", "meetings"]))

    def test_errors_raise_the_mapped_exception_with_the_status_message(self):
        with self.assertRaises(ValueError) as bad:
            self.db.query("MATCH (n RETURN n")
        self.assertRegex(str(bad.exception), r"line 1, column \d+")
        self.assertIn(str(bad.exception), cli("query", "--db", self.store, "MATCH (n RETURN n",
                                              check=False)[2])
        missing = os.path.join(self.tmp, "no-store-here")
        with self.assertRaises(FileNotFoundError) as gone:
            newsgraph.open(missing, create_if_missing=False)
        self.assertIn(missing, str(gone.exception))
        self.assertFalse(os.path.exists(missing))
        with self.assertRaises(FileNotFoundError):
            self.db.ask("no-such-query")
        with self.assertRaisesRegex(FileNotFoundError, "did you mean"):
            self.db.ask("contacts-of", person="Wang Yii")
        with self.assertRaisesRegex(ValueError, "mode"):
            self.db.ask("contacts-of", person="Wang Yi", mode="telepathy")
        with self.assertRaisesRegex(RuntimeError, "rows"):
            self.db.query("UNWIND range(1, 100) AS x RETURN x", max_rows=10)
        with self.assertRaisesRegex(RuntimeError, "read-only"):
            self.db.import_({"id": "x", "date": "2023-01-01", "text": "Nothing."})
        with self.assertRaises(TypeError):
            self.db.query("RETURN $x AS x", x={1, 2})
        with self.assertRaisesRegex(TypeError, "datetime"):
            self.db.query("RETURN $x AS x", x=datetime.datetime(2023, 1, 1))

    def test_to_networkx_counts_equal_cypher_counts(self):
        try:
            import networkx  # pylint: disable=import-outside-toplevel
        except ImportError:
            self.skipTest("networkx is not installed (apt install python3-networkx)")
        graph = self.db.to_networkx()
        self.assertIsInstance(graph, networkx.MultiDiGraph)
        count = cli_json("query", "--db", self.store,
                         "MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() "
                         "RETURN nodes, count(r) AS edges")[0]
        self.assertEqual((graph.number_of_nodes(), graph.number_of_edges()),
                         (count["nodes"], count["edges"]))
        met = self.db.to_networkx(types=["MET"], date_from="2023-06-01",
                                  date_to=datetime.date(2023, 6, 30), factuality=["happened"])
        count = cli_json("query", "--db", self.store,
                         "MATCH (a)-[r:MET]->(b) WITH a, b, r, coalesce(r.end_date, r.date) AS end "
                         "WHERE (r.date IS NULL OR r.date <= date('2023-06-30')) "
                         "AND (end IS NULL OR end >= date('2023-06-01')) "
                         "AND coalesce(r.factuality, 'happened') = 'happened' UNWIND [a, b] AS n "
                         "RETURN count(DISTINCT n) AS nodes, count(DISTINCT r) AS edges")[0]
        self.assertGreater(count["edges"], 0)
        self.assertEqual((met.number_of_nodes(), met.number_of_edges()),
                         (count["nodes"], count["edges"]))
        blinken = next(n for n, a in met.nodes(data=True) if a["label"] == "Antony Blinken")
        self.assertEqual((met.nodes[blinken]["kind"], met.nodes[blinken]["state"]), ("Person", "US"))
        xi = next(n for n, a in met.nodes(data=True) if a["label"] == "Xi Jinping")
        edge = next(iter(met.get_edge_data(blinken, xi).values()))
        self.assertEqual((edge["type"], edge["factuality"], edge["date"]),
                         ("MET", "happened", datetime.date(2023, 6, 19)))
        self.assertTrue(any("Xi" in e["sentence"] for e in edge["evidence"]), edge["evidence"])

    def test_query_releases_the_gil(self):
        """A query runs while other Python threads do: the main thread counts
        turns of a loop while a query that lasts until its timeout runs."""
        failures = []

        def slow_query():
            try:
                self.db.query("MATCH (a), (b), (c), (d) RETURN count(*) AS n", timeout_ms=400,
                              max_rows=10 ** 12)
            except RuntimeError as e:  # DeadlineExceeded, as meant
                failures.append(str(e))

        thread = threading.Thread(target=slow_query)
        start = time.monotonic()
        thread.start()
        turns = 0
        while thread.is_alive():
            turns += 1
            time.sleep(0.001)
        self.assertGreater(time.monotonic() - start, 0.3)
        self.assertTrue(failures and "400" in failures[0], failures)
        self.assertGreater(turns, 20)


class WritableStoreTest(unittest.TestCase):
    """Imports of dict articles, the context manager and close()."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="newsgraph_python_w_")
        self.store = os.path.join(self.tmp, "store")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def test_import_a_dict_article(self):
        article = {"id": "py-1", "date": datetime.date(2023, 3, 9), "title": None,
                   "text": "Secretary of State Antony Blinken met Chinese Foreign Minister "
                           "Wang Yi in Jakarta on Tuesday. They talked about export rules.",
                   "extra": "ignored, as in a JSON Lines line"}
        with newsgraph.open(self.store) as db:
            first = db.import_(article)
            again = db.import_(article)
            rows = db.ask("contacts-of", person="wang yi", mode="any")
        self.assertEqual((first["imported"], first["events"]), (1, 1))
        self.assertEqual((again["imported"], again["already_present"]), (0, 1))
        self.assertEqual([(r["a"], r["b"]) for r in rows], [("Wang Yi", "Antony Blinken")])
        self.assertEqual(rows[0]["evidence"][0]["article_id"], "py-1")
        with newsgraph.open(self.store) as db:
            with self.assertRaisesRegex(ValueError, 'missing "date"'):
                db.import_({"id": "py-2", "text": "No date."})
            with self.assertRaisesRegex(ValueError, "no such day"):
                db.import_({"id": "py-3", "date": "2023-02-30", "text": "Bad day."})
            with self.assertRaises(FileNotFoundError):
                db.import_(os.path.join(self.tmp, "missing.jsonl"))
            with self.assertRaisesRegex(RuntimeError, "lock"):
                newsgraph.open(self.store)  # a second writer

    def test_close_and_reopen(self):
        db = newsgraph.open(self.store)
        self.assertFalse(db.closed)
        db.close()
        db.close()
        self.assertTrue(db.closed)
        with self.assertRaisesRegex(ValueError, "closed"):
            db.query("RETURN 1 AS x")
        with newsgraph.open(self.store, create_if_missing=False) as again:  # the lock is free
            self.assertEqual(list(again.query("RETURN 1 AS x")), [{"x": 1}])
        self.assertTrue(again.closed)


if __name__ == "__main__":
    unittest.main(verbosity=2)
