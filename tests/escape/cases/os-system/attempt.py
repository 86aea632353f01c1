import os

os.system("touch __OUTSIDE__/marker-os-system")
