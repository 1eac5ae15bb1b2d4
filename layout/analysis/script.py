"""Character classes that decide spacing and chunking: CJK text joins without spaces, and
its punctuation may hang out of its column (``unhung_box``, ``hanging_mark``)."""

from __future__ import annotations

import re
from collections import Counter

from ..model import Box, Word


def is_cjk(ch: str) -> bool:
    """True for Han, Kana, Hangul and CJK or full-width punctuation."""
    o = ord(ch)
    return (0x2E80 <= o <= 0x9FFF or 0xAC00 <= o <= 0xD7AF or 0xF900 <= o <= 0xFAFF
            or 0xFF00 <= o <= 0xFFEF or 0x20000 <= o <= 0x2FA1F)


# Punctuation that closes a phrase: it may hang out of its column at a line's end, and CJK
# typesetting never starts a line with it (the character before it moves down with it).
CLOSING = "、。，．：；！？）」』】〉》〕…—.,;:!?)\"'”’»-"
# Opening marks may hang out of their column at a line's start (closing ones at its end)
OPENING = "（「『【〈《〔\"'“‘«("

# What a sentence ends with: Latin full stops, CJK ones and the ellipsis (either script); the
# marks that end a clause, after which the sentence may go on, and commas; the closing quotes
# and brackets that may follow a sentence's end. A straight single quote is none of these on
# its own: at a word's end it is an apostrophe ("students'").
FULL_STOPS = ".!?"
CJK_FULL_STOPS = "。！？"
ELLIPSIS = "…"
CLAUSE_MARKS = ":;"
CJK_CLAUSE_MARKS = "：；"
COMMAS = ",，、"
CLOSING_QUOTES = "\"”’»)]"
CJK_CLOSING_QUOTES = "”」』）"


_KANA = re.compile("[\u3040-\u30ff]")  # Hiragana and Katakana
_CJK = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\U00020000-\U0002fa1f]")


def has_cjk(text: str) -> bool:
    """Whether any character of ``text`` is CJK (one regular-expression scan)."""
    return _CJK.search(text) is not None


def all_cjk(text: str) -> bool:
    """Whether every character of ``text`` that is not a space is CJK (``is_cjk``), asked in C:
    what ``_CJK`` leaves of it is spaces only (a line's characters asked one by one cost a
    CJK page a hundredth of its analysis)."""
    rest = _CJK.sub("", text)
    return not rest or rest.isspace()


def cjk_share(text: str) -> float:
    """Share of non-space characters that are CJK (the same classes as ``is_cjk``), counted in
    C: those ``str.split`` leaves (it parts at what ``\\s`` matches), and those ``_CJK`` takes out."""
    chars = len("".join(text.split()))
    return (len(text) - len(_CJK.sub("", text))) / chars if chars else 0.0


# The classes ``count_of`` counts, each as the ``str`` method that tests one character.
CHAR_CLASSES = {"alpha": str.isalpha, "digit": str.isdigit, "alnum": str.isalnum,
                "space": str.isspace, "upper": lambda c: c.isalpha() and c.isupper()}
# per class, the ASCII bytes not in it (``bytes.translate`` deletes them); the ASCII and the
# other bytes (UTF-8 writes a character beyond ASCII in bytes of the second kind only)
_NOT_IN = {name: bytes(c for c in range(128) if not test(chr(c))) for name, test in CHAR_CLASSES.items()}
_ASCII, _BEYOND = bytes(range(128)), bytes(range(128, 256))
# [UTF-8 bytes a character] text written in more is mostly beyond ASCII: counted as it is
_MOSTLY_BEYOND = 2.0
# per class, its count among characters beyond ASCII, with no Python call a character (all of
# a CJK page's text): spaces as ``str.split`` parts at them, capitals among the letters
_BEYOND_COUNTS = {"alpha": lambda t: sum(map(str.isalpha, t)), "digit": lambda t: sum(map(str.isdigit, t)),
                  "alnum": lambda t: sum(map(str.isalnum, t)),
                  "space": lambda t: len(t) - len("".join(t.split())),
                  "upper": lambda t: sum(map(str.isupper, filter(str.isalpha, t)))}


