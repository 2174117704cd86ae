-- The ledger of files read, as the models use it: the one place it is read from the raw schema.
select
    file_path,
    article_id,
    content_sha256,
    size_bytes,
    mtime_ns,
    status,
    duplicate_of,
    extractor_version,
    first_seen_at,
    last_seen_at,
    changed_at,
    run_id
from {{ source('raw', 'article_ledger') }}
