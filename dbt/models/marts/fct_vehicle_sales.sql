{{ vehicle_fact_mart('vehicle_sales') }}
