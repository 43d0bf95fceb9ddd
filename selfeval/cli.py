"""The command line. Exit 0 ok; 1 findings (check, diff, parse --strict); 2 unreadable input or
bad usage; 3 internal error (``SELFEVAL_DEBUG=1`` shows the traceback)."""
from __future__ import annotations

import json
import os
import stat
import sys
import time
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

FORMATS = ("json", "jsonl", "csv", "xlsx")
MODE_OPTION = click.option(
    "--mode", type=click.Choice(("auto",) + MODES), default="auto", show_default=True,
    help="How pdftotext made the text: auto detects it per form; default, layout (-layout), raw (-raw) or cells (one cell per line) forces it.")
ENCODING_HELP = "Force the input encoding, e.g. gb18030 (default: detect UTF-8, UTF-8 with BOM, GB18030)."
QUIET_OPTION = click.option(
    "--quiet", "-q", is_flag=True,
    help="No progress bar and no closing summary on standard error (both show only on a terminal).")
OUTPUT_HELP = "Write to FILE instead of standard output."


class Inputs:
    """A command's inputs, streamed; an unreadable one is reported and skipped."""

    def __init__(self, files: tuple[str, ...], encoding: str | None, params: Params, jobs: int = 1,
                 progress: Progress | None = None):
        self.files, self.encoding, self.params, self.jobs = files or ("-",), encoding, params, jobs
        self.status = 0
        self.internal_errors = 0
        self.progress = progress

    def exit_status(self, findings: bool = False) -> int:
        """3 internal error, 2 unreadable file, 1 ``findings``, else 0."""
        return 3 if self.internal_errors else self.status or int(findings)

    def fail(self, path: str, reason: str) -> None:
        if self.progress:
            self.progress.clear()
        click.echo(f"selfeval: {shown(path)}: {reason}", err=True)
        self.status = 2

    def forms(self) -> Iterator[Form]:
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
            if self.progress:
                stream = self.progress.stream(stream)
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
        for d in form.diagnostics:
            if d.code == "internal-error":
                self.internal_errors += 1
                click.echo(f"selfeval: {shown(path)}:{form.source.first_line}: form {form.source.form_index}: "
                           f"internal error: {d.message} (SELFEVAL_DEBUG=1 shows where; please report it)",
                           err=True)


