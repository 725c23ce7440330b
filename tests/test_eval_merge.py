"""``eventscope eval merge``: the MUC-4 same-incident gold derived from the answer keys, and the scores."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from eventscope.evaluate.merge_eval import (
    RECENT_DAYS,
    gold_doc_clusters,
    gold_incidents,
    incident_days,
    message_article,
    muc_files,
    one_killing,
    one_person,
    read_as_meant,
    same_incident,
    score_links,
    subset_scores,
)
from eventscope.evaluate.muc4_data import (
    MucLocation,
    MucMessage,
    MucTemplate,
    filing_dates,
    key_dates,
    read_muc_keys,
    read_muc_texts,
)
from eventscope.models import Article, EventType, Evidence, Mention

SAN_SALVADOR = MucLocation((("EL SALVADOR", None), ("SAN SALVADOR", "CITY")))
BOGOTA = MucLocation((("COLOMBIA", None), ("BOGOTA", "CITY")))


def template(
    doc: str,
    days: tuple[date, date] | None,
    *,
    names: tuple[str, ...] = (),
    description: str | None = None,
    where: MucLocation = SAN_SALVADOR,
    open_ended: bool = False,
    kind: str = "ATTACK",
) -> MucTemplate:
    slots = {"HUM TGT: NAME": tuple(f'"{n}"' for n in names)}
    if description:
        slots["HUM TGT: DESCRIPTION"] = (f'"{description}"',)
    return MucTemplate(
        doc_id=doc,
        template_id="1",
        optional=False,
        incident_type=kind,
        incident_types=(kind,),
        dates=days,
        locations=(where,),
        perp_orgs=(),
        perp_individuals=(),
        stage="ACCOMPLISHED",
        slots=slots,
        dates_open=open_ended,
    )


def on(d: date) -> tuple[date, date]:
    return d, d


NOV16 = on(date(1989, 11, 16))


def test_on_or_before_a_day_reaches_back_two_months() -> None:
    """The key's form 3, "- 19 NOV 89", means on or before that day (it is written when the text gives
    no date); the task's "recent" bounds it to two months."""
    told_later = template("B", on(date(1989, 11, 19)), description="JESUIT PRIESTS", open_ended=True)
    assert incident_days(told_later) == (date(1989, 9, 19), date(1989, 11, 19))
    assert same_incident(template("A", NOV16, description="JESUIT PRIESTS"), told_later)
    # an exact date three days later is another day, and an "on or before" beyond two months is too far
    assert not same_incident(
        template("A", NOV16, description="JESUIT PRIESTS"),
        template("C", on(date(1989, 11, 19)), description="JESUIT PRIESTS"),
    )
    late = date(1990, 1, 20)
    assert (late - NOV16[0]).days > RECENT_DAYS
    assert not same_incident(
        template("A", NOV16, description="JESUIT PRIESTS"),
        template("D", on(late), description="JESUIT PRIESTS", open_ended=True),
    )


def test_a_template_naming_victims_of_two_days_does_not_chain_their_incidents() -> None:
    judge = template("A", on(date(1989, 8, 16)), names=("CARLOS VALENCIA GARCIA",), where=BOGOTA)
    senator = template("B", on(date(1989, 8, 18)), names=("LUIS CARLOS GALAN",), where=BOGOTA)
    summary = template(
        "C",
        on(date(1989, 8, 21)),
        names=("CARLOS VALENCIA GARCIA", "LUIS CARLOS GALAN"),
        where=BOGOTA,
        open_ended=True,
    )
    assert same_incident(judge, summary) and same_incident(senator, summary)
    incidents = gold_incidents({"A": [judge], "B": [senator], "C": [summary]})
    # the summary joins one of them; the judge and the senator, killed on different days, stay apart
    assert not any({"A", "B"} <= docs for docs in incidents)
    assert any({"A", "C"} <= docs for docs in incidents)


