raise RuntimeError(open("__CANARY_FILE__").read())
