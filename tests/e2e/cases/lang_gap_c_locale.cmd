gap examples/lang-son-2024 --as-of 2026-11-29
