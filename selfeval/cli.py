"""The command line: ``selfeval parse``.

Exit status: 0 when all went well; 1 with ``--strict`` when a record carries an error
diagnostic; 2 when an input could not be read (the other inputs are still processed).
"""
from __future__ import annotations

import sys

import click

import json

from . import export
from .model import Form
from .render import render as render_forms
from .decode import NotText, decode_bytes, split_lines
from .params import Params
from .pipeline import iter_forms

FORMATS = ("json", "jsonl")


def _read(path: str, encoding: str | None) -> tuple[str, str]:
    """-> (display name, text). Raises click.ClickException-free errors as OSError/NotText."""
    if path == "-":
        data = sys.stdin.buffer.read()
        return "<stdin>", decode_bytes(data, encoding)
    with open(path, "rb") as fh:
        data = fh.read()
    return path, decode_bytes(data, encoding)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="selfeval")
def main() -> None:
    """Structured records from pdftotext dumps of 财政项目支出绩效自评表."""


@main.command()
@click.argument("files", nargs=-1, type=click.Path(dir_okay=True, allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True,
              help="json: one array; jsonl: one record per line, written as each form is parsed.")
@click.option("--encoding", default=None, help="Force the input encoding (default: detect UTF-8 / GB18030).")
@click.option("--strict", is_flag=True, help="Exit 1 when any record carries an error diagnostic.")
def parse(files: tuple[str, ...], fmt: str, encoding: str | None, strict: bool) -> None:
    """Parse FILE... (or standard input: no file, or -) and write the records.

    \b
    Example:
      selfeval parse samples/songjiang-2024.txt > records.json
      cat dump.txt | selfeval parse --format jsonl -
    """
    params = Params()
    out = click.get_text_stream("stdout", encoding="utf-8")
    status = 0
    had_error = False
    writer = export.JsonWriter(out) if fmt == "json" else export.JsonlWriter(out)
    for path in files or ("-",):
        try:
            name, text = _read(path, encoding)
        except IsADirectoryError:
            click.echo(f"selfeval: {path}: is a directory", err=True)
            status = 2
            continue
        except OSError as exc:
            click.echo(f"selfeval: {path}: {exc.strerror or exc}", err=True)
            status = 2
            continue
        except NotText as exc:
            click.echo(f"selfeval: {path}: not text: {exc}", err=True)
            status = 2
            continue
        found = 0
        for form in iter_forms(split_lines(text), None if path == "-" else name, params):
            found += 1
            had_error = had_error or bool(form.errors())
            writer.write(form)
        if not found:
            click.echo(f"selfeval: warning: {name}: no form found", err=True)
    writer.close()
    if status:
        sys.exit(status)
    if strict and had_error:
        sys.exit(1)


@main.command()
@click.argument("file", required=False, default="-", type=click.Path(allow_dash=True))
def render(file: str) -> None:
    """Write the records of FILE.json (or standard input) as a default-mode pdftotext dump.

    \b
    Example:
      selfeval render samples/songjiang-2024.json | selfeval parse -
    """
    try:
        if file == "-":
            raw = sys.stdin.buffer.read()
        else:
            with open(file, "rb") as fh:
                raw = fh.read()
        data = json.loads(raw.decode("utf-8-sig"))
    except OSError as exc:
        click.echo(f"selfeval: {file}: {exc.strerror or exc}", err=True)
        sys.exit(2)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        click.echo(f"selfeval: {file}: not JSON records: {exc}", err=True)
        sys.exit(2)
    records = data if isinstance(data, list) else [data]
    try:
        forms = [Form.from_dict(r) for r in records]
    except (KeyError, TypeError, AttributeError) as exc:
        click.echo(f"selfeval: {file}: not records of this tool: {exc!r}", err=True)
        sys.exit(2)
    out = click.get_text_stream("stdout", encoding="utf-8")
    out.write(render_forms(forms))
    out.flush()
