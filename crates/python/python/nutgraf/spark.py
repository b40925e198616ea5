"""Spark UDFs: nutgraf briefs and audits of a DataFrame column, on every executor.

    >>> import nutgraf.spark
    >>> df = df.withColumn("brief", nutgraf.spark.summarize("article", sentences=3))
    >>> df.select("id", "brief.sentences", "brief.error")

``summarize`` returns a struct column (``BRIEF_TYPE``):

* ``sentences``: the chosen sentences, exactly as in the article, in source order;
* ``spans``: their ``[start, end)`` in characters of the article (what Python's ``str`` and
  Spark's ``substring`` count); ``byte_spans``: the same in UTF-8 bytes (the CLI's ``span``);
* ``roles``: ``reported``, ``attributed`` or ``quote`` for each sentence;
* ``dropped``: every sentence left out, with its ``index``, ``text``, ``span`` (characters)
  and ``reason`` (``opinion``, ``boilerplate``, ``redundant``, ``dependent``, ``budget``);
* ``error``: why the row has no brief (null, empty or non-string text, over the size limit,
  nothing eligible), else null;
* ``json`` (only with ``json=True``): the brief as ``nutgraf batch`` writes it, quotes and
  timeline included.

``errors`` chooses what a row that cannot be summarized gives: ``"record"`` (default: the
struct with only ``error`` set), ``"null"`` (a null struct) or ``"raise"`` (the task fails with
the message, and so the job). Bad options raise at once, on the driver.

With pyspark >= 4.1 the UDF is an Arrow UDF: nutgraf reads the column and writes the struct as
Arrow buffers, without a Python object per value. Older pyspark (3.5, 4.0) gets a pandas UDF
with the same result; there, ``errors="null"`` gives a struct of nulls rather than a null
struct. Each Spark task briefs its rows on ``threads`` threads (default 1: Spark already runs
one task per executor core).
"""

from __future__ import annotations

from typing import Any, Callable, Optional, Union

import pyarrow as pa
from pyspark.sql import Column
from pyspark.sql import functions as F
from pyspark.sql import types as T

from . import _nutgraf

try:  # pyspark >= 4.1
    from pyspark.sql.functions import arrow_udf
except ImportError:  # pragma: no cover - exercised with older pyspark only
    arrow_udf = None

__all__ = ["BRIEF_TYPE", "AUDIT_TYPE", "brief_type", "summarize", "audit"]

_ERRORS = ("null", "record", "raise")

SPAN = T.ArrayType(T.IntegerType(), containsNull=False)
DROPPED = T.StructType(
    [
        T.StructField("index", T.IntegerType(), False),
        T.StructField("text", T.StringType(), False),
        T.StructField("span", SPAN, False),
        T.StructField("reason", T.StringType(), False),
    ]
)


def brief_type(json: bool = False, records: bool = False) -> T.StructType:
    """The struct type ``summarize`` returns: with a ``json`` field when ``json=True``, and an
    ``id`` field first when the column holds JSONL records (``text_field=``)."""
    fields = [T.StructField("id", T.StringType())] if records else []
    fields += [
        T.StructField("sentences", T.ArrayType(T.StringType(), False)),
        T.StructField("spans", T.ArrayType(SPAN, False)),
        T.StructField("byte_spans", T.ArrayType(SPAN, False)),
        T.StructField("roles", T.ArrayType(T.StringType(), False)),
        T.StructField("dropped", T.ArrayType(DROPPED, False)),
        T.StructField("error", T.StringType()),
    ]
    if json:
        fields.append(T.StructField("json", T.StringType()))
    return T.StructType(fields)


BRIEF_TYPE = brief_type()

AUDIT_TYPE = T.StructType(
    [
        T.StructField("score", T.DoubleType()),
        T.StructField("supported", T.BooleanType()),
        T.StructField("support", T.ArrayType(T.DoubleType(), False)),
        T.StructField(
            "unsupported",
            T.ArrayType(
                T.StructType(
                    [
                        T.StructField("sentence", T.IntegerType(), False),
                        T.StructField("kind", T.StringType(), False),
                        T.StructField("text", T.StringType(), False),
                        T.StructField("why", T.StringType(), False),
                    ]
                ),
                False,
            ),
        ),
        T.StructField("error", T.StringType()),
    ]
)


def _arrow_type(spark_type: T.DataType) -> pa.DataType:
    from pyspark.sql.pandas.types import to_arrow_type

    return to_arrow_type(spark_type)


def _check_errors(errors: str) -> None:
    if errors not in _ERRORS:
        raise ValueError(f"errors must be one of 'null', 'record', 'raise', not {errors!r}")


# --- Arrow assembly of the buffers `_nutgraf.brief_columns` returns ---------------------------


