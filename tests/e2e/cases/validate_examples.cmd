validate examples/lang-son-2024/plan.yaml examples/lang-son-2024/plan.toml
