{{ vehicle_fact_mart('ev_stock') }}
