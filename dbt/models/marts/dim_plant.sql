with plants as (
    select * from {{ ref('int_plants') }}
),

locations as (
    select * from {{ ref('int_locations') }}
),

-- A plant named for several cities ("Almaty; Kostanay") lies in each of them: every city
-- of the list is matched, and the plant takes the country they share.
plant_cities as (
    select
        plants.plant_key,
        locations.location_name,
        locations.country,
        locations.latitude,
        locations.longitude
    from plants
    inner join locations
        on {{ dbt.position(
            dbt.concat(["'; '", "locations.location_name", "'; '"]),
            dbt.concat(["'; '", "plants.city", "'; '"])
        ) }} > 0
),

plant_places as (
    select
        plant_key,
        count(distinct location_name) as n_cities,
        count(distinct country) as n_countries,
        max(country) as country,
        max(latitude) as latitude,
        max(longitude) as longitude
    from plant_cities
    group by plant_key
)

select
    plants.plant_key,
    plants.plant_name,
    plants.operator,
    plants.city,
    case when places.n_countries = 1 then places.country end as country,
    -- Coordinates only for a plant in one place.
    case when places.n_cities = 1 then places.latitude end as latitude,
    case when places.n_cities = 1 then places.longitude end as longitude,
    plants.status
from plants
left join plant_places as places on plants.plant_key = places.plant_key
