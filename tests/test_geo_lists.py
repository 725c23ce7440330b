"""Names listed together are of one kind: "Oregon" among states is the state."""

from __future__ import annotations

from eventscope.models import Evidence, PlaceLevel, Toponym
from eventscope.resolve.geo.gazetteer import Gazetteer
from eventscope.resolve.geo.lists import list_groups, sibling_levels
from eventscope.resolve.geo.resolver import Geocoder, Weights

TEXT = (
    "A woman in Wisconsin died of the infection. Michigan, Oregon, New Mexico and Utah report cases. "
    "Wisconsin officials said Wisconsin farms were tested."
)
PHRASES = ["Wisconsin", "Michigan", "Oregon", "New Mexico", "Utah", "Wisconsin", "Wisconsin"]


def toponyms(text: str, phrases: list[str]) -> list[Toponym]:
    found, start = [], 0
    for phrase in phrases:
        start = text.index(phrase, start)
        found.append(Toponym(Evidence("a", start, start + len(phrase), phrase), "gold"))
        start += len(phrase)
    return found


def test_list_groups_need_three_names_joined_by_commas_or_and() -> None:
    assert list_groups(toponyms(TEXT, PHRASES), TEXT) == [[1, 2, 3, 4]]
    two = "He lives in Paris, Texas."
    assert list_groups(toponyms(two, ["Paris", "Texas"]), two) == []


def test_sibling_levels_take_the_kind_most_fellow_members_have() -> None:
    levels = {1: PlaceLevel.ADMIN1, 2: PlaceLevel.TOWN, 3: PlaceLevel.ADMIN1, 4: PlaceLevel.ADMIN1}
    found = sibling_levels([[1, 2, 3, 4]], levels)
    assert found[2] is PlaceLevel.ADMIN1
    assert found[1] is PlaceLevel.ADMIN1  # fellows: town, state, state
    # A town and a district are one kind: counties listed with their seats raise no conflict.
    mixed = sibling_levels([[0, 1, 2]], {0: PlaceLevel.TOWN, 1: PlaceLevel.DISTRICT, 2: PlaceLevel.TOWN})
    assert set(mixed.values()) == {PlaceLevel.TOWN}


def test_a_state_listed_among_states_stays_the_state_in_a_story_about_another_state(
    gazetteer: Gazetteer,
) -> None:
    tops = toponyms(TEXT, PHRASES)
    oregon = (tops[2].evidence.start, tops[2].evidence.end)
    place = Geocoder(gazetteer).resolve(tops, article_text=TEXT)[oregon].place
    assert place is not None and place.feature_code == "ADM1" and place.name == "Oregon"
    # Without the list term, the story's Wisconsin context wins: Oregon, Wisconsin, the town.
    town = Geocoder(gazetteer, Weights(list_kind=0.0)).resolve(tops, article_text=TEXT)[oregon].place
    assert town is not None and town.feature_class == "P" and town.admin1 == "Wisconsin"
