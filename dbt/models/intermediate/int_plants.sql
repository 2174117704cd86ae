-- Plants keyed by operator and city, so that every way an article names a plant meets.
with plant_facts as (
    select
        {{ plant_key('plant_operator', 'plant_city') }} as plant_key,
        plant_operator,
        plant_city,
        subject,
        scope,
        status,
        fact_type,
        ingested_at
    from {{ ref('stg_fact_mentions') }}
    where fact_type in (
        select registry.fact_type from {{ ref('fact_types') }} as registry
        where registry.family in ('plant_metric', 'plant_event')
    )
),

named as (
    -- A plant's own name ("Kia Qazaqstan LLP Plant") beats a made-up label ("Kia plant (...)").
    select
        plant_key,
        subject as plant_name,
        row_number() over (
            partition by plant_key
            order by
                scope is not null,
                subject like '%(%',
                subject = plant_operator,
                {{ dbt.length("subject") }} desc,
                subject
        ) as rank_in_plant
    from plant_facts
)

select
    plant_facts.plant_key,
    max(named.plant_name) as plant_name,
    max(plant_facts.plant_operator) as operator,
    max(plant_facts.plant_city) as city,
    case
        when {{ dbt.bool_or("plant_facts.status = 'actual'") }} then 'operating'
        else 'planned'
    end as status
from plant_facts
left join named
    on plant_facts.plant_key = named.plant_key and named.rank_in_plant = 1
group by plant_facts.plant_key
