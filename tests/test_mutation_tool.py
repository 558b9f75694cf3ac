"""scripts/devtools/mutation.py is a maintainer's command, not part of the test run:
here only that it exists, answers --help, and covers the modules it promises."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_mutation_command_answers_help():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "devtools" / "mutation.py"), "--help"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "--threshold" in result.stdout and "tests/core" in result.stdout
    for module in ("format.py", "status.py", "data.py", "citations.py", "source.py", "calls.py", "review.py"):
        assert module in result.stdout, module


def test_mutmut_is_locked_for_it():
    assert any(line.startswith("mutmut==") for line in (ROOT / "requirements-dev.txt").read_text(encoding="utf-8").splitlines())
