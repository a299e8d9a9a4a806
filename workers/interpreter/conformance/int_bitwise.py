# Bitwise operators and shifts.
print(5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 10, 1024 >> 3, -1 >> 1, -8 >> 1, -1 & 0xff, True & False, True | False, True ^ True)
print(0b1010, 0o17, 0xff, 1_000_000, 0x_ff)
