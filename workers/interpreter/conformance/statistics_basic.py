import statistics
from statistics import mean, median, mode, stdev, pstdev, variance, pvariance, StatisticsError

datasets = [[2, 4, 4, 4, 5, 5, 7, 9], [1, 2, 3, 4], [1.5, 2.5, 3.25], [1e50, 1, -1e50] * 10, [0.1] * 10,
            [True, 2, 3], [1, 2.5], [3, 1, 2, 5]]
for data in datasets:
    print(mean(data), median(data), statistics.median_low(data), statistics.median_high(data), statistics.fmean(data))
    print(variance(data), pvariance(data), stdev(data), pstdev(data), statistics.quantiles(data))
print(statistics.geometric_mean([54, 24, 36]), statistics.harmonic_mean([40, 60]), statistics.harmonic_mean([2.5]))
print(mode([1, 1, 2, 3, 3, 3]), mode("aabbbc"), statistics.multimode("aabbcd"), statistics.multimode([]))
print(statistics.median_grouped([52, 52, 53, 54]), statistics.median_grouped([1, 3, 3, 5, 7], interval=2))
print(statistics.quantiles(range(1, 11), n=10), statistics.quantiles([1, 2, 3, 4, 5], n=4, method="inclusive"))
print(variance([1, 2, 3, 4], xbar=2.5), pstdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75], mu=2.875))
print(statistics.fmean([3.5, 4.0, 5.25], weights=[1, 2, 3]))
x, y = [1, 2, 3, 4, 5], [2, 4, 5, 4, 5]
print(statistics.covariance(x, y), statistics.correlation(x, y), statistics.linear_regression(x, y))
print(statistics.linear_regression(x, y, proportional=True))
timings = [0.52, 0.48, 0.50, 0.55, 0.47]
print(f"mean {mean(timings):.3f} s, stdev {stdev(timings):.4f} s, median {median(timings)}")
for f, args in [(mean, ([],)), (stdev, ([1],)), (variance, ([],)), (median, ([],)), (mode, ([],)),
                (statistics.harmonic_mean, ([1, -1],)), (statistics.geometric_mean, ([],)),
                (statistics.quantiles, ([1],)), (statistics.correlation, ([1, 1], [1, 2])),
                (statistics.fmean, ([],)), (statistics.covariance, ([1], [1, 2]))]:
    try:
        f(*args)
    except StatisticsError as e:
        print(f.__name__, "StatisticsError:", e)
print(issubclass(StatisticsError, ValueError), type(mean([1, 2, 3])).__name__, type(mean([1, 2])).__name__)
