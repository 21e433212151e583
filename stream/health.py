"""Liveness and readiness of the worker, as plain data.

Kubernetes asks two different questions and acts differently on the answers:

* **live** — is this process still able to make progress? A "no" restarts
  the pod. The web server runs on the worker's event loop, so the probe being
  answered at all shows the loop is responsive (a loop blocked by model work
  makes the probe time out, which the kubelet counts as a failure). On top of
  that, the agent must have a running actor: Faust agents can die silently
  (faust-streaming #175, #523) while the process lives on, consuming nothing.
* **ready** — should this pod count as serving? Yes once the extractor is
  loaded and the consumer group gave us partitions. A "no" restarts nothing;
  it holds a rolling update until the new pod really consumes.

Assignment is tracked from Faust's ``on_partitions_assigned``/``revoked``
signals rather than ``app.consumer.assignment()``: the signals work before the
consumer has started (the web server starts first) and during rebalances.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import faust
from faust.types import TP, AgentT

from stream import metrics


@dataclass(frozen=True, slots=True)
class Check:
    """The answer to one probe: ``ok`` and the facts it was decided on."""

    ok: bool
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def status(self) -> int:
        """HTTP status for the probe: 200 or 503."""
        return 200 if self.ok else 503


class Health:
    """Tracks what the probes need from one Faust app and its agent."""

    def __init__(self, app: faust.App, agent: AgentT, topic: str, *, model_loaded: bool) -> None:
        self.app = app
        self.agent = agent
        self.topic = topic
        self.model_loaded = model_loaded
        self.assigned: set[TP] = set()
        # mode types receivers as positional-only `sender`; these are compatible at runtime.
        app.on_partitions_assigned.connect(self._on_assigned)  # type: ignore[arg-type]
        app.on_partitions_revoked.connect(self._on_revoked)  # type: ignore[arg-type]
        metrics.WORKER_READY.set_function(lambda: float(self.readiness().ok))

    def _on_assigned(self, sender: Any, assigned: set[TP], **kwargs: Any) -> None:
        # The signal carries the whole new assignment, not a delta, and it
        # includes Faust's own leader topic: only input partitions mean work.
        self.assigned = {tp for tp in assigned if tp.topic == self.topic}

    def _on_revoked(self, sender: Any, revoked: set[TP], **kwargs: Any) -> None:
        self.assigned -= set(revoked)

    def liveness(self) -> Check:
        """Live unless the agent has started and none of its actors is running."""
        actors = [_actor_state(actor) for actor in getattr(self.agent, "_actors", ())]
        started = bool(self.agent.started)
        # While stopping, actors end on purpose; a failing probe would only
        # make the kubelet kill a pod that is already shutting down cleanly.
        stopping = bool(self.app.should_stop or self.agent.should_stop)
        ok = not started or stopping or "running" in actors
        return Check(ok, {"agent_started": started, "stopping": stopping, "actors": actors})

    def readiness(self) -> Check:
        """Ready when the extractor is loaded and an input partition is assigned."""
        partitions = len(self.assigned)
        stopping = bool(self.app.should_stop)
        ok = self.model_loaded and partitions > 0 and not stopping
        detail = {"model_loaded": self.model_loaded, "partitions": partitions}
        return Check(ok, {**detail, "stopping": stopping})


def _actor_state(actor: Any) -> str:
    task = getattr(actor, "actor_task", None)
    if actor.crashed:
        return "crashed"
    if task is None:
        return "starting"
    return "finished" if task.done() else "running"
