"""The plain core: vocabulary, ledger, nudge, ask detection, nurture and network health.

Nothing here touches Flask or the database; every function takes `now` explicitly.
"""
