gap examples/lang-son-2024/plan.yaml --as-of 2025-05-30 --lang en
