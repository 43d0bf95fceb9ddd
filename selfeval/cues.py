"""Evidence from words: what an indicator's name says about its 二级 group.

Shared by the reassembly (a line that names an indicator type reads as a name, not as the
start of a sentence) and the alignment (names and groups placed together)."""
from __future__ import annotations

from functools import lru_cache

from .vocab import LEVEL2_CUES


@lru_cache(maxsize=4096)
def name_groups(name: str | None) -> frozenset:
    """The 二级 groups a name's words point to: of all groups with a cue in the name, those
    whose matching cue is the longest (社会成本控制 → 社会成本指标, not 经济成本指标)."""
    if not name:
        return frozenset()
    best: dict[str, int] = {}
    for group, cues in LEVEL2_CUES.items():
        hits = [len(w) for w in cues.get("name", ()) if w in name]
        hits += [len(w) for w in cues.get("suffix", ()) if name.endswith(w)]
        if hits:
            best[group] = max(hits)
    if not best:
        return frozenset()
    top = max(best.values())
    return frozenset(g for g, v in best.items() if v == top)
