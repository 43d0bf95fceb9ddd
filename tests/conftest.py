"""Shared test settings: hypothesis profiles.

``ci`` (the default, used by ``make test``) runs at least 300 examples per property within
the time budget of CI, the same ones on every run (derandomized: a clean clone's CI must not
pass or fail by the luck of the draw, nor spend minutes shrinking a new find); ``deep``
(``make test-deep``) runs 5,000 drawn at random — what it finds is kept in
``tests/regressions`` once fixed.
"""
import os

from hypothesis import HealthCheck, settings

settings.register_profile("ci", max_examples=300, deadline=None, print_blob=True, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("deep", max_examples=5000, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("quick", max_examples=30, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
