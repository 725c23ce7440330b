"""ACLED inter codes the product gives an event's actor (resolve/acled_coding.py): who the perpetrator
is when the report does not name one where it reports the event. Hand-written texts, no model."""

from __future__ import annotations

from eventscope.models import ActorKind, ActorRef, Evidence
from eventscope.resolve.acled_agents import agents_in
from eventscope.resolve.acled_coding import armed_actor_named, inter1_code


def _ev(text: str, start: int = 0) -> Evidence:
    return Evidence("a", start, start + len(text), text)


def test_the_first_armed_actor_named_is_the_perpetrator() -> None:
    text = "Police raid media outlets, burn papers and abduct journalists."
    assert armed_actor_named(text) is ActorKind.STATE_FORCES


def test_the_agent_of_a_passive_verb_wins() -> None:
    text = "Two soldiers were on patrol when a man was shot by gunmen."
    assert armed_actor_named(text) is ActorKind.POLITICAL_MILITIA


def test_targets_responders_and_officials_are_not_perpetrators() -> None:
    assert armed_actor_named("An IED exploded in the market, injuring three police officers.") is None
    assert armed_actor_named("A man died in a fight before police intervened.") is None
    assert armed_actor_named("A trader was killed; officials said the motive is unknown.") is None


def test_the_victims_words_are_skipped() -> None:
    text = "Soldiers were ambushed near the border."
    assert armed_actor_named(text, victim=_ev("Soldiers")) is None


def test_named_groups_given_by_the_caller_count() -> None:
    text = "A bus was attacked; al-Shabaab is suspected."
    group = ActorRef(_ev("al-Shabaab", text.index("al-Shabaab")), kind=ActorKind.REBEL_GROUP)
    assert armed_actor_named(text, groups=[group]) is ActorKind.REBEL_GROUP


def test_inter1_for_violence_with_no_actor_reads_the_report() -> None:
    text = "A child was shot in the neck. The bullet came from police engaging protesters."
    assert inter1_code("Violence against civilians", None, [], text) == 1
    # no armed actor named anywhere: ACLED's Unidentified Armed Group (political militia, 3)
    assert inter1_code("Violence against civilians", None, [], "A man was shot dead at home.") == 3


def test_inter1_for_unnamed_people_is_an_unidentified_group() -> None:
    text = "Three men attacked a trader. Police later arrested a suspect."
    actor = ActorRef(_ev("Three men"))
    assert inter1_code("Violence against civilians", None, [], text, actor=actor) == 3


def test_unnamed_armed_men_among_clans_are_an_identity_militia() -> None:
    text = "Gunmen killed two herders as fighting between the two clans continued."
    assert inter1_code("Violence against civilians", None, [], text) == 4


def test_inter1_of_a_demonstration_is_its_crowd_and_a_named_actor_stays() -> None:
    assert inter1_code("Riots", 1, [], "Police clashed with rioters.") == 5
    assert inter1_code("Protests", None, [], "Traders marched.") == 6
    assert inter1_code("Battles", 2, [], "Rebels attacked a police post.") == 2


def test_agents_in_finds_people_of_every_kind_and_officials_are_civilians() -> None:
    kinds = [k for _, _, k in agents_in("A minister and two villagers met soldiers.", armed_only=False)]
    assert kinds == [ActorKind.CIVILIANS, ActorKind.CIVILIANS, ActorKind.STATE_FORCES]
