import warnings

warnings.warn(
    "This package is deprecated and will no longer be maintained. ",
    DeprecationWarning,
    stacklevel=2
)
