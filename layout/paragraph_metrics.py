"""Paragraph measures of our HTML: broken paragraphs (no truth needed) and paragraph ends
against the truth's paragraphs. ``layout.evaluate`` reports both; ``docs/contract.md``
defines them.

broken
    The share of consecutive body paragraphs of one story (``<p>`` with no class, in an
    ``<article>`` or ``<aside>``, not inside its header, a figure, a footer or a nested story)
    where the first stops mid-sentence and the second goes on with it: a line or column break
    taken for a paragraph break. Latin text: the first ends without ``. ! ? : ;`` or a closing
    quote or bracket and the second starts in lower case, or the first ends in a hyphen. CJK
    text: the second starts with a CJK character and the first ends without ``。！？：；``, a
    closing quote or bracket, an ellipsis or a dash. (The rule of ``paragraph_check.py``.)
paragraphs
    The F1 of paragraph ends. A paragraph end is named by the last ``size`` characters (the
    page's chunk length) of its story's normalised body text up to that end; the last
    paragraph of a story ends the story and is no paragraph end. A truth end whose name occurs
    more than once in the truth page's text is left out, and so is an output end whose name
    does not occur exactly once in the truth's story bodies (text the truth does not score).
    Precision: output ends that are truth ends; recall: truth ends found among the output's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from lxml import etree

from .roles import STORY_TAGS

_LATIN_END = re.compile(r"[.!?:;\"”’»)\]…]\s*$")
_CJK_END = re.compile(r"[。！？：；”」』）》…—]\s*$")
_CJK = re.compile(r"[\u3400-\u9fff]")
_HYPHEN_END = ("-", "\u00ad")
# Containers whose paragraphs are not the story's body.
_APART_TAGS = frozenset({"header", "figure", "figcaption", "footer", *STORY_TAGS})


def story_paragraphs(section: etree._Element) -> list[list[str]]:
    """Per story (article or aside) of the section, its body paragraphs' texts in order."""
    stories = []
    for story in section.iter(*STORY_TAGS):
        texts = [" ".join(p.text_content().split()) for p in story.iter("p")
                 if not p.get("class") and _in_body(p, story)]
        stories.append([t for t in texts if t])
    return stories


def _in_body(p: etree._Element, story: etree._Element) -> bool:
    """Whether nothing but plain containers stand between the paragraph and its story."""
    node = p.getparent()
    while node is not None and node is not story:
        if node.tag in _APART_TAGS:
            return False
        node = node.getparent()
    return True


def broken_share(stories: Iterable[Sequence[str]]) -> float | None:
    """The share of consecutive body paragraph pairs cut mid-sentence (None: no pair)."""
    pairs = broken = 0
    for texts in stories:
        for first, second in zip(texts, texts[1:]):
            pairs += 1
            broken += _cut_mid_sentence(first, second)
    return broken / pairs if pairs else None


def _cut_mid_sentence(first: str, second: str) -> bool:
    if _CJK.search(first[-1:]) or _CJK.search(second[:1]):
        return bool(_CJK.search(second[:1])) and not _CJK_END.search(first)
    return (not _LATIN_END.search(first) and second[:1].islower()) or first.endswith(_HYPHEN_END)


def ends(paragraphs: Sequence[str], size: int) -> list[str]:
    """The names of the paragraph ends of one story whose paragraphs are already normalised."""
    names, text = [], ""
    for paragraph in paragraphs[:-1]:
        text += paragraph
        if text:
            names.append(text[-size:])
    return names


def end_f1(truth_ends: set[str], output_ends: set[str]) -> float | None:
    """F1 of paragraph ends, over the ends left once the unscorable ones are out (see the
    module docstring); None when the truth has no paragraph end."""
    if not truth_ends:
        return None
    hits = len(truth_ends & output_ends)
    if not hits:
        return 0.0
    precision, recall = hits / len(output_ends), hits / len(truth_ends)
    return 2 * precision * recall / (precision + recall)
