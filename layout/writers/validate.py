"""Validation of our archive output (ALTO, METS, PAGE-XML) against the standards' own XSD schemas.

The schemas ship in ``layout/schemas`` (``README.md`` there says where each comes from). Their
imports point at local copies, and they are read by a parser that never touches the network and
never expands entities, so validating needs no connection and fetches nothing. A compiled
schema is kept for the life of the process.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree

from ..errors import FormatError, UsageError

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
SCHEMAS = {"alto": "alto-4-4.xsd", "mets": "mets.xsd", "page": "pagecontent-2019-07-15.xsd"}


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


@cache
def schema(kind: str) -> etree.XMLSchema:
    """The compiled schema of ``kind`` (alto, mets or page)."""
    if kind not in SCHEMAS:
        raise UsageError(f"no schema for {kind!r}; known: {', '.join(SCHEMAS)}")
    return etree.XMLSchema(etree.parse(str(SCHEMA_DIR / SCHEMAS[kind]), _parser()))


def validate(xml: bytes, kind: str) -> None:
    """Check ``xml`` against the schema of ``kind``; a ``FormatError`` gives the first error's
    line and message."""
    try:
        doc = etree.fromstring(xml, _parser())
    except etree.XMLSyntaxError as e:
        raise FormatError(f"{kind}: not well-formed XML at line {e.lineno}: {e.msg}") from e
    checker = schema(kind)
    if not checker.validate(doc):
        error = checker.error_log[0]
        raise FormatError(f"{kind}: invalid at line {error.line}: {error.message}")
