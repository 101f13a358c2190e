"""newsgraph from Python: open a store, import news, ask it Cypher and canned questions.

    import newsgraph
    with newsgraph.open("data/store") as db:
        db.import_("data/sample/articles.jsonl")
        for row in db.ask("officials-met", a="US", b="CN", from_="2022-01-01"):
            print(row["a"], row["b"], row["evidence"][0]["sentence"])

A thin layer over the C++ library's public face (newsgraph::Database,
include/newsgraph/newsgraph.h). Errors the library reports as an
absl::Status are raised with the status message as the exception's message:

    ValueError         InvalidArgument: a Cypher syntax error ("line 1, column 8:
                       ..."), a semantic or runtime error, a bad canned-query
                       parameter, a malformed article
    FileNotFoundError  NotFound: no store at the path (create_if_missing=False),
                       a missing file to import, an unknown canned query, a
                       name no one in the store has
    RuntimeError       every other code: a store locked by another writer, a
                       write to a read-only store, a budget crossed
                       (timeout_ms, max_rows, ...), a damaged store

and, from Python itself, TypeError for a value of a type Cypher has no
counterpart for, ValueError for any call on a closed Database.

Keyword names lose one trailing underscore, so that Python keywords can be
parameters: from_="2022-01-01" is $from. Pass a dict as the second
positional argument to give names as they are.

The C++ calls release the GIL: other threads run while a store imports or
answers, and one Database may be used from several threads.
"""
import datetime as _datetime
import os as _os
from collections.abc import Mapping as _Mapping

from . import _graph
from ._newsgraph import ArticleInput as _ArticleInput
from ._newsgraph import Database as _Handle
from ._newsgraph import QueryOptions as _QueryOptions

__all__ = ["open", "Database", "Rows"]

# The canned queries to_networkx asks (graph-nodes, graph-edges).
_GRAPH_QUERIES = _os.path.join(_os.path.dirname(__file__), "graph.cypher")


def open(path, read_only=False, create_if_missing=True, *, query_files=(), kb_files=(),
         parse_sentences=True, max_article_bytes=None):  # pylint: disable=redefined-builtin
    """Opens the store in directory `path` (made there when missing or empty).

    read_only: open beside the store's one writer, as any number of readers may;
      writes then raise RuntimeError. The handle sees the store as it was opened.
    create_if_missing: when False, a missing store raises FileNotFoundError.
    query_files: canned-query files (the format of data/queries/canned.cypher)
      read after the shipped ones; an entry replaces a shipped one of its name.
    kb_files, parse_sentences, max_article_bytes: how imports read articles
      (extra knowledge-base files, the sentence parser, the article size limit).

    Raises FileNotFoundError when there is no store and none may be made,
    RuntimeError when `path` is not a newsgraph store or another writer holds it
    ("locked"), ValueError for a canned-query file that does not parse.
    """
    files = [_GRAPH_QUERIES] + [_os.fsdecode(f) for f in query_files]
    handle = _Handle.open(_os.fsdecode(path), bool(read_only), bool(create_if_missing), files,
                          [_os.fsdecode(f) for f in kb_files], bool(parse_sentences),
                          max_article_bytes)
    return Database(handle)


class Rows(list):
    """The rows of an answer: a list of dicts, column -> value.

    Values are None, bool, int, float, str, datetime.date, list and dict; a node
    is {"id", "labels", "properties"}, a relationship {"id", "type", "start",
    "end", "properties"}, a path {"nodes", "relationships"}.
    `columns` names the columns in order (also when there are no rows);
    `profile` is a PROFILE query's plan with its row counts, else "".
    """

    def __init__(self, rows, columns, profile=""):
        super().__init__(rows)
        self.columns = list(columns)
        self.profile = profile


def _names(params, keywords):
    """`params` as given, then `keywords` without one trailing underscore."""
    merged = dict(params or {})
    for name, value in keywords.items():
        merged[name[:-1] if name.endswith("_") and len(name) > 1 else name] = value
    return merged


