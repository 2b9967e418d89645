gap examples/lang-son-2024/plan.yaml --format json --as-of 2025-06-01
