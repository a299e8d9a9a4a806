# Inventory records: dicts in lists, grouping and formatting.
items = [
    {"name": "apple", "kind": "fruit", "qty": 3, "price": 0.5},
    {"name": "pear", "kind": "fruit", "qty": 0, "price": 0.75},
    {"name": "leek", "kind": "veg", "qty": 7, "price": 1.2},
    {"name": "kale", "kind": "veg", "qty": 2, "price": 2.0},
]
by_kind = {}
for item in items:
    by_kind.setdefault(item["kind"], []).append(item["name"])
print(by_kind)
in_stock = [i["name"] for i in items if i["qty"]]
value = sum(i["qty"] * i["price"] for i in items)
print(in_stock, value, round(value, 1), f"{value:.2f}")
print("%-6s|%4s|%6s" % ("name", "qty", "price"))
for i in sorted(items, key=lambda i: i["price"]):
    print("%-6s|%4d|%6.2f" % (i["name"], i["qty"], i["price"]))
cheapest = min(items, key=lambda i: i["price"])
print(cheapest["name"], max(i["qty"] for i in items), any(i["qty"] == 0 for i in items))
