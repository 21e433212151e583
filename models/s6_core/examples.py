"""Training lines → tensors the core learns from (token targets, status and role pairs)."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

import torch

from models.s6_core.data import EventAnnotation, Line, SpanRef
from models.s6_core.features import States
from models.s6_core.labels import (
    ARGUMENT_LABELS,
    ENTITY_LABELS,
    ENTITY_TYPES,
    ROLE_LABELS,
    STATUS_LABELS,
    TRIGGER_LABELS,
    distance_bucket,
    kind_of,
)
from models.s6_core.names import invented_name
from models.schema import EVENT_TYPES

IGNORE = -100
_NAME_ROLES = ("participant", "visitor", "host", "inviter", "supplier", "recipient")


@dataclass
class RolePair:
    trigger: tuple[int, int]  # token range [a, b)
    candidate: tuple[int, int]
    between: tuple[int, int]
    distance: int  # bucket index
    event_type: int
    kind: int  # index in GAZETTEER_KINDS
    label: int


@dataclass
class Example:
    states: States
    entity_allowed: torch.Tensor  # bool [T, len(ENTITY_LABELS)]
    trigger_target: torch.Tensor  # int64 [T], IGNORE where unsupervised
    argument_target: torch.Tensor  # int64 [T], IGNORE where unsupervised
    statuses: list[tuple[tuple[int, int], int]] = field(default_factory=list)
    roles: list[RolePair] = field(default_factory=list)


def token_range(offsets: torch.Tensor, start: int, end: int) -> tuple[int, int] | None:
    """Positions whose characters overlap ``[start, end)``, as ``[a, b)``; None if none."""
    hit = ((offsets[:, 0] >= 0) & (offsets[:, 1] > start) & (offsets[:, 0] < end)).nonzero()
    if hit.numel() == 0:
        return None
    return int(hit[0]), int(hit[-1]) + 1


def words_between(text: str, a: tuple[int, int], b: tuple[int, int]) -> int:
    """Signed count of words from span ``a`` to span ``b`` (positive: b after a)."""
    if b[0] >= a[1]:
        return len(text[a[1] : b[0]].split())
    if a[0] >= b[1]:
        return -len(text[b[1] : a[0]].split())
    return 0


def _bio(
    offsets: torch.Tensor,
    spans: Sequence[tuple[int, int, str]],
    labels: list[str],
    allowed: torch.Tensor,
) -> None:
    """Mark B-/I- of each span's possible types as allowed (others not)."""
    index = {name: i for i, name in enumerate(labels)}
    for start, end, kinds in spans:
        rng = token_range(offsets, start, end)
        if rng is None:
            continue
        for pos in range(*rng):
            allowed[pos] = False
            for kind in kinds.split("|"):
                allowed[pos, index[f"{'B' if pos == rng[0] else 'I'}-{kind}"]] = True


def ner_example(states: States, spans: Sequence[tuple[int, int, str]]) -> Example:
    """A NER-corpus sentence: full entity supervision, no trigger supervision."""
    n = states.offsets.shape[0]
    allowed = torch.zeros(n, len(ENTITY_LABELS), dtype=torch.bool)
    allowed[:, 0] = True
    _bio(states.offsets, spans, ENTITY_LABELS, allowed)
    unsupervised = torch.full((n,), IGNORE, dtype=torch.int64)
    return Example(states, allowed, unsupervised, unsupervised.clone())


def _candidates(line: Line, extra: Sequence[tuple[int, int, str]]) -> list[tuple[int, int]]:
    spans = {(s.start, s.end) for e in line.events for _, s in e.roles}
    spans |= {(e.location.start, e.location.end) for e in line.events if e.location}
    for a, b, _ in extra:  # gazetteer mentions the annotation does not cover
        if not any(a < y and x < b for x, y in spans):
            spans.add((a, b))
    return sorted(spans)


def _argument_target(off: torch.Tensor, spans: Sequence[tuple[int, int]]) -> torch.Tensor:
    """B/I-ARG on the sentence's role and place spans, O on every other real position."""
    target = torch.where(off[:, 0] >= 0, 0, IGNORE).to(torch.int64)
    for start, end in spans:
        rng = token_range(off, start, end)
        if rng is not None:
            target[rng[0]] = ARGUMENT_LABELS.index("B-ARG")
            target[rng[0] + 1 : rng[1]] = ARGUMENT_LABELS.index("I-ARG")
    return target


