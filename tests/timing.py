"""CPU time of parses, the least of several runs: a shared machine only ever adds to a run's time,
so the least is the fairest measure (timing tests compare it as a ratio, never to the clock)."""
import gc
import time

import selfeval


def least_cpu(text: str, runs: int) -> tuple[float, list]:
    """The least CPU time of ``runs`` parses of ``text``, and the forms."""
    best, forms = float("inf"), []
    for _ in range(runs):
        t0 = time.process_time()
        forms = selfeval.parse(text)
        best = min(best, time.process_time() - t0)
    return best, forms


def least_pair(text: str, base: str, runs: int = 3, base_runs: int = 3) -> tuple[float, float]:
    """The least CPU times of parsing ``text`` and ``base``, measured in turn (``base_runs`` parses
    of ``base`` beside each of ``text``) after a parse that warms the caches, the collector paused:
    a spell of load on a shared machine, or a collector pass over the whole process's heap, falls
    on both rather than on one."""
    selfeval.parse(base)
    best_text = best_base = float("inf")
    gc.disable()
    try:
        for _ in range(runs):
            best_base = min(best_base, least_cpu(base, base_runs)[0])
            best_text = min(best_text, least_cpu(text, 1)[0])
        best_base = min(best_base, least_cpu(base, base_runs)[0])
    finally:
        gc.enable()
    return best_text, best_base


def least_ratio(text: str, base: str, runs: int = 3, base_runs: int = 3) -> float:
    """``least_pair`` as the ratio of ``text``'s time to ``base``'s."""
    best_text, best_base = least_pair(text, base, runs, base_runs)
    return best_text / best_base
