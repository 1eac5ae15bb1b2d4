"""Vector graphics as figures: a chart, a map or a filled placeholder drawn with paths is a
figure when no running text stands inside it; its words are its labels, the text under it
its caption."""

from dataclasses import replace

import pymupdf

import layout
from layout import analyse_page
from layout.analysis.captions import running_text
from layout.analysis.linestyle import make_line
from layout.model import Box, Drawing, Line

from synth import column, page, text_lines, word


def bars(x0: float, base: float) -> list[Drawing]:
    """Five bars of a chart standing on a baseline, 10 pt apart."""
    return [Drawing(Box(x0 + 25 * i, base - 20 - 8 * i, x0 + 25 * i + 15, base)) for i in range(5)]


def chart_page(**changes):
    """A story in two columns; a bar chart on a tinted panel over the second column with its
    title and year labels inside, its caption and credit under it."""
    words = (text_lines(["Council Plan"], 50, 40, size=24) + column(50, 80, 30)
             + text_lines(["Riders by year"], 175, 84, size=8, bold=True)
             + [w for i in range(5) for w in text_lines([str(2019 + i)], 177 + 25 * i, 172, size=7)]
             + text_lines(["Annual riders, millions.", "Graphic: Ann Lee"], 170, 192, size=8, italic=True)
             + column(170, 222, 20, start=90))
    content = page(words, frames=[Box(170, 80, 300, 185)])
    return replace(content, drawings=tuple(bars(180, 168)), **changes)


def test_a_chart_is_a_figure_with_its_labels_and_its_caption():
    layout_ = analyse_page(chart_page())
    (figure,) = [f for s in layout_.stories for f in s.figures]
    assert figure.drawn and figure.box == Box(170, 80, 300, 185)
    assert [b.text for b in figure.labels] == ["Riders by year", "2019", "2020", "2021", "2022", "2023"]
    assert " ".join(b.text for b in figure.captions) == "Annual riders, millions. Graphic: Ann Lee"
    html = layout.model.Document("chart.pdf", (layout_,)).to_html()
    assert '<p class="label"' in html
    assert "<figcaption>Annual riders, millions. Graphic: Ann Lee</figcaption>" in html


def test_a_credit_under_a_loosely_set_caption_is_part_of_it():
    """A caption and its credit line set at 1.7 times their size (LibreOffice's 115 %
    proportional spacing), the credit more than half a body size under the caption: the
    credit still goes with the caption, not into the story's text."""
    words = (text_lines(["Council Plan"], 50, 40, size=24) + column(50, 80, 30)
             + text_lines(["Riders by year"], 175, 84, size=8, bold=True)
             + [w for i in range(5) for w in text_lines([str(2019 + i)], 177 + 25 * i, 172, size=7)]
             + text_lines(["Annual riders, millions.", "Graphic: Ann Lee"], 170, 192, size=8, pitch=13.6)
             + column(170, 224, 20, start=90))
    content = replace(page(words, frames=[Box(170, 80, 300, 185)]), drawings=tuple(bars(180, 168)))
    (figure,) = [f for s in analyse_page(content).stories for f in s.figures]
    assert " ".join(b.text for b in figure.captions) == "Annual riders, millions. Graphic: Ann Lee"


def test_a_chart_on_its_panel_inside_a_boxed_story_is_a_figure():
    """The chart's bars go with their own tinted panel, the innermost frame holding them, not
    with the outline round the whole story (which holds running text, and stays a frame)."""
    outline = Box(40, 30, 310, 500)
    layout_ = analyse_page(chart_page(frames=(outline, Box(170, 80, 300, 185))))
    (figure,) = [f for s in layout_.stories for f in s.figures]
    assert figure.drawn and figure.box == Box(170, 80, 300, 185)
    assert " ".join(b.text for b in figure.captions) == "Annual riders, millions. Graphic: Ann Lee"


def test_a_flat_placeholder_inside_the_outline_of_a_boxed_story_is_a_figure():
    """A photo's flat fill inside the outline round a boxed story, with no frame of its own:
    the outline holds running text, so the fill is judged alone, a figure with its caption
    (typst_s111_08_zh)."""
    words = (text_lines(["Council Plan"], 50, 40, size=24) + column(50, 190, 25)
             + text_lines(["Riders wait at the new stop. Photo: Ann Lee"], 50, 172, size=8))
    content = replace(page(words, frames=[Box(40, 30, 310, 500)]),
                      drawings=(Drawing(Box(50, 70, 300, 170)),))
    layout_ = analyse_page(content)
    (figure,) = [f for s in layout_.stories for f in s.figures] + list(layout_.figures)
    assert figure.drawn and figure.box == Box(50, 70, 300, 170)
    assert " ".join(b.text for b in figure.captions) == "Riders wait at the new stop. Photo: Ann Lee"


