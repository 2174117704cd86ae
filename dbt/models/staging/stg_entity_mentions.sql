select
    {{ dbt.concat([
        "article_id", "'#'", "entity_type", "'#'",
        dbt.cast("char_start", api.Column.translate_type("string"))
    ]) }} as entity_mention_id,
    article_id,
    sentence_index,
    entity_type,
    name as entity_name,
    surface,
    char_start,
    char_end,
    kind,
    country,
    iso2,
    latitude,
    longitude,
    operator,
    relation,
    relation_country
from {{ source('raw', 'entity_mentions') }}
