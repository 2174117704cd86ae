-- Which companies make vehicles in a country, and which plan to, as the articles say.
with relations as (
    select
        mentions.entity_name as company,
        mentions.relation_country as country,
        mentions.relation,
        mentions.article_id,
        sentences.sentence_text as evidence,
        sentences.char_start,
        sentences.char_end
    from {{ ref('stg_entity_mentions') }} as mentions
    inner join {{ ref('stg_sentences') }} as sentences
        on mentions.article_id = sentences.article_id
        and mentions.sentence_index = sentences.sentence_index
    where mentions.relation is not null
),

deduplicated as (
    select distinct * from relations
),

dated as (
    select
        deduplicated.*,
        articles.published_at,
        articles.ingested_at,
        articles.is_retired
    from deduplicated
    inner join {{ ref('stg_articles') }} as articles
        on deduplicated.article_id = articles.article_id
)

select
    {{ dbt.hash(dbt.concat(["company", "'|'", "country", "'|'", "relation", "'|'", "article_id",
                            "'|'", dbt.cast("char_start", api.Column.translate_type("string"))])) }}
        as presence_id,
    company,
    country,
    relation,
    {{ provenance_columns() }},
    {{ report_flags('company, country, relation', value_column='relation', numeric=false) }}
from dated
