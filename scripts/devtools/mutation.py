"""Mutation testing of the rules that decide what a reader is told, with their fast unit tests.

    python scripts/devtools/mutation.py [--max-children N] [--keep] [--threshold 90]

Runs mutmut (PyPI, locked in requirements-dev.txt) over the modules in TARGETS,
against tests/core/ only (no build, no browser: each test run takes well under a
second). It works in a scratch copy of scripts/explainer, data/, docs/,
mkdocs.yml and tests/core, so the work tree is never touched. It prints

    killed K of N (P%)

and every surviving mutant as `file:line: the change`, and exits 1 when fewer
than 90% are killed (2 when mutmut itself fails). A maintainer's command, not
part of the test run; about 3 to 6 minutes on two cores.
"""
from __future__ import annotations

import argparse
import fnmatch
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
THRESHOLD = 90.0

# What is mutated: module → the functions (mutmut's names: `x_name` for a function,
# `xǁClassǁname` for a method), as fnmatch patterns. data.py is limited to the
# weak-source rule; the rest of its loader is schema plumbing, tested through the build.
TARGETS = {
    "format.py": ["*"],                      # numbers and dates in each language
    "status.py": ["*"],                      # the status words and labels
    "data.py": ["x_is_weak", "x_weak_only", "x__weak_words", "xǁFactǁconfirmed"],   # the weak-source rule
    "citations.py": ["*"],                   # the citation and label rules
    "source.py": ["*"],                      # page-call parsing
    "calls.py": ["*"],                       # parse_day, call_date, the CALLS table's checks
    "review.py": ["*"],                      # review dates and their statements
}
TESTS = "tests/core"
KILLED = {"killed", "timeout"}               # as mutmut counts them: a mutant that hangs the tests is caught


def scratch_copy(dest: Path) -> None:
    """The modules, their data and the fast tests, laid out as mutmut expects (src/)."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "scripts" / "explainer", dest / "src" / "explainer", ignore=ignore)
    for name in ("data", "docs"):
        shutil.copytree(ROOT / name, dest / name, ignore=ignore)
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / TESTS, dest / TESTS, ignore=ignore)
    shutil.copy2(ROOT / "tests" / "figures.py", dest / "tests" / "figures.py")
    (dest / "pytest.ini").write_text("[pytest]\npythonpath = src tests\n", encoding="utf-8")
    only = "\n".join(f"    src/explainer/{module}" for module in TARGETS)
    (dest / "setup.cfg").write_text(
        "[mutmut]\nsource_paths = src\n"
        f"only_mutate =\n{only}\n"
        "also_copy =\n    mkdocs.yml\n    data\n    docs\n    pytest.ini\n"
        f"pytest_add_cli_args_test_selection = {TESTS}\n"
        "pytest_add_cli_args = -p no:cacheprovider\n", encoding="utf-8")


def selected(key: str) -> bool:
    """explainer.format.x_render__mutmut_3 → is `x_render` of format.py a target?"""
    module, _, rest = key.removeprefix("explainer.").partition(".")
    function = rest.rsplit("__mutmut_", 1)[0]
    return any(fnmatch.fnmatchcase(function, pattern) for pattern in TARGETS.get(f"{module}.py", []))


def function_name(key: str) -> str:
    """`x_render` → `render`; `xǁFactǁconfirmed` → `confirmed`."""
    name = key.rsplit(".", 1)[-1].rsplit("__mutmut_", 1)[0]
    return name.split("ǁ")[-1] if "ǁ" in name else name.removeprefix("x_")


def describe(key: str, diff: str) -> str:
    """`scripts/explainer/format.py:36: old → new` from mutmut's diff of one function."""
    module = key.removeprefix("explainer.").split(".", 1)[0]
    path = ROOT / "scripts" / "explainer" / f"{module}.py"
    lines = path.read_text(encoding="utf-8").splitlines()
    removed = [line[1:] for line in diff.splitlines() if line.startswith("-") and not line.startswith("---")]
    added = [line[1:] for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")]
    name = function_name(key)
    start = next((i for i, line in enumerate(lines) if re.match(rf"\s*(async\s+)?def {re.escape(name)}\(", line)), 0)
    where = start + 1
    if removed:
        where = next((i + 1 for i in range(start, len(lines)) if lines[i].rstrip() == removed[0].rstrip()), where)
    old = " / ".join(line.strip() for line in removed) or "(nothing)"
    new = " / ".join(line.strip() for line in added) or "(removed)"
    return f"{path.relative_to(ROOT)}:{where}: {old}  →  {new}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="Modules: " + ", ".join(TARGETS) + f"; tests: {TESTS}.")
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 2, help="parallel test processes (default: the CPU count)")
    parser.add_argument("--threshold", type=float, default=THRESHOLD, help="the share of mutants to kill, in %% (default: %(default)s)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder and print its path (mutmut browse works there)")
    args = parser.parse_args(argv)

    try:
        from mutmut.stats import status_by_exit_code
    except ImportError:
        print("mutmut is not installed: pip install --require-hashes -r requirements-dev.txt", file=sys.stderr)
        return 2

    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="mutation-"))
    try:
        scratch_copy(work)
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
        # Matched by mutmut against mutant names (…x_render__mutmut_3) and the functions tests reach (…x_render).
        patterns = [f"explainer.{module.removesuffix('.py')}.{function.rstrip('*')}*"
                    for module, functions in TARGETS.items() for function in functions]
        run = subprocess.run([sys.executable, "-m", "mutmut", "run", "--max-children", str(args.max_children), *patterns],
                             cwd=work, env=env, capture_output=True, text=True)
        log = re.sub(r"[^\n]*\r", "", run.stdout + run.stderr)        # drop the spinner's redrawn lines
        results: dict[str, str] = {}
        for meta in (work / "mutants" / "src" / "explainer").glob("*.py.meta"):
            for key, code in json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"].items():
                if selected(key):
                    results[key] = "not checked" if code is None else status_by_exit_code.get(code, f"exit code {code}")
        if run.returncode != 0 or not results:
            print(log[-4000:], file=sys.stderr)
            print(f"mutmut failed (exit code {run.returncode}); scratch copy in {work}", file=sys.stderr)
            args.keep = True
            return 2
        survivors = sorted(key for key, status in results.items() if status not in KILLED)
        killed = len(results) - len(survivors)
        share = 100 * killed / len(results)
        for key in survivors:
            show = subprocess.run([sys.executable, "-m", "mutmut", "show", key], cwd=work, env=env, capture_output=True, text=True)
            print(f"{describe(key, show.stdout)}  [{results[key]}: {key.split('.', 1)[1]}]")
        by_module: dict[str, list[int]] = {}
        for key, status in results.items():
            counts = by_module.setdefault(key.split(".")[1] + ".py", [0, 0])
            counts[0] += status in KILLED
            counts[1] += 1
        print("\n" + ", ".join(f"{module} {k}/{n}" for module, (k, n) in sorted(by_module.items())))
        print(f"killed {killed} of {len(results)} ({share:.1f}%) in {time.monotonic() - started:.0f} s")
        if share < args.threshold:
            print(f"below {args.threshold:g}%: kill the survivors with tests in {TESTS}, or say why each one cannot be killed",
                  file=sys.stderr)
            return 1
        return 0
    finally:
        if args.keep:
            print(f"scratch copy: {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
