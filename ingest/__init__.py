"""qazauto ingest: read article files and extract the facts they state."""
