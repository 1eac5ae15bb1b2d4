"""Tests of layout.evaluate: the contract metrics on tiny hand-made pages, with every expected
value computed by hand in the comments, plus the real ground truth scored against itself."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import Any

import pytest

from layout.errors import FormatError, InputError, UsageError
from layout.evaluate import (
    PageTruth,
    Scores,
    format_scores,
    load_truth,
    mean_scores,
    normalize,
    score_html,
    score_text,
)

# Every paragraph normalises to exactly 40 characters, i.e. two 20-character chunks, so story A
# has chunks a1..a6 and story B chunks b1..b4: 10 chunks, 5 + 3 = 8 neighbour pairs and
# C(6,2) + C(4,2) = 15 + 6 = 21 same-story pairs.
A1 = "Mayor opens the new bridge over the river Aire at"
A2 = "Crowds gathered early on Sunday morning to see."
A3 = "Traffic will run from Monday, say the officials"
B1 = "Council votes to extend library opening hours."
B2 = "Readers may borrow books until ten on weeknight"
HEAD_A = "Bridge opens to traffic"
HEAD_B = "Library hours extended"
CAPTION = "The mayor cuts the ribbon"
FOLIO = "Page 3"
DATELINE = "The Daily Example, Monday 4 May"

SHARED = Path("/work/shared/corpus/gt_born_digital")


def test_paragraphs_are_two_chunks_each() -> None:
    """The hand computations below rely on these lengths."""
    assert {len(normalize(p)) for p in (A1, A2, A3, B1, B2)} == {40}


# --- helpers ------------------------------------------------------------------------------


def gt(number: int = 1, **changes: Any) -> dict[str, Any]:
    """The ground truth of the test page: two stories, a caption and two furniture strings."""
    page = {
        "source": "test.pdf",
        "page": number,
        "articles": [
            {"id": "a", "kind": "story", "headline": HEAD_A, "caption": CAPTION,
             "text": [A1, A2, A3]},
            {"id": "b", "kind": "story", "headline": HEAD_B, "text": [B1, B2]},
        ],
        "furniture": [FOLIO, DATELINE],
    }
    page.update(changes)
    return page


def load(tmp_path: Path, data: Any) -> list[PageTruth]:
    """Write ``data`` as a ground-truth file and read it back with :func:`load_truth`."""
    path = tmp_path / "page.gt.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return load_truth(path)


def story(headline: str, *paragraphs: str, heading: str = "h2", extra: str = "") -> str:
    """An ``<article>`` with its headline in ``heading`` and one ``<p>`` per paragraph."""
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (f"<article><header><{heading}>{escape(headline)}</{heading}></header>"
            f"{body}{extra}</article>")


FIGURE = f'<figure><img src="x.png" alt=""><figcaption>{CAPTION}</figcaption></figure>'
HEADER = f'<header class="page-furniture"><p>{FOLIO}</p></header>'
FOOTER = f'<footer class="page-furniture"><p>{DATELINE}</p></footer>'


def section(*parts: str, number: int = 1) -> str:
    """One ``<section class="page">`` holding ``parts``."""
    return f'<section class="page" id="p{number}" data-page="{number}">{"".join(parts)}</section>'


def document(*sections: str) -> str:
    """A complete HTML document around the sections."""
    return ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title></head>'
            f"<body>{''.join(sections)}</body></html>")


def page(*stories: str, header: str = HEADER, footer: str = FOOTER) -> str:
    """A one-page document: furniture header, the stories, furniture footer."""
    return document(section(header, *stories, footer))


PERFECT = page(story(HEAD_A, A1, A2, A3, extra=FIGURE), story(HEAD_B, B1, B2))


# --- perfect output and chunking ----------------------------------------------------------


def test_perfect_output_scores_one_everywhere(tmp_path: Path) -> None:
    scores = score_html(PERFECT, load(tmp_path, gt()))
    perfect = dict.fromkeys(("coverage", "flow", "order", "story_f1", "headline", "caption",
                             "furniture", "paragraphs", "story_precision", "story_recall"), 1.0)
    assert scores == Scores(**perfect, broken=0.0, chunks=10, found=10, skipped=0)


def test_paragraphs_merged_lose_their_ends(tmp_path: Path) -> None:
    # Truth ends: after A1, after A2, after B1 (a story's last paragraph is no end). Story A
    # as one paragraph leaves one output end (after B1), a truth end: precision 1, recall 1/3.
    merged = page(story(HEAD_A, f"{A1} {A2} {A3}", extra=FIGURE), story(HEAD_B, B1, B2))
    scores = score_html(merged, load(tmp_path, gt()))
    assert scores.paragraphs == pytest.approx(0.5)  # 2 x 1 x 1/3 / (1 + 1/3)
    assert scores.broken == 0.0 and scores.coverage == 1.0


def test_a_paragraph_cut_mid_sentence_is_broken(tmp_path: Path) -> None:
    # "Mayor opens the new bridge" | "over the river Aire at": the first stops without a
    # full stop, the second goes on in lower case. Pairs: 3 in A, 1 in B; 1 broken. Output
    # ends: 4, of which the 3 truth ends: precision 3/4, recall 1.
    cut = page(story(HEAD_A, "Mayor opens the new bridge", "over the river Aire at", A2, A3,
                     extra=FIGURE), story(HEAD_B, B1, B2))
    scores = score_html(cut, load(tmp_path, gt()))
    assert scores.broken == pytest.approx(0.25)
    assert scores.paragraphs == pytest.approx(6 / 7)  # 2 x 3/4 x 1 / (3/4 + 1)


def test_paragraph_ends_need_truth_in_paragraphs(tmp_path: Path) -> None:
    truth = load(tmp_path, gt())[0]
    blocks = PageTruth(truth.number, truth.articles, truth.furniture, paragraphs=False)
    assert score_html(PERFECT, blocks).paragraphs is None
    assert score_html(PERFECT, blocks).broken == 0.0  # no truth needed


def test_bytes_input_is_read_as_utf8(tmp_path: Path) -> None:
    assert score_html(PERFECT.encode("utf-8"), load(tmp_path, gt())).coverage == 1.0


def test_whitespace_hyphens_and_nfkc_width_do_not_count(tmp_path: Path) -> None:
    """Line breaks, a soft hyphen, a hyphenated line end and fullwidth letters all vanish."""
    broken = "Mayor opens the new brid-\nge over the ri\u00advｅr Aire at"
    html = page(story(HEAD_A, broken, A2, A3, extra=FIGURE), story(HEAD_B, B1, B2))
    assert score_html(html, load(tmp_path, gt())).flow == 1.0


def test_dashes_are_not_hyphens() -> None:
    assert normalize("a\u2013b \u2014 c-d\u2010e\u2011f") == "a\u2013b\u2014cdef"


def test_cjk_page_uses_ten_character_chunks(tmp_path: Path) -> None:
    """30 Han characters: three 10-character chunks (a Latin page would make 20 + 10 = 2)."""
    text = "上海市今天召开新闻发布会介绍城市更新工作进展情况和下一步计划"
    truth = load(tmp_path, gt(articles=[{"id": "c", "headline": "城市更新", "text": [text]}]))
    scores = score_html(page(story("城市更新", text)), truth)
    assert (scores.chunks, scores.found, scores.flow, scores.order) == (3, 3, 1.0, 1.0)


@pytest.mark.parametrize(("tail", "chunks"), [
    ("So it is.", 2),          # remainder "Soitis." = 7 < 10 characters: dropped
    ("Late news here.", 3),    # remainder "Latenewshere." = 13 >= 10 characters: kept
])
def test_short_last_chunk_is_kept_from_half_the_chunk_length(
        tmp_path: Path, tail: str, chunks: int) -> None:
    truth = load(tmp_path, gt(articles=[{"id": "a", "text": [A1, tail]}]))
    scores = score_html(page(story(HEAD_A, A1, tail)), truth)
    assert (scores.chunks, scores.coverage, scores.flow) == (chunks, 1.0, 1.0)


def test_chunks_repeated_in_the_story_are_skipped(tmp_path: Path) -> None:
    """A1 twice: its two chunks occur twice each, so 4 of 6 chunks are skipped; the pairs
    touching them vanish too, leaving only the pair inside A2."""
    truth = load(tmp_path, gt(articles=[{"id": "a", "text": [A1, A1, A2]}]))
    scores = score_html(page(story(HEAD_A, A1, A1, A2)), truth)
    assert (scores.chunks, scores.skipped, scores.found) == (2, 4, 2)
    assert (scores.coverage, scores.flow, scores.order) == (1.0, 1.0, 1.0)


def test_chunk_repeated_in_furniture_is_skipped(tmp_path: Path) -> None:
    """The furniture string holds the first chunk of A1 ("Mayoropensthenewbrid")."""
    truth = load(tmp_path, gt(furniture=["Mayor opens the new bridge"]))
    html = page(story(HEAD_A, A1, A2, A3, extra=FIGURE), story(HEAD_B, B1, B2),
                footer='<footer class="page-furniture"><p>Mayor opens the new bridge</p></footer>')
    scores = score_html(html, truth)
    assert (scores.chunks, scores.skipped, scores.coverage, scores.furniture) == (9, 1, 1.0, 1.0)


def test_text_duplicated_in_the_output_is_not_found(tmp_path: Path) -> None:
    """B1 printed twice: its 2 chunks occur twice, so they are not found (8 of 10), and the
    pairs (b1,b2) and (b2,b3) break (6 of 8)."""
    html = page(story(HEAD_A, A1, A2, A3, extra=FIGURE), story(HEAD_B, B1, B1, B2))
    scores = score_html(html, load(tmp_path, gt()))
    assert (scores.coverage, scores.flow) == (0.8, 0.75)


# --- flow and order -----------------------------------------------------------------------


def test_swapped_paragraphs_lower_order_and_flow(tmp_path: Path) -> None:
    """Story A read as A1 A3 A2, i.e. chunks a1 a2 a5 a6 a3 a4.

    flow: pairs (a2,a3) and (a4,a5) break, 6 of 8 hold.
    order: a5 and a6 both precede a3 and a4, 4 inversions: (15 - 4 + 6) / 21 = 17/21.
    """
    html = page(story(HEAD_A, A1, A3, A2, extra=FIGURE), story(HEAD_B, B1, B2))
    scores = score_html(html, load(tmp_path, gt()))
    assert scores.flow == pytest.approx(6 / 8)
    assert scores.order == pytest.approx(17 / 21)
    assert (scores.coverage, scores.story_f1) == (1.0, 1.0)


def test_interleaved_foreign_line_breaks_exactly_one_flow_pair(tmp_path: Path) -> None:
    """A weather line between A1 and A2 separates a2 from a3: 7 of 8 pairs hold."""
    html = page(story(HEAD_A, A1, "Weather: sunny spells", A2, A3, extra=FIGURE),
                story(HEAD_B, B1, B2))
    scores = score_html(html, load(tmp_path, gt()))
    assert scores.flow == pytest.approx(7 / 8)
    assert (scores.coverage, scores.order, scores.story_f1) == (1.0, 1.0, 1.0)


def test_missing_paragraph_breaks_its_pairs_and_leaves_order_whole(tmp_path: Path) -> None:
    """Without A2 (a3, a4): 8 of 10 found; pairs (a2,a3), (a3,a4), (a4,a5) break, 5 of 8
    hold; order is over found chunks only, all in order."""
    html = page(story(HEAD_A, A1, A3, extra=FIGURE), story(HEAD_B, B1, B2))
    scores = score_html(html, load(tmp_path, gt()))
    assert (scores.coverage, scores.flow, scores.order) == (0.8, 5 / 8, 1.0)


def test_order_counts_inversions_on_a_long_reversed_story(tmp_path: Path) -> None:
    """200 paragraphs read backwards: within each paragraph the two chunks keep their order,
    so 200 of C(400,2) pairs are right."""
    paragraphs = [f"Section {i:04d} begins here and line {i:04d} ends okay" for i in range(200)]
    assert {len(normalize(p)) for p in paragraphs} == {40}
    truth = load(tmp_path, gt(articles=[{"id": "r", "text": paragraphs}], furniture=[]))
    scores = score_html(page(story("Report", *reversed(paragraphs))), truth)
    assert scores.order == pytest.approx(200 / (400 * 399 / 2))
    assert scores.flow == pytest.approx(200 / 399)


# --- structure ----------------------------------------------------------------------------


def test_two_stories_merged_into_one_article_lower_story_precision(tmp_path: Path) -> None:
    """One predicted cluster of 10 chunks: C(10,2) = 45 pairs predicted same, of which the
    15 + 6 = 21 truly-same pairs: precision 21/45 = 7/15, recall 1, F1 = 7/11."""
    merged = story(HEAD_A, A1, A2, A3, extra=FIGURE + f"<h2>{HEAD_B}</h2><p>{B1}</p><p>{B2}</p>")
    scores = score_html(page(merged), load(tmp_path, gt()))
    assert scores.story_precision == pytest.approx(7 / 15)
    assert scores.story_recall == 1.0
    assert scores.story_f1 == pytest.approx(7 / 11)


def test_story_split_in_two_articles_lowers_story_recall(tmp_path: Path) -> None:
    """A split after A1: clusters {a1,a2} and {a3..a6}; truly-same pairs 21, of which
    1 + 6 + 6 = 13 predicted same: recall 13/21, precision 1."""
    html = page(story(HEAD_A, A1), story("More", A2, A3, extra=FIGURE), story(HEAD_B, B1, B2))
    scores = score_html(html, load(tmp_path, gt()))
    assert (scores.story_precision, scores.story_recall) == (1.0, pytest.approx(13 / 21))


def test_text_outside_every_article_counts_as_singletons(tmp_path: Path) -> None:
    """Story B's paragraphs outside any article: 4 singletons; predicted-same pairs 15, all
    right; truly-same 21: precision 1, recall 15/21."""
    html = page(story(HEAD_A, A1, A2, A3, extra=FIGURE), f"<p>{B1}</p><p>{B2}</p>")
    scores = score_html(html, load(tmp_path, gt()))
    assert (scores.story_precision, scores.story_recall) == (1.0, pytest.approx(15 / 21))
    assert scores.headline == 0.5  # no article holds story B, so its headline cannot score


def test_nested_sidebar_is_its_own_story(tmp_path: Path) -> None:
    """A sidebar nested as <aside> in its parent article is predicted apart from it."""
    truth = load(tmp_path, gt(articles=[
        {"id": "a", "headline": HEAD_A, "text": [A1, A2]},
        {"id": "s", "kind": "sidebar", "parent": "a", "headline": HEAD_B, "text": [B1]},
    ]))
    aside = f'<aside class="sidebar"><h3>{HEAD_B}</h3><p>{B1}</p></aside>'
    scores = score_html(page(story(HEAD_A, A1, A2, extra=aside)), truth)
    assert (scores.story_f1, scores.headline) == (1.0, 1.0)


def test_headline_in_a_paragraph_scores_zero(tmp_path: Path) -> None:
    html = page(story(HEAD_A, A1, A2, A3, heading="p", extra=FIGURE),
                story(HEAD_B, B1, B2, heading="p"))
    scores = score_html(html, load(tmp_path, gt()))
    assert scores.headline == 0.0
    assert scores.coverage == 1.0


def test_headline_in_another_story_does_not_count(tmp_path: Path) -> None:
    """Both headlines in article B's heading: A's is found, but not in A's article."""
    html = page(story("", A1, A2, A3, extra=FIGURE), story(f"{HEAD_B} {HEAD_A}", B1, B2))
    assert score_html(html, load(tmp_path, gt())).headline == 0.5


