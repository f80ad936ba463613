"""Extract assigned tasks from Vietnamese government documents.

Every function returns the records of the ``vntask`` CLI, as dicts: a task is one line of
``vntask extract`` output (schema ``vntask.task/1``), a document record one line of its
``--documents`` file (schema ``vntask.document/1``). Task ids depend on the document's
content only, so the same document gives the same ids here and in the CLI. The GIL is
released while a document is extracted.
"""

import datetime
import os
from typing import Any, Union

__version__: str

Record = dict[str, Any]
ReferenceDate = Union[str, datetime.date, None]

class ExtractError(Exception):
    """The document's status is ``error`` (unreadable) or ``skipped`` (empty, unsupported)."""

    status: str
    """``"error"`` or ``"skipped"``."""
    reason: str
    """Why, in words a person understands (the record's ``error`` field)."""
    document: Record
    """The document record."""

def extract(
    text: str, *, doc_id: str = "text", reference_date: ReferenceDate = None
) -> list[Record]:
    """Tasks of a plain-text document.

    The text is read as ``<doc_id>.txt``; ``doc.id`` and ``doc.path`` are ``doc_id`` (as
    ``vntask extract --stdin-jsonl`` does). ``reference_date`` (``YYYY-MM-DD`` or a date)
    resolves deadlines only when the document states no date of its own.

    Raises ExtractError (e.g. empty text), ValueError (bad reference_date).
    """

def extract_bytes(
    data: bytes,
    name: str,
    *,
    doc_id: str | None = None,
    path: str | None = None,
    reference_date: ReferenceDate = None,
) -> list[Record]:
    """Tasks of a document in any supported format (txt, md, html, docx, pdf; legacy
    Vietnamese encodings). ``name`` is its file name (its extension helps to tell the
    format). ``doc.id`` defaults to the stem of ``name``, ``doc.path`` to ``name``.

    Raises ExtractError when the document cannot be read or is skipped.
    """

def extract_file(
    path: Union[str, os.PathLike[str]],
    *,
    doc_id: str | None = None,
    reference_date: ReferenceDate = None,
) -> list[Record]:
    """Tasks of one file, as ``vntask extract FILE``: ``doc.id`` defaults to the file's stem.

    Raises OSError (FileNotFoundError, ...) when the file cannot be read, ExtractError when
    it is not a readable document.
    """

def extract_document(
    data: bytes,
    name: str,
    *,
    doc_id: str | None = None,
    path: str | None = None,
    reference_date: ReferenceDate = None,
) -> tuple[list[Record], Record]:
    """``(tasks, document_record)``. Never raises ExtractError: a document that cannot be
    read gives ``[]`` and a record whose ``status`` is ``error`` or ``skipped`` with the
    reason in ``error`` (for batch jobs, where one bad file should be a row, not a failure).
    """

def version() -> str:
    """The extractor's version (``vntask_version`` in document records)."""
