"""JSONL, CSV, HTML and RSS/Atom inputs, and URLs that serve them (through httpx.MockTransport)."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import httpx
import pytest

from eventscope.ingest import IngestOptions, read_inputs
from eventscope.ingest.article import article_id
from eventscope.models import Article, IngestFailure, RemovedText

NOW = datetime(2025, 6, 2, 12, 0, tzinfo=UTC)

REPORT = (
    "Flooding displaced more than two thousand families in the lower river valley over the weekend, "
    "the regional disaster agency said on Sunday.\n\n"
    "Armed men later blocked an aid convoy on the road to the camps, demanding payment before letting the "
    "trucks pass, two drivers told reporters.\n\n"
    "The agency said it had suspended deliveries until the army could guarantee safe passage for its staff."
)
OTHER = (
    "Police fired tear gas at hundreds of protesters who had gathered outside the parliament building on "
    "Thursday to denounce a new tax on fuel, witnesses said.\n\n"
    "At least twenty people were arrested, according to a lawyers' association that is representing them."
)

ARTICLE_PAGE = f"""<!doctype html>
<html><head><title>Aid convoy blocked after floods | The Valley Courier</title>
<meta property="og:title" content="Aid convoy blocked after floods">
<meta property="og:site_name" content="The Valley Courier">
<meta property="article:published_time" content="2025-06-01T18:20:00+02:00">
<link rel="canonical" href="https://courier.example.com/news/aid-convoy-blocked">
</head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>
<article><h1>Aid convoy blocked after floods</h1>
{"".join(f"<p>{p}</p>" for p in REPORT.split(chr(10) * 2))}
<p>Read also:</p><p>Water levels keep rising downstream</p>
</article>
<footer><p>© 2025 The Valley Courier. All rights reserved.</p></footer>
</body></html>"""

RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example Wire</title><link>https://wire.example.com/</link><description>News</description>
<item><title>Floods displace thousands</title>
<link>https://wire.example.com/floods?utm_source=rss</link>
<pubDate>Sun, 01 Jun 2025 16:00:00 GMT</pubDate>
<description>Floods hit the valley.</description>
<content:encoded><![CDATA[{"".join(f"<p>{p}</p>" for p in REPORT.split(chr(10) * 2))}]]></content:encoded>
</item>
<item><title>Protest outside parliament</title>
<link>https://wire.example.com/protest</link>
<pubDate>Thu, 29 May 2025 10:00:00 GMT</pubDate>
<description>Police used tear gas.</description>
</item>
<item><title>Le Parlement adopte la loi</title><link>https://wire.example.com/fr</link>
<description>Le Parlement a adopté la loi dans la nuit de jeudi, selon des sources qui ont suivi
les débats. Le texte sera publié dans la semaine et les partis de l'opposition ont annoncé
un recours devant la cour.</description>
</item>
</channel></rss>"""

ESCAPED_OTHER = "".join(f"&lt;p&gt;{p}&lt;/p&gt;" for p in OTHER.replace("'", "&apos;").split("\n\n"))
ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title><id>urn:example:atom</id>
<updated>2025-05-29T10:00:00Z</updated>
<entry><title>Protest outside parliament</title><id>urn:example:1</id>
<link href="https://atom.example.com/protest"/><updated>2025-05-29T10:00:00Z</updated>
<content type="html">{ESCAPED_OTHER}</content>
</entry></feed>"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def read_all(inputs: list[str], options: IngestOptions | None = None, **kwargs: object) -> list:
    return list(read_inputs(inputs, options or IngestOptions(), now=lambda: NOW, **kwargs))  # type: ignore[arg-type]


def client_for(pages: dict[str, tuple[str, str]]) -> httpx.Client:
    """A client that serves ``url -> (content type, body)`` and 404s anything else."""

    def handler(request: httpx.Request) -> httpx.Response:
        if str(request.url) not in pages:
            return httpx.Response(404)
        content_type, body = pages[str(request.url)]
        return httpx.Response(200, text=body, headers={"content-type": content_type})

    return httpx.Client(transport=httpx.MockTransport(handler))


# JSONL --------------------------------------------------------------------------------------------------


def test_jsonl_rows(tmp_path: Path) -> None:
    rows = [
        {
            "title": "Aid convoy blocked",
            "text": REPORT,
            "url": "https://courier.example.com/a?utm_medium=x",
            "outlet": "The Valley Courier",
            "published": "2025-06-01T18:20:00+02:00",
        },
        {"title": "Protest", "text": OTHER, "published": "29 May 2025"},
    ]
    path = write(tmp_path, "batch.jsonl", "\n".join(json.dumps(r) for r in rows) + "\n\n")
    first, second = read_all([str(path)])
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.source == f"{path}#1" and second.source == f"{path}#2"
    assert first.text == REPORT and first.title == "Aid convoy blocked"
    assert first.id == article_id("", "https://courier.example.com/a")
    assert first.published_at == datetime(2025, 6, 1, 18, 20, tzinfo=timezone(timedelta(hours=2)))
    assert second.published_at == datetime(2025, 5, 29, tzinfo=UTC)  # no zone given: UTC
    assert second.id == article_id(OTHER)
    assert first.fetched_at is None


