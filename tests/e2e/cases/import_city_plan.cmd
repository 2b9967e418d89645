import tests/fixtures/import/city_plan.txt