def test_a_flat_fill_with_a_word_in_it_is_a_ribbon_not_a_figure():
    words = (text_lines(["OPINION"], 55, 44, size=14, bold=True) + text_lines(["Council Plan"], 50, 64, size=24)
             + column(50, 100, 20))
    content = replace(page(words), drawings=(Drawing(Box(50, 40, 130, 62)),))
    assert analyse_page(content).stories[0].figures == ()


def test_a_box_of_running_text_in_two_columns_stays_a_sidebar():
    inside = (text_lines(["Key facts"], 310, 95, size=12, bold=True)
              + column(310, 115, 10, width=90) + column(410, 115, 10, width=90, start=40))
    words = text_lines(["Council Plan"], 50, 40, size=24) + column(50, 80, 30) + inside
    content = replace(page(words, frames=[Box(300, 88, 505, 245)]),
                      drawings=(Drawing(Box(300, 88, 505, 96), 2),))   # a ribbon on the box
    layout_ = analyse_page(content)
    assert not [f for s in layout_.stories for f in s.figures] and not layout_.figures
    assert any(side.kind == "sidebar" for s in layout_.stories for side in s.sidebars)


def test_a_pdf_chart_drawn_with_paths_and_a_grey_placeholder_are_figures(tmp_path):
    doc = pymupdf.open()
    pg = doc.new_page(width=400, height=400)
    pg.insert_text((30, 40), "Council Approves the Budget", fontsize=20)
    for i in range(40):
        pg.insert_text((30, 70 + 8 * i), "text of the story that runs on in its column", fontsize=7)
    pg.draw_rect(pymupdf.Rect(220, 60, 370, 160), color=(0, 0, 0), fill=(0.95, 0.93, 0.9))
    for i in range(4):
        pg.draw_rect(pymupdf.Rect(235 + 30 * i, 140 - 15 * i, 250 + 30 * i, 150), fill=(0.2, 0.4, 0.7), color=None)
        pg.insert_text((235 + 30 * i, 157), str(2020 + i), fontsize=6)
    pg.draw_line((228, 150), (362, 150))
    pg.insert_text((220, 172), "Riders by year. Graphic: Ann Lee", fontsize=7, fontname="tiro")
    pg.draw_rect(pymupdf.Rect(220, 200, 370, 300), fill=(0.55, 0.6, 0.7), color=None)
    pg.insert_text((220, 312), "The mayor opens the bridge. Photo: Bo Li", fontsize=7, fontname="tiro")
    path = tmp_path / "chart.pdf"
    doc.save(path)
    result = layout.reconstruct(path).pages[0]
    figures = [f for s in result.stories for f in s.figures] + list(result.figures)
    assert sorted(" ".join(b.text for b in f.captions) for f in figures) == [
        "Riders by year. Graphic: Ann Lee", "The mayor opens the bridge. Photo: Bo Li"]
    assert all(f.drawn for f in figures)
    assert sorted(b.text for f in figures for b in f.labels) == ["2020", "2021", "2022", "2023"]


def test_a_map_with_its_names_set_large_is_a_figure():
    """A map on a tinted panel whose title and place names are set well above the body size
    (a drawing scaled up): each name is a word, not a line of running text, however wide it
    stands at its size."""
    names = [w for k, name in enumerate(["Oakdale Heights", "Fairview Lakes", "Riverton Point", "Millbrook Farm"])
             for w in text_lines([name], 185 + 40 * (k % 2), 110 + 22 * k, size=15.5)]
    words = (text_lines(["Council Plan"], 50, 40, size=24) + column(50, 80, 30)
             + text_lines(["Flood zone map"], 175, 84, size=18, bold=True) + names
             + text_lines(["Flood zone map. Graphic: Ann Lee"], 170, 232, size=8)
             + column(170, 250, 20, start=90))
    content = replace(page(words, frames=[Box(170, 80, 380, 225)]),
                      drawings=(Drawing(Box(185, 105, 350, 215), 3),))
    layout_ = analyse_page(content)
    (figure,) = [f for s in layout_.stories for f in s.figures]
    assert figure.drawn and "Oakdale Heights" in " ".join(b.text for b in figure.labels)


