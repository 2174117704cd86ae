{#-
    Incremental models follow the article ledger: a build takes in only the articles whose
    ledger row changed (`changed_at`) since the newest one the model already holds, and
    replaces all rows of those articles (delete+insert on `article_id`). An article that lost
    every row (its file now rejected, or a new text without facts) loses them in a pre-hook.
-#}
{% macro changed_articles() -%}
    select article_id
    from {{ ref('stg_article_ledger') }}
    where changed_at > (
        select coalesce(max(ledger_changed_at), {{ dbt.cast("'1900-01-01'", api.Column.translate_type("timestamp")) }})
        from {{ this }}
    )
{%- endmacro %}

{% macro ledger_changed_at() -%}
    select article_id, max(changed_at) as ledger_changed_at
    from {{ ref('stg_article_ledger') }}
    group by article_id
{%- endmacro %}

{#- The rows of changed articles that the build will not replace, because the article has no
    qualifying rows any more (`rows_from`: the model's input; `where`: its filter). Deleting
    them can lower the watermark; the articles selected again are replaced whole, so no row is
    doubled. -#}
{% macro delete_emptied_articles(rows_from, where='true') -%}
    {%- if is_incremental() -%}
    delete from {{ this }}
    where article_id in ({{ changed_articles() }})
        and article_id not in (select article_id from {{ rows_from }} where {{ where }})
    {%- endif -%}
{%- endmacro %}
