# A formatted text table with alignment and totals.
rows = [("alpha", 3, 1.5), ("beta", 12, 0.25), ("gamma", 7, 10.0)]
header = f"{'name':<8}{'count':>6}{'price':>8}{'total':>9}"
print(header)
print("-" * len(header))
grand = 0
for name, count, price in rows:
    total = count * price
    grand += total
    print(f"{name:<8}{count:>6}{price:>8.2f}{total:>9.2f}")
print("=" * len(header))
print(f"{'sum':<8}{sum(r[1] for r in rows):>6}{'':>8}{grand:>9.2f}")
print("{:^30}".format("centered"), "|{:-^10}|".format(""), "{:>{}}".format("w", 4))