def test_a_full_name_and_the_same_name_without_the_second_surname_are_one_person() -> None:
    """ "LUIS CARLOS GALAN" and "LUIS CARLOS GALAN SARMIENTO" are one senator; a lone surname is not
    enough ("GALAN" could be anyone of that name), nor are two different people of one family name."""
    senator = template("A", on(date(1989, 8, 18)), names=("LUIS CARLOS GALAN",), where=BOGOTA)
    told_later = template(
        "B", on(date(1989, 8, 22)), names=("LUIS CARLOS GALAN SARMIENTO",), where=BOGOTA, open_ended=True
    )
    assert same_incident(senator, told_later)
    assert one_person({"LUIS CARLOS GALAN"}, {"LUIS CARLOS GALAN SARMIENTO"})
    assert not one_person({"GALAN"}, {"LUIS CARLOS GALAN SARMIENTO"})
    assert not one_person({"CARLOS GALAN"}, {"LUIS CARLOS GALANTE"})  # words, not letters
    assert not one_person({"CARLOS VALENCIA GARCIA"}, {"LUIS CARLOS GALAN"})
    # an undated template matches only on a named person, and containment counts as one
    undated = template("C", None, names=("LUIS CARLOS GALAN SARMIENTO",), where=BOGOTA)
    assert same_incident(senator, undated)
    assert not same_incident(template("D", None, names=("GALAN",), where=BOGOTA), told_later)


def keyed(doc: str, fill: str, description: str = "JESUIT PRIESTS") -> MucTemplate:
    """A template whose date slot holds ``fill`` as the key writes it (read as written)."""
    days = key_dates([fill])
    base = template(doc, (min(days), max(days)) if days else None, description=description)
    return replace(base, slots={**base.slots, "INCIDENT: DATE": (fill,)})


@pytest.mark.parametrize(
    ("fill", "reported", "meant"),
    [
        ("16 NOV 90", date(1990, 1, 19), (date(1989, 11, 16), date(1989, 11, 16))),  # after the message
        ("16 NOV 00", date(1990, 1, 14), (date(1989, 11, 16), date(1989, 11, 16))),  # 1900
        ("11 NOV 90 - 19 NOV 89", date(1989, 11, 19), (date(1989, 11, 11), date(1989, 11, 19))),
        # a day after the message's date is the dateline's slack, not a slip; an old date is history
        ("20 NOV 89", date(1989, 11, 19), (date(1989, 11, 20), date(1989, 11, 20))),
        ("24 MAR 80", date(1989, 2, 6), (date(1980, 3, 24), date(1980, 3, 24))),
    ],
)
def test_a_slip_in_a_key_dates_year_is_read_as_meant(
    fill: str, reported: date, meant: tuple[date, date]
) -> None:
    assert read_as_meant(keyed("B", fill), reported).dates == meant


def test_a_mistyped_year_no_longer_keeps_a_report_out_of_its_incident() -> None:
    keys = {"A": [template("A", NOV16, description="JESUIT PRIESTS")], "B": [keyed("B", "16 NOV 90")]}
    assert gold_doc_clusters(keys)[0]["A"] == {"A"}
    mended, _ = gold_doc_clusters(keys, {"A": date(1989, 11, 17), "B": date(1990, 1, 19)})
    assert mended["A"] == {"A", "B"}


@pytest.mark.parametrize(
    ("fill", "year", "days"),
    [
        ("03 MARCH 90", None, [date(1990, 3, 3)]),  # the month written out
        ("11 Feb 90", None, [date(1990, 2, 11)]),  # typed in lower case
        ("OCT 18", 1989, [date(1989, 10, 18)]),  # month first, no year
        ("07 DEC", 1989, [date(1989, 12, 7)]),
        ("07 DEC", None, []),  # no year to give it
        ("31 NOV 89", None, []),  # no such day
        ("(- 12 NOV 89) / (- 18 NOV 89)", None, [date(1989, 11, 12), date(1989, 11, 18)]),
        ("-", 1989, []),
    ],
)
def test_key_dates_read_the_days_keys_type_by_hand(fill: str, year: int | None, days: list[date]) -> None:
    assert key_dates([fill], year) == days


def test_a_key_that_gives_no_day_is_on_or_before_its_messages_date() -> None:
    # DEV-MUC3-0815 (19 November 1989) keys the murder of the Jesuit priests with date "-": the task
    # writes form 3 at the header's date when the text gives none
    keys = {
        "A": [template("A", NOV16, description="JESUIT PRIESTS")],
        "B": [keyed("B", "-")],
    }
    assert gold_doc_clusters(keys)[0]["A"] == {"A"}  # no message date: only a named victim would do
    read, _ = gold_doc_clusters(keys, {"A": date(1989, 11, 17), "B": date(1989, 11, 19)})
    assert read["A"] == {"A", "B"}
    # "recent" is two months: the same description three months later is another incident
    later, _ = gold_doc_clusters(keys, {"A": date(1989, 11, 17), "B": date(1990, 2, 19)})
    assert later["A"] == {"A"}


