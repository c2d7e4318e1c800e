"""demarche: who said what in diplomatic news, and where each speaker stands on a topic.

    import demarche
    quotes = demarche.quotes(df)                       # who said what
    rows = demarche.classify(df, topic="new EU sanctions on Belarus")
    actors = demarche.report(df, topic="new EU sanctions on Belarus")
    both = demarche.report(df, topic=["new EU sanctions on Belarus", "the Minsk talks"])
    monthly = demarche.report(df, topic="new EU sanctions on Belarus", period="month")
    model = demarche.train(labeled, text="text", topic="topic", stance="stance")
    model.save("mine.dmm")
    rows = demarche.classify(df, topic="...", model=demarche.Model.load("mine.dmm"))

Articles are a string, a list of strings, a pandas Series of texts or a DataFrame with a
``text`` column and optional ``id``, ``date``, ``title`` and ``source`` columns (an article's
id is its ``id``, else its index or position). Results are pandas DataFrames with the columns
of the command line's CSV output (docs/contract.md), or lists of dicts when pandas is not
installed. The work runs in Rust, in parallel, with the GIL released.

Errors are raised as :class:`DemarcheError` subclasses carrying demarche's one-line message:
:class:`InputError` (also a ``ValueError``) for bad input or usage, :class:`ModelError` for a
bad model file, :class:`FileError` (also an ``OSError``) for files that cannot be read or
written.
"""

from __future__ import annotations

import json
import math
import os
from typing import Any, Iterable, Optional

from . import _demarche

__all__ = [
    "quotes",
    "classify",
    "report",
    "train",
    "Model",
    "DemarcheError",
    "InputError",
    "ModelError",
    "FileError",
]
__version__ = _demarche.__version__


class DemarcheError(Exception):
    """An error from demarche; ``exit_code`` is the command line's for the same failure."""

    exit_code = 1


class InputError(DemarcheError, ValueError):
    """Bad input data or usage: an empty topic, a bad labeled row, a missing column."""

    exit_code = 2


class ModelError(DemarcheError):
    """A model file that is not a demarche model, is damaged, or has another version."""


class FileError(DemarcheError, OSError):
    """A file that cannot be read or written."""


_KINDS = {"input": InputError, "model": ModelError, "io": FileError}


def _call(fn, *args, **kwargs):
    """Calls into Rust, raising its errors as the matching exception class."""
    try:
        return fn(*args, **kwargs)
    except _demarche.Error as e:
        message, code, kind = e.args
        err = _KINDS.get(kind, DemarcheError)(message)
        err.exit_code = code
        raise err from None


def _pandas():
    try:
        import pandas
    except ImportError:
        return None
    return pandas


class Model:
    """A stance and sentiment model: the built-in one, one loaded from a file, or one
    returned by :func:`train`."""

    def __init__(self, _inner: Any = None):
        self._inner = _inner if _inner is not None else _demarche.Model.builtin()

    @classmethod
    def builtin(cls) -> "Model":
        """The model built into demarche (trained on the project's own corpus)."""
        return cls(_demarche.Model.builtin())

    @classmethod
    def load(cls, path) -> "Model":
        """Reads a model file written by :meth:`save` or ``demarche train``."""
        return cls(_call(_demarche.Model.load, os.fspath(path)))

    def save(self, path) -> None:
        """Writes the model file, whole or not at all."""
        _call(self._inner.save, os.fspath(path))

    @property
    def name(self) -> str:
        """``demarche-default@<id>``, ``<file stem>@<id>`` or ``trained@<id>``."""
        return self._inner.name

    @property
    def card(self) -> dict:
        """What the model was trained on and how (rows, labels, settings, scores)."""
        return json.loads(self._inner.card_json())

    @property
    def stance_labels(self) -> list:
        return self._inner.labels("stance") or []

    @property
    def sentiment_labels(self) -> list:
        return self._inner.labels("sentiment") or []

    def __repr__(self) -> str:
        return f"demarche.Model({self.name!r})"


