{#- The vehicle-count marts (output, sales, EV stock) share one shape: the reports of one fact
    type with their provenance and report flags. -#}
{% macro vehicle_fact_mart(fact_type) -%}
with facts as (
    select * from {{ ref('int_facts') }}
    where fact_type = '{{ fact_type }}'
)

select
    fact_id,
    geography,
    subject,
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
    {{ provenance_columns() }},
    {{ report_flags("subject, geography, period_start, period_end, coalesce(vehicle_type, 'all'), coalesce(segment, 'all')") }}
from facts
{%- endmacro %}
