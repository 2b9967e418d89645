import tests/fixtures/import/city_plan.txt -o examples/lang-son-2024/plan.yaml