def test_a_box_of_narrow_cjk_columns_under_a_ribbon_is_no_figure():
    """A People's Daily commentary box: a ribbon label drawn on a frame, a headline, and three
    columns of seven characters a line (7 em: shorter than a long line of running text; the
    real page's eight characters came to 7.99 em). The lines start and end at one x down each
    column, a justified column of running text: the box stays text (it was a drawn figure,
    its whole text the figure's labels)."""
    han = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可也你"
    cols = [word("".join(han[(k + i + j) % len(han)] for j in range(7)), x, 130 + 12 * i)
            for k, x in enumerate((60, 150, 240)) for i in range(10)]
    inside = text_lines(["记者观察"], 150, 92, size=11) + text_lines(["南城社区深化乡村振兴"], 80, 108, size=18) + cols
    words = text_lines(["长丰县聚焦科研院所"], 50, 30, size=24) + column(50, 60, 2, width=300) + inside
    content = replace(page(words, frames=[Box(55, 88, 330, 260)]),
                      drawings=(Drawing(Box(145, 90, 200, 104)),))     # the ribbon's fill
    layout_ = analyse_page(content)
    assert not [f for s in layout_.stories for f in s.figures] and not layout_.figures
    text = " ".join(b.text for s in layout_.stories for part in (s, *s.sidebars) for b in part.blocks)
    assert all(w.text in text for w in cols[:3])


def test_a_border_drawn_as_a_filled_ring_is_a_frame_and_a_solid_box_is_not(tmp_path):
    """WeasyPrint draws a CSS border as an even-odd fill of two nested rectangles: an
    outline, as a stroked rectangle is; a solid dark rectangle, or a rounded one, stays a
    drawing (a placeholder, a label)."""
    from layout.sources.pdf import PdfSource
    doc = pymupdf.open()
    pg = doc.new_page(width=400, height=400)
    ring = pg.new_shape()
    ring.draw_rect(pymupdf.Rect(30, 40, 200, 150))
    ring.draw_rect(pymupdf.Rect(30.8, 40.8, 199.2, 149.2))
    ring.finish(fill=(0, 0, 0), color=None, even_odd=True)
    ring.commit()
    pg.draw_rect(pymupdf.Rect(220, 40, 370, 150), fill=(0.1, 0.1, 0.1), color=None)
    pg.draw_rect(pymupdf.Rect(220, 200, 370, 300), fill=(0.1, 0.1, 0.1), color=None, radius=0.05)
    pg.insert_text((40, 60), "A boxed note", fontsize=9)
    path = tmp_path / "ring.pdf"
    doc.save(path)
    source = PdfSource(path)
    content = source.page(1)
    source.close()
    assert [f.as_list(1) for f in content.frames] == [[30.0, 40.0, 200.0, 150.0]]


def test_a_row_of_axis_labels_spread_over_a_chart_is_no_running_text():
    """The years under a chart's bars, a word each spread over the chart's width, are long
    lines of white: with the chart's title they are no three long lines of running text, so
    the chart's panel is a figure (weasyprint_s121_06_zh: the line stage gave the years' "年",
    set in another face, a line of their own beside the digits'; the panel was taken for a
    box of text, its bars became four empty figures and its caption was lost). Three loose
    justified lines of a column, mostly words, still are running text."""
    title = make_line([word("Charging points by year", 50, 100)], vertical=False)
    years = make_line([word(str(2019 + i), 60 + 60 * i, 190) for i in range(5)], vertical=False)
    units = make_line([word("yr", 80 + 60 * i, 190) for i in range(3)], vertical=False)
    assert not running_text([title, years, units], 10)
    loose = [make_line([word(w, 50 + 42 * i, 100 + 12 * k) for i, w in enumerate(["the", "new", "plans", "go"])],
                       vertical=False) for k in range(3)]
    assert running_text(loose, 10)


def test_a_tint_painted_in_bands_is_one_frame():
    """A box's tint painted one band per paragraph, the bands flush one on another (as
    LibreOffice paints a bordered box of paragraphs), is one frame, its title's band too low
    to be a frame alone; a band of another tint, or one set apart, stays apart."""
    from layout.sources.pdfshapes import shapes
    doc = pymupdf.open()
    pg = doc.new_page(width=400, height=400)
    grey, blue = (0.93, 0.93, 0.93), (0.85, 0.88, 0.95)
    for y0, y1, fill in ((50, 70, grey), (69.9, 130, grey), (129.9, 160, grey), (160, 190, blue),
                         (220, 260, grey)):
        pg.draw_rect(pymupdf.Rect(30, y0, 130, y1), color=None, fill=fill)
    _, frames, drawn = shapes(pg.get_drawings(), Box(0, 0, 400, 400))
    assert sorted((f.y0, f.y1) for f in frames) == [(50, 160), (160, 190), (220, 260)]
    assert drawn == []


