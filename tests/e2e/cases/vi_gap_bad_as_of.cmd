gap examples/lang-son-2024/plan.yaml --as-of 2024-02-30
