"""The geoparse scorer: reading the three Gritta XML layouts, span matching and metric arithmetic."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventscope.errors import InputError
from eventscope.evaluate.geoparse import (
    UNRESOLVED_KM,
    GeoparseReport,
    accuracy,
    match_spans,
    prf,
    run_geoparse,
    score_article,
)
from eventscope.evaluate.gritta_xml import GoldArticle, GoldToponym, align, read_gold
from eventscope.models import Evidence, Place, PlaceRef, Toponym
from tests.conftest import shared_path

TEXT = "Flooding hit Paris, Texas on Monday and Dallas later."

LGL = f"""<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="a1"><title>t</title><text><![CDATA[{TEXT}]]></text>
    <toponyms>
      <toponym><start>13</start><end>18</end><phrase>Paris</phrase>
        <gaztag geonameid="4717560"><name>Paris</name><lat>33.66</lat><lon>-95.56</lon></gaztag></toponym>
      <toponym><start>20</start><end>25</end><phrase>Texas</phrase></toponym>
      <toponym><start>40</start><end>46</end><phrase>Dallas</phrase>
        <gaztag geonameid="4684888"><lat>32.78</lat><lon>-96.81</lon></gaztag></toponym>
    </toponyms>
  </article>
</articles>
"""

# GeoVirus offsets are one character off: the reader aligns them on the phrase.
GEOVIRUS = f"""<articles><article><source>http://x</source><text>{TEXT}</text>
  <locations>
    <location><name>Paris</name><start>14</start><end>19</end><lat>33.66</lat><lon>-95.56</lon></location>
    <location><name>Dallas</name><start>41</start><end>47</end><lat>32.78</lat><lon>-96.81</lon></location>
  </locations></article></articles>
"""

GEOWEBNEWS = f"""<articles><article id="w1"><text>{TEXT}</text><toponyms>
  <toponym><extractedName>Paris</extractedName><start>13</start><end>18</end><type>Literal</type>
    <nonLocational>False</nonLocational><latitude>33.66</latitude><longitude>-95.56</longitude></toponym>
  <toponym><extractedName>Texas</extractedName><start>20</start><end>25</end><type>Non_Toponym</type>
    <nonLocational>True</nonLocational><latitude></latitude><longitude></longitude></toponym>
  <toponym><extractedName>Dallas</extractedName><start>40</start><end>46</end><type>Literal_Modifier</type>
    <nonLocational>False</nonLocational><latitude>32.78</latitude><longitude>-96.81</longitude></toponym>