def test_a_named_victim_ties_a_key_without_a_day_to_its_own_incident_first() -> None:
    # an attempt on a man's life in January 1989, his murder in March 1990, and a report of the murder
    # keyed without a date: it joins the murder, and cannot chain the two into one incident
    attempt = template("A", on(date(1989, 1, 23)), names=("BERNARDO JARAMILLO OSSA",), where=BOGOTA)
    murder = template("B", on(date(1990, 3, 22)), names=("BERNARDO JARAMILLO OSSA",), where=BOGOTA)
    undated = replace(
        template("C", None, names=("JARAMILLO OSSA",), where=BOGOTA),
        slots={"HUM TGT: NAME": ('"JARAMILLO OSSA"',), "INCIDENT: DATE": ("-",)},
    )
    keys = {"A": [attempt], "B": [murder], "C": [undated]}
    reported = {"A": date(1989, 1, 24), "B": date(1990, 3, 22), "C": date(1990, 3, 22)}
    gold, _ = gold_doc_clusters(keys, reported)
    assert gold["C"] == {"B", "C"}
    assert gold["A"] == {"A"}


def _with_effect(t: MucTemplate, effect: str) -> MucTemplate:
    name = t.slots["HUM TGT: NAME"][0]
    return replace(t, slots={**t.slots, "HUM TGT: EFFECT OF INCIDENT": (f"{effect}: {name}",)})


def test_one_persons_killing_keyed_a_day_apart_is_one_incident() -> None:
    """A person is killed once: "17 NOV 89" in a message of 17 November telling of his murder "early
    yesterday" is the 16 November killing. Not when the key does not give him as killed, nor two days
    apart, and the incident keeps its own day for the templates that join it later."""
    rector = _with_effect(template("A", NOV16, names=("IGNACIO ELLACURIA",)), "DEATH")
    next_day = _with_effect(
        template("B", on(date(1989, 11, 17)), names=("FATHER IGNACIO ELLACURIA",)), "DEATH"
    )
    assert one_killing(rector, next_day) and same_incident(rector, next_day)
    unhurt = _with_effect(next_day, "NO INJURY")
    assert not one_killing(rector, unhurt) and not same_incident(rector, unhurt)
    two_days = _with_effect(template("C", on(date(1989, 11, 18)), names=("IGNACIO ELLACURIA",)), "DEATH")
    assert not same_incident(rector, two_days)
    # someone else killed on the 17th, in the same place, with another target
    other = _with_effect(template("D", on(date(1989, 11, 17)), names=("HECTOR OQUELI",)), "DEATH")
    incidents = gold_incidents({"A": [rector], "B": [next_day], "D": [other]})
    assert {"A", "B"} in incidents and {"D"} in incidents


def test_messages_sharing_an_incident_are_linked_and_scored_pairwise() -> None:
    keys = {
        "A": [template("A", NOV16, description="JESUIT PRIESTS")],
        "B": [template("B", NOV16, description="JESUIT PRIESTS")],
        "C": [template("C", NOV16, description="UNION OFFICES")],
    }
    gold, _ = gold_doc_clusters(keys)
    assert gold["A"] == {"A", "B"} and gold["C"] == {"C"}
    perfect = score_links(gold, {"A": {"A", "B"}, "B": {"A", "B"}})
    assert perfect.pairwise_f1 == 1.0 and perfect.bcubed_f1 == 1.0
    everything = score_links(gold, {d: {"A", "B", "C"} for d in "ABC"})
    assert everything.pairwise_precision == pytest.approx(1 / 3) and everything.pairwise_recall == 1.0


def test_a_message_without_a_dated_dateline_takes_the_previous_ones_date() -> None:
    message = MucMessage("DEV-MUC3-0002", "SAN SALVADOR -- [TEXT] ...", "SAN SALVADOR", None)
    article = message_article(message, date(1989, 11, 17))
    assert article.published_at is not None and article.published_at.date() == date(1989, 11, 17)
    assert message_article(message).published_at is None


def _shared_muc() -> Path:
    folder = Path(__file__).resolve().parents[2] / "shared" / "data" / "muc4"
    if not folder.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{folder} is missing: CI needs the shared MUC-4 data")
        pytest.skip("the shared MUC-4 data is not here")
    return folder


