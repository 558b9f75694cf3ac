"""Errors in the content reach MkDocs' own commands as one line naming the file and
line, not as a traceback: `mkdocs build` and `mkdocs serve` are what writers run."""
from __future__ import annotations

import os
import subprocess
import sys


def test_mkdocs_build_prints_an_unknown_fact_as_one_line(project_copy):
    page = project_copy / "docs" / "hardware.en.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lineno = next(i for i, line in enumerate(lines, 1) if 'fact("' in line)
    lines[lineno - 1] = lines[lineno - 1].replace('fact("', 'fact("no_such.', 1)
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")

    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(project_copy / "out")],
                            cwd=project_copy, capture_output=True, text=True,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    output = result.stdout + result.stderr

    assert result.returncode != 0
    # The unknown fact is said once, on its own line (the parity guard may add a
    # line of its own: the two editions now name different facts).
    mentions = [line for line in output.splitlines() if "unknown fact `no_such." in line]
    assert len(mentions) == 1, output
    assert f"docs/hardware.en.md:{lineno}: unknown fact `no_such." in mentions[0], output
    assert "hardware.en.md" not in mentions[0].split("docs/hardware.en.md", 1)[0], f"doubled prefix: {mentions[0]}"
    assert "Traceback" not in output and "Error reading page" not in output, output
