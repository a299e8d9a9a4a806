import time
t = time.gmtime(1700000000)
print(t)
print(t.tm_year, t[0], t[-1], len(t), tuple(t), list(t)[:3], t == tuple(t))
print(time.strftime('%Y-%m-%d %H:%M:%S %a %A %b %B %j %U %W %w %y %p %I %%', t))
print(time.strftime('%c | %x | %X | %D %T %F %e', t))
print(time.asctime(t), time.strftime('%H:%M', (2024, 3, 5, 14, 7, 9, 1, 65, 0)))
print(time.gmtime(0), time.asctime(time.gmtime(86400 * 365.25 * 30)))
lt = time.localtime()
print(type(lt).__name__, isinstance(time.mktime(lt), float), abs(time.mktime(lt) - time.time()) < 2, len(time.ctime()) == 24)
print(time.localtime(1700000000).tm_hour == time.gmtime(1700000000 - time.timezone).tm_hour)
for bad in [lambda: time.strftime('%Y', 5), lambda: time.strftime('%Y', (1, 2))]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
