"""What every stage may use: settings, the warehouse lock, a report of what the warehouse holds."""
