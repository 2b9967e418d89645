update t2 --plan tests/fixtures/tracking/update-plan --status done --by so-b --date 2024-12-15 --period 2024-10 --dry-run