@pytest.mark.parametrize(("heading", "expected"), [
    ("Bridge opens to traffic today", 1.0),   # contains the headline
    ("Bridge opens to traff", 1.0),           # 18 of 20 characters: at least 80 %
    ("Bridge opens", 0.5),                    # 11 of 20 characters: too short
])
def test_heading_matches_tolerantly(tmp_path: Path, heading: str, expected: float) -> None:
    html = page(story(heading, A1, A2, A3, extra=FIGURE), story(HEAD_B, B1, B2))
    assert score_html(html, load(tmp_path, gt())).headline == expected


def test_caption_outside_figcaption_scores_zero(tmp_path: Path) -> None:
    html = page(story(HEAD_A, A1, A2, A3, extra=f'<p class="caption">{CAPTION}</p>'),
                story(HEAD_B, B1, B2))
    assert score_html(html, load(tmp_path, gt())).caption == 0.0


def test_no_caption_in_the_truth_means_no_caption_score(tmp_path: Path) -> None:
    truth = load(tmp_path, gt(articles=[{"id": "b", "headline": HEAD_B, "text": [B1, B2]}]))
    assert score_html(PERFECT, truth).caption is None


def test_furniture_inside_an_article_scores_zero(tmp_path: Path) -> None:
    inside = f"<p>{FOLIO}</p><p>{DATELINE}</p>"
    html = page(story(HEAD_A, A1, A2, A3, extra=FIGURE + inside), story(HEAD_B, B1, B2),
                header="", footer="")
    scores = score_html(html, load(tmp_path, gt()))
    assert (scores.furniture, scores.coverage, scores.flow) == (0.0, 1.0, 1.0)


