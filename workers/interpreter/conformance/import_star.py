# from math import * brings the public names.
from math import *
print(sqrt(81), floor(3.9), pi > 3)
