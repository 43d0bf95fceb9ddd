"""The command line: ``selfeval parse``, ``check``, ``diff`` and ``render``.

Exit status: 0 when all went well; 1 when ``check`` finds an error, when ``diff`` finds a
difference, or with ``parse --strict`` when a record carries an error diagnostic; 2 when an
input could not be read (missing, a directory, binary or in no known encoding: one line on
standard error, and the other inputs are still processed) or the command line is wrong;
3 on an internal error (one line, no traceback; ``SELFEVAL_DEBUG=1`` shows it).
"""
from __future__ import annotations

import json
import os
import sys
import traceback
from typing import Iterator

import click

from . import export
from .check import check as check_form
from .decode import NotText
from .dialects import NAMES as MODES
from .diff import differences
from .model import Form, schema_errors
from .params import Params
from .pipeline import iter_stream
from .render import render as render_forms

FORMATS = ("json", "jsonl", "csv")
MODE_OPTION = click.option(
    "--mode", type=click.Choice(("auto",) + MODES), default="auto", show_default=True,
    help="How pdftotext made the text: auto detects it per form; default, layout (-layout), raw (-raw) or cells (one cell per line) forces it.")
ENCODING_HELP = "Force the input encoding, e.g. gb18030 (default: detect UTF-8, UTF-8 with BOM, GB18030)."


class Inputs:
    """The files of one command, each read as its forms are needed (a dump of any size
    streams through); a file that cannot be read gets one line on standard error naming it
    and the reason, sets the exit status to 2, and the other files are still processed."""

    def __init__(self, files: tuple[str, ...], encoding: str | None, params: Params, jobs: int = 1):
        self.files, self.encoding, self.params, self.jobs = files or ("-",), encoding, params, jobs
        self.status = 0
        self.internal_errors = 0

    def exit_status(self, findings: bool = False) -> int:
        """3 when a form met an internal error, else 2 when a file could not be read, else 1
        when the command found what it looks for (``findings``), else 0."""
        return 3 if self.internal_errors else self.status or int(findings)

    def fail(self, path: str, reason: str) -> None:
        click.echo(f"selfeval: {shown(path)}: {reason}", err=True)
        self.status = 2

    def forms(self) -> Iterator[Form]:
        """The records of every file, in order."""
        for path in self.files:
            yield from self._forms_of(path)

    def _forms_of(self, path: str) -> Iterator[Form]:
        name = None if path == "-" else shown(path)
        found = 0
        try:
            if path == "-":
                stream = sys.stdin.buffer
            else:
                stream = open(path, "rb")
            with stream:
                for form in iter_stream(stream, name, self.encoding, self.params, self.jobs):
                    found += 1
                    self._report_internal(path, form)
                    yield form
        except IsADirectoryError:
            self.fail(path, "is a directory")
            return
        except OSError as exc:
            self.fail(path, exc.strerror or str(exc))
            return
        except NotText as exc:
            self.fail(path, f"not text: {exc}")
            return
        if not found:
            click.echo(f"selfeval: warning: {name or '<stdin>'}: no form found", err=True)


    def _report_internal(self, path: str, form: Form) -> None:
        """A form whose reading met an internal error: one line on standard error naming it
        (file, first line, index); the run goes on."""
        for d in form.diagnostics:
            if d.code == "internal-error":
                self.internal_errors += 1
                click.echo(f"selfeval: {shown(path)}:{form.source.first_line}: form {form.source.form_index}: "
                           f"internal error: {d.message} (SELFEVAL_DEBUG=1 shows where; please report it)",
                           err=True)


