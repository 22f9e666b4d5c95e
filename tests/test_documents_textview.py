"""TextView maps readable text back to file offsets: plain runs, entities, inserted breaks."""

from mskg.extract.htmltree import parse_tree, view_of
from mskg.extract.model import TextView

SOURCE = "<p>Rituximab &amp; ocrelizumab</p>\n<p>deplete B cells</p>"


def source_view() -> TextView:
    return view_of(SOURCE, parse_tree(SOURCE))


def test_plain_view_is_one_run() -> None:
    view = TextView("B cells", ((0, 10, 7),))
    assert view.original(0, 7) == (10, 17)
    assert view.original(2, 7) == (12, 17)
    assert view.original(3, 3) == (13, 13)


def test_html_view_drops_tags_and_decodes_entities() -> None:
    assert source_view().text == "Rituximab & ocrelizumab\n\n\ndeplete B cells"


def test_a_span_ending_on_an_entity_covers_the_whole_reference() -> None:
    view = source_view()
    start, end = view.original(0, view.text.index("&") + 1)
    assert SOURCE[start:end] == "Rituximab &amp;"


def test_a_span_starting_on_an_entity_starts_at_the_ampersand() -> None:
    view = source_view()
    at = view.text.index("&")
    start, end = view.original(at, at + len("& ocrelizumab"))
    assert SOURCE[start:end] == "&amp; ocrelizumab"


def test_a_span_across_a_paragraph_break_covers_the_tags_between() -> None:
    view = source_view()
    start, end = view.original(view.text.index("ocrelizumab"), view.text.index("deplete") + 7)
    assert SOURCE[start:end] == "ocrelizumab</p>\n<p>deplete"


def test_sub_view_keeps_the_mapping() -> None:
    view = source_view()
    at = view.text.index("deplete")
    sub = view.sub(at, len(view.text))
    assert sub.text == "deplete B cells"
    start, end = sub.original(8, 15)
    assert SOURCE[start:end] == "B cells"


def test_sub_view_inside_an_entity_maps_to_the_entity() -> None:
    view = source_view()
    at = view.text.index("&")
    sub = view.sub(at, at + 1)
    assert SOURCE[slice(*sub.original(0, 1))] == "&amp;"


def test_numeric_and_unterminated_references_map_to_their_source() -> None:
    source = "<p>12&#160;months &copy 2012 &#x3b1;4 &bogus;</p>"
    view = view_of(source, parse_tree(source))
    assert view.text == "12\u00a0months \u00a9 2012 \u03b14 &bogus;"
    for char, raw in (("\u00a0", "&#160;"), ("\u00a9", "&copy"), ("\u03b1", "&#x3b1;")):
        at = view.text.index(char)
        assert source[slice(*view.original(at, at + 1))] == raw
    at = view.text.index("&bogus;")
    assert source[slice(*view.original(at, at + 7))] == "&bogus;"


def test_line_break_tag_reads_as_a_newline_once() -> None:
    source = "<p>one<br>two<br />\nthree</p>"
    assert view_of(source, parse_tree(source)).text == "one\ntwo\nthree"


def test_locate_finds_the_view_index_of_an_original_offset() -> None:
    view = source_view()
    assert view.locate(SOURCE.index("Rituximab")) == 0
    assert view.locate(SOURCE.index("ximab")) == 4
    assert view.locate(SOURCE.index("&amp;")) == view.text.index("&")
    assert view.locate(SOURCE.index("</p>")) == view.text.index("\n")
    assert view.locate(SOURCE.index("deplete")) == view.text.index("deplete")
    assert view.locate(len(SOURCE)) == len(view.text)


def test_locate_inverts_original_for_every_readable_character() -> None:
    view = source_view()
    for i, char in enumerate(view.text):
        if char != "\n":
            assert view.locate(view.original(i, i + 1)[0]) == i


TAG_SOUP = ["<p>", "</p>", "<div class='entry-content'>", "</div>", "&amp;", "&#", "&#99999999;", "<!-- c", "-->",
            "<script>", "</script>", "<br/>", "<li class='comment'>", "</li>", "text ", "\n", "\r\n", "<", ">",
            "&", "&copy", "<b", "<title>", "</title>", "word", "\u00a0", "\U0001f600"]


def test_tag_soup_maps_every_readable_character_into_the_source_in_order() -> None:
    import html
    import random

    from mskg.extract.html import parse_html

    rng = random.Random(7)
    for _ in range(300):
        source = "".join(rng.choice(TAG_SOUP) for _ in range(rng.randint(1, 30)))
        for _, view in parse_html(source).views:
            previous = 0
            for i, char in enumerate(view.text):
                lo, hi = view.original(i, i + 1)
                assert previous <= lo <= hi <= len(source), source
                assert char == "\n" or char in html.unescape(source[lo:hi]), source
                previous = lo
