"""Read a curator's claim sheet (CSV) into the same Claim objects the extractor produces.

Header: `subject,relation,object,polarity,certainty,evidence_type,source,quote`. Subject and
object are CURIEs or any label or synonym the ontology knows. Provenance: when `source`
names a document already in the store (its identifier, IRI or source address) the quote is
looked up in that document's text and the evidence points there; otherwise the row is its
own small document whose text is the quote, with `source` recorded as where it came from.
Unknown names and values are row problems with a suggestion, never exceptions; a malformed
file is an InputError naming the line; a row with a wrong column count is a row problem.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from mskg.errors import InputError
from mskg.extract.lexicon import Lexicon
from mskg.extract.model import CERTAINTIES, EVIDENCE_TYPES, POLARITIES, Claim, Document, Evidence, Segment

COLUMNS = ("subject", "relation", "object", "polarity", "certainty", "evidence_type", "source", "quote")
DEFAULTS = {"polarity": "positive", "certainty": "asserted"}
CHOICES = {"polarity": POLARITIES, "certainty": CERTAINTIES, "evidence_type": EVIDENCE_TYPES}


@dataclass(frozen=True)
class StoredDocument:
    """What a sheet needs of a document already in the store: its id, text and segments."""

    id: str
    text: str
    segments: tuple[tuple[str, int, int], ...]


@dataclass(frozen=True)
class RowProblem:
    """Why one row cannot become a claim, and what the user probably meant."""

    line: int
    column: str
    value: str
    message: str
    suggestion: str | None = None

    def text(self, source: str) -> str:
        """One readable line: file:line, column, message, suggestion."""
        hint = f" (did you mean {self.suggestion}?)" if self.suggestion else ""
        return f"{source}:{self.line}: {self.column}: {self.message}{hint}"


@dataclass
class SheetRow:
    """One data row: its claim (when it could be read), its own document, and its problems."""

    line: int
    claim: Claim | None = None
    document: Document | None = None
    problems: list[RowProblem] = field(default_factory=list)


FindDocument = Callable[[str], StoredDocument | None]


def read_sheet(path: Path, text: str, lexicon: Lexicon, relations: Sequence[str],
               find_document: FindDocument = lambda _: None) -> list[SheetRow]:
    """Every row of the sheet as claims or row problems; InputError for a malformed file."""
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), strict=True)  # Excel writes a BOM
    try:
        header = next(reader, None)
        _check_header(path, header)
        rows = []
        for record in reader:
            if not any(cell.strip() for cell in record):
                continue
            if len(record) != len(COLUMNS):
                rows.append(_wrong_width(reader.line_num, record))
                continue
            values = dict(zip(COLUMNS, (cell.strip() for cell in record)))
            rows.append(_row(path, reader.line_num, values, lexicon, relations, find_document))
    except csv.Error as exc:
        raise InputError(f"not valid CSV: {exc}", path=path, line=reader.line_num) from None
    return rows


def _check_header(path: Path, header: list[str] | None) -> None:
    found = tuple(cell.strip().lower() for cell in header or ())
    if found != COLUMNS:
        raise InputError(f"the header must be {','.join(COLUMNS)}; found {','.join(found) or 'nothing'}",
                         path=path, line=1)


def _wrong_width(line: int, record: list[str]) -> SheetRow:
    """A row with too few or too many cells: a row problem, so the other rows are still checked."""
    message = f"wrong column count: {len(record)} cells where the header has {len(COLUMNS)}"
    return SheetRow(line, problems=[RowProblem(line, "row", ",".join(record), message)])


def _row(path: Path, line: int, values: dict[str, str], lexicon: Lexicon, relations: Sequence[str],
         find_document: FindDocument) -> SheetRow:
    row = SheetRow(line)
    subject, obj = (_term(row, lexicon, values, key) for key in ("subject", "object"))
    relation = _choice(row, values, "relation", relations)
    choices = {key: _choice(row, values, key, options) for key, options in CHOICES.items()}
    if not values["quote"]:
        row.problems.append(RowProblem(line, "quote", "", "the quote is empty: copy the exact words of the source"))
    if row.problems:
        return row
    evidence = _evidence(path, row, values, choices, find_document)
    if evidence is not None:
        row.claim = Claim(subject, relation, obj, evidence, polarity=choices["polarity"])  # type: ignore[arg-type]
    return row


def _term(row: SheetRow, lexicon: Lexicon, values: dict[str, str], key: str) -> str:
    value = values[key]
    term = lexicon.resolve(value) if value else None
    if term is not None:
        return term.iri
    close = lexicon.suggest(value) if value else []
    hint = f"{close[0].label} ({close[0].curie})" if close else None
    row.problems.append(RowProblem(row.line, key, value, f"unknown term {value!r}: no ontology label, synonym or CURIE", hint))
    return ""


def _choice(row: SheetRow, values: dict[str, str], key: str, options: Sequence[str]) -> str:
    value = values[key] or DEFAULTS.get(key, "")
    if value in options:
        return value
    close = difflib.get_close_matches(value, list(options), n=1, cutoff=0.5)
    row.problems.append(RowProblem(row.line, key, value, f"unknown {key.replace('_', ' ')} {value!r}: "
                                   f"one of {', '.join(options)}", close[0] if close else None))
    return ""


def _evidence(path: Path, row: SheetRow, values: dict[str, str], choices: dict[str, str],
              find_document: FindDocument) -> Evidence | None:
    quote, source = values["quote"], values["source"]
    stored = find_document(source) if source else None
    if stored is None:
        row.document = own_document(path, row.line, source, quote)
        return Evidence(row.document.id, "body", 0, len(quote), quote, choices["certainty"],  # type: ignore[arg-type]
                        choices["evidence_type"])  # type: ignore[arg-type]
    start = stored.text.find(quote)
    segment = _segment_at(stored, start, start + len(quote)) if start >= 0 else None
    if segment is None:
        where = "the text" if start < 0 else "any one segment"
        row.problems.append(RowProblem(row.line, "quote", quote, f"the quote is not in {where} of document {stored.id!r}"))
        return None
    return Evidence(stored.id, segment, start, start + len(quote), quote, choices["certainty"],  # type: ignore[arg-type]
                    choices["evidence_type"])  # type: ignore[arg-type]


def _segment_at(doc: StoredDocument, start: int, end: int) -> str | None:
    """The narrowest segment that holds the whole quote."""
    holding = [(e - s, sid) for sid, s, e in doc.segments if s <= start and end <= e]
    return min(holding)[1] if holding else None


def own_document(path: Path, line: int, source: str, quote: str) -> Document:
    """A row's own document: the quote as transcribed by the curator, and where it came from."""
    web = source if re.fullmatch(r"https?://[^\s<>\"{}|^`\\]+", source) else None
    return Document(
        id=f"{path.stem}-row{line}", path=str(path), text=quote, format="claim-sheet",
        title=f"{path.name}, row {line}" + (f": {source}" if source and not web else ""),
        source=web, segments=(Segment("body", "body", 0, len(quote)),),
    )
