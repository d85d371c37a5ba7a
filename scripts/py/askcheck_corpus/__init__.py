"""The ask-check training corpus: per-language pieces, and the composer that makes messages."""
