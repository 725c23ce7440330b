"""The round-8 (mix2) readings of a note's main event after its violence and the state's force have
been coded (used by :func:`eventscope.evaluate.acled_notes.code_note`): a demonstration attacked by
others (:mod:`acled_mix2_attacked_demo`), a grenade thrown into a gathering
(:mod:`acled_mix2_readings`), harm at a rally to people who were not demonstrating
(:mod:`acled_mix2_outsiders`), an attack that hit the state's forces (:mod:`acled_mix2_forces_hit`)."""

from __future__ import annotations

from eventscope.evaluate.acled_mix2_attacked_demo import attacked_demonstrators
from eventscope.evaluate.acled_mix2_forces_hit import attack_on_forces
from eventscope.evaluate.acled_mix2_outsiders import outsider_harmed
from eventscope.evaluate.acled_mix2_readings import grenade_thrown
from eventscope.models import Mention


def mix2_verdict(main: Mention, text: str) -> Mention:
    """``main`` read again by the round-8 (mix2) rules, in this order: attacked demonstrators, a
    grenade thrown into a gathering, an outsider harmed at a rally, the state's forces hit."""
    main = outsider_harmed(grenade_thrown(attacked_demonstrators(main, text), text), text)
    return attack_on_forces(main, text)
