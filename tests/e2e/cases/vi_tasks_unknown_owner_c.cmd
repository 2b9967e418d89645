tasks examples/lang-son-2024 --owner phong-kinh-t
