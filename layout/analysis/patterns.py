"""The text patterns that name roles: bylines, jump lines, author names, index lines, pull
quotes, titles in capitals, furniture. Latin-script and Chinese conventions; the roles stage
(``roles.py``) decides with them and with the typography."""

from __future__ import annotations

import re

# "记者" alone must be followed by a space: "记者手记" (a reporter's notes) is a title. "By",
# "De", "Door"... name an author only before a capital (a name) or "our": "De zitting van de
# Kamer", "By the end of May" begin sentences; a definite article is no name, in capitals
# either ("BY THE NUMBERS" is a title; "BY A STAFF WRITER" a byline).
BYLINE = re.compile(
    r"^\s*(by|par|von|di|de|por|door|av)\s+(?!(the|der|die|das|het)\b)"
    r"((?-i:[A-ZÀ-ÖØ-Þ])|(our|notre|nostro|unserem|unserer|onze)\b)|"
    r"^\s*(dal nostro|de notre|from our) |"
    r"^\s*(本报记者|本报特约记者|本报通讯员|新华社|本报讯|特约评论员|本报评论员|(记者|通讯员)\s)",
    re.IGNORECASE)
# A jump line's words may wrap onto two lines ("See HARBOR," / "Page A10"): a block's raw text
# joins its lines with a newline, so the words stand any white space apart.
JUMP = re.compile(
    r"(continued\s+(on|from)\s+(page|p\.)|see\s.{1,40},\s+(page|p\.)|"
    r"(lire\s+la\s+)?suite\s+(en\s+|de\s+la\s+)?(page|p\.)|"
    r"segue\s+(a|dalla)\s+(pagina|pag\.|prima)|continua\s+a\s+(pagina|pag\.)|"
    r"fortsetzung\s+(auf|von)\s+seite|转第.{1,3}版|下转第|上接第|接第.{1,3}版)", re.IGNORECASE)
# The jump lines that open a story's continued text rather than close its first part
# ("Continued from page 1", "Suite de la page 1", "上接第一版", "接第3版"; not "转第3版", "下转第")
JUMP_FROM = re.compile(r"(continued\s+from|suite\s+de\s+la\s+(page|p\.)|segue\s+dalla|fortsetzung\s+von|"
                       r"(?<!转)接第)", re.IGNORECASE)
QUOTES = "«»\"“”„‘’'‹›「」『』"
# A name alone (an author under a headline): two to four Han characters, or two or three
# capitalised words.
AUTHOR_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$|^[A-Z][\w'’.-]+( [A-Z][\w'’.-]+){1,2}$")
# One capitalised word, or a run of up to ten Han characters (the end of a name and up to two
# more names, set with no space between them): a surname, or the end of a name, that a byline
# wrapped onto its own line ("By James Duarte and Nora" / "Mercer"; "…赵海" / "燕"; "本报通讯员
# 周俊杰周" / "佳怡马晓东"), read so only in the byline's own type and no wider than its line.
SURNAME = re.compile(r"^[A-Z][\w'’.-]+$|^[\u4e00-\u9fff]{1,10}$")
# Names in Han characters a space apart, the first maybe the end of one broken at the line
# above ("杨晓" / "东 张立新"): the rest of a byline that wrapped.
HAN_NAMES = re.compile(r"^[\u4e00-\u9fff]{1,4}( +[\u4e00-\u9fff]{2,4})+$")
# A line of an index: a section's name and its page ("Arts C6", "Sport .... 12", "要闻 第2版").
INDEX_ENTRY = re.compile(r"\S\s+([A-Z]{1,2}\s?\d{1,3}|(p\.|page|seite|pagina)\s?\d{1,3})$|\.{3,}\s*\d{1,3}$|第\s*\d+\s*版$",
                         re.IGNORECASE)
# A dateline: a place, then a date, opening a dispatch ("ROME, 14 mars.", "MADRID, 1er avril. —",
# "PARIS, le 14 mars 1884.", "Wien, 2. Dezember.", "LONDON, Nov. 22."); OCR reads "1er" as "ler",
# "IER", "l«r" or "l er". The place opens with a capital whatever the case of the rest (the
# flag would let a line going on with a sentence in: "essayé, le 9 novembre, de dire"), or
# with Dutch "'s-" before one ("'s-Gravenhage, 3 Mei."). The month starts a word, or follows
# its day's figures ("6mai", OCR's "3ONov"), not a lower-case letter ("Le mollah, Tajan");
# English "May" has its capital ("Prospectuses, &c. may be obtained" is no dateline).
_MONTH = (r"(janv?ier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|"
          r"january|february|march|april|(?-i:May|MAY)|june|july|august|september|october|november|december|"
          r"januar|februar|m[äa]rz|juni|juli|oktober|dezember|januari|februari|maart|mei|augustus|"
          r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|okt|nov|dec|d[ée]c)\b")
DATELINE = re.compile(r"^\W{0,3}(?-i:[A-ZÀ-Þ]|s[- ][A-ZÀ-Þ])[^\s,.]*([ -][\w'’-]+){0,2}[.,]{1,2}\s*"
                      rf"((le\s+)?\S{{1,4}}( \S{{1,2}})?\.?\s*(?<!(?-i:[a-zß-ÿ])){_MONTH}|{_MONTH}\.?\s*\d)",
                      re.IGNORECASE)
FURNITURE = re.compile(r"(本版责编|责任编辑|版式设计|美术编辑|page design|layout:)", re.IGNORECASE)


def pull_quote(text: str) -> bool:
    """Text between quotation marks: large, a pull quote, not a headline that starts a story."""
    text = text.strip()
    return len(text) > 2 and text[0] in QUOTES and text[-1] in QUOTES


def in_capitals(text: str, share: float = 0.8) -> bool:
    """Four letters or more, nearly all (``share`` of them) capitals (a title set in capitals)."""
    letters = "".join(filter(str.isalpha, text))  # (by map and filter: asked of every line)
    return len(letters) >= 4 and sum(map(str.isupper, letters)) >= share * len(letters)


def opens_lowercase(text: str) -> bool:
    """Whether the first letter is a lower-case one (of a cased script): text going on with a
    sentence, not starting one."""
    first = next((c for c in text if c.isalpha()), "")
    return first.islower()
