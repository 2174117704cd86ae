{#- A date part as an integer (dbt has date_trunc and dateadd, but no portable extract). -#}
{% macro date_part_int(part, column) -%}
    cast(extract({{ part }} from {{ column }}) as integer)
{%- endmacro %}
