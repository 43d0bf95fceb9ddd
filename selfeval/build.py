"""Stage 3–6 for one form: its dialect, the dialect's reading, the solver's record.

The dialect is the one whose ``detect`` is best (``--mode`` forces one); when the best two are
within ``Detect.tie`` the form is read in both and the record whose arithmetic and books hold
best is kept. A dialect that cannot read the form says so in a diagnostic.
"""
from __future__ import annotations

from . import legacy_build
from .classify import classify
from .codes import diag
from .dialect import detect_mode
from .dialects import PLUGINS
from .legacy_params import Params as LegacyParams
from .model import Form, Source
from .params import Params
from .solve import solve
from .split import Segment

FORM_KINDS = frozenset(("title", "fund_header", "fund_row", "indicator_header", "value_row"))
LEGACY = LegacyParams()


def build_form(segment: Segment, params: Params, file: str | None = None, form_index: int = 0) -> Form | None:
    """The record of one form, or None when the lines hold no form at all."""
    items = segment.items
    if not any(x.kind in FORM_KINDS for x in items):
        return None
    mode = params.mode if params.mode != "auto" else detect_mode(classify(segment.lines))
    plugin = PLUGINS.get(mode)
    if plugin is None:
        return legacy_build.build_form(segment, LegacyParams(mode=mode), file, form_index)
    source = Source(file, form_index, segment.first_line, segment.last_line)
    reading = plugin.read(items, params)
    form = solve(reading, items, source, params)
    form.diagnostics.insert(0, diag("dialect", f"read as {mode}"))
    return form
