tasks examples/lang-son-2024/plan.yaml --status done --as-of 2024-11-05