def test_jsonl_bad_lines_are_failures_and_reading_goes_on(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": REPORT}),
        '{"text": "unterminated',
        json.dumps(["not", "an", "object"]),
        json.dumps({"body": OTHER}),
        json.dumps({"text": OTHER, "published": "whenever"}),
        json.dumps({"text": 42}),
        json.dumps({"text": OTHER}),
    ]
    path = write(tmp_path, "mixed.jsonl", "\n".join(lines))
    results = read_all([str(path)])
    assert [type(r).__name__ for r in results] == ["Article"] + ["IngestFailure"] * 5 + ["Article"]
    assert results[1].source == f"{path}#2"
    assert results[1].reason.startswith(f"{path} line 2: not valid JSON (Unterminated string")
    assert results[2].reason == f"{path} line 3: not a JSON object"
    assert "no 'text' field (has 'body')" in results[3].reason and "--text-column" in results[3].reason
    assert "'whenever' is not a full date" in results[4].reason
    assert results[5].reason == f"{path} line 6: field 'text' is not a string"
    assert all("\n" not in r.reason for r in results if isinstance(r, IngestFailure))


def test_jsonl_custom_columns_id_column_and_defaults(tmp_path: Path) -> None:
    row = {"doc_id": 11, "doc_text": REPORT, "headline": "Convoy", "link": None, "date": 1748800800}
    path = write(tmp_path, "docs.ndjson", json.dumps(row))
    options = IngestOptions(
        text_column="doc_text",
        title_column="headline",
        url_column="link",
        published_column="date",
        id_column="doc_id",
        outlet="Default Outlet",
        url="https://ignored.example/",
    )
    (article,) = read_all([str(path)], options)
    assert isinstance(article, Article)
    assert article.source == f"{path}#11"
    assert article.title == "Convoy" and article.outlet == "Default Outlet"
    assert article.url is None  # the URL option never applies to rows
    assert article.published_at == datetime(2025, 6, 1, 18, 0, tzinfo=UTC)


def test_jsonl_rows_keep_their_own_outlet_over_the_default(tmp_path: Path) -> None:
    path = write(tmp_path, "a.jsonl", json.dumps({"text": REPORT, "outlet": "Own Outlet"}))
    (article,) = read_all([str(path)], IngestOptions(outlet="Default Outlet"))
    assert article.outlet == "Own Outlet"


def test_binary_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "data.jsonl"
    path.write_bytes(b"\x00\x01\x02" * 100)
    assert read_all([str(path)]) == [IngestFailure(str(path), "binary file, not text")]


# CSV ----------------------------------------------------------------------------------------------------


def test_csv_rows(tmp_path: Path) -> None:
    path = tmp_path / "batch.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:  # a BOM, as spreadsheets write
        writer = csv.writer(handle)
        writer.writerow(["title", "text", "published", "outlet"])
        writer.writerow(["Aid convoy blocked", REPORT, "2025-06-01", "Courier"])
        writer.writerow(["Too short", "Only six words in this row.", "", ""])
        writer.writerow(["Protest", OTHER, "", ""])
    first, short, third = read_all([str(path)])
    assert isinstance(first, Article) and first.text == REPORT and first.outlet == "Courier"
    assert first.source == f"{path}#2"
    assert first.published_at == datetime(2025, 6, 1, tzinfo=UTC)
    # Multi-line fields: the third row starts on the line after the short one.
    assert short == IngestFailure(
        f"{path}#{2 + REPORT.count(chr(10)) + 1}",
        f"{path} line {2 + REPORT.count(chr(10)) + 1}: too short: 6 words after cleaning; "
        "an article needs at least 20",
    )
    assert isinstance(third, Article) and third.title == "Protest"


def test_csv_without_the_text_column(tmp_path: Path) -> None:
    path = write(tmp_path, "a.csv", f'headline,body\nConvoy,"{REPORT}"\n')
    (failure,) = read_all([str(path)])
    assert failure == IngestFailure(
        str(path),
        f"{path}: no 'text' column (has 'headline', 'body'); name the text column with --text-column",
    )
    (article,) = read_all([str(path)], IngestOptions(text_column="body", title_column="headline"))
    assert isinstance(article, Article) and article.title == "Convoy"


# HTML ---------------------------------------------------------------------------------------------------


