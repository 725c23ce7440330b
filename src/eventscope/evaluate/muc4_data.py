"""Readers for the MUC-3/MUC-4 terrorism corpus: message texts and answer-key templates.

Texts: each message starts with its id on a line of its own (``DEV-MUC3-0001 (NOSC)``,
``TST1-MUC3-0001``), then a dateline ``CITY, DD MMM YY (SOURCE) -- [REPORT] ...`` and the body.
:class:`MucMessage` keeps the body exactly as written (all capitals in DEV to TST3) with the dateline's
city and date parsed out.

Keys: templates of numbered slots (``3.  INCIDENT: LOCATION  PERU: LIMA (CITY)``), one per incident,
with continuation lines indented, alternatives joined by ``/``, optional fills prefixed with ``?``, and
``*`` (slot not applicable; a template of ``*`` marks an irrelevant message) or ``-`` (no fill).
:func:`read_muc_keys` returns :class:`MucTemplate` records with the slots parsed into typed fields,
and keeps every slot's raw lines for other scorers (``template.slots``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from eventscope.errors import InputError

_ID_LINE = re.compile(r"^\s*((?:DEV|TST\d)-MUC\d-\d{4})\b(?:\s*\([^)]*\))?\s*$")
_SLOT = re.compile(r"^\s*(\d{1,2})\.\s+([A-Z][A-Z ]*?:\s?[A-Z][A-Z .]*?)(?:\s{2,}(.*?))?\s*$")
_DATELINE = re.compile(
    r"^\s*(?P<city>[^,\n]+?),\s+(?P<date>\d{1,2}\s+[A-Za-z]{3,9}\.?(?:\s+\d{2})?|[A-Za-z]{3,9}\.?\s+\d{1,2}"
    r"(?:,?\s+\d{2})?)\b",
    re.MULTILINE,
)
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')
_DAY_MONTH = re.compile(
    r"(\d{1,2})\s+([A-Z]{3})[A-Z]*\.?(?:\s+(\d{2}))?|([A-Z]{3})[A-Z]*\.?\s+(\d{1,2}),?(?:\s+(\d{2}))?"
)
# A day in a key's date fill, as the keys write it ("16 NOV 89") and as some are typed by hand ("03
# MARCH 90", "11 Feb 90", "OCT 18", "07 DEC" without a year)
_KEY_DAY = re.compile(rf"\b(?:{_DAY_MONTH.pattern})(?!\w)")
_MONTHS = {
    m: i
    for i, m in enumerate(
        ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"], 1
    )
}


@dataclass(frozen=True, slots=True)
class MucMessage:
    """One message: its id, the whole text after the id line, and the dateline's city and date."""

    doc_id: str
    text: str
    dateline_city: str | None
    dateline_date: date | None


@dataclass(frozen=True, slots=True)
class MucLocation:
    """A key's location path, outermost first.

    "PERU: LIMA (CITY): SAN ISIDRO (NEIGHBORHOOD)" -> ("PERU", None), ("LIMA", "CITY"), ("SAN ISIDRO", ...).
    """

    parts: tuple[tuple[str, str | None], ...]

    @property
    def country(self) -> str:
        return self.parts[0][0]

    @property
    def places(self) -> tuple[tuple[str, str | None], ...]:
        """Everything below the country, outermost first."""
        return self.parts[1:]


@dataclass(frozen=True, slots=True)
class MucTemplate:
    doc_id: str
    template_id: str  # "1", "2 (OPTIONAL)", or "*" for an irrelevant message
    optional: bool
    incident_type: str | None  # ATTACK, BOMBING, KIDNAPPING, ARSON, ROBBERY, FORCED WORK STOPPAGE
    incident_types: tuple[str, ...]  # every alternative of the fill ("BOMBING / ATTACK": both)
    dates: tuple[date, date] | None  # inclusive range; "- 08 JAN 90" starts open, kept as its end
    locations: tuple[MucLocation, ...]
    perp_orgs: tuple[tuple[str, ...], ...]  # each organisation with its alternative names
    perp_individuals: tuple[tuple[str, ...], ...]
    stage: str | None
    slots: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # slot name -> raw lines
    # The task's form 3, "- 08 JAN 90": on or before that day. The key writes it when the text gives
    # no date (the header's date is the default anchor) or only a weekday name ("last Wednesday").
    dates_open: bool = False
    # The fill gives no day ("-"): ``dates`` is then the form 3 a reader puts at the message's date
    # (evaluate/merge_eval.read_as_meant), not a day the key's writer chose.
    dates_default: bool = False

    @property
    def is_incident(self) -> bool:
        return self.template_id != "*" and self.incident_type is not None


