"""`qazauto` command line: extract facts from article files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ingest.extract.contract import SUMMARY_COLUMNS

EXAMPLES = """examples:
  qazauto extract seeds --format jsonl          one fact per line, the contract's JSON
  qazauto extract seeds/000_34977693e316af9f.txt --format table
  qazauto extract ../shared/devset/articles > facts.jsonl
  qazauto status                                what the warehouse holds
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qazauto",
        description="qazauto: facts about the automotive industry of Kazakhstan and Central "
        "Asia, read from news articles.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser(
        "extract",
        help="print the facts that article files state",
        description="Read article files (*.txt; folders are searched, sources.csv beside them "
        "gives titles and publication dates) and print the facts they state. Files that are "
        "not articles are reported on stderr and skipped.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    extract.add_argument(
        "paths",
        nargs="*",
        type=Path,
        help="article files or folders (default: $QAZAUTO_ARTICLES_DIR, seeds/)",
    )
    extract.add_argument(
        "--format",
        choices=("jsonl", "table"),
        default="jsonl",
        help="jsonl: the fact contract, one per line (default); table: for people",
    )
    commands.add_parser(
        "status",
        help="print the warehouse's tables, their row counts and how to query them",
        description="Open the warehouse ($QAZAUTO_WAREHOUSE, warehouse/qazauto.duckdb) "
        "read-only and list its raw tables and marts with row counts.",
    )
    return parser


def _print_table(facts: list) -> None:
    columns = SUMMARY_COLUMNS
    rows = [
        [str(getattr(f, c) if getattr(f, c) is not None else "") for c in columns] for f in facts
    ]
    for row, fact in zip(rows, facts, strict=True):
        if fact.value is not None:
            row[4] = f"{fact.value:,.0f}"
    widths = [min(40, max([len(c)] + [len(r[i]) for r in rows])) for i, c in enumerate(columns)]
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)))
    for row in rows:
        print("  ".join(cell[:w].ljust(w) for cell, w in zip(row, widths, strict=True)))
    print(f"\n{len(facts)} facts")


def _progress_bar():
    """A one-line progress bar on stderr, for terminals only (never in pipes or logs)."""
    width = 30

    def show(done: int, total: int) -> None:
        if total < 20:
            return
        filled = width * done // total
        end = "\n" if done == total else ""
        sys.stderr.write(
            f"\rextracting [{'#' * filled}{'.' * (width - filled)}] {done}/{total} articles{end}"
        )
        sys.stderr.flush()

    return show


def run_extract(paths: list[Path], output_format: str) -> int:
    from common.settings import extract_seconds_per_file
    from ingest.read.discover import PathNotFoundError
    from ingest.tables.frames import extract_paths

    try:
        result = extract_paths(
            paths, _progress_bar() if sys.stderr.isatty() else None, extract_seconds_per_file()
        )
    except PathNotFoundError as error:
        print(f"qazauto: {error}", file=sys.stderr)
        return 2
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for row in result.rejections.iter_rows(named=True):
        print(f"rejected {row['file_path']}: {row['reason']}: {row['message']}", file=sys.stderr)
    facts = list(result.fact_records())
    try:
        if output_format == "table":
            _print_table(facts)
        else:
            for fact in facts:
                print(fact.to_json())
    except BrokenPipeError:  # the reader (head, less) stopped early
        sys.stderr.close()
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "extract":
        from common.settings import articles_dir

        return run_extract(args.paths or [articles_dir()], args.format)
    if args.command == "status":
        from common.warehouse_status import print_status

        return print_status()
    return 2


if __name__ == "__main__":
    sys.exit(main())