def _missing(x) -> bool:
    if isinstance(x, str):
        return False
    return x is None or (isinstance(x, float) and math.isnan(x)) or _is_na(x)


def _is_na(x) -> bool:
    pd = _pandas()
    if pd is None:
        return False
    try:
        return bool(pd.isna(x))
    except (TypeError, ValueError):
        return False


def _text_value(x) -> Optional[str]:
    """An optional field as text: dates in ISO form, missing values as None."""
    if _missing(x):
        return None
    if hasattr(x, "isoformat"):
        return x.isoformat()
    return str(x)


def _texts(values: Iterable, ids: list) -> list:
    out = []
    for id_, t in zip(ids, values):
        if isinstance(t, str):
            out.append(t)
        elif _missing(t):
            raise InputError(f"article {id_}: no text")
        else:
            raise TypeError(f"article {id_}: text must be a string, not {type(t).__name__}")
    return out


def _articles(texts) -> dict:
    """Columns of articles from a string, a list of strings, or a pandas Series/DataFrame."""
    pd = _pandas()
    if isinstance(texts, str):
        return {"ids": ["0"], "texts": [texts]}
    if pd is not None and isinstance(texts, pd.DataFrame):
        if "text" not in texts.columns:
            columns = ", ".join(map(str, texts.columns))
            raise InputError(f'no column "text" in the data frame (columns: {columns})')
        ids = texts["id"] if "id" in texts.columns else texts.index
        ids = [_text_value(i) or str(n) for n, i in enumerate(ids)]
        cols = {"ids": ids, "texts": _texts(texts["text"], ids)}
        for name, key in (("title", "titles"), ("date", "dates"), ("source", "sources")):
            if name in texts.columns:
                cols[key] = [_text_value(v) for v in texts[name]]
        return cols
    if pd is not None and isinstance(texts, pd.Series):
        ids = [str(i) for i in texts.index]
        return {"ids": ids, "texts": _texts(texts, ids)}
    if isinstance(texts, (bytes, bytearray)) or not isinstance(texts, Iterable):
        raise TypeError(
            "articles must be a string, a list of strings, or a pandas Series or DataFrame, "
            f"not {type(texts).__name__}"
        )
    texts = list(texts)
    ids = [str(i) for i in range(len(texts))]
    return {"ids": ids, "texts": _texts(texts, ids)}


def _frame(columns: dict):
    """A DataFrame of columns, or a list of row dicts without pandas."""
    pd = _pandas()
    if pd is not None:
        return pd.DataFrame(columns)
    names = list(columns)
    return [dict(zip(names, row)) for row in zip(*columns.values())]


def _inner(model: Optional[Model]):
    if model is None:
        return None
    if not isinstance(model, Model):
        raise TypeError(f"model must be a demarche.Model, not {type(model).__name__}")
    return model._inner


def quotes(texts):
    """Attributed quotes: one row per quote, with its speaker, the mention and cue that
    attribute it, its kind and its byte offsets in the article."""
    cols = _articles(texts)
    return _frame(_call(_demarche.quotes, cols["ids"], cols["texts"], cols.get("titles"),
                        cols.get("dates"), cols.get("sources")))


def _topics(topic) -> tuple:
    """The topics as a list, and whether several were asked for (a list, not one string)."""
    if isinstance(topic, str):
        return [topic], False
    if isinstance(topic, (bytes, bytearray)) or not isinstance(topic, Iterable):
        raise TypeError(f"topic must be a string or a list of strings, not {type(topic).__name__}")
    topics = list(topic)
    for t in topics:
        if not isinstance(t, str):
            raise TypeError(f"each topic must be a string, not {type(t).__name__}")
    return topics, True


