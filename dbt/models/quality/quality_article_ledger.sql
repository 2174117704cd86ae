-- The article ledger at a glance: how many files are live, duplicated, rejected or retired.
select
    status,
    count(*) as file_count,
    max(last_seen_at) as last_seen_at
from {{ ref('stg_article_ledger') }}
group by status
