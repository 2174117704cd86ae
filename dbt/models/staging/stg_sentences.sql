{% set index_text = dbt.cast("sentence_index", api.Column.translate_type("string")) %}
select
    {{ dbt.concat(["article_id", "'#'", index_text]) }} as sentence_id,
    article_id,
    sentence_index,
    block_kind,
    paragraph,
    char_start,
    char_end,
    text as sentence_text
from {{ source('raw', 'sentences') }}