def test_names_letter_spaced_across_a_map_are_no_running_text():
    """A map's place names set with wide letter spacing, a word each, stand as long as a line
    of running text at their size (weasyprint_s149_01_en: "Riverton" at 11 pt over 88 pt):
    four of them are no running text, so the map's tinted panel is a figure (it was a sidebar,
    its caption a crosshead). Three lines of Chinese, one word each, still are running text."""
    def spaced(text: str, x0: float, y0: float) -> Line:
        w = word(text, x0, y0, size=11)
        return make_line([replace(w, box=Box(x0, y0, x0 + 8.2 * 11, y0 + 11))], vertical=False)

    names = [spaced(t, 60 + 90 * k, 100 + 15 * k) for k, t in enumerate(["Oakdale", "Riverton", "Eastport", "Millbrook"])]
    assert not running_text(names, 8.5)
    han = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可也你"
    chinese = [make_line([word(han[k:k + 12], 50 + 5 * k, 100 + 14 * k)], vertical=False) for k in range(3)]
    assert running_text(chinese, 10)


def test_shapes_read_the_same_from_get_cdrawings_tuples_as_from_get_drawings_objects():
    """The reader hands ``shapes`` MuPDF's own tuples (``get_cdrawings``), not PyMuPDF's
    Point, Rect and Quad objects: a rounded frame, a border drawn as an even-odd ring, a
    quad (its corners on its box's edges: a frame), a curve and rules read as the same
    rules, frames and drawings."""
    from layout.sources.pdfshapes import shapes
    doc = pymupdf.open()
    pg = doc.new_page(width=400, height=400)
    pg.draw_rect(pymupdf.Rect(20, 20, 200, 120), color=(0, 0, 0), radius=0.05)
    shape = pg.new_shape()  # a CSS border: two nested rectangles filled even-odd
    shape.draw_rect(pymupdf.Rect(220, 20, 380, 120))
    shape.draw_rect(pymupdf.Rect(222, 22, 378, 118))
    shape.finish(fill=(0.2, 0.2, 0.2), color=None, even_odd=True)
    shape.draw_quad(pymupdf.Rect(40, 200, 140, 260).quad.morph(pymupdf.Point(90, 230), pymupdf.Matrix(20)))
    shape.finish(color=(0, 0, 0))
    shape.draw_bezier((200, 200), (260, 240), (300, 300), (360, 260))
    shape.finish(color=(0, 0, 0), fill=(0.5, 0.6, 0.7))
    shape.commit()
    pg.draw_line((20, 300), (380, 300))
    pg.draw_line((200, 310), (200, 390))
    box = Box(0, 0, 400, 400)
    read = shapes(pg.get_cdrawings(), box)
    assert read == shapes(pg.get_drawings(), box)
    rules, frames, drawn = read
    assert [r.orientation for r in rules] == ["h", "v"] and len(drawn) == 1
    assert Box(220, 20, 380, 120) in frames and Box(20, 20, 200, 120) in frames and len(frames) == 3


def test_a_box_drawn_as_four_strokes_is_one_frame_and_a_t_of_rules_is_none():
    """A box drawn as four separate lines meeting at its corners (groff's ``.B1``/``.B2``) is
    the frame it draws, its edges no rules; a column rule ending under a rule that runs on
    past it (a T, not a corner) closes nothing, and both stay rules."""
    from layout.sources.pdfshapes import shapes
    doc = pymupdf.open()
    pg = doc.new_page(width=400, height=400)
    for a, b in (((30, 50), (130, 50)), ((130, 50), (130, 160)), ((130, 160), (30, 160)), ((30, 160), (30, 50))):
        pg.draw_line(a, b, width=0.4)
    for a, b in (((200, 200), (380, 200)), ((250, 200), (250, 300)), ((320, 200), (320, 300)),
                 ((200, 300), (380, 300))):
        pg.draw_line(a, b, width=0.4)
    rules, frames, _ = shapes(pg.get_cdrawings(), Box(0, 0, 400, 400))
    assert [(f.x0, f.y0, f.x1, f.y1) for f in frames] == [(30, 50, 130, 160)]
    assert len(rules) == 4 and all(r.box.x0 >= 200 for r in rules)


