gap examples/lang-son-2024/plan.yaml --format markdown --decimal-comma --as-of 2025-06-01
