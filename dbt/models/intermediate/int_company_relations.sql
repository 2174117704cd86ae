-- Which companies make vehicles in a country, and which plan to: one row per sentence.
-- Incremental: each build takes in only the articles the ledger says changed.
{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key='article_id',
    on_schema_change='sync_all_columns',
    pre_hook="{{ delete_emptied_articles(ref('stg_entity_mentions'), 'relation is not null') }}"
) }}

with mentions as (
    select * from {{ ref('stg_entity_mentions') }}
    where relation is not null
    {% if is_incremental() -%}
        and article_id in ({{ changed_articles() }})
    {%- endif %}
),

sentences as (
    select * from {{ ref('stg_sentences') }}
    {% if is_incremental() -%}
    where article_id in ({{ changed_articles() }})
    {%- endif %}
),

relations as (
    select distinct
        mentions.entity_name as company,
        mentions.relation_country as country,
        mentions.relation,
        mentions.article_id,
        sentences.sentence_text as evidence,
        sentences.char_start,
        sentences.char_end
    from mentions
    inner join sentences
        on
            mentions.article_id = sentences.article_id
            and mentions.sentence_index = sentences.sentence_index
),

ledger as (
    {{ ledger_changed_at() }}
)

select
    relations.*,
    ledger.ledger_changed_at
from relations
inner join ledger on relations.article_id = ledger.article_id