def test_comments_and_scripts_do_not_disturb_the_text(tmp_path: Path) -> None:
    """Text after a comment is kept; script text is not page text."""
    a1 = "Mayor opens the new <!-- note -->bridge over the river Aire at"
    html = page(story(HEAD_A, A1, A2, A3, extra=FIGURE + "<script>var x = 1;</script>"),
                story(HEAD_B, B1, B2)).replace(f"<p>{A1}</p>", f"<p>{a1}</p>")
    scores = score_html(html, load(tmp_path, gt()))
    assert (scores.coverage, scores.flow) == (1.0, 1.0)


# --- pages --------------------------------------------------------------------------------


def test_page_number_selects_truth_page_and_section(tmp_path: Path) -> None:
    truth = load(tmp_path, {"pages": [
        gt(1, articles=[{"id": "a", "headline": HEAD_A, "text": [A1, A2, A3]}], furniture=[]),
        gt(2, articles=[{"id": "b", "headline": HEAD_B, "text": [B1, B2]}], furniture=[]),
    ]})
    html = document(section(story(HEAD_A, A1, A2, A3), number=1),
                    section(story(HEAD_B, B1, B2), number=2))
    scores = score_html(html, truth, page=2)
    assert (scores.chunks, scores.coverage, scores.story_f1, scores.headline) == (4, 1.0, 1.0, 1.0)
    with pytest.raises(UsageError, match="page="):
        score_html(html, truth)
    with pytest.raises(UsageError, match="no page 3"):
        score_html(html, truth, page=3)


