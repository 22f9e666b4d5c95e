"""mskg: a knowledge graph of multiple-sclerosis drugs, immune cells and findings."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("mskg")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0"

__all__ = ["__version__"]
