-- Every fact's evidence is the text of its article between its offsets.
select
    facts.fact_id,
    facts.article_id,
    facts.char_start,
    facts.char_end
from {{ ref('int_facts') }} as facts
inner join {{ ref('stg_articles') }} as articles
    on facts.article_id = articles.article_id
where
    {{ text_slice('articles.article_text', 'facts.char_start', 'facts.char_end') }}
    <> facts.evidence
