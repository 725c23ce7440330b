"""Trigger lexicon (extract/lexicon/triggers.yaml): one realistic sentence per trigger family, with the
real model, plus the rules around triggers (harm outcomes giving way to the event, headline passives,
actors implied by the event word, protests said to be violent)."""

from __future__ import annotations

import pytest

from eventscope.extract.domain import DomainFilter, country_words, has_conflict_context, peoples
from eventscope.extract.triggers import load_trigger_lexicon, parse_lexicon
from eventscope.models import ActorKind, ActorRef, EventType, Evidence, Mention
from eventscope.resolve.ontology import PLOVER_MODES
from tests.extraction import extract_drafts

# (sentence, trigger word, PLOVER type, mode or None for "any")
FAMILIES = [
    ("Syria transferred 500 troops to the border town overnight.", "transferred", "MOBILIZE", "troops"),
    ("Israeli forces withdrew from the village on Monday.", "withdrew", "RETREAT", "military"),
    ("Fighting broke out between the army and the rebels near the airport.", "Fighting", "FIGHT", None),
    ("Soldiers exchanged fire with gunmen outside the camp.", "exchanged", "FIGHT", None),
    ("Unidentified gunmen shot a trader in the market.", "shot", "ASSAULT", "firearms"),
    ("An Israeli airstrike hit a house in the south.", "airstrike", "ASSAULT", "aerial"),
    ("Militants kidnapped two aid workers on the highway.", "kidnapped", "ASSAULT", "abduct"),
    ("A roadside bomb exploded near the convoy.", "exploded", "ASSAULT", "explosives"),
    ("Attackers hurled a grenade into the bar.", "hurled", "ASSAULT", "grenade"),
    ("The youths threw stones at passing cars.", "threw", "ASSAULT", "primitive"),
    ("Police arrested twelve suspects in the raid's aftermath.", "arrested", "COERCE", "arrest"),
    ("Thousands of teachers protested in the capital over pay.", "protested", "PROTEST", "demo"),
    ("Students were violently protesting the new fees.", "protesting", "PROTEST", "riot"),
    ("Residents blocked the highway with burning tyres.", "blocked", "PROTEST", "obstruct"),
    ("The minister threatened to expel the envoy.", "threatened", "THREATEN", None),
    ("The opposition accused the government of rigging the vote.", "accused", "ACCUSE", None),
    ("The rebels rejected the peace proposal.", "rejected", "REJECT", None),
    ("The EU imposed sanctions on the generals.", "sanctions", "SANCTION", None),
    ("Protesters demanded the release of the detained activists.", "demanded", "DEMAND", None),
    ("The government lifted the curfew in the city.", "lifted", "CONCEDE", None),
    ("The foreign minister met his Turkish counterpart in Ankara.", "met", "CONSULT", None),
    ("The two sides signed a ceasefire agreement in Doha.", "signed", "AGREE", None),
    ("Kenya extradited the suspect to Uganda.", "extradited", "COOPERATE", None),
    ("The president praised the security forces.", "praised", "SUPPORT", None),
    ("The agency delivered food aid to the displaced families.", "delivered", "AID", None),
    ("Two thousand fighters were demobilized under the accord.", "demobilized", "RETREAT", "disarm"),
    ("The militia declared a unilateral ceasefire on Wednesday.", "declared", "RETREAT", "ceasefire"),
    ("The kidnappers released the hostages near the border.", "released", "RETREAT", "release"),
    ("Two soldiers died in a gunbattle with smugglers.", "gunbattle", "FIGHT", None),
    ("Serbia lodged an official protest with Albania.", "lodged", "ACCUSE", None),
    ("The union called off the strike after talks.", "called", "CONCEDE", None),
    ("The court cancelled restrictions on the press.", "cancelled", "CONCEDE", None),
    ("Hungary supported the resolution in the council.", "supported", "SUPPORT", None),
    ("The emir mediated between the two neighbours.", "mediated", "CONSULT", "third-party"),
    ("The agency provided food aid to the refugees.", "provided", "AID", None),
    ("The United States sent arms to Pakistan.", "sent", "AID", "military"),
    ("Doctors handed over medicine to the Red Crescent.", "handed", "AID", None),
    ("The newspaper violated a ban by the general.", "violated", "REJECT", None),
]


def _drafts(nlp, text: str):  # type: ignore[no-untyped-def]
    return extract_drafts(nlp, text)


