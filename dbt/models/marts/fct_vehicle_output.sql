{{ vehicle_fact_mart('vehicle_output') }}
