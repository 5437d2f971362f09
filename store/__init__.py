"""The database behind the dashboard: SQLite by default, PostgreSQL through DATABASE_URL.

Curated tables (sources, figures, links, tasks, places) are seeded from data/ on first start; every
change afterwards goes through `store.edit`, in one transaction with its audit row.
"""
