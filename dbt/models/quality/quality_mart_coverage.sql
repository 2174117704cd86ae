-- One row per fact mart: how many rows, articles and conflicting reports it holds, and the
-- newest period it covers.
{% set marts = [
    ('fct_vehicle_output', 'period_end'),
    ('fct_vehicle_sales', 'period_end'),
    ('fct_ev_stock', 'period_end'),
    ('fct_plant_metric', 'period_start'),
    ('fct_production_start', 'period_end'),
    ('fct_manufacturer_presence', none),
] %}

{% for mart, period_column in marts %}
    select
        '{{ mart }}' as mart,
        count(*) as row_count,
        count(distinct article_id) as article_count,
        sum(case when has_conflict then 1 else 0 end) as conflicting_rows,
        sum(case when is_latest_report then 1 else 0 end) as latest_reports,
        {% if period_column %}max({{ period_column }}){% else %}cast(null as date){% endif %}
            as newest_period_end
    from {{ ref(mart) }}
    {% if not loop.last %}union all{% endif %}
{% endfor %}