def test_a_small_region_drawn_askew_along_its_box_is_no_frame():
    """A map's small region, a filled polygon whose every point lies near its bounding box's
    edges but whose sides run askew across it (groff_s153_05_en), is a drawing, not a frame;
    a rectangle with cut corners is still a frame."""
    from layout.sources.pdfshapes import shapes
    doc = pymupdf.open()
    pg = doc.new_page(width=400, height=400)
    region = [(100, 60), (95, 67), (94, 76), (78, 79), (64, 74), (43, 78), (39, 68), (41, 60), (37, 52),
              (47, 46), (63, 46), (77, 44), (88, 48), (95, 54)]
    pg.draw_polyline(region + region[:1], color=(0.3, 0.3, 0.4), fill=(0.8, 0.9, 0.8))
    cut = [(203, 200), (297, 200), (300, 203), (300, 297), (297, 300), (203, 300), (200, 297), (200, 203)]
    pg.draw_polyline(cut + cut[:1], color=(0, 0, 0), width=0.5)
    rules, frames, drawn = shapes(pg.get_cdrawings(), Box(0, 0, 400, 400))
    assert (rules, frames, drawn) == shapes(pg.get_drawings(), Box(0, 0, 400, 400))
    assert [(round(f.x0), round(f.y0), round(f.x1), round(f.y1)) for f in frames] == [(200, 200, 300, 300)]
    assert len(drawn) == 1 and drawn[0].box.x1 < 110


def test_a_blank_placeholder_bounds_the_gutter_beside_it_so_the_heads_over_it_stay_apart():
    """Two stories under one rule: on the left a 10 pt headline over two columns of text, on the
    right a 9.5 pt kicker over a 10 pt headline, its picture a flat placeholder drawn under them
    and its text below that (reportlab_s183_00_zh). The headline and the kicker stand 3 em
    apart on one baseline, and the headline under the kicker reaches half an em into that gap.
    Taken for white, the placeholder leaves the gutter between the stories no right side down
    the picture's height: no gutter parts the two heads, and they were one line, the kicker read
    into the left story's headline. A drawing with no word in it is a figure whatever the lines
    are, and bounds the gutter from the start."""
    t = "望江社区聚焦供暖管网万户志愿者更新文化场馆居民安全感进一步改善"

    def col(x0, y0, n):
        return [word((t * 2)[(k * 3) % 20:(k * 3) % 20 + 10], x0, y0 + 11.9 * k, size=8.5) for k in range(n)]
    words = [w for x in (30, 128.5, 227.1, 325.6) for w in col(x, 400, 16)]  # the band above
    words += [word("云溪县完善绿色创新平台 健全文化活动", 39.1, 612.9, size=10, bold=True),
              word("本报记者 罗晓东 胡伟", 78.3, 626.4, size=8, bold=True)]
    words += col(30, 640.1, 10) + col(128.5, 640.1, 10)
    kicker = word("东湖街道加强托育服务，补齐垃圾分类", 241.7, 612.8, size=9.5)
    words += [kicker, word("高新区更新综合营商环境 加强文化活动", 236.2, 626.3, size=10, bold=True),
              word("本报通讯员 杨淑珍 周建国", 263.4, 639.8, size=8, bold=True)]
    words += col(227.1, 776.6, 10) + col(325.6, 776.6, 10)
    content = replace(page(words, rules=[(Box(30, 604.5, 420, 604.5), "h")], width=450, height=920),
                      drawings=(Drawing(Box(227.05, 652.5, 417.9, 759.5)),))
    heads = [[b.text for b in s.blocks if b.role in ("kicker", "headline")] for s in analyse_page(content).stories]
    assert ["云溪县完善绿色创新平台 健全文化活动"] in heads
    assert [kicker.text, "高新区更新综合营商环境 加强文化活动"] in heads


def test_a_credit_under_a_photos_caption_goes_with_that_photo_not_the_chart_beside():
    """A small photo over the right column, its caption of three lines under it and the credit
    line "Photo: …" under that; a chart drawn across the columns to the left reaches down
    past them, 10 pt away beside. The credit is nearer the chart's side than the photo's foot,
    but the caption it closes is the photo's: the photo reaches as far as the caption it took
    first (typst_s195_03_en: the credit opened the chart's caption)."""
    from layout.analysis.captions import figures_with_captions
    from layout.model import Block, Figure

    def caption(x0, y0, x1, y1):
        return Block((), Box(x0, y0, x1, y1), 8.0, False, False, role="caption")

    chart, photo = Figure(Box(30, 130, 669.2, 329.1), drawn=True), Figure(Box(679.3, 50, 762, 112))
    under_photo, credit = caption(679.3, 114.6, 748.3, 141.9), caption(679.3, 144.3, 755.4, 151.8)
    under_chart = caption(30, 331.7, 193.6, 339.2)
    got_chart, got_photo = figures_with_captions([under_photo, credit, under_chart], [chart, photo])
    assert got_photo.caption == (under_photo, credit) and got_chart.caption == (under_chart,)