</toponyms></article></articles>
"""


def _write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_reads_lgl_layout(tmp_path: Path) -> None:
    layout, articles = read_gold(_write(tmp_path, "lgl.xml", LGL))
    assert layout == "lgl"
    (article,) = articles
    assert article.article_id == "a1"
    assert [(t.phrase, t.has_point) for t in article.toponyms] == [
        ("Paris", True),
        ("Texas", False),
        ("Dallas", True),
    ]
    assert article.toponyms[0].lat == pytest.approx(33.66)


def test_reads_geovirus_layout_and_realigns_offsets(tmp_path: Path) -> None:
    layout, (article,) = read_gold(_write(tmp_path, "gv.xml", GEOVIRUS))
    assert layout == "geovirus"
    assert [(t.start, t.end, t.phrase) for t in article.toponyms] == [(13, 18, "Paris"), (40, 46, "Dallas")]


def test_reads_geowebnews_layout_without_non_toponyms(tmp_path: Path) -> None:
    layout, (article,) = read_gold(_write(tmp_path, "gwn.xml", GEOWEBNEWS))
    assert layout == "geowebnews"
    assert [t.phrase for t in article.toponyms] == ["Paris", "Dallas"]
    assert article.toponyms[1].lon == pytest.approx(-96.81)


def test_rejects_a_file_without_annotations(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        read_gold(_write(tmp_path, "other.xml", "<articles><article><text>x</text></article></articles>"))


def test_align_prefers_the_nearest_occurrence() -> None:
    text = "Paris and again Paris"
    assert align(text, "Paris", 15) == 16
    assert align(text, "paris", 1) == 0
    assert align(text, "Lyon", 3) is None


def test_match_spans_is_one_to_one_and_prefers_identical_spans() -> None:
    gold = [(0, 5), (10, 20)]
    predicted = [(0, 5), (2, 6), (12, 15), (14, 30)]
    assert match_spans(predicted, gold) == {0: 0, 1: 3}  # the larger overlap
    assert match_spans(predicted, gold, exact=True) == {0: 0}


def test_prf_and_accuracy_arithmetic() -> None:
    assert prf(3, 4, 6) == pytest.approx((0.75, 0.5, 0.6))
    assert prf(0, 0, 5) == (0.0, 0.0, 0.0)
    acc, median = accuracy([10.0, 100.0, 161.0, 500.0, UNRESOLVED_KM])
    assert acc == pytest.approx(0.6)
    assert median == pytest.approx(161.0)


def _place(lat: float, lon: float) -> Place:
    return Place("test:1", "X", lat, lon, "P", "PPL", "US")


def test_score_article_counts_spans_and_errors() -> None:
    article = GoldArticle(
        "a1",
        TEXT,
        (
            GoldToponym(13, 18, "Paris", 33.66, -95.56),
            GoldToponym(20, 25, "Texas"),
            GoldToponym(40, 46, "Dallas", 32.78, -96.81),
        ),
    )
    toponyms = [
        Toponym(Evidence("a1", 13, 25, "Paris, Texas"), "test"),  # overlaps Paris (and Texas): one match
        Toponym(Evidence("a1", 40, 46, "Dallas"), "test"),
        Toponym(Evidence("a1", 29, 35, "Monday"), "test"),
    ]
    refs = {
        (13, 25): PlaceRef(toponyms[0].evidence, place=_place(48.85, 2.35)),  # Paris, France: wrong
        (40, 46): PlaceRef(toponyms[1].evidence, place=_place(32.78, -96.80)),
    }
    report = GeoparseReport("end-to-end")
    score_article(report, article, toponyms, refs)
    metrics = report.metrics()
    assert metrics["span_precision"] == pytest.approx(2 / 3)
    assert metrics["span_recall"] == pytest.approx(2 / 3)
    assert metrics["span_f1_exact"] == pytest.approx(1 / 3)
    assert metrics["n_toponyms"] == 2
    assert metrics["acc_161"] == pytest.approx(0.5)
    by_level = [
        f"{k}_{level}"
        for level in ("country", "admin1", "region", "local", "unresolved")
        for k in ("n", "acc_161")
    ]
    assert sorted(metrics) == sorted(
        [
            "n_articles",
            "n_toponyms",
            "span_precision",
            "span_recall",
            "span_f1",
            "span_f1_exact",
            "acc_161",
            "median_km",
            "mode",
            *by_level,
        ]
    )
    # Both places are towns (their level, when a ref gives none, follows from the place's feature code).
    assert metrics["n_local"] == 2 and metrics["n_unresolved"] == 0


def test_errors_are_broken_down_by_the_level_of_the_resolved_place() -> None:
    report = GeoparseReport("gold-spans")
    report.errors_km += [10.0, 300.0, 5.0, UNRESOLVED_KM]
    report.levels += ["country", "country", "local", "unresolved"]
    metrics = report.metrics()
    assert (metrics["n_country"], metrics["acc_161_country"]) == (2, 0.5)
    assert (metrics["n_local"], metrics["acc_161_local"]) == (1, 1.0)
    assert (metrics["n_unresolved"], metrics["acc_161_unresolved"]) == (1, 0.0)
    assert (metrics["n_admin1"], metrics["acc_161_admin1"]) == (0, 0.0)


def test_gold_spans_mode_resolves_every_gold_toponym(tmp_path: Path, gazetteer) -> None:  # type: ignore[no-untyped-def]
    report = run_geoparse(_write(tmp_path, "lgl.xml", LGL), gold_spans=True, gazetteer=gazetteer)
    metrics = report.metrics()
    assert metrics["mode"] == "gold-spans"
    assert metrics["n_toponyms"] == 2  # Texas has no coordinates
    assert metrics["acc_161"] == 1.0  # "Paris, Texas" and Dallas, Texas


@pytest.mark.model
def test_end_to_end_on_the_first_lgl_articles(nlp, gazetteer) -> None:  # type: ignore[no-untyped-def]
    path = shared_path("data", "lgl", "lgl.xml")
    metrics = run_geoparse(path, limit=10, nlp=nlp, gazetteer=gazetteer).metrics()
    assert metrics["n_articles"] == 10
    assert metrics["span_f1"] > 0.4
    assert metrics["acc_161"] > 0.5


DEMONYM_TEXT = "Syrian troops shelled the town on Monday, officials in Damascus said."
DEMONYM_LGL = f"""<articles><article docid="d1"><text><![CDATA[{DEMONYM_TEXT}]]></text><toponyms>
  <toponym><start>0</start><end>6</end><phrase>Syrian</phrase>
    <gaztag geonameid="163843"><lat>35.0</lat><lon>38.0</lon></gaztag></toponym>
  <toponym><start>55</start><end>63</end><phrase>Damascus</phrase>
    <gaztag geonameid="170654"><lat>33.51</lat><lon>36.29</lon></gaztag></toponym>
</toponyms></article></articles>
"""


@pytest.mark.model
def test_demonyms_count_as_toponyms_only_when_asked(tmp_path: Path, nlp, gazetteer) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path, "demonyms.xml", DEMONYM_LGL)
    default = run_geoparse(path, nlp=nlp, gazetteer=gazetteer).metrics()
    assert default["span_recall"] == 0.5  # Damascus only
    asked = run_geoparse(path, demonyms=True, nlp=nlp, gazetteer=gazetteer).metrics()
    assert asked["span_recall"] == 1.0 and asked["acc_161"] == 1.0  # "Syrian" -> Syria
