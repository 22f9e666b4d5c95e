"""The next post: another scraped post without a sidecar, plain text, the voice rule, replies."""

from pathlib import Path

import pytest

from mskg.extract.documents import detect_format, read_document
from mskg.extract.replies import ReplyFinder
from mskg.extract.structure import paragraphs
from mskg.extract.voice import split_body, voice
from tests.data import DATA_DIR

DOCS = DATA_DIR / "documents"


def texts(path: Path) -> dict[str, str]:
    doc = read_document(path)
    return {s.id: doc.text[s.start : s.end] for s in doc.segments}


def test_scraped_post_without_sidecar_takes_title_and_author_from_the_text() -> None:
    doc = read_document(DOCS / "scraped_ocrelizumab.txt")
    assert (doc.id, doc.format) == ("scraped_ocrelizumab", "scraped-blog-text")
    assert doc.title == "Research: Ocrelizumab and B cell repletion"
    assert doc.author == "ProfG"
    assert doc.study is None and doc.source is None


def test_scraped_post_structured_abstract_ends_before_the_blogger() -> None:
    found = texts(DOCS / "scraped_ocrelizumab.txt")
    assert found["abstract"].startswith("Ocrelizumab is a humanised anti-CD20")
    assert found["abstract"].endswith("CONCLUSIONS: Extended dosing intervals may be possible in some patients.")
    assert found["commentary"].startswith("ProfG: I think this is good news")
    assert found["commentary"].endswith("some people will need standard dosing.")
    assert "Labels" not in found["commentary"]


def test_scraped_comments_keep_continuation_lines_and_find_curly_quoted_replies() -> None:
    doc = read_document(DOCS / "scraped_ocrelizumab.txt")
    found = texts(DOCS / "scraped_ocrelizumab.txt")
    assert found["comment-2"].endswith("My neurologist was not sure.")
    assert [s.reply_to for s in doc.segments if s.kind == "comment"] == [None, None, "comment-2", "comment-1"]
    fourth = doc.segment("comment-4")
    assert doc.text[fourth.quote_start : fourth.quote_end] == "B cells are still zero after 3 years"
    assert "Recent Posts" not in " ".join(found.values())


def test_plain_text_is_a_title_and_a_body() -> None:
    doc = read_document(DOCS / "plain_cladribine.txt")
    assert doc.format == "plain-text"
    found = texts(DOCS / "plain_cladribine.txt")
    assert list(found) == ["title", "body"]
    assert found["title"] == "Cladribine tablets: what they do to lymphocytes"
    assert found["body"].endswith("side effects to watch for.")


def test_plain_text_without_a_title_line_is_all_body(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Interferon beta reduces relapses by about a third.\n", encoding="utf-8")
    doc = read_document(path)
    assert [s.id for s in doc.segments] == ["body"]
    assert doc.title is None


def test_html_in_a_txt_file_is_read_as_html(tmp_path: Path) -> None:
    text = "<!DOCTYPE html><html><body><article><h1>T</h1><p>Body text.</p></article></body></html>"
    assert detect_format(tmp_path / "page.txt", text) == "html"


def test_page_without_blog_markup_reads_title_and_article(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Site</title></head><body><nav>Menu</nav><article><h1>Alemtuzumab</h1>"
        "<p>Alemtuzumab depletes CD52-bearing lymphocytes.</p></article></body></html>",
        encoding="utf-8",
    )
    doc = read_document(path)
    assert doc.format == "html"
    assert [(s.id, doc.view(s.id).text) for s in doc.segments] == [
        ("title", "Alemtuzumab"),
        ("body", "Alemtuzumab depletes CD52-bearing lymphocytes."),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Accordingly, we initiated a prospective single-arm open-label study.", "study"),
        ("Our data emphasize the complex immunomodulatory role of mitoxantrone.", "study"),
        ("RESULTS: Relapse rates fell by 54%.", "study"),
        ("In my mind it is not clear how mitoxantrone influences progression.", "blogger"),
        ("We should not forget that I was sceptical about this drug.", "blogger"),
        ("Natalizumab was tested in phase I trials.", "neutral"),
        ("The authors show that we need better biomarkers.", "blogger"),
        ("They found that B cells return within a year, so we should re-dose.", "blogger"),
        ("In this study we show that cladribine depletes memory B cells.", "study"),
        ("Mitoxantrone is one of the few drugs approved for progressive MS.", "neutral"),
    ],
)
def test_voice_of_a_paragraph(sentence: str, expected: str) -> None:
    assert voice(sentence, (0, len(sentence))) == expected


