{#- A plant is its operator and its city: "Kia Qazaqstan LLP Plant" and "the Kia plant in
    Qostanay" share the key `kia|kostanay`. -#}
{% macro plant_key(operator, city) -%}
    {{ dbt.concat(["lower(coalesce(" ~ operator ~ ", 'unknown'))", "'|'",
                   "lower(coalesce(" ~ city ~ ", 'unknown'))"]) }}
{%- endmacro %}