def test_html_file(tmp_path: Path) -> None:
    (article,) = read_all([str(write(tmp_path, "page.html", ARTICLE_PAGE))])
    assert isinstance(article, Article)
    assert article.title == "Aid convoy blocked after floods"
    assert article.outlet == "The Valley Courier"
    assert article.url == "https://courier.example.com/news/aid-convoy-blocked"
    assert article.published_at is not None and article.published_at.date().isoformat() == "2025-06-01"
    assert article.text == REPORT  # no menu, no title, no related link, no footer
    assert {r.reason for r in article.removed} >= {"related_link"}


def test_html_page_without_text(tmp_path: Path) -> None:
    menu = write(tmp_path, "menu.htm", "<html><body><nav><a href='/'>Home</a></nav></body></html>")
    blank = write(tmp_path, "blank.html", "<html><head><title>Nothing</title></head><body></body></html>")
    first, second = read_all([str(menu), str(blank)])
    assert first == IngestFailure(
        str(menu), "too short: 1 words after cleaning; an article needs at least 20"
    )
    assert second == IngestFailure(str(blank), "no article text found in the HTML page")


def test_html_url(tmp_path: Path) -> None:
    url = "http://courier.example.com/news/aid-convoy-blocked?utm_source=tw"
    with client_for({url: ("text/html; charset=utf-8", ARTICLE_PAGE)}) as client:
        (article,) = read_all([url], IngestOptions(allow_private_urls=True), client=client)
    assert isinstance(article, Article)
    assert article.source == url and article.url == url
    assert article.fetched_at == NOW
    assert article.text == REPORT


# Feeds --------------------------------------------------------------------------------------------------


def test_rss_file_items(tmp_path: Path) -> None:
    path = write(tmp_path, "wire.rss", RSS)
    other_page = ARTICLE_PAGE.replace(REPORT.split("\n\n")[0], OTHER.split("\n\n")[0])
    pages = {"https://wire.example.com/protest": ("text/html", other_page)}
    with client_for(pages) as client:
        floods, protest, french = read_all([str(path)], IngestOptions(allow_private_urls=True), client=client)
    assert isinstance(floods, Article)
    assert floods.source == f"{path}#1"
    assert floods.title == "Floods displace thousands" and floods.outlet == "Example Wire"
    assert floods.text == REPORT  # from content:encoded, HTML stripped
    assert floods.published_at == datetime(2025, 6, 1, 16, 0, tzinfo=UTC)
    assert floods.id == article_id("", "https://wire.example.com/floods")
    # A teaser only: the item's link is fetched, the item's title and date kept.
    assert isinstance(protest, Article)
    assert protest.title == "Protest outside parliament" and protest.fetched_at == NOW
    assert protest.text.startswith("Police fired tear gas")
    assert protest.removed[0] == RemovedText("Aid convoy blocked after floods", "title")  # the page's own h1
    assert protest.published_at == datetime(2025, 5, 29, 10, 0, tzinfo=UTC)
    assert isinstance(french, IngestFailure) and french.source == f"{path}#3"
    assert french.reason.startswith("not English (looks like French)")


def test_atom_feed_url() -> None:
    url = "http://atom.example.com/feed"
    with client_for({url: ("application/atom+xml", ATOM)}) as client:
        (article,) = read_all([url], IngestOptions(allow_private_urls=True), client=client)
    assert isinstance(article, Article)
    assert article.source == f"{url}#1" and article.outlet == "Atom Desk"
    assert article.text == OTHER
    assert article.url == "https://atom.example.com/protest"


def test_feed_served_as_plain_xml_is_sniffed() -> None:
    url = "http://wire.example.com/rss"
    with client_for({url: ("text/xml", RSS)}) as client:
        results = read_all([url], IngestOptions(allow_private_urls=True), client=client)
    assert [r.source for r in results] == [f"{url}#1", f"{url}#2", f"{url}#3"]
    # Item 2's link 404s here: a failure for that item alone.
    assert isinstance(results[1], IngestFailure) and "HTTP 404" in results[1].reason


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    path = write(tmp_path, "gold.xml", "<?xml version='1.0'?><articles><article>text</article></articles>")
    (failure,) = read_all([str(path)])
    assert isinstance(failure, IngestFailure) and failure.reason.startswith("not an RSS or Atom feed")


def test_broken_feed(tmp_path: Path) -> None:
    path = write(tmp_path, "broken.rss", "<rss><channel><title>Cut off")
    (failure,) = read_all([str(path)])
    assert isinstance(failure, IngestFailure) and failure.reason.startswith("not a readable RSS or Atom feed")


@pytest.mark.parametrize("content_type", ["application/pdf", "image/png"])
def test_url_with_unsupported_content(content_type: str) -> None:
    url = "http://files.example.com/report"
    with client_for({url: (content_type, "%PDF-1.7")}) as client:
        (failure,) = read_all([url], IngestOptions(allow_private_urls=True), client=client)
    assert isinstance(failure, IngestFailure) and failure.reason.startswith("unsupported content type")
