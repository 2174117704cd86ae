-- Which companies make vehicles in a country, and which plan to, as the articles say.
with relations as (
    select * from {{ ref('int_company_relations') }}
),

dated as (
    select
        relations.company,
        relations.country,
        relations.relation,
        relations.article_id,
        relations.evidence,
        relations.char_start,
        relations.char_end,
        articles.published_at,
        articles.language,
        articles.ingested_at,
        articles.is_retired
    from relations
    inner join {{ ref('stg_articles') }} as articles
        on relations.article_id = articles.article_id
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