def _budgets(timeout_ms, max_rows, max_memory_bytes, max_var_length):
    return _QueryOptions(timeout_ms=timeout_ms, max_rows=max_rows,
                         max_memory_bytes=max_memory_bytes, max_var_length=max_var_length)


def _param_text(name, value):
    """A canned-query parameter as the command line would write it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, _datetime.datetime):
        raise TypeError(f"parameter {name}: a datetime has a time of day; pass .date()")
    if isinstance(value, _datetime.date):
        return value.isoformat()
    if isinstance(value, (str, int, float)):
        return str(value)
    if isinstance(value, (list, tuple)):
        return ",".join(_param_text(name, item) for item in value)
    raise TypeError(f"parameter {name}: a {type(value).__name__} is no canned-query value "
                    "(use str, int, float, bool, datetime.date, None or a list of them)")


def _article(article):
    """A dict article ({"id", "title", "date", "source", "url", "text"}) for the
    library, checked as a JSON Lines line is: other keys are ignored."""
    fields = {}
    for field in ("id", "date", "text", "title", "source", "url"):
        value = article.get(field)
        if isinstance(value, _datetime.date) and not isinstance(value, _datetime.datetime):
            value = value.isoformat()
        if value is None and field in ("id", "date", "text"):
            raise ValueError(f'missing "{field}"')
        if value is not None and not isinstance(value, str):
            raise TypeError(f'"{field}" must be a str, not {type(value).__name__}')
        fields[field] = value or ""
    return _ArticleInput(**fields)


class Database:
    """One open store. Made by newsgraph.open(); a context manager that closes it."""

    def __init__(self, handle):
        self._db = handle

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def __repr__(self):
        state = "closed" if self._db.closed else repr(self._db.path)
        return f"<newsgraph.Database {state}>"

    def close(self):
        """Closes the store (a call still running in another thread finishes first).
        Calling it again does nothing; any other call afterwards raises ValueError."""
        self._db.close()

    @property
    def closed(self):
        return self._db.closed

    @property
    def path(self):
        return self._db.path

    def query(self, cypher, params=None, /, *, timeout_ms=None, max_rows=None,
              max_memory_bytes=None, max_var_length=None, **kwargs):
        """Runs a read-only Cypher query; returns Rows (a list of dicts).

        Parameters come as keywords (who="Wang Yi" is $who) or as a dict; their
        values are None, bool, int, float, str, datetime.date (a Cypher date: a
        "YYYY-MM-DD" str stays a string), lists and dicts of those.
        Budgets (QueryOptions): timeout_ms, max_rows (per clause),
        max_memory_bytes, max_var_length; crossing one raises RuntimeError.
        Raises ValueError for syntax errors ("line 2, column 7: ..."), semantic and
        runtime errors, and writes (SET, DELETE, MERGE); RuntimeError for CREATE.
        """
        columns, rows, profile = self._db.query(
            cypher, _names(params, kwargs),
            _budgets(timeout_ms, max_rows, max_memory_bytes, max_var_length))
        return Rows(rows, columns, profile)

    def query_df(self, cypher, params=None, /, **kwargs):
        """query(), as a pandas DataFrame with the answer's columns in order.
        Raises ImportError when pandas is not installed."""
        try:
            import pandas  # pylint: disable=import-outside-toplevel
        except ImportError as e:
            raise ImportError("Database.query_df needs pandas, which is not installed "
                              "(Debian: apt install python3-pandas; or pip install pandas); "
                              "Database.query returns the same rows as dicts") from e
        rows = self.query(cypher, params, **kwargs)
        return pandas.DataFrame(list(rows), columns=rows.columns)

    def ask(self, name, params=None, /, *, timeout_ms=None, max_rows=None,
            max_memory_bytes=None, max_var_length=None, **kwargs):
        """Runs the canned query `name` (list_queries(); `newsgraph ask --list`).

        Parameters are those of `newsgraph ask NAME --help`, checked against their
        declared types: officials-met takes a="US", b="CN", from_="2022-01-01",
        to="2023-12-31", mode="in-person", factuality=["happened"]. Values may be
        str, int, float, bool, datetime.date or lists (a comma list).
        Returns Rows; a row's "evidence" is the list of its evidence, each
        {"evidence_id", "article_id", "sentence", "rule"}.
        Raises FileNotFoundError for an unknown query and for a person or entity
        no one in the store is called ("did you mean ..."), ValueError for a
        parameter that is unknown, missing or malformed, and query()'s errors.
        """
        text = {k: _param_text(k, v) for k, v in _names(params, kwargs).items()}
        columns, rows, profile = self._db.ask(
            name, text, _budgets(timeout_ms, max_rows, max_memory_bytes, max_var_length))
        return Rows(rows, columns, profile)

    def import_(self, source, *, date=None):
        """Imports articles; returns the import report as a dict (imported,
        already_present, events, nodes_added, edges_added, evidence_added, ...).

        source: a JSON Lines file (one {"id", "title", "date", "source", "url",
          "text"} a line, imported in date-then-id order), a .txt file (one
          article dated by `date`, YYYY-MM-DD or datetime.date, named by the file),
          or one article as a dict with those keys.
        Each article is stored in one atomic write, durable on return; the same
        id with the same text adds nothing. Every line of a file is checked
        before any is imported. Raises ValueError for a malformed article or
        line (the message names the file and line), FileNotFoundError for a
        missing file, RuntimeError on a read-only store or for an id stored
        with another text.
        """
        if isinstance(source, _Mapping):
            if date is not None:
                raise ValueError("date= is for a .txt file; an article dict has its own date")
            return self._db.import_article(_article(source))
        path = _os.fsdecode(source)
        if isinstance(date, _datetime.date):
            date = date.isoformat()
        if date is not None and not path.endswith(".txt"):
            raise ValueError(f"date= is for a .txt file; {path} carries its articles' dates")
        return self._db.import_file(path, date or "")

    def explain(self, event_id):
        """How an event was read (type, date, place, participants, sentences,
        rules), as text. Raises FileNotFoundError when it is no event."""
        return self._db.explain(event_id)

    def list_queries(self):
        """The canned queries: [{"name", "description", "params", "cypher"}]."""
        return self._db.list_queries()

    def to_networkx(self, types=None, date_from=None, date_to=None, factuality=None, *,
                    timeout_ms=None, max_rows=None, max_memory_bytes=None, max_var_length=None):
        """The graph as a networkx.MultiDiGraph (networkx must be installed).

        With no filter: every node and relationship. With filters: the
        relationships of `types` (e.g. ["MET", "SPOKE_WITH"]) whose time overlaps
        [date_from, date_to] and whose factuality (and that of an event at either
        end) is in `factuality` (e.g. ["happened"]), and the nodes they join;
        undated relationships pass a window and those without a factuality
        pass `factuality`.
        Nodes are keyed by store id, with label (the name, an event's type and
        date), kind (Person, State, Event, ...), labels and every property (a
        person's state and role, an event's type, mode, date, factuality, ...).
        Edges are keyed by relationship id, with type, every property (date,
        end_date, factuality, role, state, event_id, ...) and evidence: the
        sentences behind it, each {"evidence_id", "article_id", "sentence", "rule"}
        (a relationship's own, else those of the event at one end).
        The budgets (as query()'s) apply to each of the two queries it runs.
        Raises ImportError without networkx, ValueError for an unknown type or
        factuality.
        """
        params = {"types": types, "from": date_from, "to": date_to, "factuality": factuality}
        budgets = {"timeout_ms": timeout_ms, "max_rows": max_rows,
                   "max_memory_bytes": max_memory_bytes, "max_var_length": max_var_length}
        return _graph.to_networkx(self, params, budgets)