def _junk(line: Line, spans: Sequence[tuple[int, int]], per_line: int = 4) -> list[tuple[int, int]]:
    """A few words that are no argument, so the role head learns to reject stray candidates
    (the argument tagger's near-misses); picked by a hash of the line id, so deterministic."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", line.text)]
    taken = [*spans, *((e.trigger.start, e.trigger.end) for e in line.events)]
    free = [w for w in words if not any(w[0] < b and a < w[1] for a, b in taken)]
    rng = random.Random(line.id)
    return sorted(rng.sample(free, min(per_line, len(free)))) if line.events else []


def _label(event: EventAnnotation, span: tuple[int, int]) -> int | None:
    for role, s in event.roles:
        if (s.start, s.end) == span:
            return ROLE_LABELS.index(role)
    if event.location and (event.location.start, event.location.end) == span:
        return ROLE_LABELS.index("place")
    touching = [s for _, s in event.roles] + ([event.location] if event.location else [])
    if any(s.start < span[1] and span[0] < s.end for s in touching):
        return None  # overlaps one of this event's spans without being it: ambiguous
    return 0


def event_example(line: Line, states: States, mentions: Sequence[tuple[int, int, str]]) -> Example:
    """An annotated line: role spans as entities of any type, every trigger, statuses, roles."""
    off = states.offsets
    n = off.shape[0]
    allowed = torch.ones(n, len(ENTITY_LABELS), dtype=torch.bool)  # unsupervised by default
    spans = {(s.start, s.end) for e in line.events for _, s in [*e.roles, ("", e.location)] if s}
    _bio(off, [(a, b, "|".join(ENTITY_TYPES)) for a, b in spans], ENTITY_LABELS, allowed)
    trig = torch.where(off[:, 0] >= 0, 0, IGNORE).to(torch.int64)
    args = _argument_target(off, sorted(spans)) if line.events else torch.full_like(trig, IGNORE)
    ex = Example(states, allowed, trig, args)
    cands = _candidates(line, mentions) + _junk(line, sorted(spans))
    for event in line.events:
        t_rng = token_range(off, event.trigger.start, event.trigger.end)
        if t_rng is None:
            continue
        for pos in range(*t_rng):
            trig[pos] = TRIGGER_LABELS.index(f"{'B' if pos == t_rng[0] else 'I'}-{event.type}")
        ex.statuses.append((t_rng, STATUS_LABELS.index(event.status)))  # type: ignore[arg-type]
        ex.roles += _role_pairs(line.text, off, event, t_rng, cands, mentions)
    return ex


def _role_pairs(
    text: str,
    off: torch.Tensor,
    event: EventAnnotation,
    t_rng: tuple[int, int],
    cands: list[tuple[int, int]],
    known: Sequence[tuple[int, int, str]],
) -> list[RolePair]:
    out = []
    trig_span = (event.trigger.start, event.trigger.end)
    for span in cands:
        label = _label(event, span)
        c_rng = token_range(off, *span)
        if label is None or c_rng is None or (c_rng[0] < t_rng[1] and t_rng[0] < c_rng[1]):
            continue
        out.append(
            RolePair(
                t_rng,
                c_rng,
                between_range(t_rng, c_rng),
                distance_bucket(words_between(text, trig_span, span)),
                EVENT_TYPES.index(event.type),
                kind_of(span, known),
                label,
            )
        )
    return out


def between_range(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int]:
    """The positions strictly between two ranges; ``a`` itself when they touch."""
    lo, hi = (a[1], b[0]) if a[0] < b[0] else (b[1], a[0])
    return (lo, hi) if hi > lo else a


def swap_names(
    line: Line, people: Sequence[tuple[int, int]], rng: random.Random, suffix: str = "~names"
) -> Line | None:
    """A copy of ``line`` with the role spans' people renamed (offsets shifted); None if none."""
    roles = [s for e in line.events for r, s in e.roles if r in _NAME_ROLES]
    targets = sorted({p for p in people if any(s.start <= p[0] and p[1] <= s.end for s in roles)})
    if not targets:
        return None
    arabic = line.lang == "ar"
    text, shift, moves = line.text, 0, []
    for a, b in targets:
        script = ("latin", "arabic")[arabic != (rng.random() < 0.15)]
        name = invented_name(rng, script)
        text = text[: a + shift] + name + text[b + shift :]
        moves.append((a, b, len(name) - (b - a)))
        shift += len(name) - (b - a)

    def move(pos: int) -> int:
        if any(a < pos < b for a, b, _ in moves):
            raise ValueError("a span cuts a renamed name")
        return pos + sum(delta for _, b, delta in moves if b <= pos)

    def span(s: SpanRef) -> SpanRef:
        start, end = move(s.start), move(s.end)
        return SpanRef(start, end, text[start:end])

    try:
        events = _moved(line.events, span)
    except ValueError:
        return None
    return replace(line, id=f"{line.id}{suffix}", text=text, events=events)


def _moved(
    events: Sequence[EventAnnotation], span: Callable[[SpanRef], SpanRef]
) -> tuple[EventAnnotation, ...]:
    """``events`` with every span mapped by ``span`` (into an edited copy of the text)."""
    return tuple(
        replace(
            e,
            trigger=span(e.trigger),
            roles=tuple((r, span(s)) for r, s in e.roles),
            location=span(e.location) if e.location else None,
            time=span(e.time) if e.time else None,
        )
        for e in events
    )


def beside(line: Line, other: Line, before: bool, suffix: str = "~context") -> Line:
    """``line`` with ``other``'s text (a negative line) put before or after it, offsets
    shifted: a longer sentence holding the same events."""
    joined = f"{other.text} {line.text}" if before else f"{line.text} {other.text}"
    by = len(other.text) + 1 if before else 0

    def span(s: SpanRef) -> SpanRef:
        return SpanRef(s.start + by, s.end + by, s.text)

    return replace(line, id=f"{line.id}{suffix}", text=joined, events=_moved(line.events, span))
