# Word statistics over a text.
text = """The quick brown fox jumps over the lazy dog.
The dog sleeps; the fox runs away!"""
words = [w.strip(".,;!").lower() for w in text.split()]
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
print(len(words), len(freq), top)
print(max(words, key=len), sorted(set(words))[:4], text.count("the"), text.lower().count("the"))
lines = text.splitlines()
print([len(line) for line in lines], lines[1].upper(), " | ".join(l[:9] for l in lines))
print({w: len(w) for w in words if len(w) > 4})
caps = "".join(w[0].upper() for w in words)
print(caps, caps[::-1], caps.find("F"))