def test_blogger_introduction_before_the_abstract_stays_body() -> None:
    text = (
        "I found this paper interesting.\n\n"
        "Fingolimod retains lymphocytes.\n\nWe measured T cells in 30 patients.\n\n"
        "My guess is that this matters."
    )
    parts = split_body(text, paragraphs(text, 0, len(text)))
    assert [(name, text[s:e]) for name, (s, e) in parts] == [
        ("body", "I found this paper interesting."),
        ("abstract", "Fingolimod retains lymphocytes.\n\nWe measured T cells in 30 patients."),
        ("commentary", "My guess is that this matters."),
    ]


def test_a_quote_of_no_earlier_comment_replies_to_the_post() -> None:
    finder = ReplyFinder()
    finder.add("Glatiramer acetate was fine for me.")
    quote, target = finder.add('Re: "the post says interferon is old hat" - not for me.')
    assert quote == (5, 40) and target is None


def test_a_short_quote_is_not_a_reply() -> None:
    finder = ReplyFinder()
    finder.add("Fine.")
    assert finder.add('"Fine." Really?') == (None, None)


def test_byline_under_the_title_does_not_end_the_post(tmp_path: Path) -> None:
    path = tmp_path / "post.txt"
    path.write_text(
        "Alemtuzumab and thyroid disease\nBy ProfG\n\nAbout a third of people develop thyroid disease.\n\n"
        "Leave a Reply\n\n  \u2022 Mine was found at month 30.\n\nRecent Posts\n",
        encoding="utf-8",
    )
    doc = read_document(path)
    assert doc.author == "ProfG"
    assert [s.id for s in doc.segments] == ["title", "body", "comment-1"]
    body = doc.segment("body")
    assert doc.text[body.start : body.end] == "About a third of people develop thyroid disease."


def test_scraped_comment_opening_with_its_writer_has_that_author(tmp_path: Path) -> None:
    path = tmp_path / "post.txt"
    path.write_text(
        "Siponimod in SPMS\n\nSiponimod slows disability in active SPMS.\n\nLeave a Reply\n\n"
        "  \u2022 Lucy said...\n    Siponimod made my heart rate drop on day one.\n\n"
        "  \u2022 Anonymous said...\n    Same for me.\n\n"
        "  \u2022 Nobody said this would be easy.\n\nRecent Posts\n",
        encoding="utf-8",
    )
    doc = read_document(path)
    comments = [(s.author, doc.text[s.start : s.end]) for s in doc.segments if s.kind == "comment"]
    assert comments == [
        ("Lucy", "Siponimod made my heart rate drop on day one."),
        (None, "Same for me."),
        (None, "Nobody said this would be easy."),
    ]


def test_blogger_scrape_byline_with_time_and_reply_links(tmp_path: Path) -> None:
    path = tmp_path / "post.txt"
    path.write_text(
        "Ofatumumab at home\n\nOfatumumab is injected monthly under the skin.\n\n"
        "Posted by MouseDoctor at 07:30\n\n  \u2022 Kate said...\n    Easy to inject.\n    Reply\n\n"
        "  \u2022 Is it as good as ocrelizumab?\n    Delete\n\nBlog Archive\n",
        encoding="utf-8",
    )
    doc = read_document(path)
    assert doc.author == "MouseDoctor"
    comments = [(s.author, doc.text[s.start : s.end]) for s in doc.segments if s.kind == "comment"]
    assert comments == [("Kate", "Easy to inject."), (None, "Is it as good as ocrelizumab?")]
