tasks tests/fixtures/tracking/plan.yaml tests/fixtures/tracking/labels --as-of 2024-11-05 --status 'Hoàn thành' --status 'DANG thuc hien' --format csv
