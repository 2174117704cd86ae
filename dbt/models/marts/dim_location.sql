select
    location_name as name,
    location_kind as kind,
    country,
    iso2,
    latitude,
    longitude
from {{ ref('int_locations') }}
