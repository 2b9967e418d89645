tasks --owner phong-quan-ly-do-thi examples/lang-son-2024/plan.yaml -c 1 --as-of 2024-10-15 -f csv
