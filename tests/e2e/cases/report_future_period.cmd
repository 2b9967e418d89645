report examples/lang-son-2024 --period 2025-03 --as-of 2025-02-10
