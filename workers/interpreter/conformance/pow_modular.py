# Three-argument pow: modular exponentiation, negative exponents invert the base, the result takes the modulus's sign.
print(pow(3, -1, 7), pow(38, -1, 97), pow(2, -2, 5), pow(-3, -1, 7), pow(3, -1, -7), pow(3, 2, -7), pow(3, -2, -7))
print(pow(2, 10, 1000), pow(-2, 3, 5), pow(5, 0, 1), pow(5, 0, -1), pow(0, 0, 1), pow(2, -1, 1), pow(True, 2, 3))
print(pow(2**100, -1, 2**61 - 1), pow(7, 2**70, 10**30 + 57), pow(12345678901234567, 3, 10**40))
# An RSA round trip.
p, q, e = 1000000007, 998244353, 65537
n, phi = p * q, (p - 1) * (q - 1)
d = pow(e, -1, phi)
message = 424242424242
cipher = pow(message, e, n)
print(d, cipher, pow(cipher, d, n) == message, (d * e) % phi)
for args in [(2, -1, 4), (0, -1, 5), (4, -1, -2), (2, 3, 0), (2, 3.0, 5), (2.0, 3, 5), (2, 3, 5.0), (3, "a", 5), ("3", 2, 5)]:
    try:
        print(pow(*args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
