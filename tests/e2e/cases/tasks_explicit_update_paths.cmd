tasks examples/lang-son-2024/plan.yaml examples/lang-son-2024/updates/2024-10 examples/lang-son-2024/updates/schedule.yaml --overdue --as-of 2024-11-05
