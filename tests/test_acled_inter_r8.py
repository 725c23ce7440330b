"""ACLED actor kinds (inter1), round 8: state forces abroad are External/Other (8), "blamed on X" names
the perpetrator, a country or demonym that only says where the men came from names no one, the agent of
a passive verb after a demonym, armed men named by their community or their neighbouring village,
"the attackers" after a named group, and the agent lexicon's county askaris and herder militias.
Invented sentences, no model."""

from __future__ import annotations

from eventscope.models import ActorKind, ActorRef, Evidence
from eventscope.resolve.acled_agents import agents_in
from eventscope.resolve.acled_coding import armed_actor_named, inter1_code, named_before
from eventscope.resolve.acled_kind_external import acting_abroad, country_of
from eventscope.resolve.acled_kind_words import communal, names_only_a_country
from eventscope.resolve.actors import load_actor_dictionary


def _ref(text: str, words: str, kind: ActorKind | None = None, country: str | None = None) -> ActorRef:
    start = text.index(words)
    return ActorRef(Evidence("a", start, start + len(words), words), kind=kind, country=country)


# --- External/Other: state forces outside their country (codebook, inter code 8)


def test_forces_in_another_countrys_town_are_external() -> None:
    text = "Tanzanian soldiers opened fire at the market."
    army = _ref(text, "Tanzanian soldiers", ActorKind.STATE_FORCES, "TZ")
    assert acting_abroad(army, text, event_country="MZ")
    assert not acting_abroad(army, text, event_country="TZ")


def test_forces_that_cross_a_border_are_external() -> None:
    text = "Rwandan troops armed with rifles crossed into Burundi and seized a post."
    assert acting_abroad(_ref(text, "Rwandan troops", ActorKind.STATE_FORCES, "RW"), text)
    text = "Malian soldiers crossed the border and burnt a village."
    assert acting_abroad(_ref(text, "Malian soldiers", ActorKind.STATE_FORCES, "ML"), text)


def test_someone_else_crossing_or_a_return_home_is_not_abroad() -> None:
    text = "Ghanaian police arrested three men who were trying to cross into Togo."
    assert not acting_abroad(_ref(text, "Ghanaian police", ActorKind.STATE_FORCES, "GH"), text)
    text = "Chadian troops crossed back into Chad after the operation."
    assert not acting_abroad(_ref(text, "Chadian troops", ActorKind.STATE_FORCES, "TD"), text)


def test_forces_acting_inside_another_border_or_on_its_people_are_external() -> None:
    text = "Shelling by the army was reported inside the Nigerien border."
    assert acting_abroad(_ref(text, "the army", ActorKind.STATE_FORCES, "NG"), text)
    text = "Eritrean soldiers abducted 12 Ethiopians near a well."
    assert acting_abroad(_ref(text, "Eritrean soldiers", ActorKind.STATE_FORCES, "ER"), text)
    text = "Zambian police beat Zambian traders at the market."
    assert not acting_abroad(_ref(text, "Zambian police", ActorKind.STATE_FORCES, "ZM"), text)


def test_only_state_forces_with_a_country_can_be_external() -> None:
    text = "Gunmen crossed into Niger and attacked a village."
    assert not acting_abroad(_ref(text, "Gunmen", ActorKind.POLITICAL_MILITIA), text)
    assert not acting_abroad(_ref(text, "Gunmen", ActorKind.STATE_FORCES), text)
    assert not acting_abroad(None, text)


def test_country_of_reads_names_and_demonyms() -> None:
    assert country_of("Ugandan") == country_of("Uganda") == "UG"
    assert country_of("Tuesday") is None


# --- who the report blames, and who "the attackers" are


def test_blamed_on_a_group_names_the_perpetrator_even_as_the_role_finders_target() -> None:
    text = "A grenade attack on a church was blamed on Boko Haram."
    groups = load_actor_dictionary().find_groups(text)
    victim = _ref(text, "Boko Haram").evidence  # "on X" read as the target
    assert inter1_code("Explosions/Remote violence", None, [], text, groups=groups, victim=victim) == 2
    # without a blame cue, the target's words are not the perpetrator
    text = "Boko Haram fighters were killed in an attack on their camp."
    groups = load_actor_dictionary().find_groups(text)
    victim = _ref(text, "Boko Haram fighters").evidence
    assert inter1_code("Battles", None, [], text, groups=groups, victim=victim) != 2


def test_the_attackers_after_a_named_group_are_that_group() -> None:
    text = "Boko Haram militants stormed the village at night. The attackers burnt the clinic."
    groups = load_actor_dictionary().find_groups(text)
    actor = _ref(text, "The attackers", ActorKind.POLITICAL_MILITIA)
    assert named_before(actor, text, groups) is ActorKind.REBEL_GROUP
    assert inter1_code("Violence against civilians", 3, [], text, groups=groups, actor=actor) == 2
    # a group that was the target is not who "the attackers" are
    text = "Soldiers raided a Boko Haram camp. The attackers burnt the tents."
    groups = load_actor_dictionary().find_groups(text)
    assert named_before(_ref(text, "The attackers", ActorKind.POLITICAL_MILITIA), text, groups) is None
    # an indefinite agent is someone new
    text = "Boko Haram militants stormed the village. Gunmen burnt the clinic."
    assert named_before(_ref(text, "Gunmen", ActorKind.POLITICAL_MILITIA), text, groups) is None