def test_single_truth_page_finds_its_section_by_number(tmp_path: Path) -> None:
    truth = load(tmp_path, [gt(2)])
    html = document(section(story(HEAD_A, A1), number=1),
                    section(HEADER, story(HEAD_A, A1, A2, A3, extra=FIGURE),
                            story(HEAD_B, B1, B2), FOOTER, number=2))
    assert score_html(html, truth).coverage == 1.0
    with pytest.raises(FormatError, match='data-page="7"'):
        score_html(html, truth, page=7)


def test_html_without_page_sections_is_scored_whole(tmp_path: Path) -> None:
    html = document(story(HEAD_A, A1, A2, A3, extra=FIGURE), story(HEAD_B, B1, B2))
    scores = score_html(html, load(tmp_path, gt()))
    assert (scores.coverage, scores.story_f1, scores.furniture) == (1.0, 1.0, 0.0)


def test_empty_html_is_a_format_error(tmp_path: Path) -> None:
    with pytest.raises(FormatError):
        score_html("", load(tmp_path, gt()))


# --- plain text ---------------------------------------------------------------------------


def test_plain_text_scores_coverage_flow_and_order_only(tmp_path: Path) -> None:
    text = "\n".join([FOLIO, HEAD_A, A1, A2, A3, CAPTION, HEAD_B, B1, B2, DATELINE])
    scores = score_text(text, load(tmp_path, gt()))
    assert (scores.coverage, scores.flow, scores.order) == (1.0, 1.0, 1.0)
    assert scores.story_f1 is scores.headline is scores.caption is scores.furniture is None


