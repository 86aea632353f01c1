import sys

for number in range(10**6):
    print(f"log line {number} " + "x" * 40, file=sys.stderr)