def test_the_real_keys_join_the_jesuit_reports_and_keep_two_bogota_killings_apart() -> None:
    _, key_files = muc_files(_shared_muc())
    gold, _ = gold_doc_clusters(read_muc_keys(key_files))
    # a "- 19 NOV 89" report of the murder of the Jesuit priests is the 16 November murder
    assert "DEV-MUC3-0810" in gold["DEV-MUC3-0794"]
    # Judge Valencia Garcia (16 August 1989) and Senator Galan (18 August) were two killings
    assert "DEV-MUC3-0350" not in gold["DEV-MUC3-0346"]
    # keys that name the senator "LUIS CARLOS GALAN SARMIENTO" are his killing, not the judge's
    assert "DEV-MUC3-0365" in gold["DEV-MUC3-0350"]
    assert "DEV-MUC3-0365" not in gold["DEV-MUC3-0346"]
    # the key of DEV-MUC3-1056 dates the murder of the Jesuits "16 NOV 90" in a message of January 1990
    assert "DEV-MUC3-1056" not in gold["DEV-MUC3-0794"]
    text_files, _ = muc_files(_shared_muc())
    filed = {m.doc_id: day for m, day in filing_dates(read_muc_texts(text_files).values())}
    mended, _ = gold_doc_clusters(read_muc_keys(key_files), filed)
    assert "DEV-MUC3-1056" in mended["DEV-MUC3-0794"]
    # DEV-MUC3-0815 keys the murder of the "JESUIT PRIESTS" with no date; DEV-MUC3-1177 keys Bernardo
    # Jaramillo Ossa's murder (22 March 1990) with none, and must not join the attempt of January 1989
    assert "DEV-MUC3-0815" in mended["DEV-MUC3-0794"]
    assert "DEV-MUC3-0815" not in gold["DEV-MUC3-0794"]
    assert "DEV-MUC3-1177" in mended["DEV-MUC3-1178"]
    assert "DEV-MUC3-0053" not in mended["DEV-MUC3-1177"]
    # keys that date Father Ellacuria's killing "17 NOV 89", the day of their messages, are his killing
    assert {"DEV-MUC3-0775", "DEV-MUC3-0788"} <= mended["DEV-MUC3-0794"]
    # and "19 AUG 89" for Senator Galan's (18 August), in a message of 19 August
    assert "DEV-MUC3-0354" in mended["DEV-MUC3-0350"]


def _one_mention_each(ids: str) -> tuple[list[Article], list[Mention]]:
    arts = [Article(id=f"a-{d}", text=f"report {d}", outlet=d, source=d) for d in ids]
    mentions = [
        Mention(
            id=f"m-{d}",
            article_id=f"a-{d}",
            sentence=Evidence(f"a-{d}", 0, 8, f"report {d}"),
            trigger=Evidence(f"a-{d}", 0, 6, "report"),
            type=EventType("ASSAULT", None, "Violence against civilians", "Attack", "18"),
        )
        for d in ids
    ]
    return arts, mentions


def _grouping(*groups: str):  # noqa: ANN202 - a merge stand-in: the events are these groups of articles
    def merge(mentions, articles):  # noqa: ANN001, ANN202
        return [
            SimpleNamespace(mention_ids=[m.id for m in mentions if articles[m.article_id].source in group])
            for group in groups
        ]

    return merge


def test_subsets_rescore_the_merge_on_random_shares_of_the_messages() -> None:
    gold = {d: set("ABCD") for d in "ABCD"} | {d: set("EF") for d in "EF"}
    arts, mentions = _one_mention_each("ABCDEF")
    perfect = subset_scores(gold, arts, mentions, _grouping("ABCD", "EF"), 5, share=0.7)
    assert len(perfect) == 5 and all(f1 == 1.0 for f1 in perfect)
    lumped = _grouping("ABCDEF")
    spread = subset_scores(gold, arts, mentions, lumped, 5, share=0.7)
    assert spread == subset_scores(gold, arts, mentions, lumped, 5, share=0.7)  # seeded: the same each run
    assert min(spread) < 1.0 and len(set(spread)) > 1  # the subsets differ (one keeps neither E nor F)
    # keeping every message gives the full figure: the 7 gold pairs among the 15 linked
    full = subset_scores(gold, arts, mentions, lumped, 1, share=1.0)
    assert full[0] == pytest.approx(2 * (7 / 15) / (7 / 15 + 1))
    assert "subset_pairwise_f1_mean" not in score_links(gold, {}).metrics()
    with_spread = replace(score_links(gold, {}), subset_f1=(0.5, 0.7)).metrics()
    assert with_spread["subset_pairwise_f1_mean"] == 0.6 and with_spread["n_subsets"] == 2
