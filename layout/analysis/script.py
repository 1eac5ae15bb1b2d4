"""Character classes that decide spacing and chunking: CJK text joins without spaces."""

from __future__ import annotations

import re
from collections import Counter


def is_cjk(ch: str) -> bool:
    """True for Han, Kana, Hangul and CJK or full-width punctuation."""
    o = ord(ch)
    return (0x2E80 <= o <= 0x9FFF or 0xAC00 <= o <= 0xD7AF or 0xF900 <= o <= 0xFAFF
            or 0xFF00 <= o <= 0xFFEF or 0x20000 <= o <= 0x2FA1F)


# Punctuation that closes a phrase: it may hang out of its column at a line's end, and CJK
# typesetting never starts a line with it (the character before it moves down with it).
CLOSING = "、。，．：；！？）」』】〉》〕…—.,;:!?)\"'”’»-"


_KANA = re.compile("[\u3040-\u30ff]")  # Hiragana and Katakana
_CJK = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\U00020000-\U0002fa1f]")
_SPACE = re.compile(r"\s")


def has_cjk(text: str) -> bool:
    """Whether any character of ``text`` is CJK (one regular-expression scan)."""
    return _CJK.search(text) is not None


def cjk_share(text: str) -> float:
    """Share of non-space characters that are CJK (the same classes as ``is_cjk``)."""
    chars = len(text) - len(_SPACE.findall(text))
    return len(_CJK.findall(text)) / chars if chars else 0.0


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
    """BCP 47 code of the text's dominant language among those we know, or None."""
    sample = text[:20000]
    if cjk_share(sample) > 0.3:
        kana = len(_KANA.findall(sample))
        return "ja" if kana > 0.05 * len(sample) else "zh"
    counts = Counter(sample.lower().split())  # each word counted once, not once a language
    scores = {lang: sum(counts[w] for w in stop) for lang, stop in _STOPWORDS.items()}
    lang, score = max(scores.items(), key=lambda kv: kv[1])
    return lang if score >= 3 else None
