select
    article_id,
    file_path,
    reason,
    message,
    size_bytes,
    run_id,
    ingested_at
from {{ source('raw', 'rejected_files') }}