def shown(path: str) -> str:
    """A file name as text: bytes that are no UTF-8 (a name from another system) written with
    the usual escape (``\\xff``), so that records and messages stay valid UTF-8."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _stdout():
    return click.get_text_stream("stdout", encoding="utf-8")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="selfeval")
def main() -> None:
    """Structured records from pdftotext dumps of 财政项目支出绩效自评表.

    \b
    Example:
      selfeval parse samples/songjiang-2024.txt
    """


@main.command()
@click.argument("files", nargs=-1, type=click.Path(allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True,
              help="json: one array; jsonl: one record per line, written as each form is parsed; "
                   "csv: one row per indicator, fund row or form (--table).")
@click.option("--table", type=click.Choice(tuple(export.TABLES)), default=None,
              help="With --format csv: the rows to write  [default: indicators].")
@click.option("--bom", is_flag=True, help="With --format csv: start with a UTF-8 byte-order mark (for Excel).")
@click.option("--encoding", default=None, help=ENCODING_HELP)
@click.option("--strict", is_flag=True, help="Exit 1 when any record carries an error diagnostic.")
@MODE_OPTION
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True,
              help="Worker processes that parse forms in parallel, the output in input order (0: all cores).")
def parse(files: tuple[str, ...], fmt: str, table: str | None, bom: bool, encoding: str | None,
          strict: bool, mode: str, jobs: int) -> None:
    """Parse FILE... (or standard input: no file, or -) and write the records.

    \b
    Example:
      selfeval parse samples/songjiang-2024.txt > records.json
      selfeval parse --format jsonl - < samples/songjiang-2024.txt
      selfeval parse --format csv --table funds --bom samples/songjiang-2024.txt > funds.csv
      selfeval parse --format jsonl --jobs 2 samples/*.txt > records.jsonl
    """
    if fmt != "csv" and (table or bom):
        raise click.UsageError("--table and --bom go with --format csv")
    params = Params(mode=mode)
    out = _stdout()
    if fmt == "json":
        writer = export.JsonWriter(out)
    elif fmt == "jsonl":
        writer = export.JsonlWriter(out)
    else:
        writer = export.CsvWriter(out, table or "indicators", bom)
    inputs = Inputs(files, encoding, params, jobs)
    had_error = False
    for form in inputs.forms():
        had_error = had_error or bool(form.errors())
        if strict and form.errors():
            codes = sorted({d.code for d in form.errors()})
            click.echo(f"selfeval: {form.source.file or '<stdin>'}:{form.source.first_line}: form "
                       f"{form.source.form_index}: error {', '.join(codes)}: {form.errors()[0].message}", err=True)
        writer.write(form)
    writer.close()
    sys.exit(inputs.exit_status(strict and had_error))


@main.command()
@click.argument("files", nargs=-1, type=click.Path(allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True,
              help="text: one line per finding; json: one array of findings.")
@click.option("--encoding", default=None, help=ENCODING_HELP)
@MODE_OPTION
def check(files: tuple[str, ...], fmt: str, encoding: str | None, mode: str) -> None:
    """Parse FILE... (or standard input) and audit each record.

    Weights and scores add up to the 总分 row, no score exceeds its weight, 执行率 =
    全年执行数 / 全年预算数 × 100, the fund rows add up to 年度资金总额, the grade fits the
    total, a row that lost points has a deviation, and the parser found no error. One line
    per finding: FILE:LINE: form N ROW: LEVEL CODE: message. Exit 1 when any finding is an
    error, 2 when a file could not be read, else 0.

    \b
    Example:
      selfeval check samples/songjiang-2024.txt && echo consistent
    """
    params = Params(mode=mode)
    out = _stdout()
    inputs = Inputs(files, encoding, params)
    errors = 0
    findings = []
    for form in inputs.forms():
        for finding in check_form(form, params):
            errors += finding.level == "error"
            if fmt == "json":
                findings.append(finding.to_dict())
            else:
                out.write(finding.format() + "\n")
    if fmt == "json":
        out.write(json.dumps(findings, ensure_ascii=False, indent=2) + "\n")
    out.flush()
    sys.exit(inputs.exit_status(bool(errors)))


@main.command()
@click.argument("file", type=click.Path(allow_dash=True))
@click.option("--form", "form_index", type=click.IntRange(min=0), default=None,
              help="Only the form with this index (0-based, in the file).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per form: lines, cells, slots, costs.")
@click.option("--encoding", default=None, help=ENCODING_HELP)
@MODE_OPTION
def explain(file: str, form_index: int | None, as_json: bool, encoding: str | None, mode: str) -> None:
    """Show how each record of FILE was read: every input line with its kind, the cells cut
    from it, the field (slot) each cell went to with its cost and the runner-up, and the
    diagnostics.

    \b
    Example:
      selfeval explain samples/songjiang-2024.txt --form 0
      selfeval explain --json samples/songjiang-2024.txt > how.json
    """
    from .decode import iter_lines
    from .explain import explain_lines, to_dict, to_text
    params = Params(mode=mode)
    out = _stdout()
    try:
        stream = sys.stdin.buffer if file == "-" else open(file, "rb")
    except OSError as exc:
        click.echo(f"selfeval: {shown(file)}: {exc.strerror or exc}", err=True)
        sys.exit(2)
    found = []
    try:
        with stream:
            for built in explain_lines(iter_lines(stream, encoding), params, None if file == "-" else shown(file)):
                if form_index is not None and built.form.source.form_index != form_index:
                    continue
                if as_json:
                    found.append(to_dict(built))
                else:
                    out.write(to_text(built) + "\n\n")
    except NotText as exc:
        click.echo(f"selfeval: {shown(file)}: not text: {exc}", err=True)
        sys.exit(2)
    if as_json:
        out.write(json.dumps(found, ensure_ascii=False, indent=1) + "\n")
    out.flush()


@main.command()
@click.option("--markdown", is_flag=True, help="As the Markdown table of the README.")
def codes(markdown: bool) -> None:
    """List the diagnostic codes a record may carry: code, level, meaning.

    \b
    Example:
      selfeval codes
    """
    from .codes import CODES, table
    out = _stdout()
    if markdown:
        out.write(table() + "\n")
    else:
        for code, (level, meaning) in CODES.items():
            out.write(f"{code:<28} {level:<8} {meaning}\n")
    out.flush()


def _load_records(path: str, raw: bytes) -> list[dict]:
    """JSON records (one array, one record, or JSON Lines) -> list of dicts; ValueError saying
    where the JSON breaks (its true line and column) or which field breaks the schema."""
    text = raw.decode("utf-8-sig")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        lines = [x for x in text.splitlines() if x.strip()]
        if len(lines) < 2 or not all(x.lstrip().startswith("{") for x in lines):
            raise ValueError(f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
        data = []
        for no, x in enumerate(text.splitlines(), 1):      # JSON Lines
            if x.strip():
                try:
                    data.append(json.loads(x))
                except json.JSONDecodeError as e:
                    raise ValueError(f"invalid JSON at line {no} column {e.colno}: {e.msg}") from None
    except RecursionError:
        raise ValueError("JSON nested too deep") from None
    records = data if isinstance(data, list) else [data]
    for k, r in enumerate(records):
        problem = next(schema_errors(r, f"[{k}]"), None)
        if problem:
            raise ValueError(problem)
    return records


def _read_records(path: str) -> list[dict] | None:
    try:
        if path == "-":
            raw = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as fh:
                raw = fh.read()
        return _load_records(path, raw)
    except IsADirectoryError:
        click.echo(f"selfeval: {shown(path)}: is a directory", err=True)
    except OSError as exc:
        click.echo(f"selfeval: {shown(path)}: {exc.strerror or exc}", err=True)
    except (UnicodeDecodeError, ValueError) as exc:
        click.echo(f"selfeval: {shown(path)}: not JSON records: {exc}", err=True)
    return None


@main.command()
@click.argument("expected", type=click.Path(allow_dash=False))
@click.argument("file", required=False, default="-", type=click.Path(allow_dash=True))
@click.option("--encoding", default=None, help=ENCODING_HELP)
@MODE_OPTION
def diff(expected: str, file: str, encoding: str | None, mode: str) -> None:
    """Parse FILE (a dump, or standard input) and compare its records with EXPECTED.json.

    Prints each differing field as form[i].indicators[j].name: expected … got …, and exits 1
    when any differ (0 when none do, 2 when a file could not be read). FILE may also be a
    .json of records, to compare two sets of records. source and diagnostics are not
    compared, nor keys that EXPECTED leaves out.

    \b
    Example:
      selfeval diff samples/songjiang-2024.json samples/songjiang-2024.txt
    """
    want = _read_records(expected)
    if want is None:
        sys.exit(2)
    if file.endswith((".json", ".jsonl")):
        got = _read_records(file)
        if got is None:
            sys.exit(2)
    else:
        inputs = Inputs((file,), encoding, Params(mode=mode))
        got = [f.to_dict() for f in inputs.forms()]
        if inputs.exit_status():
            sys.exit(inputs.exit_status())
    found = differences(want, got)
    out = _stdout()
    for line in found:
        out.write(line + "\n")
    out.flush()
    sys.exit(1 if found else 0)


@main.command()
@click.argument("file", required=False, default="-", type=click.Path(allow_dash=True))
@click.option("--mode", type=click.Choice(MODES), default="default", show_default=True,
              help="The pdftotext dialect to write: default (the seed's), raw (-raw), layout (-layout) or "
                   "cells (one cell per line).")
def render(file: str, mode: str) -> None:
    """Write the records of FILE.json (or standard input) as a pdftotext dump in one dialect;
    ``selfeval parse`` of it gives the records back.

    \b
    Example:
      selfeval render samples/songjiang-2024.json | selfeval parse -
      selfeval render --mode layout samples/songjiang-2024.json
    """
    records = _read_records(file)
    if records is None:
        sys.exit(2)
    try:
        forms = [Form.from_dict(r) for r in records]
    except (KeyError, TypeError, AttributeError) as exc:
        click.echo(f"selfeval: {shown(file)}: not records of this tool: {exc!r}", err=True)
        sys.exit(2)
    out = _stdout()
    out.write(render_forms(forms, mode))
    out.flush()


def entry() -> None:
    """The console script: ``main`` without tracebacks. A closed pipe (``selfeval parse … | head``)
    ends quietly; an unexpected failure is one line on standard error and exit 3
    (``SELFEVAL_DEBUG=1`` shows the traceback)."""
    try:
        main(standalone_mode=True)
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    except Exception as exc:            # noqa: BLE001 — the last guard of the command line
        if os.environ.get("SELFEVAL_DEBUG"):
            traceback.print_exc()
        click.echo(f"selfeval: internal error: {type(exc).__name__}: {exc} "
                   "(SELFEVAL_DEBUG=1 shows where; please report it)", err=True)
        sys.exit(3)
