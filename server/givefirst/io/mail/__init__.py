"""Mail: an mbox file or an IMAP account, read as conversations with people (never bodies)."""
