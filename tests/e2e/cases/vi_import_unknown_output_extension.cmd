import --lang vi tests/fixtures/import/city_plan.txt -o plan.json
