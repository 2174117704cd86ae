select
    article_id,
    title,
    published_at,
    source_url,
    content_sha256,
    n_chars,
    language,
    has_language_pack,
    text as article_text,
    file_path,
    encoding,
    run_id,
    ingested_at,
    retired_at,
    retired_at is not null as is_retired
from {{ source('raw', 'articles') }}