# --- a country or demonym that names no one


def test_a_country_after_from_even_neighbouring_names_no_one() -> None:
    text = "Two herders were killed by militia from neighbouring Sudan."
    assert names_only_a_country(_ref(text, "Sudan"), text)
    text = "Raiders from Somalia stole camels."
    assert names_only_a_country(_ref(text, "Somalia"), text)


def test_a_demonym_modifying_a_place_or_victims_names_no_one_but_a_state_acts() -> None:
    text = "Raiders killed two in a Sudanese village raid."
    assert names_only_a_country(_ref(text, "Sudanese"), text)
    text = "Gunmen shot Sudanese fishermen on the lake."
    assert names_only_a_country(_ref(text, "Sudanese"), text)
    text = "An Ethiopian airstrike hit the camp."
    assert not names_only_a_country(_ref(text, "Ethiopian"), text)
    text = "Nigerian troops shelled the camp."
    assert not names_only_a_country(_ref(text, "Nigerian"), text)
    text = "Niger has deployed troops to the border."
    assert not names_only_a_country(_ref(text, "Niger"), text)


def test_the_agent_of_a_passive_verb_after_a_demonym_is_the_perpetrator() -> None:
    text = "Herders grazing near the river were detained and beaten by the Malian army."
    assert armed_actor_named(text) is ActorKind.STATE_FORCES
    text = "Herders grazing near the river were detained and beaten by the army."
    assert armed_actor_named(text) is ActorKind.STATE_FORCES


# --- communities


def test_armed_men_named_by_their_community_or_village_are_an_identity_militia() -> None:
    text = "A gang of about 2,000 Dinka attacked the cattle camp."
    assert communal(_ref(text, "A gang"), text)
    text = "A farmer was shot by an armed group from a neighbouring village."
    assert communal(_ref(text, "an armed group"), text)
    text = "A farmer was shot by an armed group from the capital."
    assert not communal(_ref(text, "an armed group"), text)
    text = "Two men were shot by gunmen who were believed to come from the Nuer community."
    assert communal(_ref(text, "gunmen"), text)


def test_agent_lexicon_county_askaris_are_police_and_herder_militias_communal() -> None:
    kinds = {text[s:e]: k for text in ("County askaris beat a hawker.",) for s, e, k in agents_in(text)}
    assert kinds == {"County askaris": ActorKind.STATE_FORCES}
    found = agents_in("A herder militia attacked the farm.")
    assert [k for _, _, k in found] == [ActorKind.IDENTITY_MILITIA]


# --- arrests and security measures are the state's; words that make a force no actor


def test_an_arrest_is_by_state_forces_even_when_a_group_is_named() -> None:
    text = "Five suspected Boko Haram members were arrested at a checkpoint."
    groups = load_actor_dictionary().find_groups(text)
    assert inter1_code("Strategic developments", None, [], text, groups=groups, sub_type="Arrests") == 1


def test_security_measures_are_the_states() -> None:
    text = "Security has been beefed up along the border ahead of the vote."
    assert inter1_code("Strategic developments", None, [], text) == 1
    text = "Traders closed their shops after a week of gunfire."
    assert inter1_code("Strategic developments", None, [], text) != 1


def test_a_force_that_rushes_in_accuses_or_names_a_thing_is_no_perpetrator() -> None:
    assert armed_actor_named("A bomb went off in a bus, sending police rushing to the scene.") is None
    assert armed_actor_named("A candidate was beaten. Police have accused a rival of the attack.") is None
    assert armed_actor_named("An IED hit a military vehicle near the well.") is None
    assert armed_actor_named("Homes were torched despite a police curfew.") is None
    assert armed_actor_named("A man (a former police officer) was found murdered.") is None
    assert armed_actor_named("A man was found dead. Police have made two arrests.") is None
    # a force still acts when it is the subject of a violent verb
    assert armed_actor_named("Police shot a man at the market.") is ActorKind.STATE_FORCES


def test_said_to_be_doing_something_is_the_actor_not_a_spokesman() -> None:
    text = "Police said to be targeting traders of one community after the blast."
    assert armed_actor_named(text) is ActorKind.STATE_FORCES
    assert armed_actor_named("A trader was shot; police said the motive is unclear.") is None


def test_ethnically_driven_fighting_is_among_communities() -> None:
    text = "Twelve died in an ethnically driven gun battle near the wells."
    assert inter1_code("Battles", None, [], text) == 4
