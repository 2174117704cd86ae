select
    article_id,
    title,
    published_at,
    source_url,
    content_sha256,
    n_chars,
    text as article_text,
    file_path,
    encoding,
    run_id,
    ingested_at
from {{ source('raw', 'articles') }}
