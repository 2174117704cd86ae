{#-
    How many articles report the same natural key, whether they disagree, and which report is
    the latest. Reports are kept side by side and never averaged. Numbers disagree when they
    differ by more than half a percent; other values (dates) when they differ at all. Reports of
    retired articles are compared only with each other.
-#}
{% macro report_flags(natural_key, value_column='value', numeric=true) -%}
    {%- set window = "over (partition by " ~ natural_key ~ ", is_retired)" -%}
    count(*) {{ window }} as n_reports,
    {% if numeric -%}
    coalesce(
        max({{ value_column }}) {{ window }} - min({{ value_column }}) {{ window }}
            > 0.005 * abs(max({{ value_column }}) {{ window }}),
        false
    ) as has_conflict,
    {%- else -%}
    coalesce(max({{ value_column }}) {{ window }} <> min({{ value_column }}) {{ window }}, false)
        as has_conflict,
    {%- endif %}
    row_number() over (
        partition by {{ natural_key }}, is_retired
        order by published_at desc nulls last, ingested_at desc, article_id desc, char_start
    ) = 1 as is_latest_report
{%- endmacro %}
