with fact_types as (
    select
        fact_type,
        metric,
        unit as registry_unit
    from {{ ref('fact_types') }}
    where family = 'plant_metric'
),

metrics as (
    -- The metric of each plant figure, as the fact-type registry names it.
    select
        facts.*,
        fact_types.metric,
        case when fact_types.registry_unit = 'currency' then facts.unit end as currency
    from {{ ref('int_facts') }} as facts
    inner join fact_types on facts.fact_type = fact_types.fact_type
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
