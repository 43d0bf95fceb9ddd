"""Records back to text, the way each pdftotext dialect prints a form (placeholder)."""
from .default import DEFAULT_LAYOUT, EXEC_POSITIONS, PLACEMENTS, Layout, render  # noqa: F401
