-- Every place the warehouse knows: reference countries and places, and places the articles name.
with reference_countries as (
    select
        name as location_name,
        'country' as location_kind,
        name as country,
        iso2,
        latitude,
        longitude,
        1 as priority
    from {{ ref('countries') }}
),

reference_places as (
    select
        places.name as location_name,
        places.kind as location_kind,
        places.country,
        countries.iso2,
        places.latitude,
        places.longitude,
        1 as priority
    from {{ ref('place_aliases') }} as places
    left join {{ ref('countries') }} as countries on places.country = countries.name
),

mentioned as (
    select
        entity_name as location_name,
        case when kind = 'country_adjective' then 'country' else kind end as location_kind,
        country,
        iso2,
        latitude,
        longitude,
        2 as priority
    from {{ ref('stg_entity_mentions') }}
    where entity_type = 'place'
),

candidates as (
    select * from reference_countries
    union all
    select * from reference_places
    union all
    select * from mentioned
),

ranked as (
    select
        *,
        row_number() over (
            partition by location_name
            order by priority, latitude is null, location_kind
        ) as rank_in_name
    from candidates
)

select
    location_name,
    location_kind,
    country,
    iso2,
    latitude,
    longitude
from ranked
where rank_in_name = 1
