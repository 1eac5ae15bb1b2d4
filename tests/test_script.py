"""Script classes: the share of CJK text, the language guessed from it, characters counted by class."""

from layout.analysis.script import CHAR_CLASSES, all_cjk, cjk_share, count_of, guess_language


def test_the_cjk_share_counts_characters_other_than_white_space_of_any_kind():
    # two CJK characters and a full-width comma among six that are not white space; the
    # spaces, the no-break space, the tab and the line break count for nothing
    assert cjk_share("新闻，ab c\u00a0\t\n") == 3 / 6
    assert cjk_share(" \u00a0\n") == 0.0 and cjk_share("") == 0.0


def test_a_page_mostly_in_han_is_chinese_and_one_with_kana_japanese():
    assert guess_language("本报讯 全市新增就业岗位 the") == "zh"
    assert guess_language("東京で新しい駅がひらかれました") == "ja"
    assert guess_language("the council said that the plan was in the end for the city") == "en"


def test_a_latin_page_with_a_few_cjk_characters_or_none_is_told_by_its_words():
    """Text with no CJK character skips the share (one scan says so); with a few, under the
    share, it is still told by its function words."""
    assert guess_language("le café et la gare — la ville, les rues du port et des quais") == "fr"
    assert guess_language("the 新 plan and the port of the city in the end") == "en"
    assert guess_language("§ 2 — nothing here") is None


def test_text_is_all_cjk_when_every_character_but_white_space_is():
    assert all_cjk("新闻，报道") and all_cjk(" 新闻\u3000报道\t") and all_cjk("\U00020000")
    assert not all_cjk("新闻 a") and not all_cjk("新闻1")
    assert all_cjk("") and all_cjk(" \u00a0")  # nothing that is not a space: none is not CJK


def test_characters_are_counted_by_class_as_asking_each_one_would():
    # ASCII, Latin beyond it (é, a long dash, curly quotes), a Roman numeral (upper-case, no
    # letter), a superscript two (a digit, not a decimal), CJK, a character beyond the BMP, a
    # lone surrogate, the spaces str.split parts at (\x1c, the no-break space, U+2028)
    texts = ["Rule 12(b) — FEDERAL Register", "élan Ⅷ x² 新闻，ab\x1c\u00a0\u2028 \U0001d7d8\ud800_", "", "   "]
    for text in texts:
        for name, test in CHAR_CLASSES.items():
            assert count_of(text, name) == sum(map(test, text)), (name, text)
    assert count_of("Rule 12(b) — FEDERAL", "upper") == 8 and count_of("élan Ⅷ x²", "alpha") == 5
