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
    {{ provenance_columns() }},
    {{ report_flags("plant_key, coalesce(model, ''), coalesce(milestone, 'production_start')",
                    value_column='period_start', numeric=false) }}
from facts
