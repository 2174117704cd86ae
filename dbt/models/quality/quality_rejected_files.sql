-- The quarantine at a glance: how many files were rejected, for which reason.
select
    reason,
    count(*) as file_count,
    min(message) as example_message
from {{ ref('stg_rejected_files') }}
group by reason