def test_lexicon_entries_are_well_formed() -> None:
    lexicon = load_trigger_lexicon()
    for rule in [*lexicon.rules.values(), *(r for rs in lexicon.more_rules.values() for r in rs)]:
        assert rule.plover in PLOVER_MODES, rule
        # YAML reads a bare off/on/no as a boolean: every word must stay a string
        assert all(isinstance(w, str) for w in (*rule.needs_prep, *rule.needs_object, *rule.not_object)), rule
        for coded in rule.object_types.values():
            parts = coded.split("/")  # TYPE[/mode[/implied actor kind]]
            assert parts[0] in PLOVER_MODES, rule
            if len(parts) > 1:
                assert parts[1] in PLOVER_MODES[parts[0]], rule
            if len(parts) > 2:
                ActorKind(parts[2])
        if rule.implies_actor is not None:
            ActorKind(rule.implies_actor)
    assert "violent" in lexicon.violent_words


def test_later_rules_for_a_lemma_are_tried_when_the_first_does_not_fit() -> None:
    lexicon = load_trigger_lexicon()
    assert lexicon.rules[("send", "VERB")].plover == "AID"
    assert {r.plover for r in lexicon.more_rules[("send", "VERB")]} == {"AID", "MOBILIZE"}
    assert lexicon.more_rules[("call", "VERB")][0].plover == "DEMAND"


@pytest.mark.model
def test_send_troops_is_still_a_deployment(nlp) -> None:  # type: ignore[no-untyped-def]
    found = {d.mention.trigger.text: d.mention.type for d in _drafts(nlp, "Chad sent troops to the border.")}
    assert found["sent"].plover == "MOBILIZE"


@pytest.mark.model
def test_release_of_a_statement_is_not_an_event(nlp) -> None:  # type: ignore[no-untyped-def]
    drafts = _drafts(nlp, "The ministry released a statement on Monday.")
    assert "released" not in {d.mention.trigger.text for d in drafts}


def test_object_type_can_set_a_mode() -> None:
    data = {
        "triggers": [
            {"lemma": "throw", "pos": ["VERB"], "plover": "ASSAULT", "object_types": {"stone": "X/y"}}
        ],
        "armed_words": [],
    }
    assert parse_lexicon(data).rules[("throw", "VERB")].object_types == {"stone": "X/y"}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "word", "plover", "mode"), FAMILIES, ids=[f[2] + ":" + f[1] for f in FAMILIES]
)
def test_trigger_family_example(nlp, text: str, word: str, plover: str, mode: str | None) -> None:  # type: ignore[no-untyped-def]
    found = {d.mention.trigger.text: d.mention.type for d in _drafts(nlp, text)}
    assert word in found, found
    assert found[word].plover == plover
    if mode is not None:
        assert found[word].plover_mode == mode


@pytest.mark.model
def test_harm_outcome_gives_way_to_the_event_it_governs(nlp) -> None:  # type: ignore[no-untyped-def]
    drafts = _drafts(nlp, "Three people were killed in clashes between Pokot and Turkana herders.")
    assert [d.mention.trigger.text for d in drafts] == ["clashes"]
    assert drafts[0].mention.type.plover == "FIGHT"


@pytest.mark.model
def test_harm_outcome_lends_its_arguments(nlp) -> None:  # type: ignore[no-untyped-def]
    drafts = _drafts(nlp, "Two men were shot dead when unidentified gunmen attacked a bus near Mandera.")
    main = next(d.mention for d in drafts if d.mention.trigger.text == "attacked")
    assert main.actor is not None and "gunmen" in main.actor.text


@pytest.mark.model
def test_headline_passive_makes_the_subject_the_victim(nlp) -> None:  # type: ignore[no-untyped-def]
    drafts = _drafts(nlp, "21 suspected Mungiki members killed during a search for the killers.")
    killed = next(d.mention for d in drafts if d.mention.trigger.text == "killed")
    assert killed.actor is None
    # the victims' phrase, counted ("21 suspected Mungiki members"), resolves to the group later
    assert killed.recipient is not None and "Mungiki" in killed.recipient.text


@pytest.mark.model
def test_event_word_implies_its_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    drafts = _drafts(nlp, "A suspected thief was lynched in the market on Sunday.")
    lynched = next(d for d in drafts if d.mention.trigger.text == "lynched")
    assert lynched.mention.actor is None
    assert lynched.implied_actor is ActorKind.RIOTERS


