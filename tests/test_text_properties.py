"""Properties of ``find_mentions`` and ``rewrite`` on any text (hypothesis; profiles in strategies.py).

For any string: no exception, spans inside the text, sorted, not overlapping, ``text[start:end] ==
surface``, ids of the index. Text is drawn from all of Unicode, from the Belarusian text strategies,
and from real name words of the gazetteer glued with arbitrary separators, so that mentions occur.
"""

from __future__ import annotations

from functools import cache
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import belarusian_text, cyrillic_letter_soup, examples, non_cyrillic_text

from translit.names import Index
from translit.text import Mention, display_form, find_mentions, rewrite

# Words of names (as filed, in several scripts), case forms and look-alikes, to be glued into text.
NAME_WORDS = (
    "Alaksandar", "Łukašenka", "Łukašenka’s", "Лукашэнку", "Лукашенко", "Viktar", "Intehrał", "Płanar",
    "Biełšyna", "MAZ", "maz", "MAZDA", "SVT", "СВТ", "Mahiloŭ", "Mahilova", "Магілёве", "Могилёве", "Homiel",
    "Biełaruski", "Hajun", "Беларускі", "Гаюн", "SocietyŁukašenka", "Minskaja", "vobłasć", "KaMAZ", "Tertel",
    "Ivan", "Мінск", "Minsk", "BelAZ", "ААТ", "«Белшына»",
)
SEPARATORS = st.sampled_from((" ", "  ", ", ", ". ", "\n", "-", "’", "'", "’s ", "", "\u00a0", " «", "» ", "😀"))


@cache
def known_ids() -> frozenset[str]:
    return frozenset(Index.default().ids)


def name_soup() -> st.SearchStrategy[str]:
    part = st.one_of(st.sampled_from(NAME_WORDS), st.text(max_size=6))
    return st.lists(st.tuples(part, SEPARATORS), max_size=12).map(lambda pairs: "".join(a + b for a, b in pairs))


ANY_TEXT = st.one_of(st.text(), name_soup(), belarusian_text(), cyrillic_letter_soup(), non_cyrillic_text())


def assert_well_formed(text: str, mentions: list[Mention]) -> None:
    end = 0
    for mention in mentions:
        assert 0 <= mention.start < mention.end <= len(text), mention
        assert mention.start >= end, (mentions, "overlap or out of order")
        assert text[mention.start:mention.end] == mention.surface
        assert mention.id in known_ids()
        assert 0.0 < mention.score <= 1.0
        assert mention.type in ("person", "org", "place")
        end = mention.end


@settings(max_examples=examples(300))
@given(ANY_TEXT)
def test_find_mentions_spans_are_well_formed(text):
    assert_well_formed(text, find_mentions(text))


@settings(max_examples=examples(200))
@given(st.text(alphabet=st.characters(codec=None, exclude_categories=("Cs",)), max_size=80))
def test_find_mentions_on_any_code_points(text):
    """Combining marks, astral characters, controls, private use: never a crash."""
    assert_well_formed(text, find_mentions(text))


@settings(max_examples=examples(200))
@given(name_soup())
def test_every_mention_starts_with_a_capital(text):
    for mention in find_mentions(text):
        assert mention.surface[0].isupper()


@settings(max_examples=examples(200))
@given(ANY_TEXT)
def test_rewrite_with_the_surfaces_is_the_identity(text):
    assert rewrite(text, find_mentions(text), lambda m: m.surface) == text


@settings(max_examples=examples(200))
@given(ANY_TEXT, st.sampled_from(("be-lacinka", "be", "ru", "en")))
def test_replace_mode_leaves_text_without_mentions_unchanged(text, style):
    mentions = find_mentions(text)
    replaced = rewrite(text, mentions, lambda m: display_form(m.id, style) or m.surface)
    if not mentions:
        assert replaced == text
    else:  # only the spans change: the text between them is kept as it was
        pieces = [text[:mentions[0].start]] + [text[a.end:b.start] for a, b in pairwise(mentions)]
        pieces.append(text[mentions[-1].end:])
        position = 0
        for piece in pieces:
            found = replaced.find(piece, position)
            assert found >= 0
            position = found + len(piece)


@settings(max_examples=examples(200))
@given(st.one_of(belarusian_text(), name_soup(), st.text()))
def test_lower_case_text_has_no_mentions(text):
    """Names start with a capital letter and acronyms are written in capitals."""
    lowered = text.lower()
    if any(c.isupper() for c in lowered):  # a few characters have no lower case of their own
        return
    assert find_mentions(lowered) == []
    assert rewrite(lowered, [], lambda m: "X") == lowered


@settings(max_examples=examples(100))
@given(name_soup(), name_soup())
def test_a_mention_does_not_depend_on_text_after_a_line_break_before_it(left, right):
    """Mentions of a paragraph are the same whatever follows after a blank line (a name never runs
    across one)."""
    text = left + "\n\n" + right
    head = [m for m in find_mentions(left) if m.end < len(left)]
    alone = [m for m in find_mentions(text) if m.end < len(left)]
    assert [(m.start, m.end, m.id) for m in alone] == [(m.start, m.end, m.id) for m in head]
