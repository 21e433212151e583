"""Security: secrets never logged, no unsafe loaders, input text never followed."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from models.factory import build_extractor
from models.schema import Article
from stream.broker import free_port
from stream.errors import ExitCode
from stream.settings import Settings
from tests.faults.harness import STAND_IN

ROOT = Path(__file__).resolve().parents[2]
SECRET = "pa55-w0rd-NEVER-LOG-ME"


def run_worker(env: dict[str, str], timeout_s: float = 60) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("EVENTWIRE_")}
    return subprocess.run(
        [sys.executable, "-m", "stream", "run"], env=base | env | {"COLUMNS": "200"},
        capture_output=True, text=True, timeout=timeout_s, check=False,
    )  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize("from_file", [True, False], ids=["password_file", "password_env"])
def test_sasl_password_never_logged(tmp_path: Path, from_file: bool) -> None:
    secret_file = tmp_path / "password"
    secret_file.write_text(SECRET + "\n")
    env = {
        # Nothing listens there: the worker retries, logs every attempt at
        # DEBUG, then gives up, printing its error: all of it must be clean.
        "EVENTWIRE_KAFKA_BOOTSTRAP_SERVERS": f"127.0.0.1:{free_port()}",
        "EVENTWIRE_KAFKA_SECURITY_PROTOCOL": "SASL_PLAINTEXT",
        "EVENTWIRE_KAFKA_SASL_MECHANISM": "SCRAM-SHA-512",
        "EVENTWIRE_KAFKA_SASL_USERNAME": "svc-eventwire",
        "EVENTWIRE_LOG_LEVEL": "DEBUG",
        "EVENTWIRE_BROKER_WAIT_S": "2",
        "EVENTWIRE_WEB_ENABLED": "false",
        "EVENTWIRE_EXTRACTOR_FACTORY": STAND_IN,
    }
    if from_file:
        env["EVENTWIRE_KAFKA_SASL_PASSWORD_FILE"] = str(secret_file)
    else:
        env["EVENTWIRE_KAFKA_SASL_PASSWORD"] = SECRET
    done = run_worker(env)
    output = done.stdout + done.stderr
    assert done.returncode == ExitCode.BROKER_UNAVAILABLE, output[-2000:]
    assert "unreachable" in output
    assert SECRET not in output


def test_password_file_is_read_and_masked(tmp_path: Path) -> None:
    path = tmp_path / "pw"
    path.write_text(SECRET + "\n")
    settings = Settings(kafka_sasl_password_file=path)
    assert settings.kafka_sasl_password is not None
    assert settings.kafka_sasl_password.get_secret_value() == SECRET
    assert SECRET not in repr(settings) and SECRET not in str(settings.model_dump())


def test_unreadable_password_file_names_the_file_only(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="kafka_sasl_password_file") as caught:
        Settings(kafka_sasl_password_file=tmp_path / "missing")
    assert SECRET not in str(caught.value)


def test_invalid_settings_error_does_not_echo_the_password() -> None:
    done = run_worker({
        "EVENTWIRE_KAFKA_SECURITY_PROTOCOL": "SASL_SSL",  # no user name: invalid
        "EVENTWIRE_KAFKA_SASL_PASSWORD": SECRET,
    })  # fmt: skip
    assert done.returncode == 1 and "SASL" in done.stderr
    assert SECRET not in done.stdout + done.stderr


# --- unsafe loaders -------------------------------------------------------------

BANNED_MODULES = {"pickle", "cPickle", "dill", "joblib", "shelve", "marshal"}
BANNED_CALLS = {("torch", "load"), ("yaml", "load"), ("yaml", "unsafe_load")}


def _violations(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[str] = []
    for node in ast.walk(tree):
        where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
            if any(n.split(".")[0] in BANNED_MODULES for n in names):
                found.append(f"{where} imports a pickle-like module")
        if isinstance(node, ast.Call):
            found.extend(f"{where} {what}" for what in _bad_call(node))
    return found


def _bad_call(node: ast.Call) -> list[str]:
    func: Any = node.func
    if isinstance(func, ast.Name) and func.id in {"eval", "exec", "__import__"}:
        return [f"calls {func.id}()"]
    attribute = isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
    if attribute and (func.value.id, func.attr) in BANNED_CALLS:
        return [f"calls {func.value.id}.{func.attr}()"]
    if any(k.arg == "allow_pickle" and getattr(k.value, "value", False) for k in node.keywords):
        return ["passes allow_pickle=True"]
    return []


def test_no_pickle_eval_or_unsafe_loaders_in_models_and_stream() -> None:
    files = [p for d in ("models", "stream") for p in (ROOT / d).rglob("*.py")]
    assert len(files) > 20
    violations = [v for path in files for v in _violations(path)]
    assert not violations, violations


def test_model_files_are_safetensors_or_data_only() -> None:
    shipped = [
        p for p in (ROOT / "models").rglob("*") if p.is_file() and "__pycache__" not in p.parts
    ]
    risky = [
        p for p in shipped if p.suffix in {".pkl", ".pickle", ".pt", ".pth", ".bin", ".joblib"}
    ]
    assert not risky, risky


# --- input text is data ---------------------------------------------------------


def test_paths_and_urls_in_articles_are_never_followed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("Putin met Xi in Moscow.")
    port = free_port()
    text = (
        f"See {secret} and file://{secret} or http://127.0.0.1:{port}/x — "
        "{{7*7}} ${jndi:ldap://127.0.0.1/a} __import__('os').system('true'). "
        "Modi met Kishida in Tokyo."
    )
    touched: list[str] = []

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if watching and event in {"open", "socket.connect", "subprocess.Popen", "os.system"}:
            touched.append(f"{event} {args[:2]!r}")

    watching = False
    sys.addaudithook(hook)  # cannot be removed; it is inert once `watching` is False
    extractor = build_extractor("lexicon", model_source=None, cache_dir=Path("."), threads=1)
    extractor.extract_batch([Article(id="warm", text="warm up")])  # lazy loads happen here
    article = Article(id="p", text=text, url=f"http://127.0.0.1:{port}/article", source=str(secret))
    watching = True
    try:
        events = extractor.extract_batch([article])[0]
    finally:
        watching = False
    assert not [t for t in touched if "secret" in t or "socket" in t or "system" in t], touched
    assert all("49" not in e.model_dump_json() for e in events)  # no template was rendered
