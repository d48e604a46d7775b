"""`attune-analyze` / `python -m bot.analysis`: analyse lines of text, one JSON object out per line in.

Input is plain text (one message per line) or JSONL (`{"text": ..., "context": ...}`, any other keys
such as "id" are passed through), from files or stdin; `--format auto` takes a line that is a JSON
object with a "text" field as JSONL and anything else as plain text. Output keeps the input order
and has exactly one line per input line, so results can be joined back by line number; a line that
cannot be read gets an object with an "error" field instead of stopping the run.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import IO

from bot.analysis import DEFAULT_BATCH_SIZE, PARTS, analyze_many


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="attune-analyze",
        description="Explainable analysis (risk, mentalizing, repair, prompt) of one message per line. "
        "English only; a practice and research aid, not a clinical instrument.",
    )
    parser.add_argument("files", nargs="*", help="input files (default or '-': standard input)")
    parser.add_argument("--only", action="append", choices=list(PARTS), metavar="PART",
                        help=f"run only this part ({', '.join(PARTS)}); repeat for several")
    parser.add_argument("--format", choices=["auto", "text", "jsonl"], default="auto",
                        help="input format (default: auto-detect per line)")
    parser.add_argument("--output", "-o", help="write here instead of standard output")
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE, help="texts per parse batch")
    parser.add_argument("--pretty", action="store_true", help="indent the JSON (no longer one line each)")
    return parser


def _lines(paths: list[str]) -> Iterator[tuple[str, int, str]]:
    """(source, line number, line) for every input line, decoded as UTF-8 with bad bytes replaced."""
    for path in paths or ["-"]:
        handle: IO[bytes] = sys.stdin.buffer if path == "-" else open(path, "rb")
        try:
            for number, raw in enumerate(handle, start=1):
                yield path, number, raw.decode("utf-8", "replace").rstrip("\r\n")
        finally:
            if handle is not sys.stdin.buffer:
                handle.close()


def _read(line: str, fmt: str) -> tuple[dict | None, str | None]:
    """The record for one line ({"text", "context", ...}), or an error message."""
    looks_json = line.lstrip().startswith("{")
    if fmt == "text" or (fmt == "auto" and not looks_json):
        return {"text": line}, None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        if fmt == "auto":
            return {"text": line}, None
        return None, f"not valid JSON: {error.msg} at column {error.colno}"
    if not isinstance(record, dict):
        if fmt == "auto":
            return {"text": line}, None
        return None, 'a JSONL line must be an object with a "text" string'
    if not isinstance(record.get("text"), str):
        return None, 'a JSONL line must be an object with a "text" string'
    context = record.get("context")
    if context is not None and not isinstance(context, str):
        return None, '"context" must be a string when given'
    return record, None


def _batches(args: argparse.Namespace) -> Iterator[list[tuple[str, int, dict | None, str | None]]]:
    batch = []
    for source, number, line in _lines(args.files):
        record, error = _read(line, args.format)
        batch.append((source, number, record, error))
        if len(batch) >= args.batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


def run(args: argparse.Namespace, out: IO[str]) -> int:
    errors = 0
    for batch in _batches(args):
        good = [(s, n, r) for s, n, r, e in batch if r is not None]
        results = iter(analyze_many(
            [r["text"] for _, _, r in good],
            [r.get("context") for _, _, r in good],
            only=args.only,
            batch_size=args.batch_size,
        ))
        for source, number, record, error in batch:
            row: dict = {"source": source, "line": number}
            if record is None:
                errors += 1
                row["error"] = error
            else:
                row.update({k: v for k, v in record.items() if k not in {"text", "context"}})
                row.update(next(results).to_dict())
            out.write(json.dumps(row, ensure_ascii=False, indent=2 if args.pretty else None) + "\n")
        out.flush()
    return 1 if errors else 0


def _skip_tensorflow() -> None:
    # spaCy's thinc imports TensorFlow when it is installed (Rasa needs it): about 5 s and 200 MiB
    # for nothing in this process, which only runs spaCy pipelines. Rasa's own processes never call this.
    sys.modules.setdefault("tensorflow", None)  # type: ignore[arg-type]  # None marks it unimportable


def main(argv: list[str] | None = None) -> int:
    _skip_tensorflow()
    args = _parser().parse_args(argv)
    if args.batch_size < 1:
        _parser().error("--batch-size must be at least 1")
    try:
        if args.output:
            with open(args.output, "w", encoding="utf-8") as out:
                return run(args, out)
        return run(args, sys.stdout)
    except FileNotFoundError as error:
        print(f"attune-analyze: cannot read {error.filename}: no such file", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. piped into `head`
        return 0


if __name__ == "__main__":
    sys.exit(main())
