import subprocess

subprocess.run(["touch", "__OUTSIDE__/marker-subprocess"], check=False)
