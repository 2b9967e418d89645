gap examples/lang-son-2024/plan.yaml --csv-dialect excel-vi --format markdown