def count_of(text: str, name: str) -> int:
    """How many characters of ``text`` are of the class ``name`` (``CHAR_CLASSES``: what
    ``str.isalpha``, ``isdigit``, ``isalnum``, ``isspace`` say of each, or an upper-case
    letter), the same count as asking each character, in C: the ASCII characters, most of
    any Latin text, by deleting the others from its UTF-8 bytes; the rest (all of a text mostly
    beyond ASCII, ``_MOSTLY_BEYOND``) by ``str`` methods mapped over them (``_BEYOND_COUNTS``).
    The page's text asked character by character cost a twentieth of a Federal Register page's
    analysis (the advertisements' features, the text layer's check)."""
    if text.isascii():
        return len(text.encode("ascii").translate(None, _NOT_IN[name]))
    data = text.encode("utf-8", "surrogatepass")
    if len(data) > _MOSTLY_BEYOND * len(text):  # (CJK text: its bytes would be three a character)
        return _BEYOND_COUNTS[name](text)
    rest = data.translate(None, _ASCII).decode("utf-8", "surrogatepass")
    return len(data.translate(None, _BEYOND).translate(None, _NOT_IN[name])) + _BEYOND_COUNTS[name](rest)


def joins_without_space(left: str, right: str) -> bool:
    """True when two pieces of text meet without a space: either side of the seam is CJK."""
    return bool(left) and bool(right) and (is_cjk(left[-1]) or is_cjk(right[0]))


# A few frequent function words per language; enough to tell the page's language apart.
_STOPWORDS = {
    "en": {"the", "and", "of", "to", "in", "is", "that", "for", "with", "was"},
    "fr": {"le", "la", "les", "des", "et", "du", "une", "est", "dans", "que"},
    "de": {"der", "die", "und", "das", "den", "ist", "nicht", "mit", "von", "zu"},
    "it": {"il", "che", "di", "della", "per", "non", "una", "sono", "gli", "del"},
}


def guess_language(text: str) -> str | None:
    """BCP 47 code of the text's dominant language among those we know, or None. Text with
    no CJK character at all (most pages, asked in one scan) is not counted for its share."""
    sample = text[:20000]
    if not sample.isascii() and has_cjk(sample) and cjk_share(sample) > 0.3:
        kana = len(_KANA.findall(sample))
        return "ja" if kana > 0.05 * len(sample) else "zh"
    counts = Counter(sample.lower().split())  # each word counted once, not once a language
    scores = {lang: sum(counts[w] for w in stop) for lang, stop in _STOPWORDS.items()}
    lang, score = max(scores.items(), key=lambda kv: kv[1])
    return lang if score >= 3 else None


def unhung_box(w: Word, box: Box) -> Box:
    """The box without the CJK punctuation that may hang out of its column at either end
    (one character's mean width each; all of a word of closing marks set alone, "26.4%" + "，";
    a full-width mark after a Latin one too, "41.1%。"):
    what the gutters are found among, for a full-width closing mark may reach into the gutter or
    even touch the next column. (Latin marks hang a hair at most: ``Gutters.through`` allows.)"""
    t = w.text
    if t and t[-1] in CLOSING and is_cjk(t[0]) and all(c in CLOSING for c in t):
        return Box(box.x0, box.y0, box.x0, box.y1)
    opens = len(t) > 1 and t[0] in OPENING and (is_cjk(t[0]) or is_cjk(t[1]))
    closes = len(t) > 1 and t[-1] in CLOSING and (is_cjk(t[-1]) or is_cjk(t[-2]))
    if not (opens or closes):  # (a Latin word's marks: the box as it is)
        return box
    step = box.width / len(t)
    return Box(box.x0 + step if opens else box.x0, box.y0, box.x1 - step if closes else box.x1, box.y1)


def hanging_mark(a: Word, b: Word) -> bool:
    """Whether a punctuation mark at the gap between a and b may hang into a gutter there: a
    closing one ending a, an opening one starting b."""
    return a.text[-1] in CLOSING or b.text[0] in OPENING
