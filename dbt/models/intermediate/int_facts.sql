-- Facts with their article's dates, their plant key, and the key that says what they measure.
with facts as (
    select * from {{ ref('stg_fact_mentions') }}
),

articles as (
    select article_id, published_at, is_retired from {{ ref('stg_articles') }}
)

select
    facts.*,
    articles.published_at,
    articles.is_retired,
    case
        when facts.fact_type in (
            'plant_capacity', 'plant_investment', 'plant_area', 'plant_robots', 'production_start'
        )
        then {{ plant_key('facts.plant_operator', 'facts.plant_city') }}
    end as plant_key,
    coalesce(facts.scope, 'whole plant') as plant_scope,
    coalesce(facts.location, facts.subject) as geography
from facts
inner join articles on facts.article_id = articles.article_id
