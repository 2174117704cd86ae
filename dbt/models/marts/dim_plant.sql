with plants as (
    select * from {{ ref('int_plants') }}
),

locations as (
    select * from {{ ref('int_locations') }}
)

select
    plants.plant_key,
    plants.plant_name,
    plants.operator,
    plants.city,
    coalesce(locations.country, plants.city) as country,
    locations.latitude,
    locations.longitude,
    plants.status
from plants
left join locations on plants.city = locations.location_name
