"""Nothing unusual: a constant production code might import."""
PAGE_SIZE = 20
