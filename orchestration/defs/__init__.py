"""Assets, checks, sensors and jobs, one module each."""
