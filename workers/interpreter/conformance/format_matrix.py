# A grid of values and format specs: ties (2.5, 0.125), exponents, grouping, zero padding, signs.
floats = [0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 2.675, 1.005, 9.995, 0.045, 1e-7, 123456.789,
          -98765.4321, 1e16, 1e22, 5e-324, 1.7976931348623157e308, 2 ** 53 + 0.0, 1 / 3, 1e300 * 1e10]
float_specs = [".0f", ".1f", ".2f", ".3f", ".0e", ".2e", "e", "g", ".1g", ".3g", "#g", ".10g", ".0%", ".2%",
               ",.2f", "_.1f", "+.2f", " .1f", "12.3f", "<12.2e", "^15.4g", "015.2f", "=+12.1f", "010,.1f", "E", "G", ""]
for v in floats:
    print(repr(v), " ".join(format(v, spec) for spec in float_specs))
    print("  round:", round(v, 2) if v == v and abs(v) != float("inf") else "-", "%.3f %g %.2e %5.1f%%" % (v, v, v, v))
ints = [0, 1, -1, 7, -42, 255, 1000, 65535, -10 ** 9, 2 ** 31, 2 ** 64, -(2 ** 70), 123456789]
int_specs = ["d", "x", "X", "#x", "o", "#o", "b", "#b", ",", "_", "_x", "_b", "+d", " d", "08d", "<8d", ">8",
             "^9", "=+10d", "010,", "06,", "#010x", "*^12,", "e", ".2f", "%", "g", ""]
for n in ints:
    print(n, " ".join(format(n, spec) for spec in int_specs))
    print("  %:", "%5d|%-5d|%05d|%x|%o|%+d|%.3d" % (n, n, n, n, n, n, n), round(n, -2), round(n, -1))
for s in ["", "a", "hello", "héllo", "with space"]:
    print(repr(s), "|".join(format(s, spec) for spec in ["", "s", ">10", "<10", "^10", "*^11", ".2", "10.3"]), "%5s|%-5s|%.2s|%r" % (s, s, s, s))