def test_plain_text_with_swapped_paragraphs(tmp_path: Path) -> None:
    """Same reading as the swapped HTML test: flow 6/8, order 17/21."""
    scores = score_text("\n\n".join([A1, A3, A2, B1, B2]), load(tmp_path, gt()))
    assert (scores.flow, scores.order) == (pytest.approx(6 / 8), pytest.approx(17 / 21))


# --- loading ground truth -----------------------------------------------------------------


def test_load_truth_reads_every_field(tmp_path: Path) -> None:
    [truth] = load(tmp_path, gt(articles=[
        {"id": "a", "kind": "story", "kicker": "K", "headline": "H", "deck": "D", "byline": "B",
         "caption": ["C1", "C2"], "text": ["t"], "lines": [1, 2], "note": "ignored"},
        {"id": "s", "kind": "sidebar", "parent": "a", "text": []},
    ]))
    first, second = truth.articles
    assert (truth.number, truth.source, truth.furniture) == (1, "test.pdf", (FOLIO, DATELINE))
    assert (first.kicker, first.headline, first.deck, first.byline) == ("K", "H", "D", "B")
    assert (first.captions, first.text, second.parent, second.scored) == (
        ("C1", "C2"), ("t",), "a", True)


@pytest.mark.parametrize(("content", "error", "message"), [
    ("{not json", FormatError, "not valid JSON"),
    ('"a string"', FormatError, "JSON object or list"),
    ('{"articles": [{"kind": "poem"}]}', FormatError, "unknown kind 'poem'"),
    ('{"articles": [{"text": "one string"}]}', FormatError, "'text' must be a list"),
    ('{"articles": [], "page": "1"}', FormatError, "page number"),
    ("[" * 100_000 + "]" * 100_000, FormatError, "nested too deep"),
])
def test_load_truth_rejects_malformed_files(
        tmp_path: Path, content: str, error: type[Exception], message: str) -> None:
    path = tmp_path / "bad.gt.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(error, match=message) as caught:
        load_truth(path)
    assert str(path) in str(caught.value)


