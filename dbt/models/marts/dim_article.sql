with articles as (
    select * from {{ ref('stg_articles') }}
),

fact_counts as (
    select
        article_id,
        count(*) as fact_count
    from {{ ref('stg_fact_mentions') }}
    group by article_id
)

select
    articles.article_id,
    articles.title,
    articles.published_at,
    articles.source_url,
    articles.content_sha256,
    articles.language,
    articles.has_language_pack,
    articles.ingested_at,
    articles.retired_at,
    coalesce(fact_counts.fact_count, 0) as fact_count
from articles
left join fact_counts on articles.article_id = fact_counts.article_id
