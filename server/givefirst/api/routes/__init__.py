"""API routes, one module per area of the contract in docs/product.md."""
