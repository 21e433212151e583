"""Decoding the core's readings: which trigger a party belongs to."""

from __future__ import annotations

from models.s6_core.reader import RoleReading, TriggerReading, own_parties


def _trigger(
    text: str, word: str, roles: list[tuple[str, str]], kind: str = "MEETING"
) -> TriggerReading:
    start = text.index(word)
    found = tuple(RoleReading(text.index(w), text.index(w) + len(w), r, 0.9) for w, r in roles)
    return TriggerReading(start, start + len(word), kind, 0.95, "occurred", 0.9, found)  # type: ignore[arg-type]


TEXT = "Sisi met the emir Tamim in Cairo, then received Blinken."


def test_a_party_after_a_later_trigger_of_the_type_is_only_its() -> None:
    parties = [("Sisi", "participant"), ("Tamim", "participant"), ("Blinken", "participant")]
    first = _trigger(TEXT, "met", parties)
    second = _trigger(TEXT, "received", [("Sisi", "participant"), ("Blinken", "participant")])
    out = own_parties(TEXT, [first, second])
    assert [TEXT[r.start : r.end] for r in out[0].roles] == ["Sisi", "Tamim"]
    assert out[1] == second


def test_a_later_trigger_of_another_type_takes_nothing() -> None:
    first = _trigger(TEXT, "met", [("Tamim", "participant"), ("Blinken", "participant")])
    second = _trigger(TEXT, "received", [("Blinken", "visitor")], kind="VISIT")
    assert own_parties(TEXT, [first, second])[0] == first


def test_two_words_of_one_trigger_phrase_share_their_parties() -> None:
    text = "Dissanayake wrapped up a state visit to India."
    state = _trigger(text, "state", [("Dissanayake", "visitor"), ("India", "place")], "VISIT")
    visit = _trigger(text, "visit", [("Dissanayake", "visitor"), ("India", "place")], "VISIT")
    assert own_parties(text, [state, visit]) == [state, visit]


def test_a_counterpart_word_begins_a_second_party() -> None:
    from models.s1_document.normalize import fold
    from models.s6_core.reader import _split
    from models.s6_core.spans import Span

    words = frozenset(fold(w) for w in ("نظيره", "counterpart"))
    text = "استقبل قائد القوات البحرية المصرية نظيره اليوناني في مقر القيادة."
    span = Span(7, text.index(" في"), "ARG")
    egypt, greece = text.index("المصرية"), text.index("اليوناني")
    # two known adjectives: without the word, the span becomes them
    known = [(egypt, egypt + 7, "GPE"), (greece, greece + 8, "GPE")]
    assert _split(text, [span], known) == [(egypt, egypt + 7), (greece, greece + 8)]
    pieces = [text[a:b] for a, b in _split(text, [span], known, words)]
    assert pieces == ["قائد القوات البحرية المصرية", "نظيره اليوناني"]
    # "and his counterpart", and a span that opens with the word stays whole
    text = "التقى الوزير ونظيره في عمان"
    assert [text[a:b] for a, b in _split(text, [Span(6, 19, "ARG")], [], words)] == [
        "الوزير",
        "ونظيره",
    ]
    assert _split(text, [Span(13, 19, "ARG")], [], words) == [(13, 19)]


def test_a_known_place_read_as_a_second_visitor_is_the_place() -> None:
    import torch

    from models.s6_core.reader import _place_among_visitors

    # columns: none, visitor, host, inviter, place. "يفكر رئيس وزراء فيجي في زيارة ويلينغتون"
    probs = torch.tensor([[0.0, 0.99, 0.0, 0.0, 0.01], [0.0, 0.91, 0.0, 0.0, 0.09]])
    assert _place_among_visitors(probs, [1, 1], [False, True]) == 1
    # of two known places, the one likelier as a place relative to visitor
    assert _place_among_visitors(probs, [1, 1], [True, True]) == 1
    # no known place, one visitor, or a place already read: nothing moves
    assert _place_among_visitors(probs, [1, 1], [False, False]) is None
    assert _place_among_visitors(probs, [1, 0], [False, True]) is None
    assert _place_among_visitors(probs, [1, 1, 4], [False, True, True]) is None


def test_a_cutoff_wins_only_by_a_clear_gain(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from models.s6_core import evaluate as ev

    # mean F1 per cutoff pair: 0.85 beats the default 0.5 clearly; a role cutoff of 0.65
    # is better by 0.0005 only, which is no reason to move
    quality = {(0.5, 0.5): 0.540, (0.85, 0.5): 0.5955, (0.85, 0.65): 0.5960}

    def fake(net, lines, states, c):  # type: ignore[no-untyped-def]
        f1 = quality.get((c.trigger, c.role), 0.3)
        return {"ar": {"trigger": {"f1": f1}, "role": {"f1": f1}}}

    monkeypatch.setattr(ev, "evaluate", fake)
    best, _ = ev.tune_cutoffs(None, [], [], lambda _: None)  # type: ignore[arg-type]
    assert (best.trigger, best.role) == (0.85, 0.5)
    quality[(0.85, 0.65)] = 0.5975
    best, _ = ev.tune_cutoffs(None, [], [], lambda _: None)  # type: ignore[arg-type]
    assert (best.trigger, best.role) == (0.85, 0.65)