def _ints(buf: bytes) -> pa.Array:
    return pa.Array.from_buffers(pa.int32(), len(buf) // 4, [None, pa.py_buffer(buf)])


def _strings(offsets_data: tuple) -> pa.Array:
    offsets, data = offsets_data
    n = len(offsets) // 4 - 1
    return pa.Array.from_buffers(pa.string(), n, [None, pa.py_buffer(offsets), pa.py_buffer(data)])


def _pairs(buf: bytes, typ: pa.DataType) -> pa.Array:
    m = len(buf) // 8
    return pa.ListArray.from_arrays(pa.array(range(0, 2 * m + 1, 2), pa.int32()), _ints(buf), type=typ)


def _lists(rows: bytes, values: pa.Array, typ: pa.DataType, mask: Optional[pa.Array]) -> pa.Array:
    return pa.ListArray.from_arrays(_ints(rows), values, type=typ, mask=mask)


def _field(struct: pa.DataType, name: str) -> pa.Field:
    return struct.field(struct.get_field_index(name))


def _element(list_type: pa.DataType) -> pa.DataType:
    return list_type.value_type


def brief_arrow(values: list, errors: str = "record", json: bool = False, **options: Any) -> pa.StructArray:
    """The briefs of ``values`` (a list of str; anything else gives an error row) as an Arrow
    struct array of ``brief_type(json, records)``. The core of the UDFs, usable without Spark."""
    _check_errors(errors)
    c = _nutgraf.brief_columns(values, json=json, **options)
    records = options.get("text_field") is not None
    target = _arrow_type(brief_type(json, records))
    err = c["errors"]
    if errors == "raise":
        bad = next(((i, e) for i, e in enumerate(err) if e is not None), None)
        if bad is not None:
            raise _nutgraf.InputError(f"row {bad[0]} of the batch cannot be summarized: {bad[1]}")
    failed = pa.array([e is not None for e in err], pa.bool_())
    mask = failed if any(e is not None for e in err) else None
    sent_t = _field(target, "sentences").type
    span_t = _field(target, "spans").type
    drop_t = _field(target, "dropped").type
    drop_struct = _element(drop_t)
    texts = _strings(c["text"])
    dropped = pa.StructArray.from_arrays(
        [
            _ints(c["dropped_index"]),
            _strings(c["dropped_text"]),
            _pairs(c["dropped_chars"], _field(drop_struct, "span").type),
            _strings(c["dropped_reason"]),
        ],
        fields=list(drop_struct),
    )
    arrays = [pa.array(c["ids"], pa.string())] if records else []
    arrays += [
        _lists(c["rows"], texts, sent_t, mask),
        _lists(c["rows"], _pairs(c["chars"], _element(span_t)), span_t, mask),
        _lists(c["rows"], _pairs(c["bytes"], _element(span_t)), _field(target, "byte_spans").type, mask),
        _lists(c["rows"], _strings(c["role"]), _field(target, "roles").type, mask),
        _lists(c["dropped_rows"], dropped, drop_t, mask),
        pa.array(err, pa.string()),
    ]
    if json:
        arrays.append(pa.array(c["json"], pa.string()))
    struct_mask = mask if errors == "null" else None
    out = pa.StructArray.from_arrays(arrays, fields=list(target), mask=struct_mask)
    return out if out.type == target else out.cast(target)


def _column(col: Union[str, Column]) -> Column:
    return F.col(col) if isinstance(col, str) else col


def _udf(fn: Callable[[list], pa.Array], return_type: T.DataType, arity: int) -> Callable[..., Column]:
    """An Arrow UDF (pyspark >= 4.1) or a pandas UDF calling ``fn`` on the rows as Python lists."""
    if arrow_udf is not None:
        if arity == 1:

            def run1(a: pa.Array) -> pa.Array:
                return fn(a.to_pylist())

            return arrow_udf(run1, return_type)

        def run2(a: pa.Array, b: pa.Array) -> pa.Array:
            return fn(a.to_pylist(), b.to_pylist())

        return arrow_udf(run2, return_type)

    import pandas as pd
    from pyspark.sql.functions import pandas_udf

    def frame(arr: pa.Array, n: int) -> Any:
        names = [f.name for f in arr.type]
        return pd.DataFrame({name: arr.field(i).to_pylist() for i, name in enumerate(names)}, index=range(n))

    if arity == 1:

        def prun1(a):  # type: ignore[no-untyped-def]
            return frame(fn(_pylist(a)), len(a))

        # Real type objects (not the strings of `from __future__ import annotations`): pyspark
        # reads the UDF's kind from them.
        prun1.__annotations__ = {"a": pd.Series, "return": pd.DataFrame}
        return pandas_udf(prun1, return_type)

    def prun2(a, b):  # type: ignore[no-untyped-def]
        return frame(fn(_pylist(a), _pylist(b)), len(a))

    prun2.__annotations__ = {"a": pd.Series, "b": pd.Series, "return": pd.DataFrame}
    return pandas_udf(prun2, return_type)


def _pylist(s: Any) -> list:
    out = s.tolist()
    # pandas hands missing strings over as NaN or None: both are "not a str" to nutgraf.
    return [None if isinstance(v, float) and v != v else v for v in out]


def summarize(
    col: Union[str, Column],
    *,
    sentences: Optional[int] = None,
    words: Optional[int] = None,
    ratio: Optional[float] = None,
    method: str = "nutgraf",
    keep_opinion: bool = False,
    max_bytes: Optional[int] = None,
    lang: str = "auto",
    errors: str = "record",
    threads: int = 1,
    json: bool = False,
    text_field: Optional[str] = None,
    id_field: str = "id",
) -> Column:
    """The brief of each row of ``col`` (a column name or Column of article text), as a
    ``brief_type(json)`` struct column. Options are those of ``nutgraf.summarize``; see the
    module docstring for ``errors``, ``threads`` and ``json``.

    With ``text_field``, ``col`` holds raw JSONL lines (``spark.read.text``), read as
    ``nutgraf batch --text-field`` reads them: the struct gets the record's ``id`` (from
    ``id_field``), and a line that is not JSON, or whose text field is missing, null, not a
    string or empty, gets the CLI's error message."""
    _check_errors(errors)
    options = dict(
        sentences=sentences,
        words=words,
        ratio=ratio,
        method=method,
        keep_opinion=keep_opinion,
        max_bytes=max_bytes,
        lang=lang,
        threads=threads,
    )
    if text_field is not None:
        options.update(text_field=text_field, id_field=id_field)
    _nutgraf.brief_columns([], **options)  # bad options raise here, on the driver

    def briefs(values: list) -> pa.Array:
        return brief_arrow(values, errors=errors, json=json, **options)

    return _udf(briefs, brief_type(json, text_field is not None), 1)(_column(col))


def audit_arrow(summaries: list, sources: list, errors: str = "record", threshold: Optional[float] = None) -> pa.StructArray:
    """The audits of ``summaries[i]`` against ``sources[i]`` (a str or a list of str) as an
    Arrow struct array of ``AUDIT_TYPE``. The core of ``audit``, usable without Spark."""
    _check_errors(errors)
    rows = []
    nulls = []
    for i, (summary, source) in enumerate(zip(summaries, sources)):
        try:
            if isinstance(source, tuple):
                source = list(source)
            a = _nutgraf.audit(summary, source, threshold=threshold)
        except (ValueError, TypeError) as e:
            if errors == "raise":
                raise _nutgraf.InputError(f"row {i} of the batch cannot be audited: {e}") from e
            rows.append({"score": None, "supported": None, "support": None, "unsupported": None, "error": str(e)})
            nulls.append(True)
            continue
        flags = [
            {"sentence": k, "kind": u["kind"], "text": u["text"], "why": u["why"]}
            for k, s in enumerate(a["sentences"])
            for u in s["unsupported"]
        ]
        rows.append(
            {
                "score": a["score"],
                "supported": a["supported"],
                "support": [s["support"] for s in a["sentences"]],
                "unsupported": flags,
                "error": None,
            }
        )
        nulls.append(False)
    mask = pa.array(nulls, pa.bool_()) if errors == "null" and any(nulls) else None
    target = _arrow_type(AUDIT_TYPE)
    arr = pa.array(rows, type=target)
    if mask is not None:
        arr = pa.StructArray.from_arrays(arr.flatten(), fields=list(target), mask=mask)
    return arr


def audit(
    summary: Union[str, Column],
    sources: Union[str, Column],
    *,
    threshold: Optional[float] = None,
    errors: str = "record",
) -> Column:
    """The audit of each row's ``summary`` against its ``sources`` (a string column, or an
    array of strings for several sources), as an ``AUDIT_TYPE`` struct column: ``score``
    (0..1), ``supported`` (score >= threshold, 0.68 by default), ``support`` per summary
    sentence, the ``unsupported`` pieces (sentence number, kind, text, why) and ``error``."""
    _check_errors(errors)
    if threshold is not None:
        _nutgraf.audit("x.", "x.", threshold=threshold)  # a bad threshold raises here

    def audits(a: list, b: list) -> pa.Array:
        return audit_arrow(a, b, errors=errors, threshold=threshold)

    return _udf(audits, AUDIT_TYPE, 2)(_column(summary), _column(sources))
