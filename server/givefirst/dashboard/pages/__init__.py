"""Dashboard pages, one module per area; each registers its routes on the blueprint."""
