with reference as (
    select
        name,
        kind,
        country_of_origin,
        parent
    from {{ ref('companies') }}
),

mentions as (
    select
        entity_name,
        count(*) as n_mentions,
        count(distinct article_id) as n_articles
    from {{ ref('stg_entity_mentions') }}
    where entity_type = 'company'
    group by entity_name
)

select
    reference.name as company,
    reference.kind as company_kind,
    reference.country_of_origin,
    reference.parent,
    coalesce(mentions.n_mentions, 0) as n_mentions,
    coalesce(mentions.n_articles, 0) as n_articles
from reference
left join mentions on reference.name = mentions.entity_name
