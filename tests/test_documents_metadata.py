"""The `<stem>.json` sidecar: metadata fields, the cited study and its citation string."""

import json
from pathlib import Path

import pytest

from mskg.errors import InputError
from mskg.extract.metadata import citation, read_metadata

POST = b"Dimethyl fumarate and lymphopenia\n\nWe show that dimethyl fumarate lowers CD8 T cells.\n"
CITES = {
    "authors": ["Spencer CM", "Crabtree-Hartman EC"],
    "title": "Absolute lymphocyte count predicts lymphopenia during dimethyl fumarate treatment.",
    "journal": "Neurol Neuroimmunol Neuroinflamm",
    "year": 2015,
    "volume": "2",
    "issue": "3",
    "article": "e76",
}


def post_with(tmp_path: Path, sidecar: bytes) -> Path:
    (tmp_path / "post.json").write_bytes(sidecar)
    path = tmp_path / "post.txt"
    path.write_bytes(POST)
    return path


def test_no_sidecar_gives_empty_metadata(tmp_path: Path) -> None:
    path = tmp_path / "alone.txt"
    path.write_bytes(POST)
    meta = read_metadata(path)
    assert (meta.title, meta.author, meta.study) == (None, None, None)


def test_study_without_doi_gets_a_stable_key_and_a_citation(tmp_path: Path) -> None:
    path = post_with(tmp_path, json.dumps({"cites": CITES}).encode())
    study = read_metadata(path).study
    assert study is not None and study.doi is None
    assert study.iri_key.startswith("cite:")
    assert study.iri_key == read_metadata(path).study.iri_key
    assert study.citation == (
        "Spencer CM, Crabtree-Hartman EC. Absolute lymphocyte count predicts lymphopenia during "
        "dimethyl fumarate treatment. Neurol Neuroimmunol Neuroinflamm 2015;2(3):e76"
    )


def test_doi_is_the_study_key_whatever_its_case(tmp_path: Path) -> None:
    path = post_with(tmp_path, json.dumps({"cites": {**CITES, "doi": "10.1212/NXI.0000000000000076"}}).encode())
    study = read_metadata(path).study
    assert study.iri_key == "doi:10.1212/nxi.0000000000000076"
    assert study.citation.endswith("e76. doi:10.1212/NXI.0000000000000076")


def test_sidecar_with_a_bom_reads_and_reports_true_columns(tmp_path: Path) -> None:
    path = post_with(tmp_path, '\ufeff{"author": "ProfG"}'.encode())
    assert read_metadata(path).author == "ProfG"
    broken = post_with(tmp_path, '\ufeff{"author" "ProfG"}'.encode())
    with pytest.raises(InputError) as info:
        read_metadata(broken)
    assert (info.value.line, info.value.column) == (1, 12)  # the BOM is character 1


def test_sidecar_that_is_not_an_object_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="JSON object"):
        read_metadata(post_with(tmp_path, b'["title"]'))


def test_citation_with_only_a_title() -> None:
    assert citation({"title": "Natalizumab and PML."}) == "Natalizumab and PML"