def classify(texts, topic, model: Optional[Model] = None, explain: int = 0):
    """Quotes with their stance toward ``topic`` (``stance``, ``p_<label>``), the
    probability that they address it (``relevance``) and their sentiment, one row per quote.
    ``topic`` may be a list: one row per quote and topic, each quote's rows together, topics
    in the order given (the ``topic`` column says which), as ``classify --topic A --topic B``
    writes them. ``explain=N`` adds the N features that pushed each stance most."""
    topics, _ = _topics(topic)
    cols = _articles(texts)
    return _frame(_call(_demarche.classify, cols["ids"], cols["texts"], cols.get("titles"),
                        cols.get("dates"), cols.get("sources"), topics, _inner(model),
                        int(explain)))


_TOTALS = ("topic", "model", "by", "articles", "duplicates", "quotes", "unattributed",
           "irrelevant", "min_quotes", "actors_below_min_quotes", "period", "stance_labels",
           "sentiment_labels")


def report(texts, topic, model: Optional[Model] = None, by: str = "actor", actors=None,
           period: Optional[str] = None, min_quotes: Optional[int] = None):
    """Where each speaker stands on ``topic`` across all the articles: one row per actor
    (``by="affiliation"``: per country or organisation), with its stance, confidence, votes,
    probabilities, sentiment and evidence quotes. ``actors`` names an actor dictionary CSV.

    ``topic`` may be a list of topics: one report per topic from one pass over the articles,
    their rows one block per topic in the order given, with a ``topic`` column first (the
    CSV of ``report --topic A --topic B``). ``period="week"``, ``"month"``, ``"quarter"`` or
    ``"year"`` gives instead one row per actor and period (``actor``, ``period``, ``quotes``,
    ``relevant``, ``stance``, ``votes_<label>``: the CSV of ``report --period``), quotes
    counted by their article's date (undated ones in period ``undated``). ``min_quotes=N``
    leaves out the actors with fewer than N quotes (counted in ``actors_below_min_quotes``).

    The report's totals (topic, model, articles, quotes, unattributed, irrelevant, ...) are
    in the DataFrame's ``attrs``; with a list of topics, ``attrs["topics"]`` lists them and
    ``attrs["reports"]`` holds each report's totals in that order. Without pandas, rows are
    dicts whose ``report`` key holds their report's totals."""
    topics, several = _topics(topic)
    cols = _articles(texts)
    raw = _call(_demarche.report, cols["ids"], cols["texts"], cols.get("titles"),
                cols.get("dates"), cols.get("sources"), topics, _inner(model), by,
                None if actors is None else os.fspath(actors), period,
                None if min_quotes is None else int(min_quotes))
    reports = json.loads(raw)
    stance_labels = _all_labels(reports, "stance_labels")
    sentiment_labels = _all_labels(reports, "sentiment_labels")
    if period is None:
        columns = _actor_columns(stance_labels, sentiment_labels)
        rows_of = lambda r: [_actor_row(a, stance_labels, sentiment_labels) for a in r["actors"]]
    else:
        columns = ["actor", "period", "quotes", "relevant", "stance"]
        columns += [f"votes_{l}" for l in stance_labels]
        rows_of = lambda r: [_period_row(a, p, stance_labels) for a in r["actors"]
                             for p in a.get("periods", [])]
    if several:
        columns = ["topic"] + columns
    rows, of = [], []
    for r in reports:
        totals = {k: r[k] for k in _TOTALS if k in r}
        for row in rows_of(r):
            rows.append({"topic": r["topic"], **row} if several else row)
            of.append(totals)
    pd = _pandas()
    if pd is None:
        return [dict(row, report=totals) for row, totals in zip(rows, of)]
    df = pd.DataFrame(rows, columns=columns)
    totals = [{k: r[k] for k in _TOTALS if k in r} for r in reports]
    if several:
        df.attrs.update({k: totals[0][k] for k in ("model", "by", "period") if k in totals[0]})
        df.attrs["topics"] = [r["topic"] for r in reports]
        df.attrs["reports"] = totals
    else:
        df.attrs.update(totals[0])
    return df


