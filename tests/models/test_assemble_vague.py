"""A meeting with an unnamed group folds into the named meeting of the same person."""

from __future__ import annotations

from models.mentions import Mention
from models.s7_assemble.candidate import Candidate
from models.s7_assemble.vague import fold_vague, vague


def _person(text: str, key: str | None = None) -> Mention:
    return Mention(0, len(text), text, "PERSON", key or f"PERSON:~{text}")


def _meeting(status: str, *parties: Mention) -> Candidate:
    return Candidate("MEETING", status, actors=[("participant", m) for m in parties])  # type: ignore[arg-type]


def test_an_unnamed_group_is_vague_and_a_name_is_not() -> None:
    assert vague(_person("مسؤولين عراقيين"))
    assert vague(_person("وقادة الجيش"))
    assert vague(_person("جنودا أمريكيين"))
    assert not vague(_person("حيدر العبادي"))
    assert not vague(_person("وزراء الخارجية الخليجيون"))  # ministers are a party
    assert not vague(_person("Iraqi officials"))  # English spans are left as read
    known = Mention(0, 5, "القادة", "PERSON", "PERSON:Leaders", "Leaders")
    assert not vague(known)


def test_the_vague_meeting_of_a_person_with_a_named_one_is_dropped() -> None:
    # "يلتقي مسؤولين عراقيين" (occurred) and "من المقرر أن يلتقي كارتر العبادي" (planned)
    vague_one = _meeting("occurred", _person("آشتون كارتر"), _person("مسؤولين عراقيين"))
    named = _meeting("planned", _person("كارتر"), _person("حيدر العبادي"))
    assert fold_vague([vague_one, named]) == [named]


def test_a_vague_meeting_alone_stays() -> None:
    # "talks with Saudi officials" may be all the article tells
    vague_one = _meeting("planned", _person("موغيريني"), _person("المسؤولين في المملكة"))
    other = _meeting("occurred", _person("عادل الجبير"), _person("جون كيري"))
    assert fold_vague([vague_one, other]) == [vague_one, other]


def test_a_named_meeting_is_never_folded() -> None:
    one = _meeting("occurred", _person("كارتر"), _person("حيدر العبادي"))
    two = _meeting("occurred", _person("كارتر"), _person("حيدر العبادي"), _person("خالد العبيدي"))
    assert fold_vague([one, two]) == [one, two]
