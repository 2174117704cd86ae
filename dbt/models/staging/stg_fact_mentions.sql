with facts as (
    select * from {{ source('raw', 'fact_mentions') }}
)

-- The id hashes the value in thousandths as an integer: "134000.0" in one engine and
-- "134000" in another would otherwise give one fact two ids.

select
    {{ dbt.hash(dbt.concat([
        "article_id", "'|'", "fact_type", "'|'",
        dbt.cast("char_start", api.Column.translate_type("string")), "'|'",
        "coalesce(" ~ dbt.cast(dbt.cast("round(value * 1000)", api.Column.translate_type("bigint")), api.Column.translate_type("string")) ~ ", '')", "'|'",
        "coalesce(period, '')", "'|'", "coalesce(model, '')", "'|'", "coalesce(subject, '')"
    ])) }} as fact_id,
    article_id,
    fact_type,
    subject,
    location,
    period,
    period_start,
    period_end,
    period_grain,
    value,
    unit,
    qualifier,
    status,
    vehicle_type,
    segment,
    scope,
    model,
    milestone,
    plant_operator,
    plant_city,
    evidence,
    char_start,
    char_end,
    confidence,
    ingested_at
from facts
