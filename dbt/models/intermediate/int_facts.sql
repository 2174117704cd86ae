-- Facts with their article's dates, their plant key, and the key that says what they measure.
-- Incremental: each build takes in only the articles the ledger says changed.
{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key='article_id',
    on_schema_change='sync_all_columns',
    pre_hook="{{ delete_emptied_articles(ref('stg_fact_mentions')) }}"
) }}

with facts as (
    select * from {{ ref('stg_fact_mentions') }}
    {% if is_incremental() -%}
    where article_id in ({{ changed_articles() }})
    {%- endif %}
),

articles as (
    select
        article_id,
        published_at,
        language,
        is_retired
    from {{ ref('stg_articles') }}
),

ledger as (
    {{ ledger_changed_at() }}
),

fact_types as (
    select
        fact_type,
        family
    from {{ ref('fact_types') }}
)

select
    facts.*,
    articles.published_at,
    articles.language,
    articles.is_retired,
    case
        when fact_types.family in ('plant_metric', 'plant_event')
            then {{ plant_key('facts.plant_operator', 'facts.plant_city') }}
    end as plant_key,
    coalesce(facts.scope, 'whole plant') as plant_scope,
    coalesce(facts.location, facts.subject) as geography,
    ledger.ledger_changed_at
from facts
inner join articles on facts.article_id = articles.article_id
left join fact_types on facts.fact_type = fact_types.fact_type
inner join ledger on facts.article_id = ledger.article_id