def shown(path: str) -> str:
    """A file name with non-UTF-8 bytes escaped (``\\xff``)."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


PROGRESS_BYTES = 4 << 20        # total input size that shows a progress bar


def _stderr_is_tty() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def _input_size(path: str) -> int | None:
    try:
        st = os.fstat(sys.stdin.fileno()) if path == "-" else os.stat(path)
    except (OSError, ValueError, AttributeError):
        return 0 if path != "-" else None
    return st.st_size if stat.S_ISREG(st.st_mode) else None


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


class Progress:
    """Progress bar and summary on stderr, only on a terminal."""

    def __init__(self, files: tuple[str, ...], quiet: bool):
        self.on = not quiet and _stderr_is_tty()
        self.start = time.monotonic()
        sizes = [_input_size(p) for p in files or ("-",)] if self.on else []
        self.total = None if None in sizes else sum(sizes)
        threshold = os.environ.get("SELFEVAL_PROGRESS_BYTES", "")
        self.threshold = int(threshold) if threshold.isdigit() else PROGRESS_BYTES
        self.read = self.files = self.forms = self.warned = self.failed = self.unassigned = 0
        self.drawn, self.last = False, 0.0

    def stream(self, raw):
        self.files += 1
        return _Counted(raw, self) if self.on else raw

    def advance(self, n: int) -> None:
        self.read += n
        self._draw()

    def form(self, form: Form, findings=()) -> None:
        levels = {d.level for d in form.diagnostics} | {f.level for f in findings}
        self.forms += 1
        self.warned += "warning" in levels
        self.failed += "error" in levels
        self.unassigned += sum(len(d.lines) for d in form.diagnostics if d.code == "unassigned" and d.level != "info")
        self._draw()

    def _draw(self) -> None:
        if not self.on or max(self.total or 0, self.read) <= self.threshold:
            return
        now = time.monotonic()
        if now - self.last < 0.1:
            return
        self.last, self.drawn = now, True
        mb = f"{self.read / 1e6:.1f}"
        if self.total:
            done = min(1.0, self.read / self.total)
            bar = "#" * round(30 * done) + "-" * (30 - round(30 * done))
            text = f"selfeval: [{bar}] {done:4.0%} {mb} of {self.total / 1e6:.1f} MB, {_plural(self.forms, 'form')}"
        else:
            text = f"selfeval: {mb} MB read, {_plural(self.forms, 'form')}"
        sys.stderr.write("\r" + text + "\x1b[K")
        sys.stderr.flush()

    def clear(self) -> None:
        if self.drawn:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
            self.drawn = False

    def summary(self) -> str:
        seconds = time.monotonic() - self.start
        return (f"selfeval: {_plural(self.files, 'file')}, {_plural(self.forms, 'form')}, {self.warned} with "
                f"warnings, {self.failed} with errors, {_plural(self.unassigned, 'line')} unassigned, {seconds:.2f} s")

    def finish(self) -> None:
        if self.on:
            self.clear()
            sys.stderr.write(self.summary() + "\n")
            sys.stderr.flush()


class _Counted:
    def __init__(self, raw, progress: Progress):
        self.raw, self.progress = raw, progress

    def read1(self, n: int = -1) -> bytes:
        return self._count(getattr(self.raw, "read1", self.raw.read)(n))

    def read(self, n: int = -1) -> bytes:
        return self._count(self.raw.read(n))

    def _count(self, data: bytes) -> bytes:
        self.progress.advance(len(data))
        return data

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.raw.close()


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
                   "csv: one row per indicator, fund row, form or diagnostic (--table); xlsx: those four "
                   "tables as the sheets of one workbook (needs -o and openpyxl: pip install selfeval[xlsx]).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True), default=None,
              help=OUTPUT_HELP)
@click.option("--table", type=click.Choice(tuple(export.TABLES)), default=None,
              help="With --format csv: the rows to write  [default: indicators].")
@click.option("--bom", is_flag=True, help="With --format csv: start with a UTF-8 byte-order mark (for Excel).")
@click.option("--encoding", default=None, help=ENCODING_HELP)
@click.option("--strict", is_flag=True, help="Exit 1 when any record carries an error diagnostic.")
@MODE_OPTION
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True,
              help="Worker processes that parse forms in parallel, the output in input order (0: all cores).")
@QUIET_OPTION
def parse(files: tuple[str, ...], fmt: str, output: str | None, table: str | None, bom: bool, encoding: str | None,
          strict: bool, mode: str, jobs: int, quiet: bool) -> None:
    """Parse FILE... (or standard input: no file, or -) and write the records.

    --format xlsx writes the forms, funds, indicators and diagnostics tables as the sheets of
    one workbook (with openpyxl: pip install selfeval[xlsx]), e.g. selfeval parse --format
    xlsx -o records.xlsx samples/*.txt. On a terminal, an input over 4 MB shows a progress
    bar, and the run ends with a summary line (--quiet: neither).

    \b
    Example:
      selfeval parse samples/songjiang-2024.txt > records.json
      selfeval parse --format jsonl - < samples/songjiang-2024.txt
      selfeval parse --format csv --table funds --bom samples/songjiang-2024.txt > funds.csv
      selfeval parse --format jsonl --jobs 2 samples/*.txt > records.jsonl
      selfeval parse -o records.json samples/songjiang-2024.txt
    """
    if fmt != "csv" and (table or bom):
        raise click.UsageError("--table and --bom go with --format csv")
    if fmt == "xlsx" and output in (None, "-"):
        raise click.UsageError("--format xlsx writes a workbook: give it a file, -o FILE.xlsx")
    params = Params(mode=mode)
    writer = _writer(fmt, output, table, bom)
    progress = Progress(files, quiet)
    inputs = Inputs(files, encoding, params, jobs, progress)
    had_error = False
    for form in inputs.forms():
        progress.form(form)
        had_error = had_error or bool(form.errors())
        if strict and form.errors():
            codes = sorted({d.code for d in form.errors()})
            click.echo(f"selfeval: {form.source.file or '<stdin>'}:{form.source.first_line}: form "
                       f"{form.source.form_index}: error {', '.join(codes)}: {form.errors()[0].message}", err=True)
        writer.write(form)
    _close(writer, output)
    progress.finish()
    sys.exit(inputs.exit_status(strict and had_error))


def _open_output(output: str | None, newline: str | None = ""):
    """Standard output or the file ``output`` (exit 2 if it fails)."""
    if output in (None, "-"):
        return _stdout()
    try:
        return open(output, "w", encoding="utf-8", newline=newline)
    except OSError as exc:
        click.echo(f"selfeval: {shown(output)}: {exc.strerror or exc}", err=True)
        sys.exit(2)


def _writer(fmt: str, output: str | None, table: str | None, bom: bool):
    if fmt == "xlsx":
        try:
            return export.XlsxWriter(output)
        except ImportError as exc:
            click.echo(f"selfeval: {exc}", err=True)
            sys.exit(2)
    out = _open_output(output)
    if fmt == "json":
        return export.JsonWriter(out)
    if fmt == "jsonl":
        return export.JsonlWriter(out)
    return export.CsvWriter(out, table or "indicators", bom)


def _close(writer, output: str | None) -> None:
    """Finish the output (exit 2 on error)."""
    try:
        writer.close()
        out = getattr(writer, "out", None)
        if out is not None and output not in (None, "-"):
            out.close()
    except OSError as exc:
        click.echo(f"selfeval: {shown(output or '-')}: {exc.strerror or exc}", err=True)
        sys.exit(2)


@main.command()
@click.argument("files", nargs=-1, type=click.Path(allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True,
              help="text: one line per finding; json: one array of findings.")
@click.option("--encoding", default=None, help=ENCODING_HELP)
@MODE_OPTION
@QUIET_OPTION
def check(files: tuple[str, ...], fmt: str, encoding: str | None, mode: str, quiet: bool) -> None:
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
    progress = Progress(files, quiet)
    inputs = Inputs(files, encoding, params, progress=progress)
    errors = 0
    findings = []
    for form in inputs.forms():
        found = check_form(form, params)
        progress.form(form, found)
        for finding in found:
            errors += finding.level == "error"
            if fmt == "json":
                findings.append(finding.to_dict())
            else:
                out.write(finding.format() + "\n")
    if fmt == "json":
        out.write(json.dumps(findings, ensure_ascii=False, indent=2) + "\n")
    out.flush()
    progress.finish()
    sys.exit(inputs.exit_status(bool(errors)))


@main.command()
@click.argument("file", type=click.Path(allow_dash=True))
@click.option("--form", "form_index", type=click.IntRange(min=0), default=None,
              help="Only the form with this index (0-based, in the file).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per form: lines, cells, slots, costs.")
@click.option("--html", "as_html", is_flag=True,
              help="One self-contained page: each form drawn as recovered beside its lines; click a field to "
                   "light its lines, a line to light its fields.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True), default=None, help=OUTPUT_HELP)
@click.option("--encoding", default=None, help=ENCODING_HELP)
@MODE_OPTION
def explain(file: str, form_index: int | None, as_json: bool, as_html: bool, output: str | None,
            encoding: str | None, mode: str) -> None:
    """Show how each record of FILE was read: every input line with its kind, the cells cut
    from it, the field (slot) each cell went to with its cost and the runner-up, and the
    diagnostics.

    \b
    Example:
      selfeval explain samples/songjiang-2024.txt --form 0
      selfeval explain --json samples/songjiang-2024.txt > how.json
      selfeval explain --html samples/songjiang-2024.txt -o report.html
    """
    from .decode import iter_lines
    from .explain import explain_lines, to_dict, to_text
    if as_json and as_html:
        raise click.UsageError("--json and --html: one or the other")
    params = Params(mode=mode)
    try:
        stream = sys.stdin.buffer if file == "-" else open(file, "rb")
    except OSError as exc:
        click.echo(f"selfeval: {shown(file)}: {exc.strerror or exc}", err=True)
        sys.exit(2)
    out = _open_output(output, None)
    found, seen = [], []
    try:
        with stream:
            lines = _kept(iter_lines(stream, encoding), seen if as_html else None)
            for built in explain_lines(lines, params, None if file == "-" else shown(file)):
                if form_index is not None and built.form.source.form_index != form_index:
                    continue
                if as_json:
                    found.append(to_dict(built))
                elif as_html:
                    found.append(built)
                else:
                    out.write(to_text(built) + "\n\n")
    except NotText as exc:
        click.echo(f"selfeval: {shown(file)}: not text: {exc}", err=True)
        sys.exit(2)
    if as_json:
        out.write(json.dumps(found, ensure_ascii=False, indent=1) + "\n")
    elif as_html:
        from .html import page
        out.write(page(found, [check_form(b.form, params) for b in found], seen, None if file == "-" else shown(file),
                       params.template, outside=form_index is None))
    out.flush()
    if output not in (None, "-"):
        out.close()


def _kept(lines, seen: list | None):
    """Pass ``lines`` through, kept in ``seen``."""
    for line in lines:
        if seen is not None:
            seen.append(line)
        yield line


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
    """JSON, or JSON Lines -> records; ValueError says where it breaks."""
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
    """Console script: ``main`` without tracebacks."""
    try:
        main(standalone_mode=True)
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    except Exception as exc:            # noqa: BLE001 — the last guard
        if os.environ.get("SELFEVAL_DEBUG"):
            traceback.print_exc()
        click.echo(f"selfeval: internal error: {type(exc).__name__}: {exc} "
                   "(SELFEVAL_DEBUG=1 shows where; please report it)", err=True)
        sys.exit(3)