def _doc_id(raw: str) -> str:
    return raw.split()[0] if raw.split() else raw


def read_muc_texts(paths: Iterable[Path]) -> dict[str, MucMessage]:
    """Messages by id, from MUC text files (a later file's copy of an id replaces an earlier one).

    A dateline without a year ("7 FEB") takes the year of the message before it in the file.
    """
    messages: dict[str, MucMessage] = {}
    for path in paths:
        year: int | None = None
        current: str | None = None
        lines: list[str] = []
        for line in _read_lines(path):
            m = _ID_LINE.match(line)
            if m is not None:
                if current is not None:
                    messages[current] = _message(current, lines, year)
                    year = _year_of(messages[current], year)
                current, lines = m.group(1), []
            elif current is not None:
                lines.append(line)
        if current is not None:
            messages[current] = _message(current, lines, year)
    return messages


def _year_of(message: MucMessage, year: int | None) -> int | None:
    return message.dateline_date.year if message.dateline_date is not None else year


def _message(doc_id: str, lines: list[str], year: int | None) -> MucMessage:
    text = "\n".join(lines).strip("\n")
    m = _DATELINE.search(text[:400])
    city = m.group("city").strip() if m else None
    when = dateline_date(m.group("date"), year) if m else None
    return MucMessage(doc_id, text, city, when)


def filing_dates(messages: Iterable[MucMessage]) -> Iterator[tuple[MucMessage, date | None]]:
    """Each message with the day it was filed: its dateline's, or for a dateline that gives none the
    message before it's (the files are in filing order); never the day of the run."""
    last: date | None = None
    for message in messages:
        last = message.dateline_date or last
        yield message, last


def dateline_date(text: str, year: int | None = None) -> date | None:
    """'4 FEB 90', '18 APRIL 89', 'JUNE 11 89', '7 FEB' (with ``year`` given) -> a date."""
    m = _DAY_MONTH.fullmatch(text.strip().upper())
    return _day_of(m, year) if m is not None else None


def _day_of(m: re.Match[str], year: int | None) -> date | None:
    """The day a ``_DAY_MONTH`` match names; one without a year takes ``year`` (None without one)."""
    day, month, yy = (
        (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), m.group(6))
    )
    full_year = 1900 + int(yy) if yy else year
    if full_year is None or month not in _MONTHS:
        return None
    try:
        return date(full_year, _MONTHS[month], int(day))
    except ValueError:  # "31 NOV 89"
        return None


def read_muc_keys(paths: Iterable[Path]) -> dict[str, list[MucTemplate]]:
    """Templates by message id, in file order, from MUC answer-key files."""
    keys: dict[str, list[MucTemplate]] = {}
    for path in paths:
        for block in _blocks(_read_lines(path)):
            template = _template(block, path)
            if template is not None:
                keys.setdefault(template.doc_id, []).append(template)
    return keys


def _blocks(lines: list[str]) -> Iterable[dict[str, list[str]]]:
    """Slot name -> raw value lines, one dict per template (a new one at every "0. MESSAGE: ID")."""
    block: dict[str, list[str]] = {}
    last: str | None = None
    for line in lines:
        if line.startswith(";;;") or not line.strip():
            continue
        m = _SLOT.match(line)
        if m is not None:
            name = " ".join(m.group(2).split())
            if name == "MESSAGE: ID" and block:
                yield block
                block = {}
            last = name
            block[name] = [(m.group(3) or "").strip()]
        elif last is not None:
            block[last].append(line.strip())
    if block:
        yield block


