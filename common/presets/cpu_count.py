#Number of cores
import os
print(os.cpu_count())
