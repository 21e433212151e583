"""Every error code and message of the streaming layer, in one place.

Dead-letter reason codes are a public contract (consumers of the dead-letter
topic switch on them), so they live here as constants next to their message
templates, the way spaCy keeps ``errors.py``: one grep finds every use.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum


class Reason(StrEnum):
    """Why an input message was dead-lettered (the ``reason`` field)."""

    TOO_LARGE = "too_large"
    INVALID_UTF8 = "invalid_utf8"
    NOT_JSON = "not_json"
    NOT_OBJECT = "not_object"
    MISSING_FIELD = "missing_field"
    EMPTY_FIELD = "empty_field"
    WRONG_TYPE = "wrong_type"
    BAD_PUBLISHED_AT = "bad_published_at"
    INVALID = "invalid"
    EXTRACTION_FAILED = "extraction_failed"
    EXTRACTION_TIMEOUT = "extraction_timeout"
    OUTPUT_REJECTED = "output_rejected"
    INVALID_EVENT = "invalid_event"


# Human messages, formatted with ``str.format``; keep one per reason.
MESSAGES: dict[Reason, str] = {
    Reason.TOO_LARGE: "{what} is {size} {unit}, over the limit of {limit}",
    Reason.INVALID_UTF8: "message is not valid UTF-8: {detail}",
    Reason.NOT_JSON: "message is not JSON: {detail}",
    Reason.NOT_OBJECT: "message is JSON {kind}, not an object",
    Reason.MISSING_FIELD: "required field {field!r} is missing",
    Reason.EMPTY_FIELD: "field {field!r} is empty or blank",
    Reason.WRONG_TYPE: "field {field!r} must be {expected}, got {got}",
    Reason.BAD_PUBLISHED_AT: (
        "field 'published_at' is not a date this service reads: {value!r}; accepted: {forms}"
    ),
    Reason.INVALID: "article failed validation: {detail}",
    Reason.EXTRACTION_FAILED: "extractor raised {error}: {detail}",
    Reason.EXTRACTION_TIMEOUT: "extraction would exceed its time budget: {detail}",
    Reason.OUTPUT_REJECTED: "the {topic} topic rejected an output record: {detail}",
    Reason.INVALID_EVENT: "a record on the {topic} topic is not an event: {detail}",
}


class ExitCode(IntEnum):
    """Process exit codes of ``eventwire run``: each failure mode has its own,
    so an orchestrator's restart counter and the logs tell them apart."""

    OK = 0
    BROKER_UNAVAILABLE = 69  # EX_UNAVAILABLE: broker not reachable within broker_wait_s
    PRODUCE_FAILED = 70  # a batch's outputs were not confirmed: exit before committing
    AGENT_CRASHED = 71  # the agent died outside per-article handling
    SHUTDOWN_TIMEOUT = 72  # graceful shutdown took longer than shutdown_grace_s
    EXTRACTION_STUCK = 73  # the extractor thread overran its hard deadline


def message(reason: Reason, **fields: object) -> str:
    """The human message for ``reason``, with its placeholders filled in."""
    return MESSAGES[reason].format(**fields)


class EventwireError(Exception):
    """An infrastructure or usage error: shown as one red line by the CLI."""


class BrokerError(EventwireError):
    """The broker could not be started, reached or used."""


class ExtractorUnavailable(EventwireError):
    """The configured extractor cannot be built (missing package or model)."""


class InputFileError(EventwireError):
    """An input file for ``publish`` or ``extract`` cannot be read."""
