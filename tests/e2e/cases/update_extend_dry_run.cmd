update t2 --plan tests/fixtures/tracking/update-plan --status 'Hoàn thành' --by so-b --date 2024-11-02 --period 2024-10 --percent 100 --note 'Thu gom đủ; "đạt" 100%' --evidence 12/BC --dry-run
