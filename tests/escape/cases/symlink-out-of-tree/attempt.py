raise RuntimeError(open("leak.txt").read())