def test_load_truth_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="missing.gt.json"):
        load_truth(tmp_path / "missing.gt.json")


# --- summaries ----------------------------------------------------------------------------


def test_mean_scores_skips_inapplicable_values() -> None:
    first = Scores(coverage=1.0, flow=0.5, caption=None, chunks=10, found=10)
    second = Scores(coverage=0.5, flow=1.0, caption=0.25, chunks=4, found=2, skipped=1)
    mean = mean_scores([first, second])
    assert (mean["coverage"], mean["flow"], mean["caption"], mean["headline"]) == (
        0.75, 0.75, 0.25, None)
    assert (mean["chunks"], mean["found"], mean["skipped"], mean["pages"]) == (14, 12, 1, 2)


def test_format_scores_is_one_line() -> None:
    line = format_scores(Scores(coverage=0.9984, flow=1.0, order=0.5))
    assert line == ("coverage 0.998  flow 1.000  order 0.500  story_f1 -  headline -  "
                    "caption -  furniture -  paragraphs -  broken -")
    assert format_scores(mean_scores([Scores(coverage=1.0)])).startswith("coverage 1.000")


def test_as_dict_holds_every_field() -> None:
    assert Scores(coverage=1.0, chunks=3).as_dict()["chunks"] == 3


# --- real ground truth --------------------------------------------------------------------


def render_naive(page_truth: dict[str, Any]) -> str:
    """Our HTML as a perfect tool would write it: one article (or aside for a sidebar) per
    ground-truth story, an h2 headline, p paragraphs and a figure per caption; other kinds as
    bare figures; the furniture in the page footer."""
    parts = []
    for article in page_truth["articles"]:
        captions = article.get("caption") or []
        figures = "".join(f"<figure><figcaption>{escape(c)}</figcaption></figure>"
                          for c in ([captions] if isinstance(captions, str) else captions))
        if article.get("kind", "story") not in ("story", "sidebar"):
            parts.append(figures)
            continue
        tag = "aside" if article.get("kind") == "sidebar" else "article"
        head = "".join(f'<p class="{field}">{escape(article[field])}</p>'
                       for field in ("kicker", "deck", "byline") if article.get(field))
        if article.get("headline"):
            head = f"<h2>{escape(article['headline'])}</h2>{head}"
        body = "".join(f"<p>{escape(p)}</p>" for p in article.get("text", []))
        parts.append(f"<{tag}><header>{head}</header>{body}{figures}</{tag}>")
    furniture = "".join(f"<p>{escape(f)}</p>" for f in page_truth.get("furniture", []))
    return document(section(*parts, f'<footer class="page-furniture">{furniture}</footer>'))


@pytest.mark.parametrize("name", [
    "federal-register-2020-17221_p2.gt.json",
    "vigousse_2015-12-18_p4.gt.json",
])
def test_real_truth_rendered_naively_scores_perfectly(name: str) -> None:
    path = SHARED / name
    if not path.is_file():
        pytest.skip(f"{path} is absent (the shared corpus is not available here)")
    truth = load_truth(path)
    scores = score_html(render_naive(json.loads(path.read_text(encoding="utf-8"))), truth)
    assert scores.chunks > 0 and scores.found == scores.chunks
    applicable = {k: v for k, v in scores.as_dict().items() if k not in ("chunks", "found",
                                                                        "skipped", "broken")}
    assert all(v == 1.0 for v in applicable.values() if v is not None), applicable
    assert scores.broken == 0.0
