"""ACLED actor kinds (inter1), round 8b: state forces the role finder left out are found by name in the
text (with their country, so that forces abroad are External/Other, 8); a group the actor dictionary
names keeps its kind though its name holds a people's name; a count before a force's name makes it
the target ("killing one police officer"). Invented sentences, no model."""

from __future__ import annotations

from eventscope.models import ActorKind, ActorRef, Evidence, Mention
from eventscope.resolve.acled_coding import armed_actor_named, inter1_code, unnamed_perpetrator
from eventscope.resolve.acled_kind_external import event_inter1
from eventscope.resolve.acled_kind_state import state_forces_named
from eventscope.resolve.acled_kind_words import names_only_a_country
from eventscope.resolve.ontology import crosswalk


def _at(text: str, words: str) -> Evidence:
    start = text.index(words)
    return Evidence("a", start, start + len(words), words)


def _mention(text: str, trigger: str, plover: str = "ASSAULT", mode: str | None = None) -> Mention:
    return Mention(
        id=f"m-{trigger}",
        article_id="a",
        sentence=Evidence("a", 0, len(text), text),
        trigger=_at(text, trigger),
        type=crosswalk(plover, mode),
    )


# --- state forces named in the text


def test_state_forces_are_found_by_their_shortest_name() -> None:
    text = (
        "Shelling by the Tanzania People's Defence Force (TPDF) hit a village; "
        "Ghanaian soldiers armed with rifles left."
    )
    found = [(r.evidence.text, r.country) for r in state_forces_named(text)]
    assert found == [
        ("Tanzania People's Defence Force", "TZ"),
        ("TPDF", "TZ"),
        ("Ghanaian soldiers", "GH"),
    ]


def test_governments_people_and_joined_names_are_no_state_forces() -> None:
    assert state_forces_named("The Malawi government said Zambian fishermen were missing.") == []
    # "Rwandan and Burundian troops" names two armies: no phrase runs across "and"
    found = state_forces_named("Rwandan and Burundian troops met at the border.")
    assert [(r.evidence.text, r.country) for r in found] == [("Burundian troops", "BI")]
    # the name starts at its own first word, not at a place before it
    found = state_forces_named("Two men were shot on Kisoro Island by Congolese police.")
    assert [r.evidence.text for r in found] == ["Congolese police"]


def test_forces_left_out_by_the_role_finder_that_shelled_across_a_border_are_external() -> None:
    text = "Alleged shelling by the Tanzania People's Defence Force (TPDF) inside the Malawian border."
    main = _mention(text, "shelling", "ASSAULT", "aerial")
    assert event_inter1(main, [main], text, (), None) == 8
    home = "Alleged shelling by the Tanzania People's Defence Force (TPDF) near the lake."
    main = _mention(home, "shelling", "ASSAULT", "aerial")
    assert event_inter1(main, [main], home, (), None) == 1


def test_forces_named_in_the_text_that_crossed_a_border_are_external() -> None:
    text = "Sudanese soldiers armed with rifles cross into Chad aboard trucks and shoot two herders."
    main = _mention(text, "shoot")
    assert event_inter1(main, [main], text, (), None) == 8
    text = "Sudanese soldiers armed with rifles patrol the market and shoot two herders."
    main = _mention(text, "shoot")
    assert event_inter1(main, [main], text, (), None) == 1


# --- a named group keeps its dictionary kind


def test_a_named_political_militia_with_a_peoples_name_stays_political() -> None:
    text = "Members of the Sabaot Land Defence Force attacked two villages."
    sldf = ActorRef(
        _at(text, "the Sabaot Land Defence Force"), canonical_id="sldf", kind=ActorKind.POLITICAL_MILITIA
    )
    assert inter1_code("Violence against civilians", 3, [], text, actor=sldf) == 3
    # unnamed armed men named by their people are their community's militia
    men = ActorRef(_at(text, "the Sabaot Land Defence Force"), kind=ActorKind.POLITICAL_MILITIA)
    assert inter1_code("Violence against civilians", 3, [], text, actor=men) == 4


# --- a count before a force's name makes it the target


