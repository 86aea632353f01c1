"""A loop beside the project is skipped, not followed."""
PAGE_SIZE = 20
