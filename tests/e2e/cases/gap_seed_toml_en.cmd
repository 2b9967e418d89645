gap examples/lang-son-2024/plan.toml --lang en
