"""Turning raw text and metadata into a checked, normalised :class:`~eventscope.models.Article`."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from datetime import datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from eventscope.errors import InputError
from eventscope.ingest.boilerplate import collapse_blank_lines, strip_boilerplate
from eventscope.ingest.dates import as_aware, parse_dateline
from eventscope.ingest.language import detect_language, language_name
from eventscope.models import Article, RemovedText

MIN_WORDS = 20
# Above these shares of characters the text is not prose: binary data, or decoded with the wrong codec.
MAX_CONTROL_RATIO = 0.01
MAX_REPLACEMENT_RATIO = 0.01

# Query parameters that say how a reader arrived, not which page they read.
_TRACKING = (
    "fbclid gclid gclsrc dclid msclkid yclid mc_cid mc_eid igshid _ga _gl ref_src ref_url cmpid ocid smid"
)
TRACKING_PARAMS = frozenset(
    f"{_TRACKING} ncid sr_share spm __twitter_impression at_medium at_campaign".split()
)
_DEFAULT_PORTS = {"http": 80, "https": 443}

# Spaces that look like " " but are not: NBSP and friends would split names ("The\xa0Cradle")
# differently from a plain space in the NLP stage.
_ODD_SPACES = re.compile(r"[\t\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff]")


def make_article(
    text: str,
    *,
    title: str = "",
    url: str | None = None,
    outlet: str | None = None,
    published_at: datetime | None = None,
    source: str = "",
    fetched_at: datetime | None = None,
    removed: Sequence[RemovedText] = (),
) -> Article:
    """A checked Article: normalised text without boilerplate, language "en", content-derived id.

    A line that is only a date at the start of the text (a dateline) is removed and, when
    ``published_at`` is not given, used as the publication date. Raises InputError when the text
    is empty, binary, too short or not English. The same arguments always give the same Article.
    ``removed`` lists what a format reader already took out of ``text``; it heads ``Article.removed``.
    """
    title = unicodedata.normalize("NFC", " ".join(title.split()))
    body = normalise_text(text)
    check_characters(body)  # before boilerplate removal, which would drop lines of junk as punctuation
    removals = list(removed)
    body, leading = _strip_leading_title_and_dateline(body, title)
    for line, reason, date in leading:
        removals.append(RemovedText(line, reason))
        if published_at is None and date is not None:
            published_at = date
    body, boilerplate = strip_boilerplate(body)
    removals.extend(boilerplate)
    check_text(body)
    language = detect_language(body)
    if language != "en":
        looks = f"looks like {language_name(language)}" if language else "language not recognised"
        raise InputError(f"not English ({looks}); eventscope extracts English text only")
    url = url.strip() if url and url.strip() else None
    return Article(
        id=article_id(body, url),
        text=body,
        title=title,
        url=url,
        outlet=" ".join(outlet.split()) if outlet and outlet.strip() else None,
        published_at=as_aware(published_at) if published_at is not None else None,
        language=language,
        fetched_at=as_aware(fetched_at) if fetched_at is not None else None,
        source=source,
        removed=tuple(removals),
    )


def normalise_text(text: str) -> str:
    """NFC, ``\\n`` line ends, plain spaces, no padding around lines, at most one blank line in a row."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", _ODD_SPACES.sub(" ", text))
    # A line of spaces between paragraphs is a paragraph break, not content.
    lines = [line.strip(" ") for line in text.split("\n")]
    return collapse_blank_lines("\n".join(lines))


def check_text(text: str) -> None:
    """Raise InputError unless the text reads as an article's worth of prose."""
    if not text.strip():
        raise InputError("empty: no text left after cleaning")
    check_characters(text)
    words = len(text.split())
    if words < MIN_WORDS:
        raise InputError(f"too short: {words} words after cleaning; an article needs at least {MIN_WORDS}")


# Unicode category Cc (C0 and C1 controls, DEL) except the newline.
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def check_characters(text: str) -> None:
    """Raise InputError for binary data or text decoded with the wrong codec."""
    control = len(_CONTROL.findall(text))
    if "\x00" in text or control > MAX_CONTROL_RATIO * len(text):
        raise InputError("binary data, not text; give a UTF-8 text, HTML, JSONL, CSV or feed file")
    replacement = text.count("\ufffd")
    if replacement > MAX_REPLACEMENT_RATIO * len(text):
        raise InputError(
            f"{replacement} invalid characters (U+FFFD): the text was decoded with the wrong encoding; "
            "re-save it as UTF-8"
        )


def article_id(text: str, url: str | None = None) -> str:
    """sha256 hex of the canonical URL if there is one, else of the whitespace-collapsed, casefolded text."""
    key = canonical_url(url) if url else " ".join(text.split()).casefold()
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def canonical_url(url: str) -> str:
    """One spelling per page: lowercase scheme and host, no default port, fragment, credentials,
    tracking parameters (utm_* and the like) or trailing slash; remaining parameters sorted."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    try:
        host = parts.hostname
        port = parts.port
    except ValueError as exc:  # a port that is not a number
        raise InputError(f"url {url!r} is malformed ({exc}); fix it or leave it out") from exc
    if scheme not in _DEFAULT_PORTS or not host:
        raise InputError(f"url {url!r} is not an absolute http(s) URL; fix it or leave it out")
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        netloc = f"{netloc}:{port}"
    query = sorted(
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not key.lower().startswith("utm_") and key.lower() not in TRACKING_PARAMS
    )
    return urlunsplit((scheme, netloc, parts.path.rstrip("/"), urlencode(query), ""))


def _strip_leading_title_and_dateline(
    body: str, title: str
) -> tuple[str, list[tuple[str, str, datetime | None]]]:
    """Drop a first line that repeats the title, then a first line that is only a date."""
    leading: list[tuple[str, str, datetime | None]] = []
    lines = body.split("\n")
    if title and lines and " ".join(lines[0].split()).casefold() == title.casefold():
        leading.append((lines.pop(0).strip(), "title", None))
    while lines and not lines[0].strip():
        lines.pop(0)
    if lines:
        date = parse_dateline(lines[0])
        if date is not None:
            leading.append((lines.pop(0).strip(), "dateline", date))
    return collapse_blank_lines("\n".join(lines)), leading
