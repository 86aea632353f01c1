raise RuntimeError("read: " + input())