def test_a_counted_officer_after_killing_is_the_target() -> None:
    text = "A roadside device detonated, killing one police officer on patrol."
    assert armed_actor_named(text) is None
    text = "The blast hit the camp, wounding six soldiers."
    assert armed_actor_named(text) is None


# --- a people's name in a town's or road's name says where, not who


def test_a_town_named_after_a_people_is_no_communal_cue() -> None:
    town = "Two men were shot dead on the road to Kisii town by an armed gang."
    assert unnamed_perpetrator([], town) is ActorKind.POLITICAL_MILITIA
    people = "Two men were shot dead by an armed gang of Kisii youths."
    assert unnamed_perpetrator([], people) is ActorKind.IDENTITY_MILITIA


# --- a government's agents told using violence are the state's


def test_officials_told_beating_people_are_state_forces() -> None:
    text = "Two traders were reported assaulted by 'municipal officials' at the bus park."
    assert inter1_code("Violence against civilians", None, [], text) == 1
    text = "Local authorities assault and detain a reporter outside the court."
    assert inter1_code("Violence against civilians", None, [], text) == 1
    # officials who only speak name no perpetrator: unidentified armed men
    text = "Gunmen shot two traders; officials said the attackers fled."
    assert inter1_code("Violence against civilians", None, [], text) == 3


# --- a demonym paired with another people names a people, not a state


def test_a_demonym_paired_with_another_people_is_no_state() -> None:
    text = "Clashes between Sudanese and Dinka left five dead."
    assert names_only_a_country(_ref(text, "Sudanese"), text)
    text = "Rwandan and Ugandan troops clashed at the border."
    assert not names_only_a_country(_ref(text, "Rwandan"), text)
    text = "A Chadian airstrike hit the camp."
    assert not names_only_a_country(_ref(text, "Chadian"), text)


def _ref(text: str, words: str) -> ActorRef:
    return ActorRef(_at(text, words), kind=ActorKind.STATE_FORCES)


# --- state forces named by name or acronym are agents like "police"


def test_state_forces_named_by_acronym_are_the_armed_actor() -> None:
    text = "The TPDF intercepted a group of armed smugglers near the lake."
    assert armed_actor_named(text) is ActorKind.STATE_FORCES
    # an acronym the dictionary does not know is no one
    assert armed_actor_named("The XYZF intercepted a boat near the lake.") is None


# --- a colleague of the forces harmed is one of them


def test_a_colleague_of_a_harmed_officer_is_state_forces() -> None:
    text = "A police constable was shot dead by a colleague at the station."
    colleague = ActorRef(_at(text, "a colleague"))
    victim = _at(text, "A police constable")
    assert inter1_code("Battles", None, [], text, actor=colleague, victim=victim) == 1
    text = "A shopkeeper was shot dead by a colleague at the market."
    colleague = ActorRef(_at(text, "a colleague"))
    victim = _at(text, "A shopkeeper")
    assert inter1_code("Violence against civilians", None, [], text, actor=colleague, victim=victim) == 3


# --- a demonym that qualifies a place or a non-state group is no state


def test_a_demonym_before_a_border_or_a_militia_is_no_state() -> None:
    text = "Fighting went on at the Chad border overnight."
    assert names_only_a_country(_ref(text, "Chad"), text)
    text = "Chadian militia shot a herder."
    assert names_only_a_country(_ref(text, "Chadian"), text)
    # the role finder's cut of a word: "Chad" of "Chadian gunmen"
    text = "Chadian gunmen shot a herder."
    assert names_only_a_country(_ref(text, "Chad"), text)
    text = "Chad shelled the rebel camp."
    assert not names_only_a_country(_ref(text, "Chad"), text)


def test_a_force_after_a_harm_verb_is_its_target() -> None:
    assert armed_actor_named("A crowd of villagers attack guard at a farm.") is None
    assert armed_actor_named("A crowd of villagers shot two soldiers at a farm.") is None


def test_officials_harmed_in_a_headline_are_no_perpetrators() -> None:
    text = "Two county officials killed in an ambush on the highway."
    assert inter1_code("Violence against civilians", None, [], text) == 3
