with facts as (
    select * from {{ ref('int_facts') }}
    where fact_type = 'production_start'
)

select
    fact_id,
    plant_key,
    subject,
    model,
    coalesce(milestone, 'production_start') as milestone,
    period,
    period_start,
    period_end,
    period_grain,
    status,
    article_id,
    published_at,
    evidence,
    char_start,
    char_end,
    is_retired,
    {{ report_flags("plant_key, coalesce(model, ''), coalesce(milestone, 'production_start')",
                    value_column='period_start', numeric=false) }}
from facts