# Non-conflict senses (business, sport, tech news): the word is not an event there (``not_near``).
NOT_EVENTS = [
    ("Rooney shot wide from 20 yards in the second half.", "shot"),
    ("The firm faces a takeover battle with its rival.", "battle"),
    ("The company was hit by a virus attack on its computers.", "attack"),
    ("Consumer demand rose sharply in December.", "demand"),
    ("Strong demand for oil pushed prices higher.", "demand"),
    ("The union began pay talks with the airline.", "talks"),
    ("The annual shareholder meeting is in May.", "meeting"),
    ("The rally in oil prices lifted the index.", "rally"),
    ("Rising interest rates are a threat to growth.", "threat"),
    ("The opposition leader attacked the plans in parliament.", "attacked"),
]
# The same words in their armed sense still fire.
STILL_EVENTS = [
    ("Rebels attacked an army base near the border.", "attacked", "ASSAULT"),
    ("Gunmen shot two traders in the market.", "shot", "ASSAULT"),
    ("The battle for the town lasted three days.", "battle", "FIGHT"),
    ("The protesters rejected the demand of the government.", "rejected", "REJECT"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "word"), NOT_EVENTS, ids=[w for _, w in NOT_EVENTS])
def test_non_conflict_sense_is_not_an_event(nlp, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    assert word not in {d.mention.trigger.text for d in _drafts(nlp, text)}


@pytest.mark.model
@pytest.mark.parametrize(("text", "word", "plover"), STILL_EVENTS, ids=[w for _, w, _ in STILL_EVENTS])
def test_armed_sense_is_still_an_event(nlp, text: str, word: str, plover: str) -> None:  # type: ignore[no-untyped-def]
    found = {d.mention.trigger.text: d.mention.type for d in _drafts(nlp, text)}
    assert word in found, found
    assert found[word].plover == plover


def test_not_near_words_are_strings() -> None:
    lexicon = load_trigger_lexicon()
    rules = [*lexicon.rules.values(), *(r for rs in lexicon.more_rules.values() for r in rs)]
    assert all(isinstance(w, str) for r in rules for w in r.not_near)
    assert "virus" in lexicon.rules[("attack", "NOUN")].not_near
    assert "troops" in lexicon.conflict_words and "battle" not in lexicon.conflict_words
    assert "government" in lexicon.political_words


def _mention(sentence: str, plover: str, actor: ActorRef | None = None) -> Mention:
    ev = Evidence("a", 0, len(sentence), sentence)
    kind = EventType(plover, None, "", "", "")
    return Mention(id=sentence, article_id="a", sentence=ev, trigger=ev, type=kind, actor=actor)


def _domain() -> DomainFilter:
    lexicon = load_trigger_lexicon()
    return DomainFilter(lexicon.conflict_words, lexicon.political_words, country_words(), peoples())


def test_article_without_conflict_words_keeps_only_political_mentions() -> None:
    firm = ActorRef(Evidence("a", 0, 8, "The firm"))
    germany = ActorRef(Evidence("a", 0, 7, "Germany"), canonical_id="government-de", country="DE")
    mentions = [
        _mention("The firm warned that profits would fall.", "THREATEN", firm),
        _mention("Germany welcomed the deal.", "SUPPORT", germany),
        _mention("The government agreed to cut the tax.", "AGREE"),
        _mention("Palestinians and Israelis failed to reach agreement.", "AGREE"),
    ]
    text = " ".join(m.sentence.text for m in mentions)
    kept = [m.sentence.text for m in _domain().keep(mentions, text)]
    assert kept == [m.sentence.text for m in mentions[1:]]


def test_conflict_news_keeps_every_mention() -> None:
    firm = ActorRef(Evidence("a", 0, 8, "The firm"))
    mentions = [_mention("The firm warned that profits would fall.", "THREATEN", firm)]
    assert (
        _domain().keep(mentions, "Three soldiers were killed. The firm warned that profits would fall.")
        == mentions
    )
    assert has_conflict_context("Gunmen fired on the crowd.", load_trigger_lexicon().conflict_words)
    assert not has_conflict_context(
        "A price war and a takeover battle.", load_trigger_lexicon().conflict_words
    )


@pytest.mark.model
def test_sport_and_web_senses_are_not_events(nlp) -> None:  # type: ignore[no-untyped-def]
    for text, word in [
        ("She won after beating the favourite in the final.", "beating"),
        ("Logs of the sites people visit are kept.", "visit"),
        ("Players explode onto the market every year.", "explode"),
    ]:
        assert word not in {d.mention.trigger.text for d in _drafts(nlp, text)}, text
