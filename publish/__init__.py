"""Publication, after the checks: the read-only snapshot for BI tools and the HTML brief."""
