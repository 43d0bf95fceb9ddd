"""Shared test settings: hypothesis profiles.

``ci`` (the default, used by ``make test``) runs at least 300 examples per property within
the time budget of CI; ``deep`` (``make test-deep``) runs 5,000.
"""
import os

from hypothesis import HealthCheck, settings

settings.register_profile("ci", max_examples=300, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("deep", max_examples=5000, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("quick", max_examples=30, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
