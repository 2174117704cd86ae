"""Previews and file lists as Dagster table metadata: typed columns the UI shows as tables."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

import dagster as dg

Cell = str | int | float | bool | None


def _cell(value: object) -> Cell:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return str(value)


def type_name(dtype: object) -> str:
    """A column type as the UI shows it: `string`, `int64`, `datetime`, ..."""
    return type(dtype).__name__.lower() if not isinstance(dtype, type) else dtype.__name__.lower()


def column_schema(schema: Mapping[str, object]) -> dg.TableSchema:
    """A table's columns and their types (a polars schema, or name -> type name)."""
    return dg.TableSchema(
        columns=[
            dg.TableColumn(name, dtype if isinstance(dtype, str) else type_name(dtype))
            for name, dtype in schema.items()
        ]
    )


def table(schema: Mapping[str, object], rows: Iterable[Sequence[object]]) -> dg.TableMetadataValue:
    """Rows (in the order of `schema`'s columns) as a typed table."""
    names = list(schema)
    return dg.MetadataValue.table(
        records=[
            dg.TableRecord({name: _cell(value) for name, value in zip(names, row, strict=True)})
            for row in rows
        ],
        schema=column_schema(schema),
    )


def frame_preview(frame, columns: list[str], rows: int = 15) -> dg.TableMetadataValue:
    """The first `rows` of a polars frame's `columns`."""
    shown = frame.select(columns).head(rows)
    return table(dict(shown.schema), shown.iter_rows())
