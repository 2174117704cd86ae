with days as (
    {{ dbt.date_spine(
        datepart="day",
        start_date=dbt.cast("'" ~ var('first_calendar_date') ~ "'", api.Column.translate_type("date")),
        end_date=dbt.cast("'" ~ var('last_calendar_date') ~ "'", api.Column.translate_type("date"))
    ) }}
)

select
    cast(date_day as date) as date_day,
    {{ date_part_int('year', 'date_day') }} as year,
    {{ date_part_int('quarter', 'date_day') }} as quarter,
    {{ date_part_int('month', 'date_day') }} as month,
    {{ date_part_int('day', 'date_day') }} as day_of_month,
    cast({{ dbt.date_trunc('month', 'date_day') }} as date) as month_start,
    cast({{ dbt.date_trunc('quarter', 'date_day') }} as date) as quarter_start,
    cast({{ dbt.date_trunc('year', 'date_day') }} as date) as year_start
from days
