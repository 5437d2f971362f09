"""Pure pandas logic: load and validate the curated tables, parse and format quantities."""
