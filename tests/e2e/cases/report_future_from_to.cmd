report examples/lang-son-2024 --from 2025-03-01 --to 2025-03-31 --as-of 2025-02-10
