"""Static checks of deploy/Dockerfile (no Docker engine here to build it).

What a build would catch early: a COPY of a missing or .dockerignored path, an
entrypoint that is not the installed console script, a user that does not
match the chart's runAsUser.
"""

from __future__ import annotations

import fnmatch
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from tests.deploy.helpers import CHART, ROOT

DOCKERFILE = ROOT / "deploy" / "Dockerfile"


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    lines = [ln for ln in DOCKERFILE.read_text().splitlines() if not ln.lstrip().startswith("#")]
    joined = re.sub(r"\\\n", " ", "\n".join(lines))
    return [
        (m.group(1).upper(), m.group(2).strip())
        for m in re.finditer(r"^\s*([A-Za-z]+)\s+(.*)$", joined, flags=re.MULTILINE)
    ]


def context_copies() -> list[str]:
    """Sources of COPY instructions that read the build context (not --from=stage)."""
    sources: list[str] = []
    for name, args in instructions():
        if name != "COPY" or "--from=" in args:
            continue
        words = [w for w in args.split() if not w.startswith("--")]
        sources += words[:-1]
    return sources


def dockerignored(path: str) -> bool:
    """Whether .dockerignore (last matching rule wins, `!` re-includes) drops ``path``."""
    ignored = False
    for rule in (ROOT / ".dockerignore").read_text().splitlines():
        rule = rule.strip()
        if not rule or rule.startswith("#"):
            continue
        negate = rule.startswith("!")
        pattern = rule.lstrip("!").rstrip("/")
        if fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(path.split("/")[0], pattern):
            ignored = not negate
    return ignored


def test_every_copy_source_exists_and_is_in_the_context() -> None:
    sources = context_copies()
    assert {"pyproject.toml", "stream", "models"} <= set(sources)
    for source in sources:
        assert (ROOT / source).exists(), f"COPY {source}: no such path in the repository"
        assert not dockerignored(source), f"COPY {source}: excluded by .dockerignore"


def test_context_excludes_local_state() -> None:
    for path in (".venv", ".git", ".tools", "tests", ".cache"):
        assert dockerignored(path), path


def test_entrypoint_is_the_console_script() -> None:
    found = dict(instructions())
    assert found["ENTRYPOINT"] == '["eventwire"]'
    assert found["CMD"] == '["run"]'
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert "eventwire" in scripts


def test_runtime_user_and_port_match_the_chart() -> None:
    values = yaml.safe_load((CHART / "values.yaml").read_text())
    found = instructions()
    users = [args for name, args in found if name == "USER"]
    uid = values["containerSecurityContext"]["runAsUser"]
    assert users and users[-1].split(":")[0] == str(uid) == "10001"
    assert ("EXPOSE", str(values["containerPorts"]["http"])) in found
    assert ("EXPOSE", str(values["view"]["containerPort"])) in found
    env = " ".join(args for name, args in found if name == "ENV")
    assert "EVENTWIRE_WEB_HOST=0.0.0.0" in env
    assert f"EVENTWIRE_CACHE_DIR={values['config']['cacheDir']}" in env
    assert any(name == "LABEL" and "org.opencontainers.image.source" in a for name, a in found)


def test_python_base_and_torch_pin_match_the_project() -> None:
    text = DOCKERFILE.read_text()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert "python:3.11-slim" in text and project["requires-python"] == ">=3.11,<3.12"
    torch_pin = next(d for d in project["dependencies"] if d.startswith("torch=="))
    assert f"pip install --index-url https://download.pytorch.org/whl/cpu {torch_pin}" in text


@pytest.mark.slow
@pytest.mark.parametrize("command", ["run", "prepare-model", "view"])
def test_image_commands_exist_in_the_cli(command: str) -> None:
    # CMD runs `eventwire run`; the build runs `eventwire prepare-model`; the chart's
    # optional live view runs `eventwire view`.
    cli = Path(sys.executable).parent / "eventwire"
    done = subprocess.run(
        [str(cli), command, "--help"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
