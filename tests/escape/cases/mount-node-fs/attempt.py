import pyodide_js

pyodide_js.mountNodeFS("/host", "__OUTSIDE__")
print(open("/host/canary.txt").read())
open("/host/marker-mount", "w").write("x")
