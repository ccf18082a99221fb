"""Evaluation: ROUGE against reference highlights, with intervals, paired tests, speed, length.

``evaluate(records, systems)`` runs each system (a newsgist method, or any callable that
returns highlight sentences, such as a peer library) on the same records and returns a
``Report``; with ``reference="title"`` it scores headline systems against the records'
titles instead. The ``eval`` extra provides rouge-score, rich and matplotlib.
"""

from __future__ import annotations

from newsgist.evaluate.records import Record, Skipped, read_records
from newsgist.evaluate.report import Report, SystemResult
from newsgist.evaluate.run import (
    HeadlineSystem,
    MethodSystem,
    Reference,
    System,
    evaluate,
    parse_method_spec,
)

__all__ = [
    "HeadlineSystem",
    "MethodSystem",
    "Record",
    "Reference",
    "Report",
    "Skipped",
    "System",
    "SystemResult",
    "evaluate",
    "parse_method_spec",
    "read_records",
]
