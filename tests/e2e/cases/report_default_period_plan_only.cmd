report examples/lang-son-2024/plan.yaml --source-revisions none --format csv
