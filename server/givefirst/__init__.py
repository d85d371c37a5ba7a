"""givefirst: a local relationship memory that asks "have you given before asking?"."""

__version__ = "0.1.0"
API_VERSION = 1