def _all_labels(reports: list, key: str) -> list:
    """The labels of every report, in the first report's order then any others."""
    labels = []
    for r in reports:
        labels += [l for l in r[key] if l not in labels]
    return labels


def _actor_columns(stance_labels: list, sentiment_labels: list) -> list:
    cols = ["actor", "affiliation", "role", "quotes", "direct", "indirect", "partial",
            "articles", "relevant", "irrelevant", "stance", "confidence", "note"]
    cols += [f"votes_{l}" for l in stance_labels]
    cols += [f"stance_{l}" for l in stance_labels]
    cols += ["sentiment"] + [f"sentiment_{l}" for l in sentiment_labels]
    cols += ["first_seen", "last_seen", "aliases", "members", "evidence"]
    return cols


def _actor_row(a: dict, stance_labels: list, sentiment_labels: list) -> dict:
    row = {k: a.get(k) for k in ("actor", "affiliation", "role", "quotes", "articles",
                                 "relevant", "irrelevant", "stance", "confidence", "note",
                                 "sentiment", "first_seen", "last_seen")}
    row.update(a["kinds"])
    for l in stance_labels:
        row[f"votes_{l}"] = a["votes"].get(l, 0.0)
        row[f"stance_{l}"] = a["stance_probs"].get(l, 0.0)
    for l in sentiment_labels:
        row[f"sentiment_{l}"] = (a.get("sentiment_probs") or {}).get(l)
    row["aliases"] = a["aliases"]
    row["members"] = a.get("members", [])
    row["evidence"] = a["evidence"]
    return row


def _period_row(a: dict, p: dict, stance_labels: list) -> dict:
    row = {"actor": a["actor"], "period": p["period"], "quotes": p["quotes"],
           "relevant": p["relevant"], "stance": p["stance"]}
    for l in stance_labels:
        row[f"votes_{l}"] = p["votes"].get(l, 0.0)
    return row


_DEFAULTS = {"text": "text", "topic": "topic", "stance": "stance", "sentiment": "sentiment"}


def train(df, text: str = "text", topic: Optional[str] = "topic",
          stance: Optional[str] = "stance", sentiment: Optional[str] = "sentiment",
          per_topic: bool = False, cv: Optional[int] = None, c: float = 1.0,
          class_weight: str = "none", context: bool = False, swap_topics: int = 0) -> Model:
    """Trains stance and sentiment models on labeled rows: a DataFrame (or a list of dicts)
    with the statement in column ``text``, its ``topic`` and its labels. A label column left
    at its default name is used when present; ``sentiment=None`` trains stance only. Rows
    are read as ``demarche train`` reads a CSV file, with the same errors, which name the
    frame ``DataFrame`` and a row by its line in such a file (row 0 is line 2)."""
    pd = _pandas()
    if pd is not None and isinstance(df, pd.DataFrame):
        names = [str(c) for c in df.columns]
        columns = {str(c): df[c].tolist() for c in df.columns}
    elif isinstance(df, list) and all(isinstance(r, dict) for r in df):
        names = list(dict.fromkeys(k for r in df for k in r))
        columns = {n: [r.get(n) for r in df] for n in names}
    else:
        raise TypeError(f"labeled rows must be a pandas DataFrame or a list of dicts, "
                        f"not {type(df).__name__}")
    wanted = {"text": text, "topic": topic, "stance": stance, "sentiment": sentiment}
    given = {}
    for role, name in wanted.items():
        # A default name that is absent means "no such column", as on the command line.
        if name is None or (name == _DEFAULTS[role] and name not in columns and role != "text"):
            given[role] = None
        else:
            given[role] = name
    header = names
    values = [["" if _missing(v) else str(v) for v in columns[n]] for n in header]
    inner = _call(_demarche.train, header, values, given["text"], given["topic"],
                  given["stance"], given["sentiment"], no_sentiment=sentiment is None,
                  per_topic=per_topic, cv=cv, c=float(c), class_weight=class_weight,
                  context=context, swap_topics=int(swap_topics))
    return Model(inner)
