"""One exception hierarchy for the whole library.

Every error the library raises on purpose derives from :class:`LayoutError`; each subclass also
inherits the matching builtin so callers that catch ``ValueError`` or ``OSError`` keep working.
Messages name the offending file, page and value. The CLI maps these classes to exit codes in
one place (``cli.py``); the library itself never prints or exits.
"""

from __future__ import annotations


class LayoutError(Exception):
    """Base of every error newslayout raises on purpose."""


class InputError(LayoutError, OSError):
    """An input file is missing, unreadable, of an unknown kind, encrypted or damaged."""


class PageError(LayoutError, ValueError):
    """One page cannot be analysed (no text, zero size, garbage); the other pages still can."""


class FormatError(LayoutError, ValueError):
    """A structured input (XML, JSON ground truth) is malformed or of the wrong schema."""


class UsageError(LayoutError, ValueError):
    """The caller asked for something impossible: a bad page range, an unknown format or engine."""
