gap examples/lang-son-2024/plan.yaml --format csv --excel
