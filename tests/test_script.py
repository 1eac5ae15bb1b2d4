"""Script classes: the share of CJK text and the language guessed from it."""

from layout.analysis.script import all_cjk, cjk_share, guess_language


def test_the_cjk_share_counts_characters_other_than_white_space_of_any_kind():
    # two CJK characters and a full-width comma among six that are not white space; the
    # spaces, the no-break space, the tab and the line break count for nothing
    assert cjk_share("新闻，ab c\u00a0\t\n") == 3 / 6
    assert cjk_share(" \u00a0\n") == 0.0 and cjk_share("") == 0.0


def test_a_page_mostly_in_han_is_chinese_and_one_with_kana_japanese():
    assert guess_language("本报讯 全市新增就业岗位 the") == "zh"
    assert guess_language("東京で新しい駅がひらかれました") == "ja"
    assert guess_language("the council said that the plan was in the end for the city") == "en"


def test_text_is_all_cjk_when_every_character_but_white_space_is():
    assert all_cjk("新闻，报道") and all_cjk(" 新闻\u3000报道\t") and all_cjk("\U00020000")
    assert not all_cjk("新闻 a") and not all_cjk("新闻1")
    assert all_cjk("") and all_cjk(" \u00a0")  # nothing that is not a space: none is not CJK
