tasks examples/lang-son-2024 --lang vi --owner phong-kinh-t
