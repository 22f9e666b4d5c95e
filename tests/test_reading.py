"""Bad input is refused with one line naming the file and, where it applies, line and column."""

from pathlib import Path

import pytest

from mskg.errors import InputError
from mskg.extract.documents import iter_documents, read_document
from mskg.extract.reading import read_text


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def refused(path: Path) -> InputError:
    with pytest.raises(InputError) as info:
        read_document(path)
    err = info.value
    assert err.path == str(path)
    assert "\n" not in err.one_line()
    return err


def test_empty_file_is_refused(tmp_path: Path) -> None:
    assert "empty" in refused(write(tmp_path, "empty.txt", b"")).message


def test_whitespace_only_file_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "blank.txt", " \r\n\t\n\u00a0\n".encode())
    assert "whitespace" in refused(path).message


def test_bom_only_file_is_refused(tmp_path: Path) -> None:
    assert "whitespace" in refused(write(tmp_path, "bom.txt", b"\xef\xbb\xbf\n")).message


def test_nul_byte_marks_a_binary_file(tmp_path: Path) -> None:
    err = refused(write(tmp_path, "image.txt", b"GIF89a\n\x01\x00\x00\xff"))
    assert "binary" in err.message
    assert (err.line, err.column) == (2, 2)


def test_mostly_control_characters_mark_a_binary_file(tmp_path: Path) -> None:
    data = bytes(range(1, 9)) * 50 + b"some text"
    assert "binary" in refused(write(tmp_path, "blob.txt", data)).message


def test_non_utf8_byte_is_reported_at_its_line_and_column(tmp_path: Path) -> None:
    data = "Title\n\nNatalizumab caf\u00e9 ok\nbad: ".encode() + b"\xe9t\xe9\n"
    err = refused(write(tmp_path, "latin1.txt", data))
    assert "not UTF-8" in err.message and "0xe9" in err.message
    assert (err.line, err.column) == (4, 6)
    assert err.one_line().startswith(f"{tmp_path / 'latin1.txt'}:4:6: ")


def test_column_counts_characters_not_bytes(tmp_path: Path) -> None:
    data = "\u00e9\u00e9 ".encode() + b"\xff"
    err = refused(write(tmp_path, "col.txt", data))
    assert (err.line, err.column) == (1, 4)


def test_truncated_utf8_at_the_end_is_reported(tmp_path: Path) -> None:
    data = "Title\n\nA post about fingolimod \U0001f600".encode()[:-2]
    err = refused(write(tmp_path, "cut.txt", data))
    assert "truncated" in err.message
    assert err.line == 3


def test_unknown_extension_is_refused(tmp_path: Path) -> None:
    err = refused(write(tmp_path, "post.pdf", b"%PDF-1.4 some text"))
    assert "unknown document type" in err.message and ".pdf" in err.message


def test_html_extension_without_markup_is_refused(tmp_path: Path) -> None:
    assert "not an HTML page" in refused(write(tmp_path, "page.html", b"just words")).message


def test_directory_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "posts.txt"
    folder.mkdir()
    assert "directory" in refused(folder).message


def test_missing_path_is_refused(tmp_path: Path) -> None:
    assert "no such file" in refused(tmp_path / "nothing.txt").message


def test_malformed_sidecar_names_its_line_and_column(tmp_path: Path) -> None:
    post = write(tmp_path, "post.txt", b"A title\n\nWe show that natalizumab works.\n")
    write(tmp_path, "post.json", b'{\n  "title": "A title",\n  "author": MouseDoctor\n}\n')
    with pytest.raises(InputError) as info:
        read_document(post)
    err = info.value
    assert err.path == str(tmp_path / "post.json")
    assert (err.line, err.column) == (3, 13)
    assert "malformed JSON" in err.message


def test_sidecar_of_the_wrong_shape_is_refused(tmp_path: Path) -> None:
    post = write(tmp_path, "post.txt", b"A title\n\nWe show that natalizumab works.\n")
    write(tmp_path, "post.json", b'{"title": 3}')
    with pytest.raises(InputError, match="must be a string"):
        read_document(post)


def test_read_text_keeps_crlf_bom_and_nbsp(tmp_path: Path) -> None:
    data = "\ufeffTitle\r\n\r\nA\u00a0post.\r\n".encode()
    assert read_text(write(tmp_path, "raw.txt", data)) == "\ufeffTitle\r\n\r\nA\u00a0post.\r\n"


def test_iter_documents_expands_folders_sorted_without_sidecars_or_hidden(tmp_path: Path) -> None:
    for name in ("b.txt", "a.html", "a.json", ".hidden.txt", "notes.md", "c.htm"):
        write(tmp_path, name, b"x")
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".git", "HEAD.txt", b"x")
    found = [p.name for p in iter_documents([tmp_path])]
    assert found == ["a.html", "b.txt", "c.htm"]


def test_iter_documents_refuses_a_missing_path(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(iter_documents([tmp_path / "missing"]))


def test_iter_documents_names_each_file_once(tmp_path: Path) -> None:
    post = write(tmp_path, "a.txt", b"x")
    assert list(iter_documents([tmp_path, post, tmp_path])) == [post]


def test_utf16_text_is_refused_with_its_encoding_named(tmp_path: Path) -> None:
    err = refused(write(tmp_path, "wide.txt", "Title\n\nNatalizumab.\n".encode("utf-16")))
    assert "UTF-16" in err.message and (err.line, err.column) == (1, 1)


@pytest.mark.parametrize(
    ("name", "data", "what"),
    [
        ("paper.txt", b"%PDF-1.7\nsome text", "PDF"),
        ("note.txt", b"{\\rtf1\\ansi Natalizumab}", "RTF"),
        ("graph.html", b"@prefix mskg: <https://w3id.org/mskg/> .", "Turtle"),
    ],
)
def test_other_formats_under_a_document_extension_are_refused(tmp_path: Path, name: str, data: bytes, what: str) -> None:
    err = refused(write(tmp_path, name, data))
    assert "unknown format" in err.message and what in err.message
