-- Articles by language: how many, whether the extractor reads the language, how many facts
-- they gave. Articles in a language without a pack land with no facts, and are counted here.
with articles as (
    select
        article_id,
        coalesce(language, 'unknown') as language,
        has_language_pack
    from {{ ref('stg_articles') }}
    where not is_retired
),

facts as (
    select
        article_id,
        count(*) as fact_count
    from {{ ref('stg_fact_mentions') }}
    group by article_id
)

select
    articles.language,
    {{ dbt.bool_or('articles.has_language_pack') }} as has_language_pack,
    count(*) as article_count,
    count(facts.article_id) as articles_with_facts,
    coalesce(sum(facts.fact_count), 0) as fact_count
from articles
left join facts on articles.article_id = facts.article_id
group by articles.language
