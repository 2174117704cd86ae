"""Landing: the ledger of files read, parallel extraction, and the write to the raw schema."""