def _template(block: dict[str, list[str]], path: Path) -> MucTemplate | None:
    if "MESSAGE: ID" not in block:
        return None
    doc_id = _doc_id(block["MESSAGE: ID"][0])
    if not doc_id:
        raise InputError(f"{path}: a template without a message id; is this a MUC key file?")
    template_id = " ".join(block.get("MESSAGE: TEMPLATE", ["*"])[0].split()) or "*"
    kind = _first_fill(block.get("INCIDENT: TYPE", []))
    return MucTemplate(
        doc_id=doc_id,
        template_id=template_id,
        optional="OPTIONAL" in template_id,
        incident_type=kind,
        incident_types=_alternatives(block.get("INCIDENT: TYPE", [])),
        dates=_dates(block.get("INCIDENT: DATE", [])),
        locations=tuple(_locations(block.get("INCIDENT: LOCATION", []))),
        perp_orgs=tuple(_strings(block.get("PERP: ORGANIZATION ID", []))),
        perp_individuals=tuple(_strings(block.get("PERP: INDIVIDUAL ID", []))),
        stage=_first_fill(block.get("INCIDENT: STAGE OF EXECUTION", [])),
        slots={k: tuple(v) for k, v in block.items()},
        dates_open=_open_dates(block.get("INCIDENT: DATE", [])),
    )


def _first_fill(lines: list[str]) -> str | None:
    """The first alternative of a set fill ("BOMBING / ATTACK" -> "BOMBING"); None for "*" and "-"."""
    for line in lines:
        value = line.lstrip("? ").split("/")[0].split(":")[0].strip()
        if value and value not in ("*", "-"):
            return value
    return None


def _alternatives(lines: list[str]) -> tuple[str, ...]:
    fills = [a.split(":")[0].strip() for line in lines for a in line.lstrip("? ").split("/")]
    return tuple(f for f in fills if f and f not in ("*", "-"))


def key_dates(lines: Iterable[str], year: int | None = None) -> list[date]:
    """Every day a key's date fill names ("11 NOV 90 - 19 NOV 89": both), as written; a day written
    without a year ("07 DEC") takes ``year``, and without one is left out."""
    text = " ".join(lines).upper()
    return [d for d in (_day_of(m, year) for m in _KEY_DAY.finditer(text)) if d is not None]


def _dates(lines: list[str]) -> tuple[date, date] | None:
    found = key_dates(lines)
    if not found:
        return None
    return min(found), max(found)


def _open_dates(lines: list[str]) -> bool:
    """Whether an alternative of the date fill is "on or before" a day ("- 08 JAN 90", "(- 08 JAN 90)")."""
    alternatives = " ".join(lines).split("/")
    return any(re.match(r"[\s(?]*-\s*\d", a) is not None for a in alternatives)


def _locations(lines: list[str]) -> list[MucLocation]:
    """'PERU: LIMA (CITY): SAN ISIDRO (NEIGHBORHOOD)'; alternatives after '/', '-' joins a nearby place."""
    found = []
    for line in lines:
        for alternative in line.lstrip("? ").split(" / "):
            parts = []
            for piece in re.split(r":\s*|\s+-\s+", _unwrap(alternative.strip())):
                m = re.fullmatch(r"(.+?)\s*(?:\(([^)]*)\))?", piece.strip().strip('"'))
                if m is not None and m.group(1) not in ("*", "-", ""):
                    parts.append((m.group(1).strip(), m.group(2)))
            if parts:
                found.append(MucLocation(tuple(parts)))
    return found


def _unwrap(alternative: str) -> str:
    """'(EL SALVADOR: ZARAGOZA (TOWN))' -> 'EL SALVADOR: ZARAGOZA (TOWN)': keys bracket each alternative
    when a slot lists several; the brackets are not part of the country's name."""
    if not (alternative.startswith("(") and alternative.endswith(")")):
        return alternative
    depth = 0
    for i, char in enumerate(alternative):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and i < len(alternative) - 1:
            return alternative  # "(A) (B)": the first bracket closes early, nothing wraps the whole
    return alternative[1:-1]


def _strings(lines: list[str]) -> list[tuple[str, ...]]:
    """Each line is one entity with its alternative names: '"FMLN" / "FARABUNDO MARTI ..."'."""
    entities = []
    for line in lines:
        names = tuple(n.replace('\\"', '"').strip() for n in _QUOTED.findall(line))
        if names:
            entities.append(names)
    return entities


def _read_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="latin-1").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc}); pass MUC text or key files") from exc


def muc_files(path: Path) -> list[Path]:
    """A file, or every regular file of a folder in name order (``texts/`` or ``keys/``)."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
    if path.is_file():
        return [path]
    raise InputError(f"{path} not found; pass a MUC file or folder")


def dateline_datetime(message: MucMessage) -> datetime | None:
    d = message.dateline_date
    return datetime(d.year, d.month, d.day) if d is not None else None
