"""The README's shown outputs are what the commands print today (issue P9, item E).

Every `$ accordwatch ...` line in a fenced block of README.md is run, in a temporary folder holding a copy
of examples/articles and a database built from it by `accordwatch ingest examples/articles` (the
README's own ingest example), at the README's width (110 columns), and what it prints (stdout and
stderr in the order written, as a terminal shows them) is compared with the lines below it in the block:

- lines are compared without trailing spaces; the progress bar's length and its elapsed time are
  normalised (`━` runs, `0:00:00`);
- a block whose last line is `...` shows the first lines of the output only: those are compared;
- a command marked `(excerpt ...)` shows parts of a JSON record: each JSON object shown must be one of the
  record's figures or events (or its `"people"`), key for key, a string ending in `...` matching any
  string that starts with what comes before it.

`curl -s URL` examples are answered by the app itself (FastAPI's test client over the same database, no
server) and their JSON compared; an excerpt of a JSON answer is skipped, as are blocks that cannot be
reproduced (timings of `make bench`) or hold no command output, each with the reason. Run
`python tests/test_readme.py` to print what each command prints now (to refresh the README).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
WIDTH = 110
_EXCERPT = re.compile(r"\s{2,}\((excerpt[^)]*)\)\s*$")


@dataclass
class Example:
    """One `$ command` of a README block and the lines shown under it."""

    line: int                 # of the command in README.md
    command: str
    expected: list[str] = field(default_factory=list)
    excerpt: bool = False

    @property
    def id(self) -> str:
        return f"L{self.line}:{self.command[:60]}"


@dataclass
class Block:
    line: int
    lines: list[str]
    language: str = ""


def blocks(text: str) -> list[Block]:
    """The fenced blocks of a Markdown text, each with its language ("" for a plain ``` block)."""
    out, current = [], None
    for n, line in enumerate(text.splitlines(), start=1):
        if line.startswith("```"):
            if current is None:
                current = Block(n, [], line[3:].strip())
            else:
                out.append(current)
                current = None
        elif current is not None:
            current.lines.append(line)
    return out


def examples(text: str) -> tuple[list[Example], list[tuple[int, str]]]:
    """(the `$ ` commands with the lines they show, (line, why) for blocks not run)."""
    found, skipped = [], []
    for block in blocks(text):
        if block.language:
            skipped.append((block.line, f"a {block.language} example, not a shell session"))
            continue
        if not any(line.startswith("$ ") for line in block.lines):
            first = next((line for line in block.lines if line.strip()), "")
            why = ("timings of `make bench`: they depend on the machine" if "articles/s" in "\n".join(block.lines)
                   else f"no command output in it (starts {first.strip()[:40]!r})")
            skipped.append((block.line, why))
            continue
        current = None
        for i, line in enumerate(block.lines, start=block.line + 1):
            if line.startswith("$ "):
                command = line[2:]
                m = _EXCERPT.search(command)
                current = Example(i, command[:m.start()] if m else command, excerpt=bool(m))
                found.append(current)
            elif current is not None:
                current.expected.append(line)
    for ex in found:
        while ex.expected and not ex.expected[-1].strip():
            ex.expected.pop()
    return found, skipped


EXAMPLES, NOT_RUN = examples(README.read_text(encoding="utf-8"))
INGEST = "accordwatch ingest examples/articles"


def normalise(text: str) -> list[str]:
    text = re.sub(r" *━[━ ]*", " ━ ", text)     # the bar, drawn or pulsing
    text = re.sub(r"\b\d+:\d\d:\d\d\b", "0:00:00", text)
    lines = [line.rstrip() for line in text.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def run(command: str, cwd: Path) -> str:
    """What `command` (an `accordwatch ...` line) prints in `cwd`, stdout and stderr as a terminal shows
    them (one stream, unbuffered, so in the order they were written)."""
    import shlex

    args = shlex.split(command)
    assert args[0] == "accordwatch", command
    env = {k: v for k, v in os.environ.items() if k not in ("ACCORDWATCH_DB", "FORCE_COLOR", "COLUMNS", "LINES")}
    env.update(COLUMNS=str(WIDTH), LINES="50", NO_COLOR="1", TERM="dumb", PYTHONUNBUFFERED="1")
    result = subprocess.run([sys.executable, "-m", "accordwatch.cli", *args[1:]], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=600)
    return result.stdout


def make_workdir(path: Path) -> tuple[Path, str]:
    """A folder with examples/articles, and the output of the README's ingest into ./accordwatch.db there."""
    shutil.copytree(ROOT / "examples" / "articles", path / "examples" / "articles")
    return path, run(INGEST, path)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> tuple[Path, str]:
    return make_workdir(tmp_path_factory.mktemp("readme"))


def _matches(expected, actual) -> bool:
    """Does `actual` (from the record) hold `expected` (from the README), "..." ending a string or a list?"""
    if isinstance(expected, str) and expected.endswith("..."):
        return isinstance(actual, str) and actual.startswith(expected[:-3].rstrip())
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(k in actual and _matches(v, actual[k]) for k, v in expected.items())
    if isinstance(expected, list):
        return isinstance(actual, list) and len(expected) == len(actual) and \
            all(_matches(e, a) for e, a in zip(expected, actual, strict=True))
    return expected == actual


def check_excerpt(expected: list[str], output: str) -> None:
    """Each JSON object of the excerpt is one of the record's figures or events, or (`"key": [{...}, ...]`)
    one of the items of the record's list under that key."""
    [record] = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    chunks: list[list[str]] = []
    for line in expected:
        if line[:1] in ('{', '"'):
            chunks.append([line])
        elif chunks:
            chunks[-1].append(line)
    assert chunks, "the excerpt shows no JSON"
    for chunk in chunks:
        text = "\n".join(chunk)
        if text.startswith('"'):
            key = json.loads(text.split(":", 1)[0])
            shown = json.loads("{" + re.sub(r",\s*\.\.\.\]\s*$", "]", text) + "}")[key]
            for item in shown:
                assert any(_matches(item, actual) for actual in record[key]), f"{key}: {item} not in the record"
        else:
            shown = json.loads(text)
            candidates = record["figures"] + record["events"]
            assert any(_matches(shown, actual) for actual in candidates), f"not in the record: {text}"


def test_readme_has_examples():
    commands = [ex.command for ex in EXAMPLES]
    assert INGEST in commands
    assert sum(c.startswith("accordwatch ") for c in commands) >= 6


@pytest.mark.parametrize("why", [why for _, why in NOT_RUN], ids=[f"L{line}" for line, _ in NOT_RUN])
def test_blocks_not_run(why):
    pytest.skip(f"README block not run: {why}")


def check_curl(example: Example, cwd: Path) -> None:
    """`curl -s URL` answered by the app over the README's database (FastAPI's test client, no server):
    the JSON shown is the JSON answered."""
    import shlex
    from urllib.parse import urlsplit

    from fastapi.testclient import TestClient

    from accordwatch.web import create_app

    url = urlsplit(next(a for a in shlex.split(example.command) if a.startswith("http")))
    with TestClient(create_app(str(cwd / "accordwatch.db"))) as client:
        answer = client.get(url.path + (f"?{url.query}" if url.query else ""))
    assert answer.json() == json.loads("\n".join(example.expected)), \
        f"README.md line {example.line}: `{example.command}` answers\n{answer.text}"


@pytest.mark.parametrize("example", EXAMPLES, ids=[ex.id for ex in EXAMPLES])
def test_readme_example(example: Example, workdir):
    cwd, ingested = workdir
    if example.command.startswith("curl "):
        if example.excerpt:
            pytest.skip(f"README line {example.line}: an excerpt of a JSON answer (its shape is pinned by "
                        f"tests/test_api_routes.py)")
        return check_curl(example, cwd)
    output = ingested if example.command == INGEST else run(example.command, cwd)
    if example.excerpt:
        check_excerpt(example.expected, output)
        return
    actual, expected = normalise(output), normalise("\n".join(example.expected))
    if expected and expected[-1] == "...":   # the first lines only
        expected = expected[:-1]
        actual = actual[:len(expected)]
    assert actual == expected, f"README.md line {example.line}: `{example.command}` prints\n" + "\n".join(actual)


if __name__ == "__main__":   # print what each README command prints now
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        cwd, ingested = make_workdir(Path(tmp))
        for ex in EXAMPLES:
            if ex.command.startswith("accordwatch "):
                out = ingested if ex.command == INGEST else run(ex.command, cwd)
                print(f"$ {ex.command}\n" + "\n".join(normalise(out)) + "\n")
