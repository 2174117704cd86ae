with facts as (
    select * from {{ ref('int_facts') }}
    where fact_type in ('plant_capacity', 'plant_investment', 'plant_area', 'plant_robots')
),

metrics as (
    select
        *,
        case fact_type
            when 'plant_capacity' then 'capacity_vehicles_per_year'
            when 'plant_investment' then 'investment'
            when 'plant_area' then 'area_m2'
            when 'plant_robots' then 'robots'
        end as metric,
        case when fact_type = 'plant_investment' then unit end as currency
    from facts
)

select
    fact_id,
    plant_key,
    plant_scope,
    subject,
    metric,
    value,
    unit,
    currency,
    case when currency = 'USD' then value end as value_usd,
    qualifier,
    status,
    period,
    period_start,
    {{ provenance_columns() }},
    {{ report_flags('plant_key, metric, plant_scope') }}
from metrics
