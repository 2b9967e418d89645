update t1 t3 --plan tests/fixtures/tracking/update-plan --status 'dang thuc hien' --by so-a --date 2024-11-03 --dry-run
