"""The README stays true to the code: every setting and command is documented."""

from __future__ import annotations

from pathlib import Path

from stream.cli import app
from stream.settings import Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_in_the_configuration_table() -> None:
    missing = [
        f"EVENTWIRE_{name.upper()}"
        for name in Settings.model_fields
        if f"`EVENTWIRE_{name.upper()}`" not in README
    ]
    assert not missing, f"README lacks {missing}"


def test_every_cli_command_is_documented() -> None:
    names = [c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands]
    missing = [n for n in names if f"`{n}" not in README]
    assert not missing, f"README lacks {missing}"
