"""The role and kind tables: each block role and each story kind once, with all that the stages,
writers and evaluation need to know of it.

A *role* is what a block is to its story (headline, body, caption, …); a *kind* is what a
story is to its page (a story, a picture, a sidebar, an ad). Adding a role means one entry in
``ROLES`` (and the stage that assigns it); every writer reads its form from here::

    role        header  flows  HTML          Markdown    PAGE region  METS div
    kicker      yes     no     p.kicker      *…*         heading      OVERLINE (heading)
    headline    yes     no     h2 (story)    ## …        heading      TITLE (heading)
    body        no      yes    p             …           paragraph    PARAGRAPH
    label       no      no     p.label       …           other        OTHER  (words inside a figure)
    furniture   no      no     p (page)      …           header/footer FURNITURE
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

Role = Literal[
    "kicker", "headline", "deck", "byline", "body", "crosshead",
    "caption", "label", "jump", "credit", "furniture",
]
StoryKind = Literal["story", "picture", "sidebar", "ad"]


@dataclass(frozen=True, slots=True)
class RoleForm:
    """How one role is treated everywhere.

    ``header``: part of a story's header (HTML ``<header>``, a JSON story's top-level field).
    ``flowing``: running text, re-cut into paragraphs across blocks and column breaks.
    ``heading``: written as a heading, this many levels below the story's own (0: ``h2`` in an
    article; None: a paragraph). ``css_class``: the class of its ``<p>``, if any.
    ``markdown``: a format string for its text when it is no heading. ``page_region``: the PAGE-XML TextRegion type.
    ``mets``: the METS logical div TYPE; ``mets_heading``: in the story's METS ``HEADING`` div.
    """

    header: bool = False
    flowing: bool = False
    heading: int | None = None
    css_class: str | None = None
    markdown: str = "{}"
    page_region: str = "other"
    mets: str = "OTHER"
    mets_heading: bool = False


ROLES: dict[Role, RoleForm] = {
    "kicker": RoleForm(header=True, css_class="kicker", markdown="*{}*", page_region="heading",
                       mets="OVERLINE", mets_heading=True),
    "headline": RoleForm(header=True, heading=0, page_region="heading", mets="TITLE",
                         mets_heading=True),
    "deck": RoleForm(header=True, css_class="deck", markdown="**{}**", page_region="heading",
                     mets="SUBHEADLINE", mets_heading=True),
    "byline": RoleForm(header=True, css_class="byline", markdown="*{}*", page_region="credit",
                       mets="AUTHOR"),
    "body": RoleForm(flowing=True, page_region="paragraph", mets="PARAGRAPH"),
    "crosshead": RoleForm(heading=1, page_region="heading", mets="CROSSHEAD"),
    "caption": RoleForm(css_class="caption", markdown="*{}*", page_region="caption",
                        mets="CAPTION"),
    "label": RoleForm(css_class="label", page_region="other", mets="OTHER"),
    "jump": RoleForm(css_class="jump", markdown="*{}*", mets="JUMP"),
    "credit": RoleForm(css_class="credit", markdown="*{}*", page_region="credit", mets="CREDIT"),
    "furniture": RoleForm(page_region="header", mets="FURNITURE"),
}
assert set(ROLES) == set(get_args(Role)), "every role needs its entry in ROLES"

HEADER_ROLES: tuple[Role, ...] = tuple(r for r, f in ROLES.items() if f.header)
FLOWING_ROLES: frozenset[Role] = frozenset(r for r, f in ROLES.items() if f.flowing)


@dataclass(frozen=True, slots=True)
class KindForm:
    """How one story kind is written: its HTML element and class, its METS div TYPE."""

    tag: str
    css_class: str | None
    mets: str


KINDS: dict[StoryKind, KindForm] = {
    "story": KindForm("article", None, "ARTICLE"),
    "picture": KindForm("article", "picture", "ILLUSTRATION"),
    "sidebar": KindForm("aside", "sidebar", "ARTICLE"),
    "ad": KindForm("aside", "ad", "ADVERTISEMENT"),
}
assert set(KINDS) == set(get_args(StoryKind)), "every story kind needs its entry in KINDS"
STORY_TAGS: frozenset[str] = frozenset(k.tag for k in KINDS.values())
