update t2 --plan tests/fixtures/tracking/update-plan --status done --by so-c --date 2024-11-02 --dry-run
