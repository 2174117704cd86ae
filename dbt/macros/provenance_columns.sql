{#- Where every fact row comes from: its article and its language, the sentence and its span, and whether the
    article's file has left the folder. -#}
{% macro provenance_columns() -%}
    article_id,
    published_at,
    language,
    evidence,
    char_start,
    char_end,
    is_retired
{%- endmacro %}
