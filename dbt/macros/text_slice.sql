{#- The characters of `text` from offset `start` (0-based) to `end`, like Python's
    text[start:end]. Offsets are cast to integer: Postgres has no substring over bigint. -#}
{% macro text_slice(text, start, end) -%}
    substring({{ text }}, {{ dbt.cast(start ~ " + 1", api.Column.translate_type("integer")) }},
              {{ dbt.cast(end ~ " - " ~ start, api.Column.translate_type("integer")) }})
{%- endmacro %}
