import tests/fixtures/import/province_plan.txt
