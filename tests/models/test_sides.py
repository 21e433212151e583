"""An arms transfer's two sides: decoding when the role head reads all parties on one."""

from __future__ import annotations

import torch

from models.s6_core.sides import (
    RECIPIENT,
    SUPPLIER,
    both_sides,
    marked_other_side,
    marked_swap,
    side_marked,
)


def _probs(*rows: tuple[float, float, float, float]) -> torch.Tensor:
    return torch.tensor(rows)


def test_two_suppliers_make_the_likelier_recipient_one() -> None:
    probs = _probs((0.0, 0.9, 0.1, 0.0), (0.0, 0.6, 0.4, 0.0))
    assert both_sides(probs, [1, 1], [0, 0], 0.5) == (1, RECIPIENT)


def test_two_recipients_make_one_a_supplier() -> None:
    probs = _probs((0.0, 0.08, 0.92, 0.0), (0.0, 0.47, 0.53, 0.0))
    assert both_sides(probs, [2, 2], [0, 0], 0.5) == (1, SUPPLIER)


def test_a_preposition_outweighs_the_ratio() -> None:
    # "تعتزم إيطاليا بيع فرقاطتين للبحرية المصرية": the head leans the wrong way, "لل" decides
    probs = _probs((0.0, 0.82, 0.18, 0.0), (0.0, 0.95, 0.03, 0.0))
    assert both_sides(probs, [1, 1], [0, RECIPIENT], 0.5) == (1, RECIPIENT)


def test_a_party_marked_for_its_side_stays() -> None:
    # "... تسلّمت أسلحة من إيران": Iran is marked as the source, so the other party moves
    probs = _probs((0.0, 0.88, 0.12, 0.0), (0.0, 0.78, 0.22, 0.0))
    assert both_sides(probs, [1, 1], [0, SUPPLIER], 0.5) == (0, RECIPIENT)


def test_both_sides_read_or_one_party_change_nothing() -> None:
    assert both_sides(_probs((0, 0.9, 0.1, 0), (0, 0.2, 0.8, 0)), [1, 2], [0, 0], 0.5) is None
    assert both_sides(_probs((0, 0.9, 0.1, 0), (0.9, 0.05, 0.05, 0)), [1, 0], [0, 0], 0.5) is None
    # a second supplier under the role cutoff is no party
    assert both_sides(_probs((0, 0.9, 0.1, 0), (0.1, 0.45, 0.4, 0)), [1, 1], [0, 0], 0.5) is None


def test_all_parties_marked_for_their_side_change_nothing() -> None:
    probs = _probs((0.0, 0.9, 0.1, 0.0), (0.0, 0.8, 0.2, 0.0))
    assert both_sides(probs, [1, 1], [SUPPLIER, SUPPLIER], 0.5) is None


def test_prepositions_mark_sides() -> None:
    text = "Venezuela received jets from Russia and sent them to the navy"
    assert side_marked(text, (text.index("Russia"), text.index("Russia") + 6), []) == SUPPLIER
    assert side_marked(text, (text.index("the navy"), len(text)), []) == RECIPIENT
    assert side_marked(text, (0, 9), []) == 0


def test_a_glued_arabic_to() -> None:
    text = "باعت كوريا الشمالية قذائف لروسيا وللبحرية"
    russia = text.index("لروسيا")
    # "لروسيا": to Russia, the gazetteer's "روسيا" one letter in
    assert side_marked(text, (russia, russia + 6), [(russia + 1, russia + 6, "GPE")]) == RECIPIENT
    navy = text.index("للبحرية")
    assert side_marked(text, (navy, navy + 7), []) == RECIPIENT
    # "لبنان" (Lebanon) starts with the letter but is one name
    assert side_marked("زار لبنان", (4, 9), [(4, 9, "GPE")]) == 0


def test_an_unmarked_party_unlikely_on_the_other_side_stays() -> None:
    # "the army and the resistance in Taiz received weapons": no supplier is named
    probs = _probs((0.0, 0.1, 0.9, 0.0), (0.0, 0.2, 0.8, 0.0))
    assert both_sides(probs, [2, 2], [0, 0], 0.5) is None
    assert both_sides(probs, [2, 2], [0, SUPPLIER], 0.5) == (1, SUPPLIER)


def test_a_preposition_against_the_reading_swaps_the_sides() -> None:
    # "Eritrea did not receive any weapons from Russia" read with Russia as the recipient
    assert marked_swap([SUPPLIER, RECIPIENT], [0, SUPPLIER])
    assert marked_swap([RECIPIENT, 0, SUPPLIER], [SUPPLIER, 0, 0])


def test_a_reading_the_prepositions_agree_with_stays() -> None:
    assert not marked_swap([SUPPLIER, RECIPIENT], [0, RECIPIENT])
    assert not marked_swap([SUPPLIER, RECIPIENT], [0, 0])
    # marks on both sides that contradict each other: the head's reading stands
    assert not marked_swap([SUPPLIER, RECIPIENT], [SUPPLIER, SUPPLIER])
    # two suppliers or no recipient: nothing to trade
    assert not marked_swap([SUPPLIER, SUPPLIER], [RECIPIENT, 0])
    assert not marked_swap([SUPPLIER, 0], [RECIPIENT, 0])


def test_a_glued_arabic_letter_can_be_left_unread() -> None:
    # "ظل لروسيا دور" (Russia kept a role): a glued "ل" is not only "to"
    text = "ظل لروسيا دور في صفقات السلاح"
    russia = text.index("لروسيا")
    known = [(russia + 1, russia + 6, "GPE")]
    assert side_marked(text, (russia, russia + 6), known) == RECIPIENT
    assert side_marked(text, (russia, russia + 6), known, glued=False) == 0


def test_a_marked_party_completes_a_one_sided_transfer() -> None:
    # "The rebels got mortar rounds from Rwanda": only the rebels read, Rwanda at 0.23
    probs = _probs((0.1, 0.02, 0.88, 0.0), (0.7, 0.23, 0.07, 0.0))
    assert marked_other_side(probs, [RECIPIENT, 0], [0, SUPPLIER], 0.1) == (1, SUPPLIER)


def test_an_unmarked_or_unlikely_party_completes_nothing() -> None:
    probs = _probs((0.1, 0.02, 0.88, 0.0), (0.7, 0.23, 0.07, 0.0))
    assert marked_other_side(probs, [RECIPIENT, 0], [0, 0], 0.1) is None
    assert marked_other_side(probs, [RECIPIENT, 0], [0, SUPPLIER], 0.3) is None
    # a party marked for the side already read adds nothing
    assert marked_other_side(probs, [RECIPIENT, 0], [0, RECIPIENT], 0.1) is None
    # both sides read, or neither: nothing is missing or nothing to complete
    assert marked_other_side(probs, [RECIPIENT, SUPPLIER], [0, SUPPLIER], 0.1) is None
    assert marked_other_side(probs, [0, 0], [0, SUPPLIER], 0.1) is None
